using System.Globalization;
using System.Text;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// A generated dataset with every kind of column a comparison meets, and the awkward values of each: doubles with NULL
/// and NaN, small and wide integers, timestamps (whole seconds, as ClickHouse's DateTime keeps them), text with NULL,
/// empty strings and a quote, booleans with NULL.
/// </summary>
internal sealed class ComparisonRows
{
    /// <summary>The compared columns, in table order.</summary>
    public static readonly string[] Columns = ["amount", "quantity", "score", "seen", "colour", "flag"];

    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Colours = ["red", "blue", "green", "it's", "grün", "violet"];

    public required double?[] Amount { get; init; }

    public required long?[] Quantity { get; init; }

    public required long[] Score { get; init; }

    public required DateTime?[] Seen { get; init; }

    public required string?[] Colour { get; init; }

    public required bool?[] Flag { get; init; }

    public int Count => Amount.Length;

    /// <summary>Rows from a seed; <paramref name="shift"/> moves the numbers, <paramref name="blueShare"/> the colours.</summary>
    public static ComparisonRows Generate(int n, int seed, double shift, double blueShare)
    {
        var random = new Random(seed);
        var amount = new double?[n];
        var quantity = new long?[n];
        var score = new long[n];
        var seen = new DateTime?[n];
        var colour = new string?[n];
        var flag = new bool?[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            amount[i] = i % 41 == 0 ? null : i % 59 == 0 ? double.NaN : Math.Round(100 + shift + 15 * normal, 3);
            quantity[i] = i % 37 == 0 ? null : random.Next(0, 6);
            score[i] = random.Next(0, 5000) + (long)(shift * 100);
            seen[i] = i % 43 == 0 ? null : Epoch.AddSeconds(random.Next(0, 90 * 86_400) + (long)(shift * 86_400));
            double u = random.NextDouble();
            colour[i] = i % 29 == 0 ? null : i % 31 == 0 ? "" : u < blueShare ? "blue" : Colours[(int)(u * 1000) % Colours.Length];
            flag[i] = i % 23 == 0 ? null : random.NextDouble() < 0.4 + shift / 100;
        }
        return new ComparisonRows { Amount = amount, Quantity = quantity, Score = score, Seen = seen, Colour = colour, Flag = flag };
    }

    /// <summary>One row as the server fixtures load it (PostgreSQL COPY, ClickHouse TabSeparated): timestamps as text, booleans as given.</summary>
    public object?[] Row(int i, bool booleanAsText) =>
    [
        Amount[i], Quantity[i], Score[i], Seen[i]?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Colour[i],
        Flag[i] is { } f ? booleanAsText ? (f ? "true" : "false") : f : null,
    ];

    /// <summary>The rows as a tab-separated file for DuckDB's <c>read_csv</c> (<c>\N</c> for NULL, so that empty text stays empty).</summary>
    public void WriteStaging(string path)
    {
        var text = new StringBuilder(string.Join('\t', Columns)).Append('\n');
        for (int i = 0; i < Count; i++)
        {
            text.Append(Amount[i] is { } a ? double.IsNaN(a) ? "nan" : a.ToString("R", CultureInfo.InvariantCulture) : "\\N").Append('\t')
                .Append(Quantity[i] is { } q ? q.ToString(CultureInfo.InvariantCulture) : "\\N").Append('\t')
                .Append(Score[i].ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Seen[i] is { } s ? s.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "\\N").Append('\t')
                .Append(Colour[i] ?? "\\N").Append('\t')
                .Append(Flag[i] is { } f ? f ? "true" : "false" : "\\N").Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The DuckDB column types of the staging file.</summary>
    public const string DuckDbColumns = "{'amount': 'DOUBLE', 'quantity': 'BIGINT', 'score': 'BIGINT', 'seen': 'TIMESTAMP', 'colour': 'VARCHAR', 'flag': 'BOOLEAN'}";

    /// <summary>The PostgreSQL column definitions.</summary>
    public const string PostgreSqlColumns = "amount double precision, quantity bigint, score bigint, seen timestamp, colour text, flag boolean";

    /// <summary>
    /// The ClickHouse 18.16 column definitions. That version has no boolean type: the flag is an Enum8 whose names are
    /// the boolean's text, which is what a boolean compares as elsewhere.
    /// </summary>
    public const string ClickHouseColumns =
        "amount Nullable(Float64), quantity Nullable(Int64), score Int64, seen Nullable(DateTime), colour Nullable(String), flag Nullable(Enum8('false' = 0, 'true' = 1))";

    /// <summary>The values of a numeric column that are present (not NULL, not NaN), as the comparison reads them (timestamps as seconds since 1970).</summary>
    public double[] Present(string column) => column switch
    {
        "amount" => [.. Amount.Where(a => a is { } v && !double.IsNaN(v)).Select(a => a!.Value)],
        "quantity" => [.. Quantity.Where(q => q is not null).Select(q => (double)q!.Value)],
        "score" => [.. Score.Select(s => (double)s)],
        "seen" => [.. Seen.Where(s => s is not null).Select(s => (double)new DateTimeOffset(s!.Value).ToUnixTimeSeconds())],
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a numeric column"),
    };

    /// <summary>The number of missing values of a column (NULL or NaN; NULL or empty text).</summary>
    public long Missing(string column) => column switch
    {
        "amount" => Amount.Count(a => a is null || double.IsNaN(a.Value)),
        "quantity" => Quantity.Count(q => q is null),
        "score" => 0,
        "seen" => Seen.Count(s => s is null),
        "colour" => Colour.Count(string.IsNullOrEmpty),
        "flag" => Flag.Count(f => f is null),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a column"),
    };

    /// <summary>The present values of a categorical column with their counts.</summary>
    public IEnumerable<KeyValuePair<string, long>> Categories(string column)
    {
        IEnumerable<string> values = column switch
        {
            "colour" => Colour.Where(c => !string.IsNullOrEmpty(c)).Select(c => c!),
            "flag" => Flag.Where(f => f is not null).Select(f => f!.Value ? "true" : "false"),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a categorical column"),
        };
        return values.GroupBy(v => v, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));
    }
}
