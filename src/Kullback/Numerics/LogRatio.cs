namespace Kullback.Numerics;

/// <summary>ln(x/y) of two positive finite doubles to a few ulps, however close to 1 or however extreme their ratio.</summary>
internal static class LogRatio
{
    // ln 2 in two parts, the first with 42 significant bits so that k·Ln2Head is exact for |k| < 2¹¹.
    private const double Ln2Head = 0.6931471805598903;
    private const double Ln2Tail = 5.497923018708371e-14;

    /// <summary>
    /// ln(x/y): log1p((x − y)/y) when the two are within a factor 2 (x − y is then exact), else the logarithm of the ratio of
    /// their significands plus the difference of their exponents times ln 2 (no overflow, underflow or subnormal ratio).
    /// </summary>
    public static double Of(double x, double y)
    {
        if (x >= 0.5 * y && x <= 2 * y) return Elementary.LogOnePlus((x - y) / y);
        int ex = Math.ILogB(x), ey = Math.ILogB(y);
        double ratio = Math.ScaleB(x, -ex) / Math.ScaleB(y, -ey);   // in (½, 2)
        int k = ex - ey;
        return Math.Log(ratio) + k * Ln2Tail + k * Ln2Head;
    }
}
