using System.Globalization;

namespace Kullback.Comparison;

/// <summary>A closed interval [Lower, Upper] known to contain a value that could not be computed exactly.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound (≥ <paramref name="Lower"/>; +∞ when nothing bounds it).</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Upper − Lower: the error bound of any point in the interval.</summary>
    public double Width => Upper - Lower;

    /// <summary>The midpoint, the estimate whose error is at most half the width (+∞ for an unbounded interval).</summary>
    public double Midpoint => double.IsPositiveInfinity(Upper) ? Upper : Lower + (Upper - Lower) / 2;

    /// <summary>True when <paramref name="x"/> lies in the interval.</summary>
    public bool Contains(double x) => x >= Lower && x <= Upper;

    /// <summary>Like <c>[0.0123, 0.0131]</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:G6}, {Upper:G6}]");
}
