using System.Text;
using Kullback.Data.Input;

namespace Kullback.Data.Tests.Input;

/// <summary>Sources made in memory, and the checks every refusal must pass.</summary>
internal static class InputAssert
{
    public static InputSource Text(string text, string name = "data.txt") => InputSource.FromText(text, name);

    public static InputSource Bytes(byte[] bytes, string name = "data.txt") =>
        InputSource.FromStream(new MemoryStream(bytes, writable: false), name, leaveOpen: false);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// Runs <paramref name="read"/>, which must refuse the input with an <see cref="InvalidInputException"/> whose
    /// message is well formed and contains every fragment.
    /// </summary>
    public static InvalidInputException Refused(Action read, params string[] fragments)
    {
        var e = Assert.Throws<InvalidInputException>(read);
        WellFormed(e);
        foreach (string fragment in fragments) Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        return e;
    }

    /// <summary>One line, short, nothing invisible or raw, no .NET or internal names.</summary>
    public static void WellFormed(InvalidInputException e)
    {
        string m = e.Message;
        Assert.True(m.Length <= 300, $"{m.Length} characters: {m}");
        Assert.DoesNotContain('\n', m);
        Assert.DoesNotContain('\r', m);
        Assert.False(m.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format), $"an invisible character in: {m}");
        foreach (string name in new[] { "Exception", "System.", "Kullback.", "LineReader", "NumberText", "FieldCursor", "Utf8" })
            Assert.DoesNotContain(name, m, StringComparison.Ordinal);
    }

    /// <summary>The location of a refusal as <c>line:column</c>.</summary>
    public static string Position(InvalidInputException e) => $"{e.Location?.Line}:{e.Location?.Column}";
}
