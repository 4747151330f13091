namespace Kullback.Cli;

/// <summary>What the numbers in a data file are.</summary>
internal enum InputKind
{
    /// <summary>How often each outcome was seen: <c>value,count</c> rows or a bare list indexed 0, 1, 2, …</summary>
    Counts,

    /// <summary>The probability of each outcome, in the same shapes as counts; N is unknown.</summary>
    Probabilities,

    /// <summary>One observation per row, or one column of a CSV file.</summary>
    Samples,
}
