using System.Globalization;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>
/// Every number reads and every message writes the same under German (decimal comma) and Turkish (dotted and
/// dotless i) culture as under the invariant culture.
/// </summary>
public class CultureTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Numbers_read_with_a_decimal_point_in_every_culture(string culture) => Under(culture, () =>
    {
        Assert.Equal([1.5, 0.25, 1000], TextInput.ReadVector(Text("1.5 0.25 1e3"), VectorKind.Weights));
        Assert.Equal([0.5, 0.5], TextInput.ReadVector(Text("0.5,0.5"), VectorKind.Probabilities));
        var points = TextInput.ReadPoints(Text("x;y\n1.5;-2.25\n"));
        Assert.Equal([1.5, -2.25], points.Coordinates);
        var read = TextInput.ReadObservations(Text("value,count\n0,1.5\n1,2.5\n"));
        Assert.Equal(0.375, read.Data.Probabilities[0]);
        // A German file with decimal commas never reads as another distribution.
        Refused(() => TextInput.ReadVector(Text("0,5 0,5"), VectorKind.Weights), "decimal comma");
        Refused(() => TextInput.ReadPoints(Text("x;y\n1,5;2,5\n")), "decimal comma");
    });

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Messages_write_numbers_and_names_invariantly(string culture) => Under(culture, () =>
    {
        Refused(() => TextInput.ReadVector(Text("0.5 0.4"), VectorKind.Probabilities), "sum to 0.9 (0.1 short of 1");
        Refused(() => TextInput.ReadVector(Text(new string('1', 2000)), VectorKind.Weights), "2,000 bytes", "1,024");
        // Turkish upper-casing maps i to İ: column names still match ignoring case, ordinally.
        var points = TextInput.ReadPoints(Text("id,size\n1,2\n"), [ColumnSelector.ByName("ID"), ColumnSelector.ByName("SIZE")]);
        Assert.Equal([1.0, 2], points.Coordinates);
        Assert.Equal("Read 2 samples (as told by --as).", TextInput.ReadObservations(Text("1\n2\n"), ObservationKind.Samples).Explanation);
    });

    private static void Under(string name, Action test)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var (current, ui, defaultCurrent) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = culture;
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            test();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.DefaultThreadCurrentCulture = defaultCurrent;
        }
    }
}
