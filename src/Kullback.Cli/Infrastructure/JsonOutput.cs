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

    public static void WriteNumberOrInfinity(this Utf8JsonWriter writer, double value)
    {
        if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
        else if (double.IsNaN(value)) writer.WriteStringValue("NaN");
        else writer.WriteNumberValue(value);
    }
}
