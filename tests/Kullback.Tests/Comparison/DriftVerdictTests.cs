using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

public class DriftVerdictTests
{
    [Fact]
    public void DefaultsAreAlphaFivePercentAndPsiOneTenthNat()
    {
        var criteria = DriftCriteria.Default;
        Assert.Equal(0.05, criteria.Alpha);
        Assert.Equal(EffectMeasure.PopulationStabilityIndex, criteria.Effect);
        Assert.Equal(0.1, criteria.Threshold);
        Assert.Equal(InformationUnit.Nats, criteria.Unit);
    }

    [Fact]
    public void DriftNeedsSignificanceAndEffect()
    {
        var c = DriftCriteria.Default;
        Assert.True(c.Decide(0.001, 0.25).Drifted);
        var tiny = c.Decide(1e-300, 0.01);            // 10⁸ rows: significant, but a negligible shift
        Assert.False(tiny.Drifted);
        Assert.True(tiny.Significant);
        Assert.False(tiny.EffectReachesThreshold);
        var noisy = c.Decide(0.2, 0.5);               // a large effect on too little data
        Assert.False(noisy.Drifted);
        Assert.True(noisy.EffectReachesThreshold);
        Assert.True(c.Decide(0.01, 0.1).Drifted);      // the threshold itself counts (PSI ≥ 0.1)
        Assert.False(c.Decide(0.05, 0.3).Drifted);     // p must be below α
        Assert.True(c.Decide(0.0, double.PositiveInfinity).Drifted);
    }

    [Fact]
    public void HolmAcrossColumnsDecidesTogether()
    {
        var columns = new ColumnEvidence[] { new("a", 0.01, 0.3), new("b", 0.04, 0.3), new("c", 0.03, 0.3), new("d", 0.005, 0.01) };
        var verdicts = DriftCriteria.Default.DecideAll(columns);
        // Holm: d 0.02, a 0.03, c 0.06, b 0.06.
        Assert.Equal(["a", "b", "c", "d"], verdicts.Select(v => v.Column).ToArray());
        Assert.Equal([true, false, false, false], verdicts.Select(v => v.Drifted).ToArray());
        Assert.Equal(0.04, verdicts[1].PValue);
        Assert.Equal(0.06, verdicts[1].AdjustedPValue, 15);
        Assert.True(verdicts[3].Significant && !verdicts[3].Drifted);
    }

    [Fact]
    public void EffectComesFromTheChosenMeasureAndUnit()
    {
        var h = new ColumnHistogram([new ValueBin("x"), new ValueBin("y")], [50, 50], [80, 20]);
        var m = DriftMeasures.Compute(h);
        Assert.Equal(m.PopulationStabilityIndex.Nats, DriftCriteria.Default.EffectOf(m));
        Assert.Equal(m.PopulationStabilityIndex.Bits, (DriftCriteria.Default with { Unit = InformationUnit.Bits }).EffectOf(m), 15);
        Assert.Equal(m.Hellinger, (DriftCriteria.Default with { Effect = EffectMeasure.Hellinger }).EffectOf(m));
        Assert.Equal(m.JensenShannonDistance, (DriftCriteria.Default with { Effect = EffectMeasure.JensenShannonDistance }).EffectOf(m), 15);
        var ks = DriftCriteria.Default with { Effect = EffectMeasure.KolmogorovSmirnov };
        Assert.Throws<InvalidArgumentException>(() => ks.EffectOf(m));
        var stats = TwoSampleStatistics.FromSorted([1, 2, 3, 4], [3, 4, 5, 6]);
        Assert.Equal(0.5, ks.EffectOf(m, stats));
    }

    [Fact]
    public void InvalidCriteriaAreRefused()
    {
        Assert.Throws<InvalidArgumentException>(() => DriftCriteria.Default with { Alpha = 0 });
        Assert.Throws<InvalidArgumentException>(() => DriftCriteria.Default with { Alpha = 1 });
        Assert.Throws<InvalidArgumentException>(() => DriftCriteria.Default with { Threshold = double.NaN });
        Assert.Throws<InvalidArgumentException>(() => DriftCriteria.Default.Decide(double.NaN, 1));
        Assert.Throws<InvalidArgumentException>(() => DriftCriteria.Default.Decide(0.5, -1));
        Assert.Throws<InvalidArgumentException>(() => Smoothing.Of(-0.5));
        Assert.Throws<InvalidArgumentException>(() => Smoothing.Of(double.PositiveInfinity));
    }
}
