using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// Exact power-of-two scaling at the boundaries of the double range: the exponent, the exact sums, deep entries at their
/// level, and logarithms of normalised values that lie below the doubles' normal range.
/// </summary>
public class ScaledWeightsTests
{
    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(1.9999999999999998, 0)]
    [InlineData(2.0, -1)]
    [InlineData(0.75, 1)]
    [InlineData(1.7976931348623157e308, -1023)]
    [InlineData(2.2250738585072014E-308, 1022)]
    [InlineData(1e-310, 1030)]
    [InlineData(5e-324, 1074)]
    public void The_largest_entry_is_scaled_into_one_to_two_exactly(double largest, int exponent)
    {
        var s = ScaledWeights.Of([0.0, largest, largest]);
        Assert.Equal(exponent, s.Exponent);
        Assert.Equal(1, s.ArgMax);
        double scaled = s.Scale(largest);
        Assert.InRange(scaled, 1.0, 1.9999999999999998);
        Assert.Equal(largest, Math.ScaleB(scaled, -exponent));   // exact both ways
        Assert.Equal(0.5, s.Normalized(largest));
        Assert.Equal(2 * scaled, s.Total.Value);
        Assert.False(s.HasDeep);
    }

    [Fact]
    public void Sums_past_the_largest_double_are_exact_after_scaling()
    {
        var s = ScaledWeights.Of([1e308, 1e308, 1e308]);
        Assert.Equal(3 * s.Scale(1e308), s.Total.Value);
        Assert.True(double.IsInfinity(Math.ScaleB(s.Total.Value, -s.Exponent)));
        Assert.Equal(1.0 / 3, s.Normalized(1e308), 1e-16);
        Assert.Equal(-Math.Log(3), s.LogOfNormalized(1, 1e308), 1e-15);
    }

    [Fact]
    public void Entries_far_below_the_largest_are_carried_at_the_deep_level()
    {
        double[] x = [1.0, 1e-300, 3e-315];
        var s = ScaledWeights.Of(x);
        Assert.True(s.HasDeep);
        Assert.Equal(0.0, s.Rest.Value);
        Assert.Equal(Math.ScaleB(1e-300, 1000) + Math.ScaleB(3e-315, 1000), s.DeepRest.Value, 1e-16 * s.DeepRest.Value);
        var (w, level) = s.Weight(3e-315);
        Assert.Equal(ScaledWeights.DeepShift, level);
        Assert.Equal(Math.ScaleB(3e-315, 1000), w, 1e-15 * w);   // 3e-315 itself has only 40 bits; its deep copy has them all
        Assert.Equal((1.0, 0), s.Weight(1.0));
        // ln p̂ of a deep entry, in log space: ln(3e-315) − ln(1 + 1e-300 + 3e-315) = ln(3e-315) to the last bit.
        Assert.Equal(Math.Log(3e-315), s.LogOfNormalized(2, 3e-315), 2e-16 * 724);
        // The largest entry holds all but ε = 1e-300 + 3e-315 of the mass: ln(1 − ε) = −ε at the deep level.
        Assert.True(s.IsDominant(0, 1.0));
        var (deficit, deficitLevel) = s.Deficit();
        Assert.Equal(ScaledWeights.DeepShift, deficitLevel);
        Assert.Equal(Math.ScaleB(1e-300, 1000), deficit, 1e-10 * deficit);
        Assert.Equal(-(1e-300 + 3e-315), s.LogOfNormalized(0, 1.0), 1e-315);
    }

    [Fact]
    public void Only_the_largest_entry_gives_a_logarithm_of_exactly_zero()
    {
        var s = ScaledWeights.Of([0.0, 7.0, 0.0]);
        Assert.Equal(0.0, s.LogOfNormalized(1, 7.0));
        Assert.Equal(double.NegativeInfinity, s.LogOfNormalized(0, 0.0));
        Assert.Equal((0.0, 0), s.Deficit());
    }

    [Fact]
    public void A_two_level_sum_keeps_deep_terms_that_one_double_would_lose()
    {
        var sum = new TwoLevelSum();
        sum.Add(3e-315 * Math.ScaleB(1.0, ScaledWeights.DeepShift), ScaledWeights.DeepShift);
        Assert.Equal(3e-315, sum.Total);
        sum.Add(1e-300, 0);
        Assert.Equal(1e-300 + 3e-315, sum.Total);
        sum.Add(1.0, 2 * ScaledWeights.DeepShift);   // far below anything a double shows
        Assert.Equal(1e-300 + 3e-315, sum.Total);
    }

    [Fact]
    public void An_outcome_is_deep_only_when_both_its_entries_are()
    {
        double[] p = [1.0, 1e-300, 1e-300, 0.0], q = [1.0, 1.0, 2e-300, 1e-305];
        var c = new ExactPair(p, q);
        Assert.Equal(0, c.Entry(1).Level);
        var deep = c.Entry(2);
        Assert.Equal(ScaledWeights.DeepShift, deep.Level);
        Assert.Equal(Math.ScaleB(1e-300, 1000 + c.Sp.Exponent), deep.A);
        Assert.Equal(Math.Log(0.5) + Math.Log(c.Sq.Total.Value / c.Sp.Total.Value), c.LogRatio(2, deep), 1e-15);
        Assert.Equal(ScaledWeights.DeepShift, c.Entry(3).Level);
    }

    [Fact]
    public void Log_sum_exp_neither_overflows_nor_underflows()
    {
        var sum = new LogSumExp();
        Assert.True(sum.IsEmpty);
        Assert.Equal(double.NegativeInfinity, sum.Log);
        sum.Add(-1000);
        sum.Add(1000);
        sum.Add(1000);
        Assert.Equal(1000 + Math.Log(2), sum.Log, 1e-12);
        var small = new LogSumExp();
        small.Add(-2000);
        small.Add(-2000 + Math.Log(3));
        Assert.Equal(-2000 + Math.Log(4), small.Log, 1e-12);
    }
}
