using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kullback.Comparison;

namespace Kullback.Data.Comparison;

/// <summary>
/// A <see cref="DatasetProfile"/> as the JSON document <c>kullback.profile/1</c> (written with Utf8JsonWriter and read
/// with JsonDocument: no reflection). Numbers round-trip exactly; counts are integers.
/// </summary>
/// <remarks>
/// <code>
/// {"schema": "kullback.profile/1", "source": …, "rows": N, "columns": [
///   {"name": …, "kind": "numeric", "binning": "quantile", "edges": [e…], "counts": [n…], "missing": m, "present": p,
///    "distinct": d, "minimum": x, "maximum": y, "mean": μ, "standard_deviation": σ, "fine": {"edges": [e…], "counts": [n…]}},
///   {"name": …, "kind": "categorical", "values": [{"value": "red", "count": n}, …], "unlisted": u, "missing": m, "present": p, "distinct": d}]}
/// </code>
/// <c>counts</c> follow the bins underflow, [e₀, e₁), …, overflow, missing.
/// </remarks>
public static class ProfileFile
{
    /// <summary>The schema name and version.</summary>
    public const string Schema = "kullback.profile/1";

    /// <summary>Whether <paramref name="path"/> is a profile (a JSON object naming this schema), rather than data.</summary>
    public static bool IsProfile(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return false;
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[256];
            int read = stream.Read(buffer);
            string start = Encoding.UTF8.GetString(buffer, 0, read);
            return start.TrimStart().StartsWith('{') && start.Contains("\"schema\"", StringComparison.Ordinal) && start.Contains(Schema, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The profile as JSON text.</summary>
    public static string Write(DatasetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("source", profile.Source);
            w.WriteNumber("rows", profile.Rows);
            w.WriteStartArray("columns");
            foreach (var c in profile.Columns) WriteColumn(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteColumn(Utf8JsonWriter w, ColumnProfile c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("kind", c.Kind == ColumnKind.Numeric ? "numeric" : "categorical");
        w.WriteNumber("missing", c.Missing);
        w.WriteNumber("present", c.Present);
        w.WriteNumber("distinct", c.Distinct);
        if (c.Kind == ColumnKind.Categorical)
        {
            w.WriteStartArray("values");
            foreach (var (value, count) in c.Values)
            {
                w.WriteStartObject();
                w.WriteString("value", value);
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("unlisted", c.Unlisted);
        }
        else
        {
            w.WriteString("binning", RuleKey(c.Edges!.Rule));
            Numbers(w, "edges", c.Edges.Edges);
            Integers(w, "counts", c.Counts);
            Number(w, "minimum", c.Minimum);
            Number(w, "maximum", c.Maximum);
            Number(w, "mean", c.Mean);
            Number(w, "standard_deviation", c.StandardDeviation);
            if (c.FineEdges is { } fine)
            {
                w.WriteStartObject("fine");
                Numbers(w, "edges", fine.Edges);
                Integers(w, "counts", c.FineCounts);
                w.WriteEndObject();
            }
        }
        w.WriteEndObject();
    }

    /// <summary>Reads the profile at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, not JSON, not this schema, or inconsistent; the message says where.</exception>
    public static DatasetProfile Read(string path)
    {
        var location = new InputLocation(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"not a profile: the JSON is invalid at line {(e.LineNumber ?? 0) + 1} ({e.Message.Split('.')[0]}).", location, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot read the profile: {e.Message}", location, e);
        }
        using (document)
        {
            try
            {
                var root = document.RootElement;
                if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != Schema)
                    throw new InvalidInputException($"not a {Schema} profile (its \"schema\" field says otherwise).", location);
                var columns = root.GetProperty("columns").EnumerateArray().Select(c => ReadColumn(c, location)).ToImmutableArray();
                return new DatasetProfile(root.GetProperty("source").GetString() ?? path, root.GetProperty("rows").GetInt64(), columns);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or InvalidArgumentException)
            {
                throw new InvalidInputException($"the profile is incomplete or inconsistent: {(e is InvalidArgumentException a ? a.Reason : e.Message)}", location, e);
            }
        }
    }

    private static ColumnProfile ReadColumn(JsonElement c, InputLocation location)
    {
        string name = c.GetProperty("name").GetString()!;
        var kind = c.GetProperty("kind").GetString() switch
        {
            "numeric" => ColumnKind.Numeric,
            "categorical" => ColumnKind.Categorical,
            var other => throw new InvalidInputException($"column {InputText.Quote(name)} has the unknown kind {InputText.Quote(other ?? "")}.", location),
        };
        var profile = new ColumnProfile
        {
            Name = name, Kind = kind, Missing = c.GetProperty("missing").GetInt64(), Present = c.GetProperty("present").GetInt64(),
            Distinct = c.GetProperty("distinct").GetInt64(),
        };
        if (kind == ColumnKind.Categorical)
        {
            return profile with
            {
                Values = [.. c.GetProperty("values").EnumerateArray().Select(v => KeyValuePair.Create(v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt64()))],
                Unlisted = c.GetProperty("unlisted").GetInt64(),
            };
        }
        var edges = new NumericBinEdges(c.GetProperty("edges").EnumerateArray().Select(e => e.GetDouble()), ParseRule(c.GetProperty("binning").GetString()));
        long[] counts = [.. c.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64())];
        if (counts.Length != edges.Bins.Length)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"column {InputText.Quote(name)} has {counts.Length} counts for {edges.Bins.Length} bins."), location);
        NumericBinEdges? fine = null;
        long[] fineCounts = [];
        if (c.TryGetProperty("fine", out var f))
        {
            fine = new NumericBinEdges(f.GetProperty("edges").EnumerateArray().Select(e => e.GetDouble()), BinningRule.Quantile);
            fineCounts = [.. f.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64())];
            if (fineCounts.Length != fine.Bins.Length)
                throw new InvalidInputException($"column {InputText.Quote(name)}'s fine histogram has the wrong number of counts.", location);
        }
        return profile with
        {
            Edges = edges, Counts = [.. counts], FineEdges = fine, FineCounts = [.. fineCounts],
            Minimum = OptionalNumber(c, "minimum"), Maximum = OptionalNumber(c, "maximum"), Mean = OptionalNumber(c, "mean"),
            StandardDeviation = c.TryGetProperty("standard_deviation", out var sd) && sd.ValueKind == JsonValueKind.Number ? sd.GetDouble() : 0,
        };
    }

    private static double OptionalNumber(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Integers(Utf8JsonWriter w, string name, IEnumerable<long> values)
    {
        w.WriteStartArray(name);
        foreach (long v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static string RuleKey(BinningRule rule) => rule switch
    {
        BinningRule.Width => "width",
        BinningRule.FreedmanDiaconis => "freedman_diaconis",
        BinningRule.Doane => "doane",
        BinningRule.PerValue => "per_value",
        _ => "quantile",
    };

    private static BinningRule ParseRule(string? key) => key switch
    {
        "width" => BinningRule.Width,
        "freedman_diaconis" => BinningRule.FreedmanDiaconis,
        "doane" => BinningRule.Doane,
        "per_value" => BinningRule.PerValue,
        "quantile" => BinningRule.Quantile,
        _ => throw new InvalidArgumentException($"{InputText.Quote(key ?? "")} is not a binning rule.", nameof(key)),
    };
}
