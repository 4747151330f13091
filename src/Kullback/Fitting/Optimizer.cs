using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Kullback.Fitting;

/// <summary>
/// Minimises a smooth function of two variables with an analytic gradient: MathNet's BFGS (Nelder–Mead if BFGS
/// gives up), then Newton steps with a finite-difference Hessian of the gradient until the gradient vanishes.
/// </summary>
internal static class Optimizer
{
    public static (double X, double Y) Minimize2(Func<double, double, double> f, Func<double, double, (double Dx, double Dy)> gradient, double x0, double y0)
    {
        double F(Vector<double> v) => f(v[0], v[1]);
        Vector<double> G(Vector<double> v)
        {
            var (dx, dy) = gradient(v[0], v[1]);
            return Vector<double>.Build.Dense([dx, dy]);
        }
        var start = Vector<double>.Build.Dense([x0, y0]);
        Vector<double> best = start;
        try
        {
            best = FindMinimum.OfFunctionGradient(F, G, start, 1e-10, 1e-12, 1e-15, 5000);
        }
        catch (Exception e) when (IsOptimizerFailure(e))
        {
            try
            {
                best = FindMinimum.OfFunction(F, start, 1e-12, 20000);
            }
            catch (Exception inner) when (IsOptimizerFailure(inner))
            {
                // Keep the start; the Newton polish and the convergence check below decide.
            }
        }
        var (x, y) = Polish(f, gradient, best[0], best[1]);
        var (gx, gy) = gradient(x, y);
        if (!(Math.Abs(gx) + Math.Abs(gy) < 1e-6))
            throw new OptimizerFailedException();
        return (x, y);
    }

    private static bool IsOptimizerFailure(Exception e) =>
        e is MathNet.Numerics.Optimization.MaximumIterationsException or MathNet.Numerics.Optimization.OptimizationException or ArithmeticException or ArgumentException;

    /// <summary>No point with a vanishing gradient was found: the likelihood has no interior maximum, or it is too flat to find.</summary>
    internal sealed class OptimizerFailedException : Exception;

    private static (double, double) Polish(Func<double, double, double> f, Func<double, double, (double Dx, double Dy)> gradient, double x, double y)
    {
        for (int iteration = 0; iteration < 30; iteration++)
        {
            var (gx, gy) = gradient(x, y);
            if (Math.Abs(gx) + Math.Abs(gy) < 1e-13) break;
            double hx = 1e-6 * Math.Max(1, Math.Abs(x)), hy = 1e-6 * Math.Max(1, Math.Abs(y));
            var (axp, ayp) = gradient(x + hx, y);
            var (axm, aym) = gradient(x - hx, y);
            var (bxp, byp) = gradient(x, y + hy);
            var (bxm, bym) = gradient(x, y - hy);
            double hxx = (axp - axm) / (2 * hx), hxy = ((ayp - aym) / (2 * hx) + (bxp - bxm) / (2 * hy)) / 2, hyy = (byp - bym) / (2 * hy);
            double det = hxx * hyy - hxy * hxy;
            if (!(det > 0) || !(hxx > 0)) break;   // not locally convex: keep what BFGS found
            double dx = (hyy * gx - hxy * gy) / det, dy = (hxx * gy - hxy * gx) / det;
            double nx = x - dx, ny = y - dy;
            if (!(f(nx, ny) <= f(x, y) + 1e-15 * Math.Abs(f(x, y)))) break;
            x = nx;
            y = ny;
        }
        return (x, y);
    }
}
