using System.Globalization;
using System.Text;
using Kullback.Comparison;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// What must be identical whichever engines produced a comparison: per column the kind, the rule, every bin with both
/// counts, every binned measure, the G-test and the verdict, written with every digit (round-trip doubles), so that
/// two comparisons are equal exactly when their signatures are.
/// </summary>
internal static class ComparisonSignature
{
    public static string Of(DatasetComparison comparison)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"rows {comparison.Reference.Rows} {comparison.Current.Rows}; drift {comparison.DriftFound}\n"));
        foreach (var column in comparison.Columns) text.Append(Of(column)).Append('\n');
        return text.ToString();
    }

    public static string Of(ColumnComparison column)
    {
        var m = column.Measures;
        var text = new StringBuilder(Invariant($"{column.Name} {column.Kind} {column.Rule}:"));
        for (int i = 0; i < column.Histogram.Count; i++)
            text.Append(Invariant($" [{column.Histogram.Bins[i].Label}] {column.Histogram.Reference[i]}/{column.Histogram.Current[i]}"));
        text.Append(Invariant($"; KL {R(m.KullbackLeiblerReferenceCurrent.Nats)} {R(m.KullbackLeiblerCurrentReference.Nats)} PSI {R(m.PopulationStabilityIndex.Nats)}"))
            .Append(Invariant($" JS {R(m.JensenShannonDivergence.Nats)} H {R(m.Hellinger)} TV {R(m.TotalVariation)}"))
            .Append(Invariant($"; G {R(column.Test.Statistic)} df {column.Test.DegreesOfFreedom} p {R(column.Test.PValue)}"))
            .Append(Invariant($"; new [{string.Join(",", column.NewCategories)}] vanished [{string.Join(",", column.VanishedCategories)}]"))
            .Append(Invariant($"; verdict {column.Verdict.Drifted} {column.Verdict.Significant} {R(column.Verdict.AdjustedPValue)} {R(column.Verdict.Effect)}"));
        return text.ToString();
    }

    /// <summary>The fine-histogram bounds that depend on counts and extremes only (not on the engine's standard deviation).</summary>
    public static string OfBounds(TwoSampleBounds b) =>
        Invariant($"KS {b.KolmogorovSmirnovStatistic} {R(b.KolmogorovSmirnovStatistic.Lower)} {R(b.KolmogorovSmirnovStatistic.Upper)} p {R(b.KolmogorovSmirnovPValue.Lower)} {R(b.KolmogorovSmirnovPValue.Upper)}")
        + Invariant($" W {R(b.Wasserstein.Lower)} {R(b.Wasserstein.Upper)} CvM {R(b.CramerVonMisesStatistic?.Lower ?? double.NaN)} {R(b.CramerVonMisesStatistic?.Upper ?? double.NaN)}");

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
