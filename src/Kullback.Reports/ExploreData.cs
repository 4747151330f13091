using System.Buffers;
using System.Text.Json;
using Kullback.Analysis;
using Kullback.Coding;
using Kullback.Continuous;
using Kullback.Fitting;
using MathNet.Numerics.Distributions;

namespace Kullback.Reports;

/// <summary>
/// The page's data as JSON (written with <see cref="Utf8JsonWriter"/>: no reflection, so a native build works): the
/// learner's distribution and the library's own results for it — every family's fit, D(P‖Q), D(Q‖P), H(P, Q), JS, the
/// message length, the per-outcome contributions, the message home with real codes, the binomial sweep and the normal
/// pair's closed form. The page computes the same numbers itself as the learner moves things, and checks itself
/// against these on load; the browser tests compare both.
/// </summary>
/// <remarks>Amounts are in nats. +∞ is written as the string "Infinity"; a value the library gives as NaN as null.</remarks>
public static class ExploreData
{
    /// <summary>The stream the message home sends, as in <c>kullback demo</c>.</summary>
    public const int MessageLength = SpaceWormWalkthrough.MessageLength;

    /// <summary>The stream's seed, as in <c>kullback demo</c>.</summary>
    public const int MessageSeed = 2027;

    /// <summary>The number of points of the D(P‖Binomial(n, p)) curve.</summary>
    public const int SweepSteps = 199;

    /// <summary>The continuous panel's starting pair: P = N(0, 1), Q = N(1, 1.5).</summary>
    public static (double MuP, double SigmaP, double MuQ, double SigmaQ) NormalPair => (0, 1, 1, 1.5);

