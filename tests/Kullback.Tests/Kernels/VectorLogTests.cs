using System.Runtime.Intrinsics;
using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The kernels' 512-bit logarithm (<see cref="VectorLog"/> where the CPU has AVX-512, else .NET's) against
/// <see cref="Math.Log(double)"/>: its stated accuracy, and its special values.
/// </summary>
public class VectorLogTests
{
    private const double Unit = 1.1102230246251565E-16;   // 2⁻⁵³

    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    public static TheoryData<string> Regions() => new() { "uniform 0..4", "within 1e-3 of 1", "within 0.1 of 1", "whole range", "subnormal" };

    private static double Draw(string region, Random rng) => region switch
    {
        "uniform 0..4" => rng.NextDouble() * 4,
        "within 1e-3 of 1" => 1 + (rng.NextDouble() - 0.5) * 1e-3,
        "within 0.1 of 1" => 1 + (rng.NextDouble() - 0.5) * 0.2,
        "whole range" => Math.Exp((rng.NextDouble() - 0.5) * 1415),
        _ => (1 + rng.NextDouble() * 4e15) * double.Epsilon,
    };

    [Theory]
    [MemberData(nameof(Regions))]
    public void Agrees_with_Math_Log_to_its_stated_bound(string region)
    {
        var rng = new Random(region.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        double worstUlps = 0, worstAbsolute = 0;
        var lanes = new double[8];
        for (int n = 0; n < 100_000; n++)
        {
            for (int i = 0; i < 8; i++) lanes[i] = Draw(region, rng);
            var logs = Simd512.Log(new Simd512(Vector512.Create(lanes))).V;
            for (int i = 0; i < 8; i++)
            {
                double expected = Math.Log(lanes[i]), error = Math.Abs(logs[i] - expected);
                if (Math.Abs(expected) < 0.032) worstAbsolute = Math.Max(worstAbsolute, error);
                else worstUlps = Math.Max(worstUlps, error / Ulp(expected));
            }
        }
        // Math.Log is itself within about half an ulp, so 2 ulps apart keeps the kernels' 4-ulp assumption honest.
        Assert.True(worstUlps <= 2, $"{region}: {worstUlps} ulps");
        Assert.True(worstAbsolute <= 0.1 * Unit, $"{region}: absolute {worstAbsolute:E3} near 1");
    }

    [Theory]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(1.0, 0.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(-1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.Epsilon, -744.44007192138126)]
    [InlineData(2.2250738585072014E-308, -708.39641853226408)]
    [InlineData(double.MaxValue, 709.78271289338397)]
    [InlineData(2.0, 0.69314718055994531)]
    [InlineData(0.75, -0.2876820724517809)]
    [InlineData(1.5, 0.40546510810816438)]
    public void Special_and_boundary_values(double x, double expected)
    {
        double actual = Simd512.Log(Simd512.Create(x)).V[3];
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0) Assert.Equal(expected, actual);
        else Assert.True(Math.Abs(actual - expected) <= 2 * Ulp(expected), $"ln {x:R} = {actual:R}, expected {expected:R}");
    }
}
