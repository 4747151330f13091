namespace Kullback.Tests.Peers;

/// <summary>
/// scipy's own tests (scipy/scipy 3dbf660a91) of <c>special.entr</c>, <c>rel_entr</c>, <c>kl_div</c>
/// (<c>scipy/special/tests/test_basic.py</c>) and of <c>stats.entropy</c> and <c>stats.differential_entropy(method="vasicek")</c>
/// (<c>scipy/stats/tests/test_entropy.py</c>), translated with scipy's expected values; scipy's "axis" becomes one call per
/// column or row (Kullback's measures take one distribution per span).
/// </summary>
public class ScipyTranslationTests
{
    private static readonly double[] Signed = [-double.PositiveInfinity, -1, -0.5, -0.0, 0, 0.5, 1, double.PositiveInfinity];

    /// <summary>test_basic.py::test_entr: −x·log x, 0 at 0, −∞ for x &lt; 0 (and at +∞), to 1e-13.</summary>
    [Fact]
    public void test_entr()
    {
        foreach (double x in Signed)
        {
            double expected = x < 0 ? double.NegativeInfinity : x == 0 ? 0 : double.IsPositiveInfinity(x) ? double.NegativeInfinity : -x * Math.Log(x);
            Assert.Equal(expected, Measures.Entr(x), 1e-13);
        }
        Assert.Equal(0.34657359027997264, Measures.Entr(0.5), 1e-16);   // −½ ln ½
    }

    /// <summary>test_basic.py::test_kl_div: the (sign × {0, ½, 1})² grid; +∞ off the natural domain.</summary>
    [Fact]
    public void test_kl_div()
    {
        double[] values = [-1, -0.5, -0.0, 0, 0.5, 1];
        foreach (double x in values)
            foreach (double y in values)
            {
                double expected = x < 0 || y < 0 || (y == 0 && x != 0) ? double.PositiveInfinity
                    : x == 0 ? y
                    : x * Math.Log(x / y) - x + y;
                Assert.Equal(expected, Measures.KlDiv(x, y), 1e-13);
            }
        Assert.Equal(0.15342640972002736, Measures.KlDiv(0.5, 1), 1e-16);   // ½ ln ½ − ½ + 1
    }

    /// <summary>test_basic.py::test_rel_entr: x·log(x/y) for x, y &gt; 0; 0 for x = 0 ≤ y; +∞ otherwise.</summary>
    [Fact]
    public void test_rel_entr()
    {
        double[] values = [-1, -0.5, -0.0, 0, 0.5, 1];
        foreach (double x in values)
            foreach (double y in values)
            {
                double expected = x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 && y >= 0 ? 0 : double.PositiveInfinity;
                Assert.Equal(expected, Measures.RelEntr(x, y), 1e-13);
            }
    }

    /// <summary>test_basic.py::test_rel_entr_gh_20710_near_zero (scipy's values: mpmath, 30 digits), to 1e-13 relative.</summary>
    [Theory]
    [InlineData(0.9456657713430001, 0.9456657713430094, -9.325873406851269e-15)]
    [InlineData(0.48066098564791515, 0.48066098564794774, -3.258504577274724e-14)]
    [InlineData(0.786048657854401, 0.7860486578542367, 1.6431300764454033e-13)]
    public void test_rel_entr_gh_20710_near_zero(double x, double y, double expected) =>
        Assert.True(Math.Abs(Measures.RelEntr(x, y) - expected) <= 1e-13 * Math.Abs(expected), $"rel_entr({x:R}, {y:R}) = {Measures.RelEntr(x, y):R}");

    /// <summary>test_basic.py::test_rel_entr_gh_20710_overflow: overflow, underflow and subnormal ratios.</summary>
    [Theory]
    [InlineData(4, 2.22e-308, 2839.139983229607)]
    [InlineData(1e-200, 1e+200, -9.210340371976183e-198)]
    [InlineData(2.22e-308, 1e15, -1.6493212008074475e-305)]
    public void test_rel_entr_gh_20710_overflow(double x, double y, double expected) =>
        Assert.True(Math.Abs(Measures.RelEntr(x, y) - expected) <= 1e-13 * Math.Abs(expected), $"rel_entr({x:R}, {y:R}) = {Measures.RelEntr(x, y):R}");

