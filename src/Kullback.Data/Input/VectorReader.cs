using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>
/// Reads a vector of probabilities or weights: numbers separated by commas, semicolons, blanks or line ends, in any
/// mix; blank lines are skipped and <c>#</c> starts a comment that runs to the end of its line.
/// </summary>
/// <remarks>
/// Decimal commas. The decimal separator is always a point, and a comma always separates numbers, so a comma between
/// two digits is where a decimal comma would silently give another distribution ("0,5 0,5" is four numbers). It is
/// refused, with a message that says "decimal comma", when (1) its line also separates numbers by blanks or
/// semicolons ("0,5 0,5", "0,5;0,5"); or (2) the digits after it look like a thousands group with a leading 0
/// ("1,000", "2,050"); or (3) a line is two plain whole numbers joined by a comma ("0,25", "3,17") and no line shows
/// commas to be separators (three or more numbers joined by commas, a comma followed by a blank, or a number with a
/// point or an exponent beside a comma). "0.15,0.12,0.08", "1,2,3" and "0.5, 0.5" are read as lists.
/// </remarks>
internal static class VectorReader
{
    private const string Expected = "separated by commas, spaces or newlines (# starts a comment)";

    public static double[] Read(InputSource source, VectorKind kind, InputOptions options)
    {
        using var lines = new LineReader(source, options);
        return Read(lines, kind, options, options.MaxVectorLength, options.Hints.MaxVectorLength, "a vector");
    }

    /// <summary>Reads the rest of <paramref name="lines"/>, keeping at most <paramref name="limit"/> values.</summary>
    /// <param name="lines">The reader.</param>
    /// <param name="kind">Probabilities (checked to sum to 1) or weights.</param>
    /// <param name="options">The limits and hints.</param>
    /// <param name="limit">The most values kept.</param>
    /// <param name="limitHint">How to raise it.</param>
    /// <param name="limitOf">What the limit is for, in messages ("a vector").</param>
    public static double[] Read(LineReader lines, VectorKind kind, InputOptions options, int limit, string limitHint, string limitOf)
    {
        var state = new State(lines.Source, kind, options, limit, limitHint, limitOf);
        while (lines.TryReadLine(out var line))
        {
            int hash = line.IndexOf((byte)'#');
            state.ReadLine(hash >= 0 ? line[..hash] : line, lines.LineNumber);
        }
        return state.Finish();
    }

    private static bool IsSeparator(byte b) => b == ',' || b == ';' || Utf8Text.IsBlank(b);

    private static readonly System.Buffers.SearchValues<byte> Separators = System.Buffers.SearchValues.Create(",; \t\v\f"u8);

    private sealed class State(string source, VectorKind kind, InputOptions options, int limit, string limitHint, string limitOf)
    {
        private readonly ChunkedBuffer<double> _values = new();
        private CompensatedSum _sum;
        private bool _anyPositive;
        private bool _commasSeparate;
        private InputLocation? _ambiguous;
        private string? _ambiguousToken;

        private string What => kind == VectorKind.Probabilities ? "probabilities" : "counts or weights";

        public void ReadLine(ReadOnlySpan<byte> line, long lineNumber)
        {
            int i = 0, tokens = 0;
            int previousStart = -1, previousEnd = -1;
            int tightStart = -1, tightEnd = -1, tightCount = 0;
            bool otherSeparator = false, pointNearComma = false;
            while (i < line.Length)
            {
                int commas = 0;
                bool blankOrSemicolon = false;
                int runStart = i;
                while (i < line.Length && IsSeparator(line[i]))
                {
                    if (line[i] == ',') commas++;
                    else blankOrSemicolon = true;
                    i++;
                }
                if (i == line.Length) break;
                int start = i;
                int length = line[i..].IndexOfAny(Separators);
                i = length < 0 ? line.Length : i + length;
                var token = line[start..i];
                if (tokens > 0)
                {
                    if (commas > 1)
                        throw new InvalidInputException("an empty value between two commas; every entry needs a number.", At(lineNumber, line, runStart));
                    if (commas == 1 && !blankOrSemicolon)
                    {
                        var previous = line[previousStart..previousEnd];
                        if (IsDigit(previous[^1]) && IsDigit(token[0]))
                        {
                            if (tightStart < 0) (tightStart, tightEnd) = (previousStart, i);
                            tightCount++;
                            if (token.Length == 3 && token[0] == '0' && IsAllDigits(token))
                                throw DecimalComma(line[previousStart..i], At(lineNumber, line, previousStart),
                                    "looks like a thousands separator");
                        }
                        if (HasPointOrExponent(previous) || HasPointOrExponent(token)) pointNearComma = true;
                    }
                    else if (commas == 0) otherSeparator = true;
                    else _commasSeparate = true;   // a comma with a blank beside it
                }
                Add(token, lineNumber, line, start);
                tokens++;
                (previousStart, previousEnd) = (start, i);
            }
            if (tightStart < 0) return;
            if (otherSeparator)
                throw DecimalComma(line[tightStart..tightEnd], At(lineNumber, line, tightStart),
                    "looks like a decimal comma (the line also separates numbers by spaces or semicolons)");
            if (tokens >= 3 || pointNearComma) _commasSeparate = true;
            else if (tokens == 2 && _ambiguous is null)
            {
                _ambiguous = At(lineNumber, line, tightStart);
                _ambiguousToken = Utf8Text.Decode(line[tightStart..tightEnd]);
            }
        }

