using Kullback.Analysis;

namespace Kullback.Cli.Commands.Continuous;

/// <summary>
/// <c>{"unit", "p", "q", "kl_pq", "kl_qp", "closed_form_pq"|null, "numerical_pq", "error_estimate_pq", … "entropy_p", "entropy_q"}</c>,
/// every amount in the chosen unit.
/// </summary>
internal static class ContinuousJson
{
    public static void Write(TextWriter output, ContinuousComparison c, InformationUnit unit) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            w.WriteString("p", c.P.ToString());
            w.WriteString("q", c.Q.ToString());
            w.WriteNullableInformation("kl_pq", c.Forward.Best, unit);
            w.WriteNullableInformation("kl_qp", c.Reverse.Best, unit);
            foreach (var (suffix, d) in new[] { ("pq", c.Forward), ("qp", c.Reverse) })
            {
                w.WriteNullableInformation($"closed_form_{suffix}", d.ClosedForm, unit);
                w.WriteNullableInformation($"numerical_{suffix}", d.Numerical, unit);
                if (d.Numerical is null) w.WriteNull($"error_estimate_{suffix}");
                else w.WriteInformation($"error_estimate_{suffix}", d.ErrorEstimate, unit);
                if (d.InfiniteBecause is { } because) w.WriteString($"infinite_because_{suffix}", because);
                if (d.NumericalUnresolved is { } why) w.WriteString($"numerical_unresolved_{suffix}", why);
            }
            w.WriteNullableInformation("entropy_p", c.EntropyP, unit);
            w.WriteNullableInformation("entropy_q", c.EntropyQ, unit);
        });
}
