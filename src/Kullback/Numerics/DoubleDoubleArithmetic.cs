namespace Kullback.Numerics;

/// <summary>
/// Products and quotients of <see cref="DoubleDouble"/> numbers (about 104 bits), for the multivariate measures: the
/// product of marginals Π mₖ and the difference p − Π mₖ keep their digits when a joint distribution is within 10⁻¹⁰ of
/// independence, where double arithmetic would leave none.
/// </summary>
internal static class DoubleDoubleArithmetic
{
    /// <summary>a·b exactly, as the rounded product and its error (fused multiply–add).</summary>
    public static DoubleDouble TwoProduct(double a, double b)
    {
        double p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    /// <summary>x·y to about 2⁻¹⁰⁴ relative.</summary>
    public static DoubleDouble Multiply(DoubleDouble x, DoubleDouble y)
    {
        var p = TwoProduct(x.Hi, y.Hi);
        double e = p.Lo + (x.Hi * y.Lo + x.Lo * y.Hi);
        double hi = p.Hi + e;
        return new DoubleDouble(hi, e - (hi - p.Hi));
    }

    /// <summary>x·y to about 2⁻¹⁰⁴ relative.</summary>
    public static DoubleDouble Multiply(DoubleDouble x, double y)
    {
        var p = TwoProduct(x.Hi, y);
        double e = p.Lo + x.Lo * y;
        double hi = p.Hi + e;
        return new DoubleDouble(hi, e - (hi - p.Hi));
    }

    /// <summary>x / y to about 2⁻¹⁰⁴ relative (y ≠ 0): a quotient, its remainder in double-double, and one correction.</summary>
    public static DoubleDouble Divide(DoubleDouble x, DoubleDouble y)
    {
        double q1 = x.Hi / y.Hi;
        var r = x - Multiply(y, q1);
        double q2 = r.Hi / y.Hi;
        r -= Multiply(y, q2);
        double q3 = r.Hi / y.Hi;
        return DoubleDouble.TwoSum(q1, q2) + q3;
    }

    /// <summary>−x.</summary>
    public static DoubleDouble Negate(DoubleDouble x) => new(-x.Hi, -x.Lo);
}