    /// <summary>Writes the page's data for <paramref name="input"/> as UTF-8 JSON.</summary>
    /// <exception cref="InvalidArgumentException">The input is not a distribution (see <see cref="ExploreInput.ToDistribution"/>).</exception>
    public static byte[] ToJson(ExploreInput input, PageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = input.ToDistribution();
        var report = ModelFitter.Fit(data);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("language", language.Code());
            json.WriteString("source", input.Source);
            json.WriteNumber("seed", MessageSeed);
            json.WriteNumber("observations", MessageLength);
            json.WriteStartObject("data");
            WriteArray(json, "weights", input.Weights);
            if (data.ObservationCount is long n) json.WriteNumber("observationCount", n);
            else json.WriteNull("observationCount");
            json.WriteEndObject();

            json.WriteStartObject("library");
            WriteNumber(json, "entropy", report.Entropy.Nats);
            json.WriteString("rankBy", report.RankedBy == RankCriterion.MessageLength ? "message" : "kl");
            WriteFits(json, data, report);
            WriteSweep(json, data, report);
            WriteNormalPair(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteFits(Utf8JsonWriter json, DiscreteDistribution data, FitReport report)
    {
        double[] p = [.. data.Probabilities];
        json.WriteStartArray("fits");
        foreach (var fit in report.Fits)
        {
            double[] q = [.. fit.Contributions.Select(c => c.Q)];
            json.WriteStartObject();
            json.WriteString("family", fit.Family.Key);
            json.WriteStartObject("parameters");
            foreach (var parameter in fit.Model.Parameters) WriteNumber(json, parameter.Parameter.Key, parameter.Value);
            json.WriteEndObject();
            json.WriteNumber("k", fit.ParameterCount);
            WriteArray(json, "q", q);
            WriteNumber(json, "klPQ", fit.DataToModel.Nats);
            WriteNumber(json, "klQP", fit.ModelToData.Nats);
            if (fit.MessageLength is { } message) WriteNumber(json, "messageLength", message.Nats);
            else json.WriteNull("messageLength");
            // The same vectors the page measures: the observed outcomes, and Q's mass beyond them as one more outcome.
            double[] pp = [.. p, 0], qq = [.. q, OutsideMass(q)];
            WriteNumber(json, "crossEntropy", Measures.CrossEntropy(pp, qq));
            WriteNumber(json, "jensenShannon", Measures.JensenShannonDivergence(pp, qq));
            WriteArray(json, "contributions", fit.Contributions.Select(c => c.Contribution.Nats).ToArray());
            WriteMessage(json, p, q);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notApplicable");
        foreach (var family in report.NotApplicable)
        {
            json.WriteStartObject();
            json.WriteString("family", family.Family.Key);
            json.WriteString("reason", family.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>1 − ΣQ over the observed outcomes (compensated, as the library and the page take it), at least 0.</summary>
    public static double OutsideMass(IReadOnlyList<double> q)
    {
        ArgumentNullException.ThrowIfNull(q);
        double sum = 0, compensation = 0;
        foreach (double x in q)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return Math.Max(0, 1 - (sum + compensation));
    }

    private static void WriteMessage(Utf8JsonWriter json, double[] p, double[] q)
    {
        var home = MessageHome.Send(p, q, MessageLength, MessageSeed);
        json.WriteStartObject("message");
        WriteNumber(json, "entropyBits", home.Entropy.Bits);
        WriteNumber(json, "crossEntropyBits", home.CrossEntropy.Bits);
        WriteNumber(json, "huffmanExpectedBits", home.HuffmanExpected.Bits);
        json.WriteBoolean("roundTrip", home.RoundTrip);
        json.WriteStartArray("codewords");
        foreach (string? word in home.Huffman.Codewords)
        {
            if (word is null) json.WriteNullValue();
            else json.WriteStringValue(word);
        }
        json.WriteEndArray();
        json.WriteStartArray("checkpoints");
        foreach (var checkpoint in home.Checkpoints)
        {
            json.WriteStartObject();
            json.WriteNumber("observations", checkpoint.Observations);
            WriteNumber(json, "huffman", checkpoint.Huffman.Bits);
            WriteNumber(json, "arithmetic", checkpoint.Arithmetic.Bits);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteArray(json, "unsendable", home.Unsendable.Select(i => (double)i).ToArray());
        json.WriteEndObject();
    }

    private static void WriteSweep(Utf8JsonWriter json, DiscreteDistribution data, FitReport report)
    {
        if (!report.Fits.Any(f => f.Family == ModelFamily.Binomial)) return;
        var sweep = SweepAnalysis.Run(new SweepRequest(data, ModelFamily.Binomial, Parameter.SuccessProbability, 0.005, 0.995, SweepSteps));
        json.WriteStartObject("sweep");
        json.WriteString("family", "binomial");
        json.WriteString("parameter", "p");
        WriteArray(json, "values", [.. sweep.Values]);
        WriteArray(json, "divergences", sweep.Divergences.Select(d => d.Nats).ToArray());
        json.WriteNumber("minimum", sweep.MinimumIndex);
        WriteNumber(json, "fitted", sweep.FittedValue);
        json.WriteEndObject();
    }

    private static void WriteNormalPair(Utf8JsonWriter json)
    {
        var (mp, sp, mq, sq) = NormalPair;
        json.WriteStartObject("normal");
        WriteNumber(json, "muP", mp);
        WriteNumber(json, "sigmaP", sp);
        WriteNumber(json, "muQ", mq);
        WriteNumber(json, "sigmaQ", sq);
        WriteNumber(json, "klPQ", ClosedFormDivergence.KullbackLeibler(new Normal(mp, sp), new Normal(mq, sq)));
        WriteNumber(json, "klQP", ClosedFormDivergence.KullbackLeibler(new Normal(mq, sq), new Normal(mp, sp)));
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) WriteValue(json, v);
        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    private static void WriteValue(Utf8JsonWriter json, double value)
    {
        if (double.IsPositiveInfinity(value)) json.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) json.WriteStringValue("-Infinity");
        else if (double.IsNaN(value)) json.WriteNullValue();
        else json.WriteNumberValue(value);
    }
}
