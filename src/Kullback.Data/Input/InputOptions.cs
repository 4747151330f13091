namespace Kullback.Data.Input;

/// <summary>
/// The hard limits every reader enforces, so that memory stays bounded for any input, and the words messages use to
/// say how to raise them. Each limit is refused with a message that names it and the number seen.
/// </summary>
/// <remarks>
/// The defaults suit the tool: a number never needs more than a few dozen bytes, a label a few hundred; a million
/// distinct values is far more than a discrete model can use and bounds a tally to about 100 MB; ten million points
/// of three coordinates take 240 MB. Raise a limit (the tool exposes each as a flag) when the data really need it.
/// </remarks>
public sealed record InputOptions
{
    /// <summary>The options with every default.</summary>
    public static InputOptions Default { get; } = new();

    /// <summary>
    /// The longest field (a number, a label, a header name) read, in UTF-8 bytes; default 1,024. A longer field is
    /// refused before it is parsed or kept, and only its first characters are shown.
    /// </summary>
    public int MaxFieldLength { get; init; } = 1024;

    /// <summary>
    /// The longest physical line, in UTF-8 bytes without its line end; default 64 MiB (67,108,864), which allows a
    /// vector of three million numbers written on one line. The read buffer never grows beyond this.
    /// </summary>
    public int MaxLineLength { get; init; } = 64 << 20;

    /// <summary>
    /// The most distinct values kept: distinct samples (whole numbers or labels), <c>value,count</c> rows, or
    /// outcomes of a bare list of counts; default 1,000,000.
    /// </summary>
    public int MaxDistinctValues { get; init; } = 1_000_000;

    /// <summary>The most points (rows) kept for the nearest-neighbour estimators; default 10,000,000.</summary>
    public int MaxPoints { get; init; } = 10_000_000;

    /// <summary>The most numbers kept in a vector of probabilities or weights; default 100,000,000 (800 MB).</summary>
    public int MaxVectorLength { get; init; } = 100_000_000;

    /// <summary>How messages name the ways to change what is read (the tool's flags by default).</summary>
    public InputHints Hints { get; init; } = InputHints.Tool;

    /// <summary>Refuses limits below 1 (and lines so long no buffer could hold them).</summary>
    internal void Validate()
    {
        Check(MaxFieldLength, nameof(MaxFieldLength));
        Check(MaxLineLength, nameof(MaxLineLength));
        Check(MaxDistinctValues, nameof(MaxDistinctValues));
        Check(MaxPoints, nameof(MaxPoints));
        Check(MaxVectorLength, nameof(MaxVectorLength));
        if (MaxLineLength > Array.MaxLength - 1024)
            throw new InvalidArgumentException($"{nameof(MaxLineLength)} may be at most {Array.MaxLength - 1024}.", nameof(MaxLineLength));
        ArgumentNullException.ThrowIfNull(Hints);
    }

    private static void Check(int value, string name)
    {
        if (value < 1) throw new InvalidArgumentException($"{name} must be at least 1.", name);
    }
}
