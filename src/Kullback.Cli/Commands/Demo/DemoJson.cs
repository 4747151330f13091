namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough as one JSON object.</summary>
internal static class DemoJson
{
    public static void Write(TextWriter output, SpaceWormAnalysis a, IReadOnlyList<string> charts)
    {
        double ln2 = Math.Log(2);
        JsonOutput.Write(output, w =>
        {
            w.WriteNumberOrInfinity("entropy_bits", a.EntropyBits);
            w.WriteNumberOrInfinity("entropy_nats", a.EntropyNats);
            w.WriteNumberOrInfinity("mean", a.Mean);
            w.WriteNumberOrInfinity("binomial_p", a.BinomialP);
            foreach (var (unit, scale) in new[] { ("kl_nats", 1.0), ("kl_bits", ln2) })
            {
                w.WriteStartObject(unit);
                w.WriteNumberOrInfinity("true_uniform", a.KlDataUniform / scale);
                w.WriteNumberOrInfinity("true_binomial", a.KlDataBinomial / scale);
                w.WriteNumberOrInfinity("uniform_true", a.KlUniformData / scale);
                w.WriteNumberOrInfinity("binomial_true", a.KlBinomialData / scale);
                w.WriteEndObject();
            }
            w.WriteString("best", a.Best);
            w.WriteNumberOrInfinity("best_binomial_p", a.BestP);
            w.WriteNumberOrInfinity("best_binomial_kl_nats", a.BestKl);
            WriteArray(w, "probabilities", a.Data);
            WriteArray(w, "uniform", a.Uniform);
            WriteArray(w, "binomial", a.Binomial);
            WriteArray(w, "information_content_bits", a.InformationBits);
            w.WriteStartArray("charts");
            foreach (string c in charts) w.WriteStringValue(c);
            w.WriteEndArray();
        });
    }

    private static void WriteArray(System.Text.Json.Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberOrInfinity(v);
        w.WriteEndArray();
    }
}
