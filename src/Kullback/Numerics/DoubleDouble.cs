namespace Kullback.Numerics;

/// <summary>
/// An unevaluated sum <c>Hi + Lo</c> of two doubles with |Lo| ≤ ½ ulp(Hi): about 106 bits of precision.
/// Used for the normalising sums, which decide near-identical distributions in their last bits.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0, 0);

    /// <summary>The value rounded to the nearest double.</summary>
    public double Value => Hi + Lo;

    /// <summary>Knuth's TwoSum: <c>a + b = s + e</c> exactly.</summary>
    public static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        double e = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, e);
    }

    public static DoubleDouble operator +(DoubleDouble x, double y)
    {
        var (s, e) = TwoSum(x.Hi, y);
        e += x.Lo;
        double hi = s + e;
        return new DoubleDouble(hi, e - (hi - s));
    }

    public static DoubleDouble operator +(DoubleDouble x, DoubleDouble y)
    {
        var (s, e) = TwoSum(x.Hi, y.Hi);
        e += x.Lo + y.Lo;
        double hi = s + e;
        return new DoubleDouble(hi, e - (hi - s));
    }

    public static DoubleDouble operator -(DoubleDouble x, DoubleDouble y) => x + new DoubleDouble(-y.Hi, -y.Lo);
}
