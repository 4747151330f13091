namespace Kullback.Comparison;

/// <summary>The categories not listed in their own bins (past the category cap), gathered in one bin.</summary>
public sealed record OtherBin : Bin
{
    /// <summary>The one instance.</summary>
    public static OtherBin Instance { get; } = new();

    private OtherBin()
    {
    }

    /// <summary><c>(other)</c>.</summary>
    public override string Label => "(other)";
}
