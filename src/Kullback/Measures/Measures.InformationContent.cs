using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Information content (surprisal) of outcome <paramref name="index"/>: −log p̂ᵢ.</summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="index">The outcome's position in <paramref name="p"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>−log p̂ᵢ ≥ 0; +∞ for an outcome of probability 0; exactly 0 for a certain outcome; −log(1 − ε) with ε exact for an outcome holding nearly all the mass.</returns>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry; or <paramref name="index"/> is outside <paramref name="p"/>.</exception>
    public static double InformationContent(ReadOnlySpan<double> p, int index, InformationUnit unit = default) =>
        InformationContent(p, index, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="InformationContent(ReadOnlySpan{double}, int, InformationUnit)"/>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="index">The outcome's position in <paramref name="p"/>.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double InformationContent(ReadOnlySpan<double> p, int index, InformationUnit unit, int maxDegreeOfParallelism)
    {
        if ((uint)index < (uint)p.Length
            && SumsKernel.TryInformationContent(p, p[index], KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast))
            return unit.FromNats(fast);
        Preconditions.CheckWeights(p, nameof(p));
        Preconditions.CheckIndex(index, p.Length, nameof(index));
        return unit.FromNats(InformationContentNats(p, index));
    }

    /// <summary>−log p̂ᵢ for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="InformationContent(ReadOnlySpan{double}, int, InformationUnit, int)"/>
    public static double InformationContent(ReadOnlySpan<float> p, int index, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        if ((uint)index < (uint)p.Length
            && SumsKernel.TryInformationContent(p, p[index], KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast))
            return unit.FromNats(fast);
        double[] pd = Widen(p);
        Preconditions.CheckWeights(pd, nameof(p));
        Preconditions.CheckIndex(index, pd.Length, nameof(index));
        return unit.FromNats(InformationContentNats(pd, index));
    }

    /// <summary>Information content of <paramref name="outcome"/> under <paramref name="p"/>: −log p(outcome); +∞ outside the support.</summary>
    /// <param name="p">The distribution.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double InformationContent(DiscreteDistribution p, Outcome outcome, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        int i = p.Support.IndexOf(outcome);
        return i < 0 ? double.PositiveInfinity : InformationContent(p.Weights, i, unit);
    }

    /// <summary>The exact path: −ln p̂ᵢ in log space, −ln(1 − ε) for a dominant outcome.</summary>
    internal static double InformationContentNats(ReadOnlySpan<double> p, int index) =>
        Math.Max(0.0, -ScaledWeights.Of(p).LogOfNormalized(index, p[index]));
}
