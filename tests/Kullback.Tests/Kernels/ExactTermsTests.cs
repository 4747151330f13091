using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The exact per-outcome terms against 30-digit values from mpmath, on both sides of each series cut-over, with unit
/// sums so that a term is the function itself: the Kullback–Leibler term q̂·φ(1 + x) at a = 1 + x, b = 1, and the
/// Jensen–Shannon term w·ψ(x) at a = 1 + x, b = 1 − x (w = 2); every 1 ± x is exact.
/// </summary>
public class ExactTermsTests
{
    private static readonly PairScales<Simd1> UnitSums = new(1, 0, 1, 0, 0);

    [Theory]
    // x, φ(1 + x) = (1 + x)·ln(1 + x) − x: the series, the moderate form and the far form (x ≥ 1 or x ≤ −½)
    [InlineData(9.313225746154785e-10, 4.33680868859569512507954804233e-19)]
    [InlineData(0.0498046875, 0.00122016121531575623993453379657)]
    [InlineData(-0.05078125, 0.00131176454382653725829577635224)]
    [InlineData(0.75, 0.229327628886989700974054875922)]
    [InlineData(3.0, 2.54517744447956247533785697167)]
    [InlineData(-0.75, 0.403426409720027345291383939271)]
    public void Kullback_Leibler_term(double x, double expected)
    {
        double term = ExactKullbackLeiblerKernel.Term(new Simd1(1 + x), new Simd1(1), new Simd1(Math.Log(1 + x)), UnitSums).V;
        Assert.Equal(expected, term, expected * 1e-14);
    }

    [Theory]
    // x (with 1 ± x exact), 2ψ(x) = 2·((1+x)·ln(1+x) + (1−x)·ln(1−x))
    [InlineData(9.313225746154785e-10, 1.73472347597680709466269660957e-18)]
    [InlineData(0.0498046875, 0.00496306680312187377386790284326)]
    [InlineData(-0.05078125, 0.00515968961806255660474686657341)]
    [InlineData(0.75, 1.26550807721403409253087763039)]
    [InlineData(1.0, 2.77258872223978123766892848583)]
    public void Jensen_Shannon_term(double x, double expected)
    {
        double term = JensenShannonExactTerms.Term(new Simd1(1 + x), new Simd1(1 - x), UnitSums).V;
        Assert.Equal(expected, term, expected * 1e-14);
    }
}
