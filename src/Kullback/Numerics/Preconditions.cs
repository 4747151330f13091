using System.Globalization;

namespace Kullback.Numerics;

/// <summary>Argument checks shared by every public entry point; messages name the argument, index and value.</summary>
internal static class Preconditions
{
    /// <summary>Checks a vector of probabilities or weights: not empty, finite, non-negative, not all zero (any magnitude, any sum).</summary>
    public static void CheckWeights(ReadOnlySpan<double> x, string name)
    {
        if (x.IsEmpty)
            throw new InvalidArgumentException($"{name} is empty: a probability vector needs at least one entry.", name);
        bool anyPositive = false;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (!double.IsFinite(v) || v < 0)
                throw new InvalidArgumentException(
                    $"{name}[{i}] = {Format(v)} is not a valid probability: entries must be finite and non-negative " +
                    "(they are normalised to sum to 1, so counts and weights are accepted).", name);
            anyPositive |= v > 0;
        }
        if (!anyPositive)
            throw new InvalidArgumentException($"{name} is all zeros: at least one entry must be positive.", name);
    }

    /// <summary>Checks both vectors and that they have the same length.</summary>
    public static void CheckPair(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName)
    {
        CheckWeights(p, pName);
        CheckWeights(q, qName);
        if (p.Length != q.Length)
            throw new InvalidArgumentException(
                $"{pName} has {p.Length} entries and {qName} has {q.Length}: the vectors must have the same length " +
                "(one entry per outcome, in the same order).", qName);
    }

    public static void CheckIndex(int index, int length, string name)
    {
        if ((uint)index >= (uint)length)
            throw new InvalidArgumentException($"{name} = {index} is outside 0..{length - 1}.", name);
    }

    public static void CheckRenyiOrder(double alpha, string name)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new InvalidArgumentException($"{name} = {Format(alpha)} is not a valid Rényi order: it must be finite and greater than 0.", name);
    }

    /// <summary>An order of a Rényi or Tsallis measure: 0 ≤ α ≤ ∞ (NaN and negative orders refused).</summary>
    public static void CheckOrder(double alpha, string name)
    {
        if (!(alpha >= 0))
            throw new InvalidArgumentException($"{name} = {Format(alpha)} is not a valid order: it must be 0 or more (∞ included).", name);
    }

    public static void CheckDestination(int destinationLength, int needed, string name)
    {
        if (destinationLength < needed)
            throw new InvalidArgumentException($"{name} has {destinationLength} entries but {needed} are needed.", name);
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