        private void Add(ReadOnlySpan<byte> token, long lineNumber, ReadOnlySpan<byte> line, int start)
        {
            if (token.Length > options.MaxFieldLength)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"a value of {token.Length:N0} bytes, longer than the limit of {options.MaxFieldLength:N0} (raise it with {options.Hints.MaxFieldLength}): {Utf8Text.Quote(token)}."),
                    At(lineNumber, line, start));
            var status = NumberText.TryParseDouble(token, out double value);
            if (status != NumberStatus.Ok)
            {
                string why = NumberText.WhyNotANumber(token, status);
                throw new InvalidInputException(why == NumberText.NotANumber
                        ? $"{Utf8Text.Quote(token)} {why}; expected {What} such as 0.25 or 1e-3, {Expected}."
                        : $"{Utf8Text.Quote(token)} {why}.",
                    At(lineNumber, line, start));
            }
            if (value < 0)
                throw new InvalidInputException($"{Utf8Text.Quote(token)} is negative; {What} must be ≥ 0.", At(lineNumber, line, start));
            // A whole number past 2⁵³ becomes its nearest double (within 1.1e-16 relative): the measures normalise weights,
            // so that rounding moves a divergence by no more than that.
            if (_values.Count >= limit)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"more than {limit:N0} values, the limit for {limitOf} (raise it with {limitHint})."),
                    At(lineNumber, line, start));
            _values.Add(value);
            _anyPositive |= value > 0;
            _sum.Add(value);
        }

        public double[] Finish()
        {
            var where = new InputLocation(source);
            if (_values.Count == 0)
                throw new InvalidInputException($"the input holds no numbers (every line is blank or a # comment); expected {What} {Expected}.", where);
            if (_ambiguous is { } at && !_commasSeparate)
            {
                // Both parts are plain digits (at most a field long each), so the suggestions are short and safe to show.
                string[] parts = _ambiguousToken!.Split(',');
                throw new InvalidInputException(
                    $"{InputText.Quote(_ambiguousToken)} may be one number with a decimal comma or two numbers: numbers are read with a decimal point ({InputText.Quote($"{parts[0]}.{parts[1]}")}) in every locale; to give two numbers, write {InputText.Quote($"{parts[0]}, {parts[1]}")} or {InputText.Quote($"{parts[0]} {parts[1]}")}.",
                    at);
            }
            if (!_anyPositive)
                throw new InvalidInputException("every value is 0; at least one must be positive.", where);
            // Weights whose sum passes the largest double are fine: the measures scale them exactly.
            double sum = _sum.Overflowed ? double.PositiveInfinity : _sum.Total;
            if (kind == VectorKind.Probabilities && Math.Abs(sum - 1.0) > DiscreteDistribution.ProbabilitySumTolerance)
            {
                double off = sum - 1.0;
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"the probabilities sum to {sum:R} ({Math.Abs(off):G3} {(off < 0 ? "short of" : "over")} 1; the tolerance is 1e-9). If these are counts or weights, add {options.Hints.Counts} to normalise them."),
                    where);
            }
            return _values.ToArray();
        }

        private InputLocation At(long lineNumber, ReadOnlySpan<byte> line, int offset) =>
            new(source, lineNumber, 1 + Utf8Text.CountScalars(line[..offset]));

        private static InvalidInputException DecimalComma(ReadOnlySpan<byte> text, InputLocation at, string why) =>
            new($"{Utf8Text.Quote(text)} {why}; numbers take a decimal point and no thousands separators (0.5, 1000) in every locale.",
                at);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsAllDigits(ReadOnlySpan<byte> s) => !s.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static bool HasPointOrExponent(ReadOnlySpan<byte> s) => s.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;
}
