using System.Globalization;
using Kullback.Comparison;

namespace Kullback.Cli.Commands.Compare;

/// <summary>The words of compare's options: smoothing, effect measures, binning rules.</summary>
internal static class CompareOptions
{
    /// <summary>The effect measures by the key <c>--threshold MEASURE=VALUE</c> takes (and JSON shows).</summary>
    public static IReadOnlyList<(string Key, EffectMeasure Measure)> Effects { get; } =
    [
        ("psi", EffectMeasure.PopulationStabilityIndex), ("js_divergence", EffectMeasure.JensenShannonDivergence),
        ("js_distance", EffectMeasure.JensenShannonDistance), ("hellinger", EffectMeasure.Hellinger),
        ("total_variation", EffectMeasure.TotalVariation), ("kl_reference_current", EffectMeasure.KullbackLeiblerReferenceCurrent),
        ("kl_current_reference", EffectMeasure.KullbackLeiblerCurrentReference), ("ks", EffectMeasure.KolmogorovSmirnov),
        ("wasserstein_normalized", EffectMeasure.NormalizedWasserstein),
    ];

    public static string Key(EffectMeasure measure) => Effects.First(e => e.Measure == measure).Key;

    /// <summary>"0.2" (PSI) or "MEASURE=VALUE".</summary>
    public static (EffectMeasure Measure, double Value) ParseThreshold(string text)
    {
        string[] parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        var measure = EffectMeasure.PopulationStabilityIndex;
        string number = parts[^1];
        if (parts.Length == 2)
        {
            var found = Effects.FirstOrDefault(e => string.Equals(e.Key, parts[0], StringComparison.OrdinalIgnoreCase));
            if (found.Key is null)
                throw new UsageException($"--threshold {InputText.Quote(text)}: {InputText.Quote(parts[0])} is not a measure; use {string.Join(", ", Effects.Select(e => e.Key))}.");
            measure = found.Measure;
        }
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0)
            throw new UsageException($"--threshold {InputText.Quote(text)}: the value must be a finite number ≥ 0, like psi=0.1.");
        return (measure, value);
    }

    /// <summary>jeffreys, laplace, none, or a pseudocount.</summary>
    public static Smoothing ParseSmoothing(string text) => text.Trim().ToLowerInvariant() switch
    {
        "jeffreys" => Smoothing.Jeffreys,
        "laplace" => Smoothing.Laplace,
        "none" => Smoothing.None,
        var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && double.IsFinite(a) && a >= 0 => Smoothing.Of(a),
        _ => throw new UsageException($"--smoothing {InputText.Quote(text)} is not a smoothing: use jeffreys (a = 0.5), laplace (a = 1), none, or a pseudocount ≥ 0."),
    };

    /// <summary>The name of a smoothing in JSON: jeffreys, laplace, none or pseudocount.</summary>
    public static string SmoothingMethod(Smoothing s) =>
        s.IsNone ? "none" : s.Pseudocount == 0.5 ? "jeffreys" : s.Pseudocount == 1 ? "laplace" : "pseudocount";

    public static string RuleKey(BinningRule? rule) => rule switch
    {
        BinningRule.Quantile => "quantile",
        BinningRule.Width => "width",
        BinningRule.FreedmanDiaconis => "freedman_diaconis",
        BinningRule.Doane => "doane",
        BinningRule.PerValue => "per_value",
        _ => "categorical",
    };
}
