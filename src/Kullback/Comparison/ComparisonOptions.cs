namespace Kullback.Comparison;

/// <summary>How two datasets are compared: the smoothing, the unit of the information measures, and when a column has drifted.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The defaults: Jeffreys smoothing (a pseudocount of ½ on every bin of both samples), nats, α = 0.05 and PSI ≥ 0.1.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>The pseudocount added to every bin of both samples before any measure; Jeffreys (½) by default, <see cref="Smoothing.None"/> for exact KL with ∞.</summary>
    public Smoothing Smoothing { get; init; } = Smoothing.Jeffreys;

    /// <summary>The unit of the information measures (KL, PSI, JS); nats by default.</summary>
    public InformationUnit Unit { get; init; }

    /// <summary>α, the effect measure and its threshold.</summary>
    public DriftCriteria Criteria { get; init; } = DriftCriteria.Default;

    /// <summary>
    /// When positive, each column's p-value is a seeded permutation p-value of its G statistic, (1 + #{G* ≥ G})/(N + 1)
    /// over this many random relabellings of the rows (both sample sizes kept), instead of the χ² approximation, which
    /// is poor when bins hold few values. 0 (the default) keeps the χ² p-value; at most 10⁸.
    /// </summary>
    public int Permutations { get; init; }

    /// <summary>The seed of the permutations: the same seed gives the same p-values.</summary>
    public int Seed { get; init; }
}
