using Kullback.Analysis;

namespace Kullback.Cli.Commands.Sweep;

/// <summary>The sweep as one JSON object, divergences in the chosen unit.</summary>
internal static class SweepJson
{
    public static void Write(TextWriter output, SweepResult s, InformationUnit unit, IReadOnlyList<string> charts) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            w.WriteString("family", s.Fit.Family.Key);
            w.WriteString("param", s.Parameter.Key);
            w.WriteStartObject("fit");
            foreach (var p in s.Fit.Model.Parameters) w.WriteParameter(p);
            w.WriteEndObject();
            w.WriteInformation("fit_kl", s.Fit.DataToModel, unit);
            w.WriteStartArray("values");
            foreach (double v in s.Values) w.WriteNumberOrInfinity(v);
            w.WriteEndArray();
            w.WriteStartArray("kl");
            foreach (var d in s.Divergences) w.WriteNumberOrInfinity(d.In(unit));
            w.WriteEndArray();
            w.WriteStartObject("minimum");
            w.WriteNumberOrInfinity("value", s.MinimumValue);
            w.WriteInformation("kl", s.Minimum, unit);
            w.WriteEndObject();
            w.WriteStrings("charts", charts);
        });
}
