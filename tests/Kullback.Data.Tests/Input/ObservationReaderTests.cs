using System.Text;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary><see cref="TextInput.ReadObservations"/>: shapes, inference and its sentences, labels, limits, exactness.</summary>
public class ObservationReaderTests
{
    private const string Worms = "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n";

    private static Observations Read(string text, ObservationKind? kind = null, string? column = null, InputOptions? options = null) =>
        TextInput.ReadObservations(Text(text, "obs.csv"), kind, column is null ? null : ColumnSelector.Parse(column), options);

    [Fact]
    public void A_bare_list_of_probabilities_is_inferred_and_said()
    {
        var read = Read(Worms);
        Assert.Equal(ObservationKind.Probabilities, read.Kind);
        Assert.True(read.Inferred);
        Assert.Null(read.Data.ObservationCount);
        Assert.Equal(11, read.Data.Count);
        Assert.Equal("Read 11 probabilities of outcomes 0…10 (inferred: a list of numbers read as the probabilities of outcomes 0, 1, 2, …; use --as to say otherwise); N is unknown, so fits are ranked by D(P‖Q).", read.Explanation);
    }

    [Fact]
    public void Value_count_rows_bare_counts_and_samples_are_recognised()
    {
        var pairs = Read("value,count\n0,5\n1,9\n2,4\n4,1\n");
        Assert.Equal((ObservationKind.Counts, 19L), (pairs.Kind, pairs.Data.ObservationCount!.Value));
        Assert.Equal("Read 4 value,count rows, N = 19 (inferred: two columns read as value,count rows; use --as to say otherwise).", pairs.Explanation);

        var list = Read("5 9 4 0 1\n");
        Assert.Equal((ObservationKind.Counts, 19L), (list.Kind, list.Data.ObservationCount!.Value));

        var samples = Read("3\n1\n3\n2\n3\n0\n");
        Assert.Equal((ObservationKind.Samples, 6L), (samples.Kind, samples.Data.ObservationCount!.Value));
        Assert.Contains("one whole number per row with repeated values, read as samples", samples.Explanation, StringComparison.Ordinal);
        Assert.Equal(3.0 / 6, samples.Data.Probability(Outcome.Of(3)));

        var distinct = Read("5\n9\n4\n");
        Assert.Equal(ObservationKind.Counts, distinct.Kind);
        Assert.Contains("distinct whole numbers one per row", distinct.Explanation, StringComparison.Ordinal);

        var told = Read("3\n1\n2\n", ObservationKind.Samples);
        Assert.Equal(3, told.Data.ObservationCount);
        Assert.Contains("as told by --as", told.Explanation, StringComparison.Ordinal);
        Assert.False(told.Inferred);

        var tsv = Read("value\tcount\n1\t3\n2\t5\n");
        Assert.Equal(8, tsv.Data.ObservationCount);
        var semicolons = Read("a;b\n1;3\n2;5\n");
        Assert.Equal(8, semicolons.Data.ObservationCount);
    }

    [Fact]
    public void Value_probability_rows_are_recognised_by_their_sum()
    {
        var read = Read("0,0.25\n1,0.5\n2,0.25\n");
        Assert.Equal(ObservationKind.Probabilities, read.Kind);
        Assert.Contains("value,probability rows (they sum to 1)", read.Explanation, StringComparison.Ordinal);
        Refused(() => Read("0.5 0.4\n", ObservationKind.Probabilities), "0.1 short of 1", "--as counts");
    }

