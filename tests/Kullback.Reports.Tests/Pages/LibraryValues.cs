using System.Text.Json;
using Kullback.Coding;
using Kullback.Continuous;
using Kullback.Fitting;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Kullback.Reports.Tests.Pages;

/// <summary>
/// The library's own values for the cases the Node tests check kullback-math.js against (js/library.test.js): special
/// functions (MathNet), model probabilities, measures, fits, sweeps, the message home and .NET's seeded Random, the
/// normal closed form. Written as JSON; +∞ as the string "Infinity", NaN as null.
/// </summary>
internal static class LibraryValues
{
    /// <summary>The datasets the fits are compared on: probabilities, counts, over- and under-dispersed, zeros, one value.</summary>
    public static IReadOnlyList<double[]> Datasets { get; } =
    [
        [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07],
        [3, 10, 25, 30, 20, 8, 4],
        [30, 12, 8, 6, 5, 4, 3, 3, 2, 2, 1, 1, 0, 1],
        [1, 6, 40, 70, 40, 6, 1],
        [0.5, 0, 0.5],
        [0, 0, 7],
        [5, 1],
        [0.1, 0.2, 0.3, 0.25, 0.15],
        [2, 0, 0, 9, 14, 3, 0, 1],
    ];

    public static void Write(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        WriteSpecialFunctions(json);
        WriteModels(json);
        WriteMeasures(json);
        WriteFits(json);
        WriteMessages(json);
        WriteRandom(json);
        WriteNormals(json);
        json.WriteEndObject();
    }

    private static void WriteSpecialFunctions(Utf8JsonWriter json)
    {
        double[] xs = [1e-8, 0.001, 0.3, 0.5, 0.999, 1, 1.5, 2.5, 3.7, 7.25, 11.9, 12, 30.5, 100.25, 1e4, 2.7e6];
        json.WriteStartArray("gammaLn");
        foreach (double x in xs) Pair(json, x, SpecialFunctions.GammaLn(x));
        json.WriteEndArray();
        json.WriteStartArray("digamma");
        foreach (double x in xs) Pair(json, x, SpecialFunctions.DiGamma(x));
        json.WriteEndArray();
        json.WriteStartArray("erfc");
        foreach (double x in new[] { -6.0, -2.2, -0.7, -0.3, -1e-11, 0, 1e-11, 0.2, 0.49, 0.5, 0.6, 0.9, 1.3, 2, 3, 4.4, 6, 9, 13, 20, 26.5 })
            Pair(json, x, SpecialFunctions.Erfc(x));
        json.WriteEndArray();
    }

    private static void Pair(Utf8JsonWriter json, double x, double v)
    {
        json.WriteStartArray();
        Value(json, x);
        Value(json, v);
        json.WriteEndArray();
    }

