namespace Kullback.Cli.Commands.Measure;

/// <summary>
/// <c>{"unit": …, "n": …, "measures": {key: value}, "infinite_at": {"kl_pq": [i…], "kl_qp": [i…]}}</c>: the keys of the
/// shared reference file, values in the chosen unit, +∞ as "Infinity"; with <c>--all</c> also <c>"more_measures": {key: value}</c>
/// (the keys of <c>measures-more.json</c>). With --counts also <c>"estimates"</c> (<see cref="EstimatesJson"/>), or
/// <c>"estimates": null</c> and <c>"estimates_unavailable": reason</c> when the values are not whole counts.
/// </summary>
internal static class MeasureJson
{
    public static void Write(TextWriter output, MeasureSummary s, InformationUnit unit,
        Kullback.Estimation.CountMeasureEstimates? estimates = null, string? unavailable = null) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            w.WriteNumber("n", s.Outcomes);
            w.WriteStartObject("measures");
            foreach (var d in MeasureSummary.Definitions) w.WriteNumberOrInfinity(d.Key, d.ValueIn(s, unit));
            w.WriteEndObject();
            if (!s.More.IsEmpty)
            {
                w.WriteStartObject("more_measures");
                foreach (var d in MeasureSummary.MoreDefinitions) w.WriteNumberOrInfinity(d.Key, d.ValueIn(s, unit));
                w.WriteEndObject();
            }
            w.WriteStartObject("infinite_at");
            w.WriteIntegers("kl_pq", s.PMissingFromQ);
            w.WriteIntegers("kl_qp", s.QMissingFromP);
            w.WriteEndObject();
            if (estimates is not null) EstimatesJson.Write(w, estimates, unit);
            else if (unavailable is not null)
            {
                w.WriteNull("estimates");
                w.WriteString("estimates_unavailable", unavailable);
            }
        });
}
