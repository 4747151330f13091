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
    [Theory]
    // x, ln(1 + x): tiny, moderate, near −1 and huge arguments
    [InlineData(1e-300, 1.00000000000000002505909183521e-300)]
    [InlineData(-3e-17, -3.00000000000000010555287661289e-17)]
    [InlineData(2.5e-9, 2.49999999687500005751473526812e-9)]
    [InlineData(7.3e-5, 7.2997335629665233213696299637e-5)]
    [InlineData(-0.03, -0.0304592074847085447747014684636)]
    [InlineData(0.0625, 0.0606246218164348425806061320404)]
    [InlineData(-0.5, -0.693147180559945309417232121458)]
    [InlineData(-0.75, -1.38629436111989061883446424292)]
    [InlineData(-0.999999, -13.8155105579355184395921509177)]
    [InlineData(0.99, 0.688134638736401022910930243303)]
    [InlineData(3.0, 1.38629436111989061883446424292)]
    [InlineData(1e10, 23.0258509300404568401749145468)]
    [InlineData(1e300, 690.775527898213705257902196661)]
    public void LogOnePlus(double x, double expected) =>
        Assert.Equal(expected, Elementary.LogOnePlus(x), Math.Abs(expected) * 2.3e-16);   // within about 1 ulp

    [Fact]
    public void LogOnePlus_edges()
    {
        Assert.Equal(double.NegativeInfinity, Elementary.LogOnePlus(-1));
        Assert.True(double.IsNaN(Elementary.LogOnePlus(-1.5)));
        Assert.True(double.IsNaN(Elementary.LogOnePlus(double.NaN)));
        Assert.Equal(double.PositiveInfinity, Elementary.LogOnePlus(double.PositiveInfinity));
        Assert.Equal(0.0, Elementary.LogOnePlus(0.0));
    }
}
