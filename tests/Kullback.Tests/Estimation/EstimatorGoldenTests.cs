using Kullback.Estimation;

namespace Kullback.Tests.Estimation;

/// <summary>Every estimator against the independent references of <c>Data/estimator-cases.json</c>.</summary>
public class EstimatorGoldenTests
{
    private const double ClosedFormTolerance = 1e-12;

    /// <summary>NSB's integrals are resolved to 1e-12 relative; the sum of their errors stays below this.</summary>
    private const double NsbTolerance = 1e-9;

    /// <summary>ndd integrates to 1e-3 relative over ±4 posterior standard deviations of ln β: a cross-check, not a golden value.</summary>
    private const double NddTolerance = 2e-3;

    public static TheoryData<string> EntropyCases() => EstimatorReferenceCases.Names("entropy");

    public static TheoryData<string> KullbackLeiblerCases() => EstimatorReferenceCases.Names("kullback_leibler");

    public static TheoryData<string> MutualInformationCases() => EstimatorReferenceCases.Names("mutual_information");

    [Theory]
    [MemberData(nameof(EntropyCases))]
    public void Closed_form_entropy_estimators_match_mpmath(string name)
    {
        var c = EstimatorReferenceCases.Entropy(name);
        long[] counts = EstimatorReferenceCases.Longs(c, "counts");
        foreach (var (estimator, key) in new[]
                 {
                     (EntropyEstimator.PlugIn, "plug_in"), (EntropyEstimator.MillerMadow, "miller_madow"),
                     (EntropyEstimator.Grassberger, "grassberger"), (EntropyEstimator.ChaoShen, "chao_shen"),
                 })
        {
            var estimate = EntropyEstimators.Estimate(counts, estimator);
            AssertClose(EstimatorReferenceCases.Number(c, key), estimate.Value.Nats, ClosedFormTolerance, $"{name} {estimator}");
            Assert.Equal(counts.Sum(), estimate.SampleSize);
            Assert.Equal(counts.Count(x => x > 0), estimate.ObservedCategories);
            Assert.Null(estimate.PosteriorStandardDeviation);
        }
    }

    [Theory]
    [MemberData(nameof(EntropyCases))]
    public void Nsb_matches_mpmath_quadrature_and_ndd(string name)
    {
        var c = EstimatorReferenceCases.Entropy(name);
        long[] counts = EstimatorReferenceCases.Longs(c, "counts");
        foreach (var row in c.GetProperty("nsb").EnumerateArray())
        {
            int? k = row.GetProperty("k").ValueKind == System.Text.Json.JsonValueKind.Null ? null : row.GetProperty("k").GetInt32();
            var estimate = EntropyEstimators.Estimate(counts, EntropyEstimator.Nsb, k);
            Assert.Equal(k ?? counts.Length, estimate.Categories);
            double sd = estimate.PosteriorStandardDeviation!.Value.Nats;
            AssertClose(EstimatorReferenceCases.Number(row, "mean"), estimate.Value.Nats, NsbTolerance, $"{name} K={k} mean");
            AssertClose(EstimatorReferenceCases.Number(row, "sd"), sd, NsbTolerance, $"{name} K={k} sd");
            if (row.TryGetProperty("ndd_mean", out var nddMean) && name != "one-dominant")
            {
                AssertClose(EstimatorReferenceCases.Parse(nddMean.GetString()!), estimate.Value.Nats, NddTolerance, $"{name} K={k} ndd mean");
                AssertClose(EstimatorReferenceCases.Parse(row.GetProperty("ndd_sd").GetString()!), sd, 10 * NddTolerance, $"{name} K={k} ndd sd");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KullbackLeiblerCases))]
    public void Kullback_Leibler_from_counts_matches_mpmath(string name)
    {
        var c = EstimatorReferenceCases.KullbackLeibler(name);
        long[] p = EstimatorReferenceCases.Longs(c, "p"), q = EstimatorReferenceCases.Longs(c, "q");
        var plugIn = KullbackLeiblerEstimators.Estimate(p, q, DivergenceEstimator.PlugIn);
        AssertClose(EstimatorReferenceCases.Number(c, "plug_in"), plugIn.Value.Nats, ClosedFormTolerance, $"{name} plug-in");
        Assert.Equal(0, plugIn.BiasCorrection.Nats);
        var corrected = KullbackLeiblerEstimators.Estimate(p, q, DivergenceEstimator.MillerMadow);
        if (c.TryGetProperty("bias", out _))
        {
            AssertClose(EstimatorReferenceCases.Number(c, "bias"), corrected.BiasCorrection.Nats, ClosedFormTolerance, $"{name} bias");
            AssertClose(EstimatorReferenceCases.Number(c, "miller_madow"), corrected.Value.Nats, ClosedFormTolerance, $"{name} corrected");
        }
        else
        {
            Assert.True(corrected.Value.IsInfinite);
        }
    }

    [Theory]
    [MemberData(nameof(MutualInformationCases))]
    public void Mutual_information_from_counts_matches_mpmath(string name)
    {
        var c = EstimatorReferenceCases.MutualInformation(name);
        long[] counts = EstimatorReferenceCases.Longs(c, "counts");
        int rows = c.GetProperty("rows").GetInt32(), columns = c.GetProperty("columns").GetInt32();
        var plugIn = MutualInformationEstimators.Estimate(counts, rows, columns, DivergenceEstimator.PlugIn);
        AssertClose(EstimatorReferenceCases.Number(c, "plug_in"), plugIn.Value.Nats, ClosedFormTolerance, $"{name} plug-in");
        var corrected = MutualInformationEstimators.Estimate(counts, rows, columns, DivergenceEstimator.MillerMadow);
        AssertClose(EstimatorReferenceCases.Number(c, "bias"), corrected.BiasCorrection.Nats, ClosedFormTolerance, $"{name} bias");
        AssertClose(EstimatorReferenceCases.Number(c, "miller_madow"), corrected.Value.Nats, ClosedFormTolerance, $"{name} corrected");
    }

    /// <summary>Exact where the reference is 0 or +∞; else relative (absolute below 1e-300).</summary>
    internal static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        if (expected == 0 || double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected exactly {expected:R}, got {actual:R}");
            return;
        }
        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(relative <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {relative:E2})");
    }
}
