namespace Kullback.Continuous;

/// <summary>
/// The integrands taken together at the same nodes: the measure's F, P's mass M, Q's mass D (or 0), a
/// magnitude T that says whether a piece still matters (such as |p·ln(p/q)| + p), and a bound N on the rounding error
/// of F itself (ln p − ln q cancels when P ≈ Q: no quadrature can do better than ∫ N).
/// </summary>
internal readonly record struct Integrands(double F, double M, double D, double T, double N)
{
    public static Integrands operator +(Integrands a, Integrands b) => new(a.F + b.F, a.M + b.M, a.D + b.D, a.T + b.T, a.N + b.N);

    public static Integrands operator *(double w, Integrands a) => new(w * a.F, w * a.M, w * a.D, w * a.T, w * a.N);

    public bool IsFinite => double.IsFinite(F) && double.IsFinite(M) && double.IsFinite(D) && double.IsFinite(T) && double.IsFinite(N);
}

/// <summary>One subinterval of an adaptive quadrature with its 15-point Kronrod estimate and error estimates.</summary>
internal readonly record struct Segment(double Lower, double Upper, Integrands Value, double ErrorF, double ErrorM, double ErrorD, double AbsoluteF);

/// <summary>
/// The 7-point Gauss / 15-point Kronrod rule of QUADPACK (qk15), with its error estimate, for several integrands at
/// once. Nodes and weights from Piessens et al., QUADPACK (1983).
/// </summary>
internal static class GaussKronrod
{
    private static readonly double[] Nodes =
    [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
        0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ];

    private static readonly double[] KronrodWeights =
    [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
        0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ];

    private static readonly double[] GaussWeights =
    [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    ];

    /// <summary>The number of evaluations per segment.</summary>
    public const int Points = 15;

    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>The rule on [a, b].</summary>
    public static Segment Apply(Func<double, Integrands> f, double a, double b)
    {
        double center = 0.5 * (a + b), half = 0.5 * (b - a);
        Span<Integrands> values = stackalloc Integrands[15];
        values[7] = f(center);
        for (int j = 0; j < 7; j++)
        {
            double dx = half * Nodes[j];
            values[j] = f(center - dx);
            values[14 - j] = f(center + dx);
        }
        var kronrod = KronrodWeights[7] * values[7];
        var gauss = GaussWeights[3] * values[7];
        double absF = KronrodWeights[7] * Math.Abs(values[7].F);
        for (int j = 0; j < 7; j++)
        {
            var pair = values[j] + values[14 - j];
            kronrod += KronrodWeights[j] * pair;
            absF += KronrodWeights[j] * (Math.Abs(values[j].F) + Math.Abs(values[14 - j].F));
            if (j % 2 == 1) gauss += GaussWeights[j / 2] * pair;
        }
        double meanF = 0.5 * kronrod.F, ascF = KronrodWeights[7] * Math.Abs(values[7].F - meanF);
        for (int j = 0; j < 7; j++)
            ascF += KronrodWeights[j] * (Math.Abs(values[j].F - meanF) + Math.Abs(values[14 - j].F - meanF));
        double width = Math.Abs(half);
        var value = half * kronrod;
        return new Segment(a, b, value,
            QuadpackError(Math.Abs((kronrod.F - gauss.F) * half), ascF * width, absF * width),
            Math.Abs((kronrod.M - gauss.M) * half), Math.Abs((kronrod.D - gauss.D) * half), absF * width);
    }

    /// <summary>QUADPACK's scaling of |K − G|: resasc·min(1, (200|K − G|/resasc)^1.5), at least 50 ulps of ∫|f|.</summary>
    private static double QuadpackError(double error, double resasc, double resabs)
    {
        if (resasc != 0 && error != 0) error = resasc * Math.Min(1, Math.Pow(200 * error / resasc, 1.5));
        if (resabs > double.Epsilon / (50 * Epsilon)) error = Math.Max(50 * Epsilon * resabs, error);
        return error;
    }
}
