using System.Text.Json;
using Kullback.Comparison;

namespace Kullback.Cli.Commands.Compare;

/// <summary>
/// The comparison as the versioned object <c>kullback.compare/1</c>, documented in the README. Counts are exact integers,
/// an infinite measure is the string "Infinity", information measures are in <c>unit</c>.
/// </summary>
internal static class CompareJson
{
    public const string Schema = "kullback.compare/1";

    public static void Write(TextWriter output, DatasetComparison c, IReadOnlyList<string> charts) =>
        JsonOutput.Write(output, w =>
        {
            var unit = c.Options.Unit;
            var criteria = c.Options.Criteria;
            w.WriteString("schema", Schema);
            w.WriteString("unit", unit.ToString());
            Side(w, "reference", c.Reference);
            Side(w, "current", c.Current);
            w.WriteNumber("alpha", criteria.Alpha);
            w.WriteStartObject("threshold");
            w.WriteString("measure", CompareOptions.Key(criteria.Effect));
            w.WriteNumber("value", criteria.Threshold);
            w.WriteEndObject();
            w.WriteBoolean("drift", c.DriftFound);
            w.WriteStartArray("columns");
            foreach (var column in c.Columns) Column(w, column, c.Options);
            w.WriteEndArray();
            w.WriteStrings("charts", charts);
        });

