using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kullback.Cli;

/// <summary>Writes one JSON object to standard output: numbers in shortest round-trip form, +∞ as the string "Infinity".</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteNumberOrInfinity(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberOrInfinity(value);
    }

    public static void WriteIntegers(this Utf8JsonWriter writer, string name, IEnumerable<int> values)
    {
        writer.WriteStartArray(name);
        foreach (int v in values) writer.WriteNumberValue(v);
        writer.WriteEndArray();
    }

    public static void WriteInformation(this Utf8JsonWriter writer, string name, Information value, InformationUnit unit) =>
        writer.WriteNumberOrInfinity(name, value.In(unit));

    public static void WriteNullableInformation(this Utf8JsonWriter writer, string name, Information? value, InformationUnit unit)
    {
        if (value is { } v) writer.WriteNumberOrInfinity(name, v.In(unit));
        else writer.WriteNull(name);
    }

    public static void WriteNullable(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v) writer.WriteNumberOrInfinity(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>A model parameter: whole numbers exactly (as JSON integers), others in shortest round-trip form.</summary>
    public static void WriteParameter(this Utf8JsonWriter writer, Kullback.Fitting.ParameterValue parameter)
    {
        if (parameter.Whole is long whole) writer.WriteNumber(parameter.Parameter.Key, whole);
        else writer.WriteNumberOrInfinity(parameter.Parameter.Key, parameter.Value);
    }

    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }

    public static void WriteNumberOrInfinity(this Utf8JsonWriter writer, double value)
    {
        if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
        else if (double.IsNaN(value)) throw new InvalidOperationException("A NaN reached the JSON output; every value must be a number or ±∞.");
        else writer.WriteNumberValue(value);
    }
}
