using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Kullback.Continuous;

/// <summary>
/// A d-dimensional normal distribution N(μ, Σ) with a full, symmetric positive-definite covariance, held through its
/// Cholesky factor Σ = LLᵀ (MathNet.Numerics). Immutable.
/// </summary>
public sealed class MultivariateNormal
{
    private readonly Cholesky<double> _cholesky;
    private readonly double _logDeterminant;

    /// <summary>The mean μ.</summary>
    public Vector<double> Mean { get; }

    /// <summary>The covariance Σ.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>The number of dimensions d.</summary>
    public int Dimensions => Mean.Count;

    /// <exception cref="ArgumentException">The covariance is not d×d, not symmetric, or not positive definite (singular).</exception>
    public MultivariateNormal(Vector<double> mean, Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        int d = mean.Count;
        if (d == 0) throw new InvalidArgumentException("The mean is empty: at least one dimension is needed.", nameof(mean));
        if (covariance.RowCount != d || covariance.ColumnCount != d)
            throw new InvalidArgumentException($"The covariance is {covariance.RowCount}×{covariance.ColumnCount} but the mean has {d} dimensions.", nameof(covariance));
        if (mean.Any(x => !double.IsFinite(x)) || covariance.Enumerate().Any(x => !double.IsFinite(x)))
            throw new InvalidArgumentException("The mean and covariance must be finite.", nameof(covariance));
        for (int i = 0; i < d; i++)
            for (int j = 0; j < i; j++)
                if (Math.Abs(covariance[i, j] - covariance[j, i]) > 1e-12 * Math.Max(1, Math.Abs(covariance[i, j])))
                    throw new InvalidArgumentException($"The covariance is not symmetric: Σ[{i},{j}] = {covariance[i, j]} but Σ[{j},{i}] = {covariance[j, i]}.", nameof(covariance));
        try
        {
            _cholesky = covariance.Cholesky();
        }
        catch (ArgumentException)
        {
            throw new InvalidArgumentException("The covariance is not positive definite (it is singular or has a negative eigenvalue).", nameof(covariance));
        }
        var l = _cholesky.Factor;
        double logDet = 0;
        for (int i = 0; i < d; i++)
        {
            if (!(l[i, i] > 0)) throw new InvalidArgumentException("The covariance is singular.", nameof(covariance));
            logDet += 2 * Math.Log(l[i, i]);
        }
        _logDeterminant = logDet;
        Mean = mean.Clone();
        Covariance = covariance.Clone();
    }

    /// <summary>A d-dimensional normal from arrays: the mean and the covariance rows.</summary>
    public static MultivariateNormal Of(double[] mean, double[,] covariance) =>
        new(Vector<double>.Build.DenseOfArray(mean), Matrix<double>.Build.DenseOfArray(covariance));

    /// <summary>ln p(x) = −½[d ln 2π + ln det Σ + (x − μ)ᵀΣ⁻¹(x − μ)].</summary>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        if (x.Length != Dimensions) throw new InvalidArgumentException($"x has {x.Length} coordinates; the distribution has {Dimensions}.", nameof(x));
        var diff = Vector<double>.Build.Dense(Dimensions);
        for (int i = 0; i < Dimensions; i++) diff[i] = x[i] - Mean[i];
        var z = _cholesky.Factor.Solve(diff);   // L z = x − μ, so |z|² = (x − μ)ᵀΣ⁻¹(x − μ)
        return -0.5 * (Dimensions * Math.Log(2 * Math.PI) + _logDeterminant + z.DotProduct(z));
    }

    /// <summary>One draw: μ + L·z with z standard normal.</summary>
    public double[] Sample(Random random)
    {
        var z = Vector<double>.Build.Dense(Dimensions, _ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        return (Mean + _cholesky.Factor * z).ToArray();
    }

    /// <summary>Differential entropy ½[d(1 + ln 2π) + ln det Σ] in nats.</summary>
    public double Entropy => 0.5 * (Dimensions * (1 + Math.Log(2 * Math.PI)) + _logDeterminant);

    /// <summary>
    /// D(P‖Q) = ½[tr(Σq⁻¹Σp) + (μq − μp)ᵀΣq⁻¹(μq − μp) − d + ln det Σq − ln det Σp] in nats, through Cholesky solves.
    /// </summary>
    /// <remarks>
    /// Written as ½[Σᵢ (λᵢ − 1 − ln λᵢ) + |Lq⁻¹(μq − μp)|²] over the eigenvalues λᵢ of Σq⁻¹Σp. When every λᵢ is within
    /// ½ of 1, λᵢ − 1 is taken from the eigenvalues of Lq⁻¹(Σp − Σq)Lq⁻ᵀ (the difference of the covariances, exact
    /// entry by entry for close matrices), so that near-identical normals keep their digits; otherwise the trace and
    /// the log-determinants (from the Cholesky diagonals) are used, which do not cancel there.
    /// </remarks>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(MultivariateNormal p, MultivariateNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Dimensions != q.Dimensions)
            throw new InvalidArgumentException($"P has {p.Dimensions} dimensions and Q has {q.Dimensions}: they must match.", nameof(q));
        if (ReferenceEquals(p, q)) return 0;
        var lq = q._cholesky.Factor;
        var z = lq.Solve(q.Mean - p.Mean);
        double meanTerm = z.DotProduct(z);
        double covarianceTerm = NearCovarianceTerm(p, q) ?? FarCovarianceTerm(p, q);
        double value = 0.5 * (covarianceTerm + meanTerm);
        if (double.IsPositiveInfinity(value) || double.IsNaN(value))
            throw new NotComputableException($"D(P‖Q) between these {p.Dimensions}-dimensional normals is finite but exceeds the largest double (about 1.8e308 nats).");
        return Math.Max(0, value);
    }

    /// <summary>Σᵢ g(−ln(1 + eᵢ)) over the eigenvalues eᵢ of E = Lq⁻¹(Σp − Σq)Lq⁻ᵀ, or null when some |eᵢ| ≥ ½.</summary>
    private static double? NearCovarianceTerm(MultivariateNormal p, MultivariateNormal q)
    {
        var lq = q._cholesky.Factor;
        var difference = p.Covariance - q.Covariance;
        var w = lq.Solve(difference);                    // Lq⁻¹ ΔΣ
        var e = lq.Solve(w.Transpose());                  // Lq⁻¹ (Lq⁻¹ ΔΣ)ᵀ = Lq⁻¹ ΔΣ Lq⁻ᵀ
        e = (e + e.Transpose()) * 0.5;
        if (e.Enumerate().Any(x => !double.IsFinite(x))) return null;
        var eigenvalues = e.Evd(Symmetricity.Symmetric).EigenValues;
        double sum = 0;
        foreach (var ev in eigenvalues)
        {
            double x = ev.Real;
            if (!(Math.Abs(x) < 0.5)) return null;
            sum += DivergenceTerms.G(-Kullback.Numerics.Elementary.LogOnePlus(x));
        }
        return sum;
    }

    /// <summary>tr(Σq⁻¹Σp) − d − ln det(Σq⁻¹Σp), from ‖Lq⁻¹Lp‖²_F and the Cholesky log-determinants.</summary>
    private static double FarCovarianceTerm(MultivariateNormal p, MultivariateNormal q)
    {
        var m = q._cholesky.Factor.Solve(p._cholesky.Factor);   // Lq⁻¹Lp: tr(Σq⁻¹Σp) = ‖Lq⁻¹Lp‖²_F
        double frobenius = m.FrobeniusNorm();
        return frobenius * frobenius - p.Dimensions + (q._logDeterminant - p._logDeterminant);
    }
}
