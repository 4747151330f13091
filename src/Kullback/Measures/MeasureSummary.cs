namespace Kullback;

/// <summary>
/// Every measure between two distributions at once, in one unit: what <c>kullback measure</c> prints.
/// </summary>
/// <remarks>
/// Unit-bearing measures (entropies, divergences, Bhattacharyya, Rényi) are in <see cref="Unit"/>; the Jensen–Shannon
/// distance is the square root of the divergence in that unit; Hellinger, total variation and χ² have no unit.
/// </remarks>
public sealed record MeasureSummary
{
    /// <summary>The keys of <see cref="ToDictionary"/>, in order; those of the shared reference file.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "jeffreys",
        "js_divergence", "js_distance", "hellinger", "total_variation", "bhattacharyya", "chi2_pearson",
        "renyi_0.5", "renyi_2",
    ];

    /// <summary>The keys whose values carry no unit.</summary>
    public static IReadOnlySet<string> UnitlessKeys { get; } = new HashSet<string> { "hellinger", "total_variation", "chi2_pearson" };

    private readonly IReadOnlyDictionary<string, double> _values;

    private MeasureSummary(InformationUnit unit, int count, IReadOnlyDictionary<string, double> values)
    {
        Unit = unit;
        Count = count;
        _values = values;
    }

    /// <summary>The unit of the unit-bearing measures.</summary>
    public InformationUnit Unit { get; }

    /// <summary>The number of outcomes.</summary>
    public int Count { get; }

    /// <summary>The value of the measure named <paramref name="key"/> (one of <see cref="Keys"/>).</summary>
    public double this[string key] => _values[key];

    /// <summary>All values by key, in the order of <see cref="Keys"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> ToDictionary() => Keys.Select(k => new KeyValuePair<string, double>(k, _values[k])).ToList();

    /// <summary>Computes every measure between <paramref name="p"/> and <paramref name="q"/>.</summary>
    /// <exception cref="ArgumentException">As for the individual measures.</exception>
    public static MeasureSummary Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default)
    {
        var values = new Dictionary<string, double>
        {
            ["entropy_p"] = Measures.Entropy(p, unit),
            ["entropy_q"] = Measures.Entropy(q, unit),
            ["cross_entropy_pq"] = Measures.CrossEntropy(p, q, unit),
            ["cross_entropy_qp"] = Measures.CrossEntropy(q, p, unit),
            ["kl_pq"] = Measures.KullbackLeibler(p, q, unit),
            ["kl_qp"] = Measures.KullbackLeibler(q, p, unit),
            ["jeffreys"] = Measures.Jeffreys(p, q, unit),
            ["js_divergence"] = Measures.JensenShannonDivergence(p, q, unit),
            ["js_distance"] = Measures.JensenShannonDistance(p, q, unit),
            ["hellinger"] = Measures.Hellinger(p, q),
            ["total_variation"] = Measures.TotalVariation(p, q),
            ["bhattacharyya"] = Measures.Bhattacharyya(p, q, unit),
            ["chi2_pearson"] = Measures.PearsonChiSquared(p, q),
            ["renyi_0.5"] = Measures.Renyi(p, q, 0.5, unit),
            ["renyi_2"] = Measures.Renyi(p, q, 2.0, unit),
        };
        return new MeasureSummary(unit, p.Length, values);
    }
}
