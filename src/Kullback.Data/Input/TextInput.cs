namespace Kullback.Data.Input;

/// <summary>
/// The one input layer for text sources: each command calls one method. Every reader streams its source once,
/// parses every number the same way in every locale, enforces the limits of <see cref="InputOptions"/>, and refuses
/// bad data with an <see cref="InvalidInputException"/> whose message is one line: the source, the physical line and
/// column, the offending text quoted and cut (<see cref="InputText.Quote"/>), and what would be accepted.
/// </summary>
/// <remarks>
/// <para>Text: UTF-8 with or without a byte-order mark, or UTF-16 that starts with one; gzip is decompressed. A NUL
/// byte or invalid UTF-8 is refused as binary when its block is read. Lines end at LF, CRLF or CR; the last may lack
/// one. Blank lines and lines whose first non-blank character is <c>#</c> are skipped (and counted in line numbers).</para>
/// <para>Numbers: <c>[+|-] digits [. digits] [(e|E) [+|-] digits]</c> with ASCII digits, also <c>.5</c> and
/// <c>5.</c>, rounded correctly; a decimal point, never a decimal comma; no thousands or digit separators, no
/// hexadecimal, no NaN or infinity; a magnitude beyond 1.7976931348623157e308 or a nonzero number that rounds to 0
/// (below 4.9e-324) is refused; −0 reads as 0. Whole numbers (samples, values of <c>value,count</c> rows) are
/// <c>[+|-] digits</c> within −9223372036854775808 … 9223372036854775807.</para>
/// </remarks>
public static class TextInput
{
    /// <summary>
    /// Reads a vector for <c>measure</c>: numbers separated by commas, semicolons, blanks or newlines; <c>#</c> starts a
    /// comment anywhere in a line. Commas between digits that could be decimal commas are refused (see remarks).
    /// </summary>
    /// <param name="source">The file or stream.</param>
    /// <param name="kind">
    /// <see cref="VectorKind.Probabilities"/>: every value finite and ≥ 0, summing to 1 within 1e-9;
    /// <see cref="VectorKind.Weights"/>: finite, ≥ 0, not all 0, a finite sum, whole-number counts at most 2⁵³.
    /// </param>
    /// <param name="options">Limits and hints; <see cref="InputOptions.Default"/> when null.</param>
    /// <returns>The values in the order read (at least one; never NaN, ∞ or negative; −0 read as 0).</returns>
    /// <exception cref="InvalidInputException">The source cannot be read or the data are not such a vector.</exception>
    /// <remarks>
    /// A comma directly between digits is refused as a possible decimal comma when its line also separates numbers
    /// by blanks or semicolons (<c>0,5 0,5</c>), when it is followed by three digits starting with 0 (<c>1,000</c>),
    /// or when a line is just two whole numbers joined by a comma (<c>0,25</c>) and no line shows commas to be
    /// separators (three numbers joined by commas, a comma followed by a blank, or a number with a point or an
    /// exponent beside a comma). Two consecutive commas (an empty entry) are refused.
    /// </remarks>
    public static double[] ReadVector(InputSource source, VectorKind kind, InputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options = Checked(options);
        return VectorReader.Read(source, kind, options);
    }

    /// <summary>
    /// Reads observations for <c>fit</c> and <c>sweep</c>: <c>value,count</c> rows, a bare list of counts or
    /// probabilities for the outcomes 0, 1, 2, …, or samples; what the file holds is inferred when
    /// <paramref name="kind"/> is null, and <see cref="Observations.Explanation"/> says what was read and how it was decided.
    /// </summary>
    /// <param name="source">The file or stream.</param>
    /// <param name="kind">What the file holds, or null to infer it.</param>
    /// <param name="column">For samples in a table: the column (by header name or 1-based number); null for the only column.</param>
    /// <param name="options">Limits and hints; <see cref="InputOptions.Default"/> when null.</param>
    /// <exception cref="InvalidInputException">The source cannot be read, the data are not observations of that kind, or a limit is passed.</exception>
    /// <remarks>
    /// Samples are tallied as they stream (memory grows with the number of distinct values, at most
    /// <see cref="InputOptions.MaxDistinctValues"/>). A sample is a whole number; from the first that is not, every
    /// sample is a label (the explanation names it). Counts written as whole numbers must be at most 2⁵³ and sum to at
    /// most 9223372036854775807; probabilities must sum to 1 within 1e-9.
    /// </remarks>
    public static Observations ReadObservations(InputSource source, ObservationKind? kind = null, ColumnSelector? column = null, InputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options = Checked(options);
        return ObservationReader.Read(source, kind, column, options);
    }

    /// <summary>
    /// Reads points for <c>estimate</c>: one point per row of a table (comma, tab, semicolon or blank separated), one
    /// coordinate per chosen column; several columns give several dimensions.
    /// </summary>
    /// <param name="source">The file or stream.</param>
    /// <param name="columns">The columns, by header name or 1-based number; null or empty for every column of the first data row.</param>
    /// <param name="options">Limits and hints; <see cref="InputOptions.Default"/> when null.</param>
    /// <returns>At least one point; every coordinate finite.</returns>
    /// <exception cref="InvalidInputException">The source cannot be read, a chosen field is not a finite number, or more than <see cref="InputOptions.MaxPoints"/> points.</exception>
    public static PointSet ReadPoints(InputSource source, IReadOnlyList<ColumnSelector>? columns = null, InputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options = Checked(options);
        return PointReader.Read(source, columns, options);
    }

    private static InputOptions Checked(InputOptions? options)
    {
        options ??= InputOptions.Default;
        options.Validate();
        return options;
    }
}
