using Kullback.Fitting;

namespace Kullback.Cli.Commands.Fit;

/// <summary>A fit report as one JSON object, best fit first.</summary>
internal static class FitJson
{
    public static void Write(TextWriter output, FitReport report, Observations input, IReadOnlyList<string> charts)
    {
        double ln2 = Math.Log(2);
        JsonOutput.Write(output, w =>
        {
            if (report.ObservationCount is long n) w.WriteNumber("n_observations", n);
            else w.WriteNull("n_observations");
            w.WriteString("ranked_by", FitFormatting.RankName(report.RankedBy));
            w.WriteString("input_kind", input.Kind.ToString().ToLowerInvariant());
            w.WriteString("input", input.Explanation);
            w.WriteNumberOrInfinity("entropy_bits", report.EntropyNats / ln2);
            w.WriteStartArray("fits");
            foreach (var fit in report.Fits)
            {
                w.WriteStartObject();
                w.WriteString("family", fit.Family);
                w.WriteString("method", FitFormatting.MethodName(fit.Method));
                w.WriteStartObject("parameters");
                foreach (var p in fit.Model.Parameters) w.WriteNumberOrInfinity(p.Name, p.Value);
                w.WriteEndObject();
                w.WriteNumber("parameter_count", fit.ParameterCount);
                w.WriteNumberOrInfinity("kl_pq_nats", fit.KullbackLeiblerPQ);
                w.WriteNumberOrInfinity("kl_pq_bits", fit.KullbackLeiblerPQ / ln2);
                w.WriteNumberOrInfinity("kl_qp_nats", fit.KullbackLeiblerQP);
                w.WriteNumberOrInfinity("kl_qp_bits", fit.KullbackLeiblerQP / ln2);
                WriteNullable(w, "log_likelihood", fit.LogLikelihood);
                WriteNullable(w, "aic", fit.Aic);
                WriteNullable(w, "bic", fit.Bic);
                WriteNullable(w, "message_bits", fit.MessageBits);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("not_applicable");
            foreach (var skipped in report.NotApplicable)
            {
                w.WriteStartObject();
                w.WriteString("family", skipped.Family);
                w.WriteString("reason", skipped.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("charts");
            foreach (string c in charts) w.WriteStringValue(c);
            w.WriteEndArray();
        });
    }

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) w.WriteNumberOrInfinity(name, v);
        else w.WriteNull(name);
    }
}
