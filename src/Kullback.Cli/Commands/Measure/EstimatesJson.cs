using System.Text.Json;
using Kullback.Estimation;

namespace Kullback.Cli.Commands.Measure;

/// <summary>
/// The <c>"estimates"</c> object of <c>kullback measure --counts --json</c>:
/// <c>{"estimator", "divergence_estimator", "confidence", "resamples", "seed", "permutations", "note",
/// "entropy_p"|"entropy_q": {"value", "plug_in", "n", "observed", "lower", "upper", "method", "standard_error", "posterior_sd", "note"},
/// "kl_pq"|"kl_qp": {"value", "plug_in", "bias_correction", "n", "m", "lower", "upper", "method", "standard_error", "note", "p_value"}}</c>.
/// Amounts in the chosen unit, +∞ as "Infinity"; lower, upper, method, standard_error are null without an interval;
/// method is "bca", "percentile" (BCa fell back: see note) or "posterior" (NSB); p_value is null without --permutations.
/// </summary>
internal static class EstimatesJson
{
    public static void Write(Utf8JsonWriter w, CountMeasureEstimates e, InformationUnit unit)
    {
        var o = e.Options;
        w.WriteStartObject("estimates");
        w.WriteString("estimator", EstimationOptions.Name(o.Entropy));
        w.WriteString("divergence_estimator", EstimationOptions.Name(o.Divergence));
        w.WriteNumber("confidence", o.Interval.Level);
        w.WriteNumber("resamples", o.WithIntervals ? o.Interval.Resamples : 0);
        w.WriteNumber("seed", o.Interval.Seed);
        w.WriteNumber("permutations", o.Permutations);
        if (e.IntervalNote is { } note) w.WriteString("note", note);
        else w.WriteNull("note");
        Entropy(w, "entropy_p", e.EntropyP, unit);
        Entropy(w, "entropy_q", e.EntropyQ, unit);
        Divergence(w, "kl_pq", e.KullbackLeiblerPQ, unit);
        Divergence(w, "kl_qp", e.KullbackLeiblerQP, unit);
        w.WriteEndObject();
    }

    /// <summary>One entropy estimate: value, plug_in, n, observed, lower, upper, method, standard_error, note, posterior_sd.</summary>
    internal static void Entropy(Utf8JsonWriter w, string key, EntropyEstimate e, InformationUnit unit)
    {
        w.WriteStartObject(key);
        w.WriteInformation("value", e.Value, unit);
        w.WriteInformation("plug_in", e.PlugIn, unit);
        w.WriteNumber("n", e.SampleSize);
        w.WriteNumber("observed", e.ObservedCategories);
        Interval(w, e.Interval, unit);
        w.WriteNullableInformation("posterior_sd", e.PosteriorStandardDeviation, unit);
        w.WriteEndObject();
    }

    private static void Divergence(Utf8JsonWriter w, string key, DivergenceEstimate e, InformationUnit unit)
    {
        w.WriteStartObject(key);
        w.WriteInformation("value", e.Value, unit);
        w.WriteInformation("plug_in", e.PlugIn, unit);
        w.WriteInformation("bias_correction", e.BiasCorrection, unit);
        w.WriteNumber("n", e.SampleSizeP);
        w.WriteNumber("m", e.SampleSizeQ);
        Interval(w, e.Interval, unit);
        w.WriteNullable("p_value", e.Permutation?.PValue);
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, ConfidenceInterval? ci, InformationUnit unit)
    {
        w.WriteNullableInformation("lower", ci?.Lower, unit);
        w.WriteNullableInformation("upper", ci?.Upper, unit);
        if (ci is null) w.WriteNull("method");
        else w.WriteString("method", EstimationOptions.Name(ci.Method));
        w.WriteNullableInformation("standard_error", ci?.StandardError, unit);
        if (ci?.Note is { } note) w.WriteString("note", note);
        else w.WriteNull("note");
    }
}
