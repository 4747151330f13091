namespace Kullback.Tests;

/// <summary>Invalid input throws an ArgumentException that names the argument, the index and the value.</summary>
public class ValidationTests
{
    public static TheoryData<string> MeasureKeys() => new(GoldenValueTests.MeasuresByKey.Keys);

    public static TheoryData<double, string> BadEntries() => new()
    {
        { double.NaN, "NaN" },
        { double.PositiveInfinity, "∞" },
        { double.NegativeInfinity, "-∞" },
        { -0.25, "-0.25" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void A_bad_entry_in_p_is_named_with_its_index_and_value(double bad, string shown)
    {
        double[] p = [0.5, 0.25, bad], q = [0.3, 0.3, 0.4];
        foreach (var (key, measure) in GoldenValueTests.MeasuresByKey.Where(m => !m.Key.EndsWith("_q", StringComparison.Ordinal) && !m.Key.EndsWith("_qp", StringComparison.Ordinal)))
        {
            var e = Assert.Throws<InvalidArgumentException>(() => measure(p, q));
            Assert.Equal("p", e.ParamName);
            Assert.Contains($"p[2] = {shown}", e.Message.Replace("Infinity", "∞"));
            Assert.Contains("finite and non-negative", e.Message);
            _ = key;
        }
    }

    [Fact]
    public void A_bad_entry_in_q_is_named_as_q()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Measures.KullbackLeibler([0.5, 0.5], [0.5, double.NaN]));
        Assert.Equal("q", e.ParamName);
        Assert.Contains("q[1] = NaN", e.Message);
    }

    [Theory]
    [MemberData(nameof(MeasureKeys))]
    public void Different_lengths_empty_and_all_zero_vectors_are_refused(string key)
    {
        var measure = GoldenValueTests.MeasuresByKey[key];
        bool usesBoth = !key.StartsWith("entropy", StringComparison.Ordinal);
        if (usesBoth)
        {
            var e = Assert.Throws<InvalidArgumentException>(() => measure([0.5, 0.5], [0.2, 0.3, 0.5]));
            Assert.Matches("has [23] entries and q has [23]: the vectors must have the same length", e.Message);
        }
        // The key's "q" is the library's p for the swapped keys (kl_qp = KullbackLeibler(q, p)).
        bool swapped = key.EndsWith("_q", StringComparison.Ordinal) || key.EndsWith("_qp", StringComparison.Ordinal);
        var empty = Assert.Throws<InvalidArgumentException>(() => measure([], []));
        Assert.Contains("is empty", empty.Message);
        double[] zeros = [0, 0, 0], fine = [0.2, 0.3, 0.5];
        var allZero = Assert.Throws<InvalidArgumentException>(() => swapped ? measure(fine, zeros) : measure(zeros, fine));
        Assert.StartsWith("p is all zeros", allZero.Message);
        if (usesBoth)
        {
            var qZero = Assert.Throws<InvalidArgumentException>(() => swapped ? measure(zeros, fine) : measure(fine, zeros));
            Assert.StartsWith("q is all zeros", qZero.Message);
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Renyi_order_must_be_non_negative(double alpha)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Measures.Renyi([0.5, 0.5], [0.4, 0.6], alpha));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("not a valid order", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Renyi_orders_0_and_infinity_are_the_limits()
    {
        // D₀ = −ln Σ_{p>0} q = 0 for full supports; D_∞ = ln max p/q = ln(0.5/0.4).
        Assert.Equal(0.0, Measures.Renyi([0.5, 0.5], [0.4, 0.6], 0));
        Assert.Equal(Math.Log(1.25), Measures.Renyi([0.5, 0.5], [0.4, 0.6], double.PositiveInfinity), 1e-16);
        Assert.Equal(Math.Log(2), Measures.Renyi([0.5, 0.5, 0], [0.25, 0.25, 0.5], 0), 1e-16);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void A_logarithm_base_must_exceed_one(double b) =>
        Assert.Throws<InvalidArgumentException>(() => InformationUnit.FromBase(b));

    [Fact]
    public void Information_content_checks_its_index()
    {
        Assert.Throws<InvalidArgumentException>(() => Measures.InformationContent([0.5, 0.5], 2));
        Assert.Throws<InvalidArgumentException>(() => Measures.InformationContent([0.5, 0.5], -1));
    }

    [Fact]
    public void Contributions_need_a_long_enough_destination()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Measures.KullbackLeiblerContributions([0.5, 0.5], [0.4, 0.6], new double[1]));
        Assert.Equal("destination", e.ParamName);
    }
}
