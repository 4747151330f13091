namespace Kullback.Data.Input;

/// <summary>What separates the fields of a row in a table.</summary>
internal enum Delimiter : byte
{
    /// <summary>Runs of blanks (spaces, tabs): a plain-text table or list.</summary>
    Blanks = 0,

    /// <summary>A comma (CSV).</summary>
    Comma = (byte)',',

    /// <summary>A semicolon (the CSV of locales with a decimal comma).</summary>
    Semicolon = (byte)';',

    /// <summary>A tab (TSV).</summary>
    Tab = (byte)'\t',
}
