namespace Kullback.Data.Engines;

/// <summary>What kind of data a source column holds, in the few categories that decide how it is summarised.</summary>
public enum ColumnCategory
{
    /// <summary>Signed or unsigned integers of any width.</summary>
    Integral,

    /// <summary>Floating-point numbers and decimals.</summary>
    Real,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>Strings, enums, UUIDs.</summary>
    Text,

    /// <summary>Dates, times, timestamps, intervals.</summary>
    Temporal,

    /// <summary>Anything else: lists, structs, maps, blobs, JSON.</summary>
    Other,
}
