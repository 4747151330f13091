using Kullback.Data.Input;
using Kullback.Fitting;

namespace Kullback.Cli.Commands.Fit;

/// <summary>A fit report as one JSON object, best fit first, amounts of information in the chosen unit.</summary>
internal static class FitJson
{
    public static void Write(TextWriter output, FitReport report, Observations input, InformationUnit unit, IReadOnlyList<string> charts) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            if (report.ObservationCount is long n) w.WriteNumber("n_observations", n);
            else w.WriteNull("n_observations");
            w.WriteString("ranked_by", RankCriteria.Key(report.RankedBy));
            w.WriteString("input_kind", input.Kind.ToString().ToLowerInvariant());
            w.WriteString("input", input.Explanation);
            w.WriteInformation("entropy", report.Entropy, unit);
            w.WriteStartArray("fits");
            foreach (var fit in report.Fits)
            {
                w.WriteStartObject();
                w.WriteString("family", fit.Family.Key);
                w.WriteString("method", FitMethods.Key(fit.Method));
                w.WriteStartObject("parameters");
                foreach (var p in fit.Model.Parameters) w.WriteParameter(p);
                w.WriteEndObject();
                w.WriteNumber("parameter_count", fit.ParameterCount);
                w.WriteInformation("kl_pq", fit.DataToModel, unit);
                w.WriteInformation("kl_qp", fit.ModelToData, unit);
                w.WriteNullable("log_likelihood", fit.LogLikelihood);
                w.WriteNullable("aic", fit.Aic);
                w.WriteNullable("bic", fit.Bic);
                w.WriteNullableInformation("message_length", fit.MessageLength, unit);
                w.WriteStrings("infinite_at", fit.InfiniteAt.Select(o => o.Label));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("not_applicable");
            foreach (var skipped in report.NotApplicable)
            {
                w.WriteStartObject();
                w.WriteString("family", skipped.Family.Key);
                w.WriteString("reason", skipped.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStrings("charts", charts);
        });
}
