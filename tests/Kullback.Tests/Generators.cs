using CsCheck;

namespace Kullback.Tests;

/// <summary>Random probability vectors for the property tests.</summary>
internal static class Generators
{
    /// <summary>Weights in [0, 1] with some exact zeros, at least one positive, lengths 1–40.</summary>
    public static readonly Gen<double[]> Weights =
        Gen.Frequency((4, Gen.Double[1e-6, 1.0]), (1, Gen.Const(0.0))).Array[1, 40]
            .Where(a => a.Any(x => x > 0));

    /// <summary>Strictly positive weights (every KL finite), lengths 1–40.</summary>
    public static readonly Gen<double[]> PositiveWeights = Gen.Double[1e-6, 1.0].Array[1, 40];

    /// <summary>Two strictly positive vectors of the same length.</summary>
    public static readonly Gen<(double[] P, double[] Q)> PositivePair =
        Gen.Int[1, 40].SelectMany(n => Gen.Select(Gen.Double[1e-6, 1.0].Array[n], Gen.Double[1e-6, 1.0].Array[n]));

    /// <summary>Two vectors of the same length that may hold zeros (infinite divergences allowed).</summary>
    public static readonly Gen<(double[] P, double[] Q)> Pair =
        Gen.Int[1, 40].SelectMany(n => Gen.Select(
            Gen.Frequency((4, Gen.Double[1e-6, 1.0]), (1, Gen.Const(0.0))).Array[n].Where(a => a.Any(x => x > 0)),
            Gen.Frequency((4, Gen.Double[1e-6, 1.0]), (1, Gen.Const(0.0))).Array[n].Where(a => a.Any(x => x > 0))));

    /// <summary>A positive vector and a copy perturbed by relative amounts up to 10^−k, k in 3…12.</summary>
    public static readonly Gen<(double[] P, double[] Q)> NearIdenticalPair =
        Gen.Select(PositiveWeights, Gen.Int[3, 12], Gen.Double[-1, 1].Array[40])
            .Select((p, k, u) => (p, p.Select((x, i) => x * (1 + Math.Pow(10, -k) * u[i])).ToArray()));

    public static double Relative(double a, double b) =>
        a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));
}