    private static void Side(Utf8JsonWriter w, string name, SampleSummary side)
    {
        w.WriteStartObject(name);
        w.WriteString("source", side.Source);
        w.WriteNumber("rows", side.Rows);
        w.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter w, ColumnComparison column, ComparisonOptions options)
    {
        var unit = options.Unit;
        var m = column.Measures;
        w.WriteStartObject();
        w.WriteString("name", column.Name);
        w.WriteString("kind", column.Kind == ColumnKind.Numeric ? "numeric" : "categorical");
        w.WriteString("binning", CompareOptions.RuleKey(column.Rule));
        w.WriteStartArray("bins");
        var h = column.Histogram;
        for (int i = 0; i < h.Count; i++)
        {
            w.WriteStartObject();
            switch (h.Bins[i])
            {
                case RangeBin range:
                    w.WriteString("kind", "range");
                    if (range.Lower is double lower) w.WriteNumber("lower", lower); else w.WriteNull("lower");
                    if (range.Upper is double upper) w.WriteNumber("upper", upper); else w.WriteNull("upper");
                    break;
                case ValueBin value:
                    w.WriteString("kind", "value");
                    w.WriteString("value", value.Value);
                    break;
                case OtherBin:
                    w.WriteString("kind", "other");
                    break;
                default:
                    w.WriteString("kind", "missing");
                    break;
            }
            w.WriteString("label", h.Bins[i].Label);
            w.WriteNumber("reference", h.Reference[i]);
            w.WriteNumber("current", h.Current[i]);
            w.WriteNumberOrInfinity("psi_contribution", m.PopulationStabilityContributions[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("smoothing");
        w.WriteString("method", CompareOptions.SmoothingMethod(options.Smoothing));
        w.WriteNumber("pseudocount", options.Smoothing.Pseudocount);
        w.WriteEndObject();
        w.WriteStartObject("measures");
        w.WriteInformation("kl_reference_current", m.KullbackLeiblerReferenceCurrent, unit);
        w.WriteInformation("kl_current_reference", m.KullbackLeiblerCurrentReference, unit);
        w.WriteInformation("psi", m.PopulationStabilityIndex, unit);
        w.WriteInformation("js_divergence", m.JensenShannonDivergence, unit);
        w.WriteNumberOrInfinity("js_distance", m.JensenShannonDistance);
        w.WriteNumberOrInfinity("hellinger", m.Hellinger);
        w.WriteNumberOrInfinity("total_variation", m.TotalVariation);
        w.WriteEndObject();
        if (column.Distribution is { } d) Distribution(w, d);
        w.WriteStartObject("test");
        w.WriteString("name", "g-test");
        w.WriteNumberOrInfinity("statistic", column.Test.Statistic);
        w.WriteNumber("df", column.Test.DegreesOfFreedom);
        w.WriteNumberOrInfinity("p_value", column.Test.PValue);
        if (column.Permutation is { } permutation)
        {
            w.WriteStartObject("permutation");
            w.WriteNumber("permutations", permutation.Permutations);
            w.WriteNumber("seed", permutation.Seed);
            w.WriteNumber("at_least_as_extreme", permutation.AtLeastAsExtreme);
            w.WriteNumberOrInfinity("p_value", permutation.PValue);
            w.WriteEndObject();
        }
        w.WriteString("p_value_from", column.Permutation is null ? "chi_squared" : "permutation");
        w.WriteNumberOrInfinity("p_adjusted", column.Verdict.AdjustedPValue);
        w.WriteEndObject();
        w.WriteNumberOrInfinity("effect", column.Verdict.Effect);
        w.WriteStrings("new_categories", column.NewCategories);
        w.WriteStrings("vanished_categories", column.VanishedCategories);
        w.WriteBoolean("drift", column.Verdict.Drifted);
        w.WriteEndObject();
    }

    /// <summary>
    /// Exact statistics from the raw values, or from a fine histogram: then each number is the midpoint of an interval
    /// that contains the raw-value statistic, and the intervals are given too.
    /// </summary>
    private static void Distribution(Utf8JsonWriter w, DistributionComparison d)
    {
        w.WriteStartObject("distribution");
        w.WriteString("source", d.IsExact ? "raw_values" : "fine_histogram");
        if (d.Exact is { } e)
        {
            w.WriteNumberOrInfinity("ks_statistic", e.KolmogorovSmirnov.Statistic);
            w.WriteNumberOrInfinity("ks_p_value", e.KolmogorovSmirnov.PValue);
            w.WriteString("ks_method", e.KolmogorovSmirnov.Method.ToString().ToLowerInvariant());
            w.WriteNumberOrInfinity("wasserstein", e.Wasserstein.Distance);
            w.WriteNumberOrInfinity("wasserstein_normalized", e.Wasserstein.Normalized);
            if (e.CramerVonMises is { } cvm)
            {
                w.WriteNumberOrInfinity("cramer_von_mises", cvm.Statistic);
                w.WriteNumberOrInfinity("cvm_p_value", cvm.PValue);
            }
            else
            {
                w.WriteNull("cramer_von_mises");
                w.WriteNull("cvm_p_value");
            }
        }
        else if (d.Bounds is { } b)
        {
            w.WriteNumber("fine_bins", d.FineBins ?? 0);
            w.WriteNumberOrInfinity("ks_statistic", b.KolmogorovSmirnovStatistic.Midpoint);
            Interval(w, "ks_statistic_interval", b.KolmogorovSmirnovStatistic);
            w.WriteNumberOrInfinity("ks_p_value", b.KolmogorovSmirnovPValue.Midpoint);
            Interval(w, "ks_p_value_interval", b.KolmogorovSmirnovPValue);
            w.WriteNumberOrInfinity("wasserstein", b.Wasserstein.Midpoint);
            Interval(w, "wasserstein_interval", b.Wasserstein);
            if (b.NormalizedWasserstein is { } nw)
            {
                w.WriteNumberOrInfinity("wasserstein_normalized", nw.Midpoint);
                Interval(w, "wasserstein_normalized_interval", nw);
            }
            else w.WriteNull("wasserstein_normalized");
            if (b.CramerVonMisesStatistic is { } t && b.CramerVonMisesPValue is { } tp)
            {
                w.WriteNumberOrInfinity("cramer_von_mises", t.Midpoint);
                Interval(w, "cramer_von_mises_interval", t);
                w.WriteNumberOrInfinity("cvm_p_value", tp.Midpoint);
                Interval(w, "cvm_p_value_interval", tp);
            }
            else
            {
                w.WriteNull("cramer_von_mises");
                w.WriteNull("cvm_p_value");
            }
        }
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, string name, Interval interval)
    {
        w.WriteStartArray(name);
        w.WriteNumberOrInfinity(interval.Lower);
        w.WriteNumberOrInfinity(interval.Upper);
        w.WriteEndArray();
    }
}
