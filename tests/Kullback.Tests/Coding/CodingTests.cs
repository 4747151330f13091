using CsCheck;
using Kullback.Coding;

namespace Kullback.Tests.Coding;

/// <summary>Real codes built from a distribution: Huffman lengths, arithmetic round trips, and the cost of sending P with Q's code.</summary>
public class CodingTests
{
    private static readonly double[] Teeth = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];

    [Fact]
    public void Huffman_codes_a_dyadic_distribution_at_exactly_its_entropy()
    {
        var code = HuffmanCode.Build([0.5, 0.25, 0.125, 0.125]);
        Assert.Equal([1, 2, 3, 3], code.Lengths.Select(l => l!.Value));
        Assert.Equal(1.75, code.ExpectedLength([0.5, 0.25, 0.125, 0.125]));   // H = 1.75 bits exactly
        Assert.Equal(1.0, code.KraftSum);
        // A prefix code: no codeword begins another.
        var words = code.Codewords.Select(w => w!).ToList();
        Assert.All(words, a => Assert.DoesNotContain(words, b => b != a && b.StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void Outcomes_of_probability_zero_get_no_codeword_and_make_the_cost_infinite()
    {
        var code = HuffmanCode.Build([0.5, 0, 0.5]);
        Assert.Null(code.Codewords[1]);
        Assert.Equal(double.PositiveInfinity, code.ExpectedLength([0.4, 0.2, 0.4]));
        Assert.Equal("0", HuffmanCode.Build([0, 1]).Codewords[1]);
    }

    [Fact]
    public void Huffman_for_its_own_distribution_costs_between_the_entropy_and_one_bit_more() =>
        Gen.Double[0.001, 1].Array[2, 40].Sample(weights =>
        {
            double h = Measures.Entropy(weights, InformationUnit.Bits);
            double length = HuffmanCode.Build(weights).ExpectedLength(weights);
            Assert.InRange(length, h - 1e-12, h + 1);
            Assert.Equal(1.0, HuffmanCode.Build(weights).KraftSum, 1e-12);
        });

    [Fact]
    public void Arithmetic_coding_round_trips_any_message() =>
        Gen.Select(Gen.Double[0.001, 1].Array[2, 30], Gen.Int[0, 1 << 20]).Sample((weights, seed) =>
        {
            var coder = new ArithmeticCoder(weights);
            var random = new Random(seed);
            int[] message = Enumerable.Range(0, random.Next(0, 3000)).Select(_ => random.Next(weights.Length)).ToArray();
            Assert.Equal(message, coder.Decode(coder.Encode(message), message.Length));
        });

    [Fact]
    public void An_outcome_the_model_cannot_produce_cannot_be_encoded() =>
        Assert.Contains("probability 0", Assert.Throws<InvalidArgumentException>(() => new ArithmeticCoder([0.5, 0, 0.5]).Encode([0, 1])).Reason,
            StringComparison.Ordinal);

    [Fact]
    public void Sending_the_worms_with_the_uniforms_code_costs_the_cross_entropy()
    {
        double[] uniform = [.. Enumerable.Repeat(1.0 / 11, 11)];
        var home = MessageHome.Send(Teeth, uniform, 100_000, seed: 11);
        Assert.True(home.RoundTrip);
        // H(P) = 3.262 bits; H(P, U) = log₂ 11 = 3.4594 bits; D(P‖U) = 0.1367 nats = 0.1972 bits.
        Assert.Equal(Math.Log2(11), home.CrossEntropy.Bits, 1e-12);
        Assert.Equal(0.19718714117722, home.Divergence.Bits, 1e-10);
        var last = home.Checkpoints[^1];
        Assert.Equal(100_000, last.Observations);
        // The arithmetic code's cost converges to H(P, Q̃) (within 2 bits overall plus the model's 2⁻¹⁶ rounding and
        // the sampling error of a 10⁵ stream, a few thousandths of a bit).
        Assert.InRange(last.Arithmetic.Bits, home.CrossEntropy.Bits - 0.02, home.CrossEntropy.Bits + 0.02);
        Assert.True(last.Arithmetic.Bits >= home.Entropy.Bits - 0.02);
        // Huffman spends whole bits: 3 or 4 per teeth count here.
        Assert.InRange(last.Huffman.Bits, home.HuffmanExpected.Bits - 0.02, home.HuffmanExpected.Bits + 0.02);
        Assert.Equal([10, 100, 1_000, 10_000, 100_000], home.Checkpoints.Select(c => c.Observations));
    }

    [Fact]
    public void A_code_made_for_the_data_itself_costs_the_entropy()
    {
        var home = MessageHome.Send(Teeth, Teeth, 200_000, seed: 5);
        Assert.Equal(home.Entropy.Bits, home.CrossEntropy.Bits, 1e-12);
        Assert.Equal(0.0, home.Divergence.Nats);
        Assert.InRange(home.Checkpoints[^1].Arithmetic.Bits, home.Entropy.Bits - 0.015, home.Entropy.Bits + 0.015);
    }

    [Fact]
    public void A_model_that_misses_an_observed_outcome_sends_nothing_and_says_which()
    {
        var home = MessageHome.Send([0.5, 0.5], [1, 0], 1000, seed: 1);
        Assert.Equal([1], home.Unsendable.ToArray());
        Assert.True(home.CrossEntropy.IsInfinite);
        Assert.Empty(home.Checkpoints);
        var shortStream = MessageHome.Send([0.5, 0.5], [0.5, 0.5], 3, seed: 1);
        Assert.Equal([3], shortStream.Checkpoints.Select(c => c.Observations));
    }
}