    [Fact]
    public void Samples_in_a_column_by_name_or_number_stream_and_say_where_they_came_from()
    {
        var csv = new StringBuilder("id,teeth,colour\n");
        for (int i = 0; i < 1000; i++) csv.Append(i).Append(',').Append(i % 7).Append(",red\n");
        var byName = Read(csv.ToString(), column: "TEETH");
        var byNumber = Read(csv.ToString(), column: "2");
        Assert.Equal(1000, byName.Data.ObservationCount);
        Assert.Equal(string.Join(" ", byName.Data.Support), string.Join(" ", byNumber.Data.Support));
        Assert.Equal(byName.Data.Probabilities.ToArray(), byNumber.Data.Probabilities.ToArray());
        Assert.Equal("Read 1000 samples from column 'teeth' (inferred: --column names a column of samples; use --as to say otherwise).", byName.Explanation);
        Assert.Contains("from column 'teeth'", byNumber.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_sample_fields_are_skipped_and_counted()
    {
        var read = Read("a,b\n1,3\n2,\n3,3\n4,5\n", column: "b");
        Assert.Equal(3, read.Data.ObservationCount);
        Assert.Contains("1 empty field was skipped", read.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_sample_that_is_not_whole_makes_every_outcome_a_label_and_is_named()
    {
        var read = Read("3\n1\n2.5\n3\nred\n", ObservationKind.Samples);
        Assert.False(read.Data.IsNumeric);
        Assert.Equal(5, read.Data.ObservationCount);
        Assert.Equal(["1", "3", "2.5", "red"], read.Data.Support.Select(o => o.Label));
        Assert.Equal(0.4, read.Data.Probability(Outcome.Of("3")));
        Assert.Contains("'2.5' at obs.csv:3:1 is not a whole number, so the outcomes are treated as labels", read.Explanation, StringComparison.Ordinal);

        var colours = Read("red\nblue\nred\ngreen\n");
        Assert.Contains("one labelled observation per row", colours.Explanation, StringComparison.Ordinal);
        Assert.Equal(0.5, colours.Data.Probability(Outcome.Of("red")));
        var quoted = Read("c\n\"a, \"\"b\"\"\"\n1\n", column: "c");
        Assert.Contains(Outcome.Of("a, \"b\""), quoted.Data.Support);
    }

    [Theory]
    [InlineData("x;y\n1;0,5\n", "'0,5'", "decimal comma")]
    [InlineData("x\n1\n\"0,5\"\n", "'0,5'", "decimal comma")]
    [InlineData("x\ty\nred\t1,000\n", "'1,000'", "thousands")]
    public void Labels_that_look_like_numbers_with_a_decimal_comma_are_refused(string text, params string[] words) =>
        Refused(() => Read(text, ObservationKind.Samples, column: text.StartsWith("x\n", StringComparison.Ordinal) ? null : "y"), words);

    [Fact]
    public void More_distinct_values_than_the_limit_are_refused_with_the_number_and_the_flag()
    {
        var options = new InputOptions { MaxDistinctValues = 100 };
        string wholes = string.Join('\n', Enumerable.Range(0, 101)) + "\n";
        Assert.Equal(100, Read(string.Join('\n', Enumerable.Range(0, 100)) + "\n0\n", ObservationKind.Samples, options: options).Data.Count);
        var e = Refused(() => Read(wholes, ObservationKind.Samples, options: options), "more than 100 distinct values", "--max-distinct");
        Assert.Equal("101:1", Position(e));
        string large = string.Join('\n', Enumerable.Range(0, 101).Select(i => (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Refused(() => Read(large, ObservationKind.Samples, options: options), "more than 100 distinct values");
        string floats = string.Join('\n', Enumerable.Range(0, 101).Select(i => (i + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Refused(() => Read(floats, ObservationKind.Samples, options: options), "not whole numbers", "round or bin");
        string pairs = string.Join('\n', Enumerable.Range(0, 101).Select(i => $"{i},1"));
        Refused(() => Read(pairs, options: options), "more than 100 value,count rows");
        Refused(() => Read(string.Join(' ', Enumerable.Range(0, 101)), options: options), "more than 100 values", "--max-distinct");
    }

    [Fact]
    public void Huge_counts_and_totals_are_exact_or_weights_with_n_unknown()
    {
        var read = Read("0,9007199254740992\n1,1\n");
        Assert.Equal(9007199254740992.0, read.Data.Probabilities[0] * 9007199254740993.0, 0);
        Assert.Equal(9007199254740993, read.Data.ObservationCount);
        var beyond = Read("0,9223372036854775807\n1,1\n");
        Assert.Null(beyond.Data.ObservationCount);
        Assert.Contains("N is unknown", beyond.Explanation, StringComparison.Ordinal);
        string many = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"{i},9000000000000000"));
        Assert.Null(Read(many).Data.ObservationCount);
        var weights = Read("0,1.5e300\n1,0.5e300\n");
        Assert.Equal(0.75, weights.Data.Probabilities[0]);
        Assert.Null(weights.Data.ObservationCount);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", null, "there are 3 columns ('a', 'b', 'c')", "--column")]
    [InlineData("a,b,c\n1,2,3\n", "d", "no column 'd'", "'a', 'b', 'c'")]
    [InlineData("a,b,c\n1,2,3\n", "4", "--column 4 is out of range", "3 columns")]
    [InlineData("1,2\n3,4\n", "x", "--column 'x' names a column, but the first row is not a header")]
    [InlineData("0,5\n1,x\n", null, "obs.csv:2:3: 'x' is not a number", "value,count")]
    [InlineData("0,5\n1,-2\n", null, "'-2' is not a valid count")]
    [InlineData("0,5\n0,2\n", null, "the value '0' appears again (first at line 1)")]
    [InlineData("0,5\n1,2,3\n", null, "more than two fields")]
    [InlineData("0,0\n1,0\n", null, "every count is 0")]
    [InlineData("# nothing\n\n", null, "holds no data")]
    [InlineData("a,b\n1,2\n3\n", "b", "obs.csv:3:2: the row has 1 field, so there is no column 2")]
    [InlineData("a,b\n1,\"2\n", "b", "not closed on its line")]
    public void Bad_observations_are_refused_with_what_is_accepted(string text, string? column, params string[] words) =>
        Refused(() => Read(text, column: column), words);

    [Fact]
    public void A_bare_list_of_a_million_counts_on_one_line_is_read_whole()
    {
        string line = string.Join(' ', Enumerable.Range(0, 1_000_000).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var read = Read(line + "\n");
        Assert.Equal(ObservationKind.Counts, read.Kind);
        Assert.Equal(1_000_000, read.Data.Count);
        Assert.Equal(4_500_000, read.Data.ObservationCount);
    }

    [Fact]
    public void Hints_follow_the_caller()
    {
        var options = new InputOptions { Hints = new InputHints { Kind = "kind:", Column = "column:" } };
        Assert.Contains("use kind: to say otherwise", Read(Worms, options: options).Explanation, StringComparison.Ordinal);
        Refused(() => Read("a,b,c\n1,2,3\n", options: options), "column: NAME");
    }
}
