namespace Kullback.Data.Input;

/// <summary>
/// The words a message uses for the ways a person can change what is read: the tool's flags by default. A library
/// caller replaces them with its own (property names, say) so that every message points at something that exists.
/// </summary>
public sealed record InputHints
{
    /// <summary>The tool's flags.</summary>
    public static InputHints Tool { get; } = new();

    /// <summary>Reads a vector as counts or weights instead of probabilities (default <c>--counts</c>).</summary>
    public string Counts { get; init; } = "--counts";

    /// <summary>Says what a data file holds, for example <c>--as counts</c> (default <c>--as</c>).</summary>
    public string Kind { get; init; } = "--as";

    /// <summary>Chooses a column by name or number (default <c>--column</c>).</summary>
    public string Column { get; init; } = "--column";

    /// <summary>Raises <see cref="InputOptions.MaxFieldLength"/> (default <c>--max-field-length</c>).</summary>
    public string MaxFieldLength { get; init; } = "--max-field-length";

    /// <summary>Raises <see cref="InputOptions.MaxLineLength"/> (default <c>--max-line-length</c>).</summary>
    public string MaxLineLength { get; init; } = "--max-line-length";

    /// <summary>Raises <see cref="InputOptions.MaxDistinctValues"/> (default <c>--max-distinct</c>).</summary>
    public string MaxDistinctValues { get; init; } = "--max-distinct";

    /// <summary>Raises <see cref="InputOptions.MaxPoints"/> (default <c>--max-points</c>).</summary>
    public string MaxPoints { get; init; } = "--max-points";

    /// <summary>Raises <see cref="InputOptions.MaxVectorLength"/> (default <c>--max-values</c>).</summary>
    public string MaxVectorLength { get; init; } = "--max-values";
}
