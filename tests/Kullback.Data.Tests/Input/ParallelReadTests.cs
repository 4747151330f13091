using System.Globalization;
using System.Text;
using CsCheck;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>Runs apart from the other tests: it changes when blocks are cut in two for two cores.</summary>
[CollectionDefinition(nameof(ParallelReadTests), DisableParallelization = true)]
public sealed class ParallelReadGroup;

/// <summary>
/// Blocks parsed in two halves on two cores, and rows read by the fast paths, give exactly what one core reading every
/// row the full way gives: the same points, the same tally, the same first error at the same line and column, the same
/// limit errors.
/// </summary>
[Collection(nameof(ParallelReadTests))]
public class ParallelReadTests
{
    private static T Both<T>(Func<T> read, Func<T, string> show)
    {
        int saved = BlockLines.ParallelThreshold;
        try
        {
            BlockLines.ParallelThreshold = int.MaxValue;
            BlockLines.FastRows = false;
            string fullWay = Outcome(read, show);
            BlockLines.FastRows = true;
            Assert.Equal(fullWay, Outcome(read, show));
            BlockLines.ParallelThreshold = 64;   // every block of 256 bytes or more is cut in two
            Assert.Equal(fullWay, Outcome(read, show));
            return default!;
        }
        finally
        {
            BlockLines.ParallelThreshold = saved;
            BlockLines.FastRows = true;
        }
    }

    private static string Outcome<T>(Func<T> read, Func<T, string> show)
    {
        try
        {
            return show(read());
        }
        catch (InvalidInputException e)
        {
            WellFormed(e);
            return "refused: " + e.Message;
        }
    }

    private static string Show(PointSet p) => $"{p.Count}x{p.Dimensions}: {string.Join(' ', p.Coordinates.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}";

    private static string Show(Observations o) =>
        $"{o.Kind} {o.Data.ObservationCount} {o.Explanation} {string.Join(' ', o.Data.Support.Zip(o.Data.Probabilities, (s, p) => $"{s}={p:R}"))}";

    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.Int[-50, 50].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0", "-0", "1e-300", "7", "12"));

    /// <summary>A table of 1–400 rows of three numbers, sometimes with a bad cell, a comment, a blank line or CRLF.</summary>
    private static readonly Gen<string> Tables =
        Gen.Select(Numbers.Array[3].Array[1, 400], Gen.Int[0, 1000], Gen.OneOf<string>("x", "", "NaN", "1,5", "1e999", " 7", "7 ", "\"7\"", "+7", "7,8", "1e", "-", "0x1", "1.5e-400", "12345678901234567890", "\"a,b\""), Gen.Bool, Gen.Int[0, 3],
           (rows, badAt, bad, crlf, extra) =>
           {
               var text = new StringBuilder("a,b,c\n");
               for (int i = 0; i < rows.Length; i++)
               {
                   if (i == badAt) rows[i][1] = bad;
                   if (extra == 1 && i % 97 == 5) text.Append("# note\n");
                   if (extra == 2 && i % 89 == 3) text.Append('\n');
                   text.Append(string.Join(',', rows[i])).Append(crlf ? "\r\n" : "\n");
               }
               return text.ToString();
           });

    [Fact]
    public void Points_are_the_same_on_one_core_and_two() =>
        Tables.Sample(text =>
        {
            Both(() => TextInput.ReadPoints(Text(text)), Show);
            Both(() => TextInput.ReadPoints(Text(text), [ColumnSelector.ByName("c"), ColumnSelector.ByNumber(1)]), Show);
            Both(() => TextInput.ReadPoints(Text(text), options: new InputOptions { MaxPoints = 150 }), Show);
        }, iter: 300);

    [Fact]
    public void Tallies_are_the_same_on_one_core_and_two() =>
        Tables.Sample(text =>
        {
            Both(() => TextInput.ReadObservations(Text(text), ObservationKind.Samples, ColumnSelector.ByNumber(1)), Show);
            Both(() => TextInput.ReadObservations(Text(text), ObservationKind.Samples, ColumnSelector.ByName("b"), new InputOptions { MaxDistinctValues = 40 }), Show);
            string oneColumn = string.Join('\n', text.Split('\n').Select(l => l.Split(',')[0]));   // blanks as delimiter: every field a sample
            Both(() => TextInput.ReadObservations(Text(oneColumn), ObservationKind.Samples), Show);
            Both(() => TextInput.ReadObservations(Text(oneColumn.Replace('\n', ' ')), ObservationKind.Samples), Show);
        }, iter: 300);

    [Fact]
    public void A_large_file_really_is_split_and_read_whole()
    {
        var text = new StringBuilder("x\n");
        for (int i = 0; i < 100_000; i++) text.Append(i % 13).Append('\n');
        text.Append("oops\n");
        int saved = BlockLines.ParallelThreshold;
        try
        {
            BlockLines.ParallelThreshold = 4096;
            var e = Refused(() => TextInput.ReadPoints(Text(text.ToString())), "'oops'");
            Assert.Equal("100002:1", Position(e));
            var read = TextInput.ReadObservations(Text(text.ToString().Replace("oops\n", "", StringComparison.Ordinal)), ObservationKind.Samples);
            Assert.Equal(100_000, read.Data.ObservationCount);
            Assert.Equal(13, read.Data.Count);
        }
        finally
        {
            BlockLines.ParallelThreshold = saved;
        }
    }
}
