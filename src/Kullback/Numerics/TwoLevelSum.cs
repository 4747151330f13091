namespace Kullback.Numerics;

/// <summary>
/// A compensated sum of terms at two levels: ordinary ones and deep ones carried times 2^<see cref="ScaledWeights.DeepShift"/>
/// (made of entries far below a vector's largest), so that the deep terms keep their precision however small they are.
/// A mutable accumulator meant to live in a local variable.
/// </summary>
internal struct TwoLevelSum
{
    private NeumaierSum _regular;
    private NeumaierSum _deep;

    /// <summary>Adds term·2^−level; a level beyond the deep one holds nothing a double could show.</summary>
    public void Add(double term, int level)
    {
        if (level == 0) _regular.Add(term);
        else if (level == ScaledWeights.DeepShift) _deep.Add(term);
    }

    /// <summary>The sum, rounded once more when the deep part is added.</summary>
    public readonly double Total => _regular.Total + Math.ScaleB(_deep.Total, -ScaledWeights.DeepShift);
}
