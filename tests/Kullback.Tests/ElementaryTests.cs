using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The functions behind the measures, against 30-digit values computed by mpmath for the double nearest each argument,
/// on both sides of each series cut-over (|x| = 0.05).
/// </summary>
public class ElementaryTests
{
    [Theory]
    // x, φ(1+x) = (1+x)·ln(1+x) − x
    [InlineData(1e-10, 4.99999999983333369766363980343e-21)]
    [InlineData(-0.0499, 0.00126624626536147043620987354615)]
    [InlineData(0.0501, 0.00123455615607414387870366550026)]
    [InlineData(0.7, 0.202068026805689650028995303589)]
    [InlineData(-1.0, 1.0)]
    public void Phi(double x, double expected) =>
        Assert.Equal(expected, Elementary.Phi(x, Elementary.LogOnePlus(x)), expected * 1e-14);

    [Theory]
    // x, ψ(x) = (1+x)·ln(1+x) + (1−x)·ln(1−x)
    [InlineData(1e-9, 1.00000000000000012472984958223e-18)]
    [InlineData(0.0499, 0.0024910443889040711337844275561)]
    [InlineData(-0.0501, 0.00251106108068246877427394445132)]
    [InlineData(1.0, 1.38629436111989061883446424292)]
    public void Psi(double x, double expected) =>
        Assert.Equal(expected, Elementary.Psi(x), expected * 1e-14);

    [Theory]
    // y, (eʸ − 1)/y − 1
    [InlineData(1e-12, 5.00000000000166656609990522952e-13)]
    [InlineData(0.0499, 0.0253702309131605551540999440694)]
    [InlineData(-0.0501, -0.0246368525798907362988779734433)]
    [InlineData(3.0, 5.36184564106255591364284321819)]
    public void ExpRatioMinusOne(double y, double expected) =>
        Assert.Equal(expected, Elementary.ExpRatioMinusOne(y), Math.Abs(expected) * 1e-14);

    [Theory]
    [InlineData(1e-18, 1.00000000000000007204242405462e-18)]
    [InlineData(0.04, 0.0408107741923882276236938222566)]
    [InlineData(-30, -0.999999999999906423770311598254)]
    public void ExpMinusOne(double x, double expected) =>
        Assert.Equal(expected, Elementary.ExpMinusOne(x), Math.Abs(expected) * 1e-15);
}
