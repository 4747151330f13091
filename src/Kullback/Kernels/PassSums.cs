using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// What one fast pass (or one chunk of it) accumulates: the normalising sums, the measure's main sum with the sum of
/// its absolute terms (for the error bound), an optional second sum (the reverse KL), and whether the exact path is
/// needed regardless of the bound (an invalid input, or a ratio too small to carry its digits).
/// Block results are added with compensated (Neumaier) summation.
/// </summary>
internal struct PassSums
{
    public NeumaierSum SumP, SumQ, Main, Second;
    public double AbsMain, AbsSecond;
    public bool NeedsExactPath;

    /// <summary>Some outcome makes the main (second) sum +∞ by definition: p &gt; 0 = q for KL and cross-entropy (q &gt; 0 = p for the reverse KL).</summary>
    public bool MainInfinite, SecondInfinite;

    public void Merge(in PassSums other)
    {
        SumP.Add(other.SumP.Total);
        SumQ.Add(other.SumQ.Total);
        Main.Add(other.Main.Total);
        Second.Add(other.Second.Total);
        AbsMain += other.AbsMain;
        AbsSecond += other.AbsSecond;
        NeedsExactPath |= other.NeedsExactPath;
        MainInfinite |= other.MainInfinite;
        SecondInfinite |= other.SecondInfinite;
    }
}
