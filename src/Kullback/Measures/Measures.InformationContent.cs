using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Information content (surprisal) of outcome <paramref name="index"/>: −log p̂ᵢ.</summary>
    /// <param name="p">Probabilities or non-negative weights (normalised exactly).</param>
    /// <param name="index">The outcome's position in <paramref name="p"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>−log p̂ᵢ ≥ 0; +∞ for an outcome of probability 0; exactly 0 for a certain outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <paramref name="p"/>.</exception>
    public static double InformationContent(ReadOnlySpan<double> p, int index, InformationUnit unit = default)
    {
        Preconditions.CheckWeights(p, nameof(p));
        Preconditions.CheckIndex(index, p.Length, nameof(index));
        double nats = -ExactSum.Of(p).LogOfNormalized(index, p[index]);
        return unit.FromNats(Math.Max(0.0, nats));
    }

    /// <summary>Information content of <paramref name="outcome"/> under <paramref name="p"/>: −log p(outcome); +∞ outside the support.</summary>
    public static double InformationContent(DiscreteDistribution p, Outcome outcome, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        int i = p.Support.IndexOf(outcome);
        return i < 0 ? double.PositiveInfinity : InformationContent(p.Weights, i, unit);
    }
}
