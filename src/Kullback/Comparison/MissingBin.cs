namespace Kullback.Comparison;

/// <summary>The missing values: NULL, an empty field, NaN. A rising missing rate is drift too.</summary>
public sealed record MissingBin : Bin
{
    /// <summary>The one instance.</summary>
    public static MissingBin Instance { get; } = new();

    private MissingBin()
    {
    }

    /// <summary><c>(missing)</c>.</summary>
    public override string Label => "(missing)";
}
