using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Additive smoothing, explicit and named: a pseudocount a added to every bin of both samples before proportions are
/// taken, pᵢ = (countᵢ + a) / (n + a·B) over the B bins listed. The default is Jeffreys' a = ½.
/// </summary>
/// <remarks>
/// With <see cref="None"/> (a = 0) the proportions are the raw ones: a bin one sample has and the other lacks makes
/// the Kullback–Leibler divergences and PSI +∞, and <see cref="DriftMeasures"/> names the bins that did it. The
/// proportions always sum to 1 (no fixed ε filled into empty bins without renormalising).
/// </remarks>
public readonly record struct Smoothing
{
    private Smoothing(double pseudocount) => Pseudocount = pseudocount;

    /// <summary>a = ½ (Jeffreys' prior, the Krichevsky–Trofimov estimator). The default.</summary>
    public static Smoothing Jeffreys { get; } = new(0.5);

    /// <summary>a = 1 (Laplace's rule of succession).</summary>
    public static Smoothing Laplace { get; } = new(1.0);

    /// <summary>a = 0: exact proportions, with +∞ divergences where a bin is empty on one side only.</summary>
    public static Smoothing None { get; } = new(0.0);

    /// <summary>Any pseudocount a ≥ 0.</summary>
    /// <exception cref="InvalidArgumentException"><paramref name="pseudocount"/> is negative, NaN or infinite.</exception>
    public static Smoothing Of(double pseudocount) =>
        pseudocount >= 0 && double.IsFinite(pseudocount) ? new Smoothing(pseudocount)
        : throw new InvalidArgumentException(
            $"The pseudocount {pseudocount.ToString("R", CultureInfo.InvariantCulture)} is not valid: it must be finite and at least 0 (0 means no smoothing).", nameof(pseudocount));

    /// <summary>The pseudocount a added to every bin of both samples; default(Smoothing) is <see cref="None"/>.</summary>
    public double Pseudocount { get; }

    /// <summary>True for a = 0.</summary>
    public bool IsNone => Pseudocount == 0;

    /// <summary><c>none</c>, <c>jeffreys (a = 0.5)</c>, <c>laplace (a = 1)</c> or <c>pseudocount a = 0.01</c>.</summary>
    public override string ToString() =>
        Pseudocount == 0 ? "none"
        : Pseudocount == 0.5 ? "jeffreys (a = 0.5)"
        : Pseudocount == 1 ? "laplace (a = 1)"
        : string.Create(CultureInfo.InvariantCulture, $"pseudocount a = {Pseudocount:R}");
}
