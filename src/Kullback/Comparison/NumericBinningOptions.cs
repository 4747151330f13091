using System.Globalization;
namespace Kullback.Comparison;

/// <summary>How numeric bins are chosen from the reference. Every value has a stated default.</summary>
/// <remarks>
/// <para>When the reference has at most <see cref="PerValueThreshold"/> distinct values the column is binned per value,
/// whatever the rule (a column of 0/1 flags or small integers is a categorical distribution over numbers).</para>
/// </remarks>
public sealed record NumericBinningOptions
{
    /// <summary>The default options: 10 quantile bins, per-value binning up to 20 distinct values, at most 100 bins for <c>auto</c>.</summary>
    public static NumericBinningOptions Default { get; } = new();

    /// <summary>The rule for the edges: <see cref="BinningRule.Quantile"/> (default), <see cref="BinningRule.Width"/>, or
    /// <see cref="BinningRule.FreedmanDiaconis"/> / <see cref="BinningRule.Doane"/> chosen by <see cref="Auto"/>.</summary>
    public BinningRule Rule { get; init; } = BinningRule.Quantile;

    /// <summary>True for <c>auto</c>: Freedman–Diaconis or Doane decide the number of equal-width bins; overrides <see cref="Rule"/>.</summary>
    public bool Auto { get; init; }

    /// <summary>The number of bins asked for by the quantile and width rules (fewer remain when quantiles coincide); default 10.</summary>
    public int BinCount { get; init; } = 10;

    /// <summary>Columns with at most this many distinct reference values are binned per value; default 20; 0 turns it off.</summary>
    public int PerValueThreshold { get; init; } = 20;

    /// <summary>The most bins <c>auto</c> may make; Freedman–Diaconis giving more falls back to Doane; default 100.</summary>
    public int AutoMaximumBins { get; init; } = 100;

    internal void Validate()
    {
        if (BinCount < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The bin count {BinCount} is not valid: at least 1 bin is needed."), nameof(BinCount));
        if (PerValueThreshold < 0)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The per-value threshold {PerValueThreshold} is negative: use 0 to turn per-value binning off."), nameof(PerValueThreshold));
        if (AutoMaximumBins < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The auto bin limit {AutoMaximumBins} is not valid: at least 1 bin is needed."), nameof(AutoMaximumBins));
        if (Rule is not (BinningRule.Quantile or BinningRule.Width))
            throw new InvalidArgumentException($"The rule {Rule} cannot be asked for: choose Quantile or Width, or set Auto for Freedman–Diaconis/Doane.", nameof(Rule));
    }
}
