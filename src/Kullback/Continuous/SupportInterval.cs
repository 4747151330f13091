using System.Globalization;

namespace Kullback.Continuous;

/// <summary>An interval of the real line, shown as in mathematics: <c>(−∞, 0)</c>, <c>[1, 1.5)</c>.</summary>
/// <param name="Lower">The lower end (may be −∞).</param>
/// <param name="Upper">The upper end (may be +∞).</param>
/// <param name="LowerClosed">Whether the lower end belongs to the interval (never for −∞).</param>
/// <param name="UpperClosed">Whether the upper end belongs to the interval (never for +∞).</param>
public readonly record struct SupportInterval(double Lower, double Upper, bool LowerClosed = false, bool UpperClosed = false)
{
    /// <summary>Like <c>(−∞, 0)</c> or <c>[1, 1.5)</c>, culture-invariant.</summary>
    public override string ToString() =>
        $"{(LowerClosed && double.IsFinite(Lower) ? "[" : "(")}{Show(Lower)}, {Show(Upper)}{(UpperClosed && double.IsFinite(Upper) ? "]" : ")")}";

    private static string Show(double x) =>
        double.IsNegativeInfinity(x) ? "−∞" : double.IsPositiveInfinity(x) ? "∞" : x.ToString("R", CultureInfo.InvariantCulture);
}
