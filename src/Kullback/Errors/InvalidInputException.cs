namespace Kullback;

/// <summary>
/// Data that cannot be what it should be: a token that is not a number, a negative count, binary bytes in a text
/// file, a source past a limit. The one exception type for bad data, in the library and in every reader.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line: where (<see cref="Location"/>, when known), what was found (the
/// offending text escaped and shortened by <see cref="InputText.Quote"/>), and what would have been accepted.
/// </remarks>
public class InvalidInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and what would be accepted, as a sentence without the location.</param>
    /// <param name="location">Where, when known.</param>
    public InvalidInputException(string problem, InputLocation? location = null)
        : base(location is { } where ? $"{where}: {problem}" : problem)
    {
        Problem = problem;
        Location = location;
    }

    /// <summary>Creates the exception with an inner cause (an I/O error, say).</summary>
    public InvalidInputException(string problem, InputLocation? location, Exception inner)
        : base(location is { } where ? $"{where}: {problem}" : problem, inner)
    {
        Problem = problem;
        Location = location;
    }

    /// <summary>What is wrong and what would be accepted, without the location.</summary>
    public string Problem { get; }

    /// <summary>Where the bad input is, when known.</summary>
    public InputLocation? Location { get; }
}
