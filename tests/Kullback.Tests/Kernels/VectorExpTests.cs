using System.Runtime.Intrinsics;
using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The kernels' 512-bit exponential (<see cref="VectorExp"/> where the CPU has AVX-512, else .NET's) against
/// <see cref="Math.Exp(double)"/>: its stated accuracy over the whole range, and its special values.
/// </summary>
public class VectorExpTests
{
    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    public static TheoryData<string> Regions() => new() { "near zero", "moderate", "whole range", "subnormal results", "integers of ln 2" };

    private static double Draw(string region, Random rng) => region switch
    {
        "near zero" => (rng.NextDouble() - 0.5) * 1e-3,
        "moderate" => (rng.NextDouble() - 0.5) * 20,
        "whole range" => (rng.NextDouble() - 0.5) * 1418,
        "subnormal results" => -708.4 - rng.NextDouble() * 36.7,
        _ => Math.Round((rng.NextDouble() - 0.5) * 2000) * Math.Log(2) / 16,
    };

    [Theory]
    [MemberData(nameof(Regions))]
    public void Agrees_with_Math_Exp_to_its_stated_bound(string region)
    {
        var rng = new Random(region.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        double worstUlps = 0, worstSubnormal = 0;
        var lanes = new double[8];
        for (int n = 0; n < 100_000; n++)
        {
            for (int i = 0; i < 8; i++) lanes[i] = Draw(region, rng);
            var values = Simd512.Exp(new Simd512(Vector512.Create(lanes))).V;
            for (int i = 0; i < 8; i++)
            {
                double expected = Math.Exp(lanes[i]), error = Math.Abs(values[i] - expected);
                if (expected < 2.2250738585072014E-308) worstSubnormal = Math.Max(worstSubnormal, error);
                else if (double.IsFinite(expected)) worstUlps = Math.Max(worstUlps, error / Ulp(expected));
                else Assert.Equal(expected, values[i]);
            }
        }
        // Math.Exp is itself within about half an ulp, so 2 ulps apart keeps the kernels' 4-ulp assumption honest.
        Assert.True(worstUlps <= 2, $"{region}: {worstUlps} ulps");
        Assert.True(worstSubnormal <= 2 * double.Epsilon, $"{region}: {worstSubnormal:E3} below the normal range");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 2.7182818284590452)]
    [InlineData(-1.0, 0.36787944117144233)]
    [InlineData(709.782712893384, 1.7976931348622732e308)]
    [InlineData(709.79, double.PositiveInfinity)]
    [InlineData(-745.1332191019411, 5e-324)]
    [InlineData(-745.2, 0.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(double.NaN, double.NaN)]
    public void Special_and_boundary_values(double x, double expected)
    {
        double actual = Simd512.Exp(Simd512.Create(x)).V[5];
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0 || expected < 2.2250738585072014E-308) Assert.Equal(expected, actual);
        else Assert.True(Math.Abs(actual - expected) <= 2 * Ulp(expected), $"exp {x:R} = {actual:R}, expected {expected:R}");
    }
}
