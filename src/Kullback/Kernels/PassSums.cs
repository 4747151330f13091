using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// What one fused pass (or one chunk of it) found: Σp, Σq and the operator's sums A and B (compensated across blocks),
/// the sums of the absolute terms, whether some term of A or B is +∞ by definition, and whether the fast result cannot
/// be trusted whatever its bound (invalid input, a sum out of range, a flagged lane). <see cref="Count"/> and
/// <see cref="Chain"/> describe the pass for the error bounds.
/// </summary>
internal struct PassSums
{
    public NeumaierSum SumP, SumQ, A, B;
    public double AbsA, AbsB;

    /// <summary>The largest values the terms put in <see cref="Lanes{TV}.Max"/> and <see cref="Lanes{TV}.MaxB"/> (0 if none), when they ask for them.</summary>
    public double Max, MaxB;
    public bool InfiniteA, InfiniteB, NeedsExactPath;

    /// <summary>The number of elements.</summary>
    public int Count;

    /// <summary>
    /// The longest chain of roundings in a lane sum: additions within a block, the horizontal sum and the compensated
    /// merge. A sum of terms tᵢ is within <see cref="Chain"/>·u·Σ|tᵢ| of exact.
    /// </summary>
    public double Chain;

    public readonly double P => SumP.Total;
    public readonly double Q => SumQ.Total;

    public void Merge(in PassSums other)
    {
        SumP.Add(other.SumP.Total);
        SumQ.Add(other.SumQ.Total);
        A.Add(other.A.Total);
        B.Add(other.B.Total);
        AbsA += other.AbsA;
        AbsB += other.AbsB;
        Max = Math.Max(Max, other.Max);
        MaxB = Math.Max(MaxB, other.MaxB);
        InfiniteA |= other.InfiniteA;
        InfiniteB |= other.InfiniteB;
        NeedsExactPath |= other.NeedsExactPath;
    }

    /// <summary>Σp (and Σq when the operator reads q) positive and finite, and nothing flagged: the sums can be used.</summary>
    public readonly bool Usable(bool readsQ) =>
        !NeedsExactPath && P > 0 && double.IsFinite(P) && (!readsQ || (Q > 0 && double.IsFinite(Q)));
}
