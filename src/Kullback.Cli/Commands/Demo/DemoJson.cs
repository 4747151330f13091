using Kullback.Analysis;

namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough as one JSON object, amounts of information in the chosen unit.</summary>
internal static class DemoJson
{
    public static void Write(TextWriter output, SpaceWormWalkthrough w, InformationUnit unit, IReadOnlyList<string> charts) =>
        JsonOutput.Write(output, j =>
        {
            j.WriteString("unit", unit.ToString());
            j.WriteInformation("entropy", w.Entropy, unit);
            j.WriteNumberOrInfinity("entropy_bits", w.Entropy.Bits);
            j.WriteNumberOrInfinity("mean", w.Mean);
            j.WriteNumberOrInfinity("binomial_p", w.BinomialP);
            j.WriteStartObject("kl");
            j.WriteInformation("true_uniform", w.Uniform.DataToModel, unit);
            j.WriteInformation("true_binomial", w.Binomial.DataToModel, unit);
            j.WriteInformation("uniform_true", w.Uniform.ModelToData, unit);
            j.WriteInformation("binomial_true", w.Binomial.ModelToData, unit);
            j.WriteEndObject();
            j.WriteString("best", w.Winner == Approximation.Uniform ? "uniform" : "binomial");
            j.WriteNumberOrInfinity("best_binomial_p", w.BestP);
            j.WriteInformation("best_binomial_kl", w.BestDivergence, unit);
            WriteArray(j, "probabilities", w.Data.Probabilities);
            WriteArray(j, "uniform", w.Uniform.Contributions.Select(c => c.Q));
            WriteArray(j, "binomial", w.Binomial.Contributions.Select(c => c.Q));
            WriteArray(j, "information_content", w.InformationContent.Select(i => i.In(unit)));
            j.WriteStartObject("message_home");
            j.WriteNumber("observations", SpaceWormWalkthrough.MessageLength);
            foreach (var (name, home) in new[] { ("uniform", w.SentWithUniform), ("binomial", w.SentWithBinomial) })
            {
                j.WriteStartObject(name);
                j.WriteNumberOrInfinity("cross_entropy_bits", home.CrossEntropy.Bits);
                j.WriteNumberOrInfinity("huffman_expected_bits", home.HuffmanExpected.Bits);
                j.WriteNumberOrInfinity("huffman_bits", home.Checkpoints[^1].Huffman.Bits);
                j.WriteNumberOrInfinity("arithmetic_bits", home.Checkpoints[^1].Arithmetic.Bits);
                j.WriteBoolean("round_trip", home.RoundTrip);
                j.WriteEndObject();
            }
            j.WriteEndObject();
            j.WriteStrings("charts", charts);
        });

    private static void WriteArray(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberOrInfinity(v);
        w.WriteEndArray();
    }
}
