namespace Kullback.Comparison;

/// <summary>How the numeric bin edges of a column were chosen (always from the reference sample only).</summary>
public enum BinningRule
{
    /// <summary>Edges at the reference's quantiles (type 1, the inverse empirical CDF), duplicates removed. The default.</summary>
    Quantile,

    /// <summary>Equal-width bins over the reference's range [min, max].</summary>
    Width,

    /// <summary>Equal-width bins of width 2·IQR·n^(−1/3) (Freedman–Diaconis), chosen by <c>auto</c> when the IQR is positive and the rule gives at most <see cref="NumericBinningOptions.AutoMaximumBins"/> bins.</summary>
    FreedmanDiaconis,

    /// <summary>
    /// Equal-width bins, 1 + log₂ n + log₂(1 + |g₁|/σ_g₁) of them (Doane), chosen by <c>auto</c> when the IQR is 0
    /// or Freedman–Diaconis would give too many bins (heavy tails).
    /// </summary>
    Doane,

    /// <summary>One bin per distinct reference value (low-cardinality numerics): edges at the distinct values.</summary>
    PerValue,

    /// <summary>The reference has no non-missing value: one bin (−∞, +∞).</summary>
    Unbounded,
}
