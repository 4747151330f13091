namespace Kullback.Data.Input;

/// <summary>What the numbers in a data file for <c>fit</c> and <c>sweep</c> are.</summary>
public enum ObservationKind
{
    /// <summary>How often each outcome was seen: <c>value,count</c> rows or a bare list for the outcomes 0, 1, 2, …</summary>
    Counts,

    /// <summary>The probability of each outcome, in the same shapes as counts; the number of observations is unknown.</summary>
    Probabilities,

    /// <summary>One observation per row, or one column of a delimited file.</summary>
    Samples,
}
