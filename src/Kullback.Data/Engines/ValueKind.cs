namespace Kullback.Data.Engines;

/// <summary>What one value of an engine's result row holds.</summary>
public enum ValueKind
{
    /// <summary>SQL NULL: no value.</summary>
    Null,

    /// <summary>A 64-bit signed integer: counts, integer columns, integral decimals that fit.</summary>
    Integral,

    /// <summary>A double: floating-point columns, non-integral decimals, integers beyond the 64-bit range. May be NaN or ±∞ when the engine returned one.</summary>
    Real,

    /// <summary>Text: strings, and every other type in the engine's own text form (dates in ISO 8601).</summary>
    Text,
}
