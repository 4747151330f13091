namespace Kullback.Comparison;

/// <summary>How a column is compared: binned on the reference's edges, or one bin per value.</summary>
public enum ColumnKind
{
    /// <summary>Numbers (and dates and times, as seconds since 1970): ranges [lower, upper) chosen on the reference.</summary>
    Numeric,

    /// <summary>Text and booleans (and numbers the user says are categories): one bin per value, capped, plus "other".</summary>
    Categorical,
}
