using Kullback.Estimation;

namespace Kullback.Tests.Estimation;

/// <summary>The true distributions of the simulations, and seeded multinomial samples from them.</summary>
internal sealed record SimulatedSample(string Name, double[] Probabilities)
{
    /// <summary>The space-worm teeth distribution of the tutorial (11 outcomes).</summary>
    public static SimulatedSample Teeth { get; } = new("teeth (11)", [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07]);

    /// <summary>Zipf's law over <paramref name="outcomes"/> outcomes, pᵢ ∝ 1/i.</summary>
    public static SimulatedSample Zipf(int outcomes)
    {
        var p = Enumerable.Range(1, outcomes).Select(i => 1.0 / i).ToArray();
        double total = p.Sum();
        return new($"Zipf ({outcomes})", p.Select(x => x / total).ToArray());
    }

    /// <summary>The uniform distribution over <paramref name="outcomes"/> outcomes.</summary>
    public static SimulatedSample Uniform(int outcomes) => new($"uniform ({outcomes})", Enumerable.Repeat(1.0 / outcomes, outcomes).ToArray());

    /// <summary>The true entropy in nats.</summary>
    public double Entropy => Measures.Entropy(Probabilities);

    /// <summary>N draws as counts: conditional binomial draws (the library's own exact sampler).</summary>
    public long[] Draw(Random random, long n)
    {
        var counts = new long[Probabilities.Length];
        double rest = 1;
        long left = n;
        for (int i = 0; i < counts.Length && left > 0; i++)
        {
            long x = i == counts.Length - 1 ? left : BinomialSampler.Sample(random, left, Math.Min(1, Probabilities[i] / rest));
            counts[i] = x;
            left -= x;
            rest -= Probabilities[i];
        }
        return counts;
    }

    public override string ToString() => Name;
}