    private static void WriteModels(Utf8JsonWriter json)
    {
        DiscreteModel[] models =
        [
            new UniformModel(2, 9), new BinomialModel(10, 0.544), new BinomialModel(1000, 0.003), new BinomialModel(37, 0.999), new BinomialModel(10, 0),
            new PoissonModel(5.44), new PoissonModel(0.02), new PoissonModel(250.5), new PoissonModel(0), new GeometricModel(0.155), new GeometricModel(1),
            new NegativeBinomialModel(29.4, 0.84), new NegativeBinomialModel(0.35, 0.1), new BetaBinomialModel(10, 2.52, 2.08), new BetaBinomialModel(80, 0.4, 7.5),
            new DiscretizedNormalModel(5.625, 2.995, 0, 10), new DiscretizedNormalModel(-3.2, 0.4, -8, 2), new DiscretizedNormalModel(40, 1.5, 0, 12),
        ];
        json.WriteStartArray("models");
        foreach (var model in models)
        {
            json.WriteStartObject();
            json.WriteString("family", model.Family.Key);
            Parameters(json, model);
            json.WriteStartArray("logProbabilities");
            for (long k = -2; k <= 60; k++) Pair(json, k, model.LogProbability(k));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Parameters(Utf8JsonWriter json, DiscreteModel model)
    {
        json.WriteStartObject("parameters");
        foreach (var parameter in model.Parameters) Number(json, parameter.Parameter.Key, parameter.Value);
        if (model is DiscretizedNormalModel normal)
        {
            json.WriteNumber("low", normal.Low);
            json.WriteNumber("high", normal.High);
        }
        json.WriteEndObject();
    }

    private static void WriteMeasures(Utf8JsonWriter json)
    {
        var random = new Random(17);
        var pairs = new List<(double[] P, double[] Q)>();
        foreach (int n in new[] { 1, 2, 3, 7, 30, 200 })
        {
            for (int repeat = 0; repeat < 3; repeat++)
            {
                double[] p = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.15 ? 0 : -Math.Log(random.NextDouble())).ToArray();
                double[] q = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.1 ? 0 : -Math.Log(random.NextDouble())).ToArray();
                if (p.All(x => x == 0)) p[0] = 1;
                if (q.All(x => x == 0)) q[^1] = 2;
                pairs.Add((p, q));
                pairs.Add((p, p.Select((x, i) => x * (1 + 1e-7 * Math.Sin(i + 1))).ToArray()));   // near-identical, unnormalised
            }
        }
        pairs.Add(([3, 5, 0, 2], [3, 5, 0, 2]));
        pairs.Add(([1e-300, 1, 1e-20], [2e-300, 1, 3e-20]));
        json.WriteStartArray("measures");
        foreach (var (p, q) in pairs)
        {
            json.WriteStartObject();
            Array(json, "p", p);
            Array(json, "q", q);
            Number(json, "entropy", Measures.Entropy(p));
            Number(json, "crossEntropy", Measures.CrossEntropy(p, q));
            Number(json, "kl", Measures.KullbackLeibler(p, q));
            Number(json, "klQP", Measures.KullbackLeibler(q, p));
            Number(json, "jensenShannon", Measures.JensenShannonDivergence(p, q));
            double[] terms = new double[p.Length];
            Measures.KullbackLeiblerContributions(p, q, terms);
            Array(json, "contributions", terms);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFits(Utf8JsonWriter json)
    {
        json.WriteStartArray("datasets");
        foreach (double[] weights in Datasets)
        {
            var data = DiscreteDistribution.FromCounts(weights);
            var report = ModelFitter.Fit(data);
            json.WriteStartObject();
            Array(json, "weights", weights);
            json.WriteString("rankBy", report.RankedBy == RankCriterion.MessageLength ? "message" : "kl");
            json.WriteStartArray("fits");
            foreach (var fit in report.Fits)
            {
                json.WriteStartObject();
                json.WriteString("family", fit.Family.Key);
                Parameters(json, fit.Model);
                json.WriteNumber("k", fit.ParameterCount);
                Number(json, "klPQ", fit.DataToModel.Nats);
                Number(json, "klQP", fit.ModelToData.Nats);
                if (fit.MessageLength is { } m) Number(json, "messageLength", m.Nats);
                Array(json, "q", fit.Contributions.Select(c => c.Q).ToArray());
                Array(json, "contributions", fit.Contributions.Select(c => c.Contribution.Nats).ToArray());
                if (fit.Model.Family.VariableParameters.Count > 0)
                {
                    var parameter = fit.Model.Family.VariableParameters[0];
                    var sweep = Kullback.Analysis.SweepAnalysis.Run(new Kullback.Analysis.SweepRequest(data, fit.Family, parameter, Steps: 41));
                    json.WriteStartObject("sweep");
                    json.WriteString("parameter", parameter.Key);
                    Array(json, "values", [.. sweep.Values]);
                    Array(json, "divergences", sweep.Divergences.Select(d => d.Nats).ToArray());
                    json.WriteNumber("minimum", sweep.MinimumIndex);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notApplicable");
            foreach (var family in report.NotApplicable) json.WriteStringValue(family.Family.Key);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteMessages(Utf8JsonWriter json)
    {
        (double[] P, double[] Q, int N, int Seed)[] cases =
        [
            ([0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07], [.. Enumerable.Repeat(1.0 / 11, 11)], 100_000, 2027),
            ([0.5, 0.25, 0.125, 0.125], [0.1, 0.2, 0.3, 0.4], 20_000, 7),
            ([1, 0, 3, 0, 5], [2, 1, 1, 1, 9], 5_000, -42),
            ([0.7, 0.3], [0.7, 0.3], 3, 1),
            ([0.2, 0.8], [0, 1], 1000, 5),
            ([.. Enumerable.Range(0, 150).Select(i => Math.Exp(-0.05 * i))], [.. Enumerable.Range(0, 150).Select(i => 1.0 / (1 + i))], 50_000, 99),
        ];
        json.WriteStartArray("messages");
        foreach (var (p, q, n, seed) in cases)
        {
            var home = MessageHome.Send(p, q, n, seed);
            json.WriteStartObject();
            Array(json, "p", p);
            Array(json, "q", q);
            json.WriteNumber("observations", n);
            json.WriteNumber("seed", seed);
            Number(json, "entropyBits", home.Entropy.Bits);
            Number(json, "crossEntropyBits", home.CrossEntropy.Bits);
            Number(json, "huffmanExpectedBits", home.HuffmanExpected.Bits);
            json.WriteStartArray("codewords");
            foreach (string? word in home.Huffman.Codewords)
            {
                if (word is null) json.WriteNullValue();
                else json.WriteStringValue(word);
            }
            json.WriteEndArray();
            json.WriteStartArray("checkpoints");
            foreach (var c in home.Checkpoints)
            {
                json.WriteStartObject();
                json.WriteNumber("observations", c.Observations);
                Number(json, "huffman", c.Huffman.Bits);
                Number(json, "arithmetic", c.Arithmetic.Bits);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Array(json, "unsendable", home.Unsendable.Select(i => (double)i).ToArray());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRandom(Utf8JsonWriter json)
    {
        json.WriteStartArray("random");
        foreach (int seed in new[] { 2027, 0, 1, -42, int.MaxValue, int.MinValue })
        {
            var random = new Random(seed);
            json.WriteStartObject();
            json.WriteNumber("seed", seed);
            Array(json, "values", Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNormals(Utf8JsonWriter json)
    {
        (double, double, double, double)[] pairs =
        [
            (0, 1, 1, 1.5), (0, 1, 0, 1), (-3, 0.2, 4, 3.9), (2, 1, 2 + 1e-9, 1), (0, 1, 0, 1 + 1e-10), (1e5, 2, -1e5, 0.5), (0, 1e-3, 0, 1e3),
        ];
        json.WriteStartArray("normals");
        foreach (var (mp, sp, mq, sq) in pairs)
        {
            json.WriteStartArray();
            foreach (double v in new[] { mp, sp, mq, sq, ClosedFormDivergence.KullbackLeibler(new Normal(mp, sp), new Normal(mq, sq)) }) Value(json, v);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void Array(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) Value(json, v);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    private static void Value(Utf8JsonWriter json, double value)
    {
        if (double.IsPositiveInfinity(value)) json.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) json.WriteStringValue("-Infinity");
        else if (double.IsNaN(value)) json.WriteNullValue();
        else json.WriteNumberValue(value);
    }
}
