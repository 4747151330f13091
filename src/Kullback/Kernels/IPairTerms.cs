using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The exact per-outcome terms of a two-sample measure beyond Kullback–Leibler (triangular discrimination, Clark,
/// K-divergence, Taneja, Kumar–Johnson, …): an <see cref="IExactTerms"/> that <see cref="ExactPass{TTerms}"/> runs
/// vectorised for pairs without deep entries, with what the outcome-by-outcome path needs besides: whether a term is
/// scale-free (then a deep outcome adds at level 0), and the term for an outcome with one deep and one regular entry.
/// </summary>
internal interface IPairTerms : IExactTerms
{
    /// <summary>
    /// True when a term is homogeneous of degree 0 in (p̂ᵢ, q̂ᵢ) (a ratio such as (p̂ − q̂)/(p̂ + q̂)); false when of degree 1,
    /// so that an outcome carried at the deep level adds its term at that level.
    /// </summary>
    static abstract bool ScaleFree { get; }

    /// <summary>
    /// The term of outcome i when one entry is deep (more than 270 decades below its vector's largest, so that at level 0
    /// it is not held exactly) and the other regular; NaN when the vectorised term is right there anyway (a term that does
    /// not depend on the deep entry to the precision of a double).
    /// </summary>
    static virtual double Mixed(in ExactPair c, int i, in PairEntry e) => double.NaN;
}
