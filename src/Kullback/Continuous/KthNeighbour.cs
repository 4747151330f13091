namespace Kullback.Continuous;

/// <summary>
/// The answer of one k-th-neighbour query, kept as computed: the squared distance in a tree's scaled units times
/// 4^<see cref="Exponent"/>, so that no digit is lost to underflow or to a square root.
/// </summary>
/// <param name="SquaredDistance">r = (ρ·2^(L − S))², with S the tree's scale and L the exponent; +∞ when no point lies at a positive distance.</param>
/// <param name="Exponent">L, 0 unless the distance is tiny relative to the data (then the query was redone with differences times 2^L).</param>
/// <param name="Rank">The rank of the neighbour, max(k, c + 1), with c the copies of the query among the other points.</param>
internal readonly record struct KthNeighbour(double SquaredDistance, int Exponent, long Rank)
{
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>ρ = √r·2^(S − L), in the data's own units (may overflow or underflow for extreme data; <see cref="LogDistance"/> does not).</summary>
    public double Distance(int scale) => Math.ScaleB(Math.Sqrt(SquaredDistance), scale - Exponent);

    /// <summary>ln ρ = ½·ln r + (S − L)·ln 2.</summary>
    public double LogDistance(int scale) => 0.5 * Math.Log(SquaredDistance) + (scale - Exponent) * Ln2;
}
