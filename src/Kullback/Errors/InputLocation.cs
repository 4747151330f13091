using System.Globalization;

namespace Kullback;

/// <summary>Where in a source a piece of input was found: the source's name and a physical line and column.</summary>
/// <param name="Source">The file name as the user gave it, "&lt;stdin&gt;", or a table or column name.</param>
/// <param name="Line">The 1-based physical line (every line counts: headers, comments, blank lines); 0 when not known.</param>
/// <param name="Column">The 1-based character column within the line; 0 when not known.</param>
public readonly record struct InputLocation(string Source, long Line = 0, long Column = 0)
{
    /// <summary>Like <c>data.csv:3:7</c>, <c>data.csv:3</c> or <c>data.csv</c>, as compilers print positions.</summary>
    public override string ToString() =>
        Line <= 0 ? Source
        : Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}")
        : string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}");
}