    /// <summary>test_entropy.py::TestEntropy::test_entropy_positive (ticket #497).</summary>
    [Fact]
    public void test_entropy_positive()
    {
        double[] pk = [0.5, 0.2, 0.3], qk = [0.1, 0.25, 0.65];
        Assert.Equal(0.0, Measures.KullbackLeibler(pk, pk));   // scipy: within 1e-16; Kullback: exactly
        Assert.True(Measures.KullbackLeibler(pk, qk) > 0);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_base.</summary>
    [Fact]
    public void test_entropy_base()
    {
        double[] pk = [.. Enumerable.Repeat(1.0, 16)];
        Assert.True(Math.Abs(Measures.Entropy(pk, InformationUnit.Bits) - 4) < 1e-5);
        Assert.Equal(4.0, Measures.Entropy(pk, InformationUnit.Bits), 1e-15);
        double[] qk = [.. Enumerable.Range(0, 16).Select(i => i < 8 ? 2.0 : 1.0)];
        double s = Measures.KullbackLeibler(pk, qk), s2 = Measures.KullbackLeibler(pk, qk, InformationUnit.Bits);
        Assert.True(Math.Abs(s / s2 - Math.Log(2)) < 1e-5);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_zero (PR-479): weights are normalised, zeros add nothing.</summary>
    [Fact]
    public void test_entropy_zero() => Assert.Equal(0.63651416829481278, Measures.Entropy([0.0, 1, 2]), 1e-15);

    /// <summary>test_entropy.py::TestEntropy::test_entropy_2d (axis 0: one call per column), scipy's rtol 1e-7 on its 8-digit values.</summary>
    [Fact]
    public void test_entropy_2d()
    {
        AssertRelative(0.1933259, Measures.KullbackLeibler([0.1, 0.6, 0.3], [0.2, 0.3, 0.5]), 1e-7);
        AssertRelative(0.18609809, Measures.KullbackLeibler([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]), 1e-7);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_2d_zero.</summary>
    [Fact]
    public void test_entropy_2d_zero()
    {
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler([0.1, 0.6, 0.3], [0.0, 0.3, 0.5]));
        AssertRelative(0.18609809, Measures.KullbackLeibler([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]), 1e-7);
        AssertRelative(0.17403988, Measures.KullbackLeibler([0.0, 0.6, 0.3], [0.0, 0.3, 0.5]), 1e-7);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_base_2d_nondefault_axis (axis 1: one call per row).</summary>
    [Fact]
    public void test_entropy_base_2d_nondefault_axis()
    {
        AssertRelative(0.63651417, Measures.Entropy([0.1, 0.2]), 1e-7);
        AssertRelative(0.63651417, Measures.Entropy([0.6, 0.3]), 1e-7);
        AssertRelative(0.66156324, Measures.Entropy([0.3, 0.5]), 1e-7);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_2d_nondefault_axis.</summary>
    [Fact]
    public void test_entropy_2d_nondefault_axis()
    {
        AssertRelative(0.23104906, Measures.KullbackLeibler([0.1, 0.2], [0.2, 0.1]), 1e-7);
        AssertRelative(0.23104906, Measures.KullbackLeibler([0.6, 0.3], [0.3, 0.6]), 1e-7);
        AssertRelative(0.12770641, Measures.KullbackLeibler([0.3, 0.5], [0.5, 0.3]), 1e-7);
    }

    /// <summary>test_entropy.py::TestEntropy::test_entropy_raises_value_error and test_entropy_shape_mismatch: lengths must agree.</summary>
    [Fact]
    public void test_entropy_raises_value_error() =>
        Assert.Throws<InvalidArgumentException>(() => Measures.KullbackLeibler([0.1, 0.6, 0.3], [0.2, 0.3]));

    /// <summary>test_entropy.py::TestEntropy::test_input_validation: the base must be positive (and not 1).</summary>
    [Fact]
    public void test_input_validation()
    {
        Assert.Throws<InvalidArgumentException>(() => InformationUnit.FromBase(-2));
        Assert.Throws<InvalidArgumentException>(() => InformationUnit.FromBase(1));
    }

    /// <summary>test_entropy.py::TestDifferentialEntropy::test_differential_entropy_vasicek (RandomState(0).standard_normal(100)), scipy's rtol 1e-7.</summary>
    [Theory]
    [InlineData(null, 1.342551187000946)]
    [InlineData(1, 1.122044177725947)]
    [InlineData(8, 1.349401487550325)]
    public void test_differential_entropy_vasicek(int? window, double expected)
    {
        var values = MoreReferenceCases.Doubles(PeerCases.Root.GetProperty("scipy_vasicek").GetProperty("standard_normal_100"));
        AssertRelative(expected, Measures.VasicekEntropy(values, window), 1e-12);
    }

    /// <summary>test_entropy.py::TestDifferentialEntropy::test_differential_entropy_vasicek_2d_nondefault_axis (one call per row).</summary>
    [Fact]
    public void test_differential_entropy_vasicek_2d_nondefault_axis()
    {
        var rows = PeerCases.Root.GetProperty("scipy_vasicek").GetProperty("standard_normal_3x100").EnumerateArray().Select(MoreReferenceCases.Doubles).ToArray();
        double[][] expected = [[1.342551187000946, 1.341825903922332, 1.293774601883585],
                               [1.122044177725947, 1.10294413850758, 1.129615790292772],
                               [1.349401487550325, 1.338514126301301, 1.292331889365405]];
        int?[] windows = [null, 1, 8];
        for (int w = 0; w < 3; w++)
            for (int r = 0; r < 3; r++)
                AssertRelative(expected[w][r], Measures.VasicekEntropy(rows[r], windows[w]), 1e-12);
    }

    /// <summary>test_entropy.py::TestDifferentialEntropy::test_differential_entropy_raises_value_error: 1 ≤ m &lt; n/2.</summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    public void test_differential_entropy_raises_value_error(int window)
    {
        var values = MoreReferenceCases.Doubles(PeerCases.Root.GetProperty("scipy_vasicek").GetProperty("standard_normal_100"));
        Assert.Throws<InvalidArgumentException>(() => Measures.VasicekEntropy(values, window));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
