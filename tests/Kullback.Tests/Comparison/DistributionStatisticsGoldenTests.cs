using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>KS, Wasserstein and Cramér–von Mises against scipy.stats on the cases of make_compare_cases.py.</summary>
public class DistributionStatisticsGoldenTests
{
    public static TheoryData<string> Cases => CompareCases.Names("samples");

    [Theory]
    [MemberData(nameof(Cases))]
    public void KolmogorovSmirnovStatisticAndAutoPValueMatchScipy(string name)
    {
        var c = CompareCases.Named("samples", name);
        var ks = TwoSampleTests.KolmogorovSmirnov(c.Samples());
        CompareCases.Close(c.Number("ks_statistic"), ks.Statistic, 1e-14, 0, "D");
        Assert.Equal(c.GetProperty("ks_auto_method").GetString() == "exact" ? TestMethod.Exact : TestMethod.Asymptotic, ks.Method);
        CompareCases.Close(c.Number("ks_auto_pvalue"), ks.PValue, ks.Method == TestMethod.Exact ? 1e-11 : 1e-9, 1e-300, "p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void KolmogorovSmirnovExactPValueMatchesScipy(string name)
    {
        var c = CompareCases.Named("samples", name);
        if (!c.Has("ks_exact_pvalue")) return;
        var ks = TwoSampleTests.KolmogorovSmirnov(c.Samples(), TestMethod.Exact);
        Assert.Equal(TestMethod.Exact, ks.Method);
        CompareCases.Close(c.Number("ks_exact_pvalue"), ks.PValue, 1e-11, 1e-300, "exact p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void KolmogorovSmirnovAsymptoticPValueMatchesScipy(string name)
    {
        var c = CompareCases.Named("samples", name);
        var ks = TwoSampleTests.KolmogorovSmirnov(c.Samples(), TestMethod.Asymptotic);
        Assert.Equal(TestMethod.Asymptotic, ks.Method);
        CompareCases.Close(c.Number("ks_asymptotic_pvalue"), ks.PValue, 1e-9, 1e-300, "asymptotic p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WassersteinMatchesScipy(string name)
    {
        var c = CompareCases.Named("samples", name);
        var w = TwoSampleTests.Wasserstein(c.Samples());
        CompareCases.Close(c.Number("wasserstein"), w.Distance, 1e-12, 0, "W1");
        CompareCases.Close(c.Number("reference_std"), w.ReferenceStandardDeviation, 1e-12, 0, "std");
        double std = c.Number("reference_std");
        double expected = std > 0 ? c.Number("wasserstein") / std : c.Number("wasserstein") == 0 ? 0 : double.PositiveInfinity;
        CompareCases.Close(expected, w.Normalized, 1e-12, 0, "W1/std");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CramerVonMisesMatchesScipy(string name)
    {
        var c = CompareCases.Named("samples", name);
        if (!c.Has("cvm_statistic")) return;
        var auto = TwoSampleTests.CramerVonMises(c.Samples());
        // Against T in exact rational arithmetic from scipy's midranks (scipy's own float T loses log10(N) digits).
        CompareCases.Close(c.Number("cvm_statistic_exact"), auto.Statistic, 1e-13, 1e-16, "T exact");
        CompareCases.Close(c.Number("cvm_statistic"), auto.Statistic, 1e-11, 1e-13, "T scipy");
        Assert.Equal(c.GetProperty("cvm_auto_method").GetString() == "exact" ? TestMethod.Exact : TestMethod.Asymptotic, auto.Method);
        if (auto.Method == TestMethod.Exact)
            CompareCases.Close(c.Number("cvm_auto_pvalue"), auto.PValue, 1e-12, 0, "exact p");
        var asymptotic = TwoSampleTests.CramerVonMises(c.Samples(), TestMethod.Asymptotic);
        // The limiting tail at 60 digits; scipy's 1 − CDF (series cut at terms below 1e-7) only where it has digits.
        CompareCases.Close(c.Number("cvm_asymptotic_pvalue_60"), asymptotic.PValue, 1e-10, 0, "asymptotic p (60 digits)");
        if (c.Number("cvm_asymptotic_pvalue") > 1e-6)
            CompareCases.Close(c.Number("cvm_asymptotic_pvalue"), asymptotic.PValue, 1e-6, 1e-9, "asymptotic p (scipy)");
    }

    public static TheoryData<int> KolmogorovCases => new(Enumerable.Range(0, CompareCases.Section("kstwo").Count()));

    [Theory]
    [MemberData(nameof(KolmogorovCases))]
    public void OneSampleKolmogorovSurvivalMatchesScipyKstwo(int index)
    {
        var c = CompareCases.Section("kstwo").ElementAt(index);
        long n = c.GetProperty("n").GetInt64();
        double d = c.Number("d");
        CompareCases.Close(c.Number("sf"), KolmogorovDistribution.Survival(n, d), 1e-10, 1e-300, $"kstwo.sf({d}, {n})");
    }

    public static TheoryData<int> LimitCases => new(Enumerable.Range(0, CompareCases.Section("cvm_limit").Count()));

    [Theory]
    [MemberData(nameof(LimitCases))]
    public void LimitingCramerVonMisesTailMatchesSixtyDigitReference(int index)
    {
        var c = CompareCases.Section("cvm_limit").ElementAt(index);
        double x = c.Number("x");
        CompareCases.Close(c.Number("sf"), CramerVonMisesDistribution.LimitingSurvival(x), 1e-12, 0, $"P(ω² ≥ {x})");
    }
}
