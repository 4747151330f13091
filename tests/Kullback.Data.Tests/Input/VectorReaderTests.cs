using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary><see cref="TextInput.ReadVector"/>: the lists <c>measure</c> reads, their separators, sums and decimal commas.</summary>
public class VectorReaderTests
{
    private static double[] Probabilities(string text) => TextInput.ReadVector(Text(text), VectorKind.Probabilities);

    private static double[] Weights(string text) => TextInput.ReadVector(Text(text), VectorKind.Weights);

    [Fact]
    public void Commas_blanks_semicolons_newlines_comments_and_blank_lines_all_separate()
    {
        double[] worms = Probabilities("# space worms\n0.02 0.03 0.05 0.14 0.16\n0.15,0.12,0.08\n\n0.10 0.08 0.07 # the rest\n");
        Assert.Equal([0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07], worms);
        Assert.Equal([0.5, 0.25, 0.25], Probabilities("0.5;0.25;\t0.25"));
        Assert.Equal([0.5, 0.5], Probabilities("0.5, 0.5,\n"));
        Assert.Equal([1.0, 2, 3], Weights("1,2,3"));
    }

    [Theory]
    [InlineData("0,5 0,5", "1:1", "decimal comma")]
    [InlineData("0,5;0,5", "1:1", "decimal comma")]
    [InlineData("0.5 0.25\n0,25 0.0", "2:1", "decimal comma")]
    [InlineData("1,000", "1:1", "thousands separator")]
    [InlineData("1,000,000", "1:1", "thousands separator")]
    [InlineData("0,25\n0,75\n", "1:1", "decimal comma")]
    [InlineData("3,17", "1:1", "decimal comma")]
    public void A_comma_that_may_be_a_decimal_comma_is_refused_never_read_as_a_separator(string text, string position, string words)
    {
        var e = Refused(() => Weights(text), words, "decimal point");
        Assert.Equal(position, Position(e));
    }

    [Theory]
    [InlineData("0,25\n1,2,3\n")]         // another line shows commas separating three numbers
    [InlineData("3,17\n0.5,0.5\n")]       // a number with a point beside a comma
    [InlineData("3,17\n1, 2\n")]          // a comma followed by a blank
    public void Two_whole_numbers_joined_by_a_comma_are_a_list_when_another_line_shows_commas_separate(string text) =>
        Assert.Equal(text.Split([',', '\n', ' '], StringSplitOptions.RemoveEmptyEntries).Length, Weights(text).Length);

    [Fact]
    public void Two_consecutive_commas_are_an_empty_entry_and_refused()
    {
        var e = Refused(() => Weights("1,,2"), "empty value");
        Assert.Equal("1:2", Position(e));
    }

    [Theory]
    [InlineData("0.5 0.4", "sum to 0.9 (0.1 short of 1", "--counts")]
    [InlineData("2 3 5", "sum to 10 (9 over 1", "--counts")]
    [InlineData("0 0", "every value is 0")]
    [InlineData("# nothing here\n\n", "holds no numbers")]
    [InlineData("", "holds no numbers")]
    public void Probabilities_must_sum_to_one_and_not_all_be_zero(string text, params string[] words) =>
        Refused(() => Probabilities(text), words);

    [Fact]
    public void The_sum_is_checked_to_one_part_in_a_billion_with_compensation()
    {
        // 10⁶ copies of 1e-6 sum to 1 exactly in real numbers; naive summation drifts by about 1e-10.
        var text = string.Join('\n', Enumerable.Repeat("0.000001", 1_000_000));
        Assert.Equal(1_000_000, Probabilities(text).Length);
        Refused(() => Probabilities("0.5 0.5000000011"), "over 1");
        Assert.Equal(2, Probabilities("0.5 0.5000000009").Length);
    }

    [Theory]
    [InlineData("0.5 -0.5", "1:5", "'-0.5' is negative")]
    [InlineData("0.5 NaN", "1:5", "'NaN' is not finite")]
    [InlineData("Infinity 0", "1:1", "'Infinity' is not finite")]
    [InlineData("0.2 0.3\n0.1 x5 0.4\n", "2:5", "'x5' is not a number", "separated by commas")]
    public void A_bad_value_is_refused_at_its_line_and_column(string text, string position, params string[] words)
    {
        var e = Refused(() => Probabilities(text), words);
        Assert.Equal(position, Position(e));
        Assert.Equal("data.txt", e.Location?.Source);
        Assert.StartsWith($"data.txt:{position}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_beyond_two_to_the_53_and_sums_past_the_largest_double_are_kept_as_weights()
    {
        Assert.Equal([9007199254740992.0, 1], Weights("9007199254740992 1"));
        Assert.Equal([9007199254740992.0, 1], Weights("9007199254740993 1"));   // the nearest double: 1.1e-16 relative
        Assert.Equal([9.223372036854776e18, 1], Weights("9223372036854775807 1"));
        Assert.Equal([9.2e18, 1], Weights("9.2e18 1"));
        Assert.Equal([1e308, 1e308], Weights("1e308 1e308"));   // the measures scale weights exactly
        Assert.Equal([1e308, 1], Weights("1e308 1"));
    }

    [Fact]
    public void The_vector_limit_is_enforced_and_names_its_flag()
    {
        var options = new InputOptions { MaxVectorLength = 3 };
        Assert.Equal(3, TextInput.ReadVector(Text("1 2 3"), VectorKind.Weights, options).Length);
        var e = Refused(() => TextInput.ReadVector(Text("1 2 3\n4"), VectorKind.Weights, options), "more than 3 values", "--max-values");
        Assert.Equal("2:1", Position(e));
    }

    [Fact]
    public void Hints_name_what_the_caller_exposes()
    {
        var options = new InputOptions { Hints = new InputHints { Counts = "normalise: true" } };
        Refused(() => TextInput.ReadVector(Text("2 3"), VectorKind.Probabilities, options), "normalise: true");
    }
}
