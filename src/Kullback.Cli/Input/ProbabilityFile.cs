using System.Globalization;

namespace Kullback.Cli;

/// <summary>
/// Reads a list of probabilities (or counts) separated by commas, whitespace or newlines; blank lines and
/// <c>#</c> comments are allowed. Every error names the file, line, column and token.
/// </summary>
internal static class ProbabilityFile
{
    /// <summary>Reads the values of <paramref name="path"/> ("-" for standard input).</summary>
    /// <param name="path">The file, or "-".</param>
    /// <param name="role">What the file is for, in messages ("P", "Q").</param>
    /// <param name="terminal">Where standard input comes from.</param>
    public static double[] Read(string path, string role, Terminal terminal)
    {
        string shown = path == Sources.StandardInput ? "<stdin>" : path;
        if (path != Sources.StandardInput)
        {
            if (Directory.Exists(path)) throw new UsageException($"{role} file '{path}' is a directory, not a file.");
            if (!File.Exists(path)) throw new UsageException($"{role} file '{path}' does not exist.");
        }
        try
        {
            using var reader = path == Sources.StandardInput ? new StreamReader(terminal.In()) : new StreamReader(path);
            return Parse(reader, shown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {role} file '{path}': {e.Message}");
        }
    }

    /// <summary>Parses the text of <paramref name="reader"/>; <paramref name="shown"/> names it in messages.</summary>
    public static double[] Parse(TextReader reader, string shown)
    {
        var values = new List<double>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            int comment = line.IndexOf('#');
            string content = comment >= 0 ? line[..comment] : line;
            int i = 0;
            while (i < content.Length)
            {
                if (IsSeparator(content[i])) { i++; continue; }
                int start = i;
                while (i < content.Length && !IsSeparator(content[i])) i++;
                values.Add(ParseToken(content[start..i], shown, lineNumber, start + 1));
            }
        }
        if (values.Count == 0)
            throw new UsageException($"{shown} holds no numbers: expected probabilities separated by commas, spaces or newlines.");
        return [.. values];
    }

    private static bool IsSeparator(char c) => c == ',' || c == ';' || char.IsWhiteSpace(c);

    private static double ParseToken(string token, string shown, int line, int column)
    {
        string where = $"{shown}:{line}:{column}";
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new UsageException($"{where}: '{token}' is not a number; expected probabilities such as 0.25 or 1e-3, separated by commas, spaces or newlines (# starts a comment).");
        if (!double.IsFinite(value))
            throw new UsageException($"{where}: '{token}' is not finite; probabilities must be finite numbers ≥ 0.");
        if (value < 0)
            throw new UsageException($"{where}: '{token}' is negative; probabilities must be ≥ 0.");
        return value;
    }

    /// <summary>
    /// Checks that <paramref name="values"/> sum to 1 within the library's tolerance, unless they are counts;
    /// and that they are not all zero.
    /// </summary>
    public static void CheckSum(double[] values, string shown, bool areCounts, string hint = "--counts")
    {
        double sum = values.Sum();
        if (sum == 0)
            throw new UsageException($"{shown}: every value is 0; at least one outcome needs a positive probability.");
        if (areCounts) return;
        double off = sum - 1.0;
        if (Math.Abs(off) > DiscreteDistribution.ProbabilitySumTolerance)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{shown}: the probabilities sum to {sum:R} ({Math.Abs(off):G3} {(off < 0 ? "short of" : "over")} 1). If these are counts or weights, add {hint} to normalise them."));
    }
}
