using System.Runtime.CompilerServices;

namespace Kullback.Numerics;

/// <summary>
/// Compensated (Neumaier) summation: the error of the total does not grow with the number of terms.
/// A mutable accumulator meant to live in a local variable.
/// </summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double term)
    {
        double t = _sum + term;
        if (Math.Abs(_sum) >= Math.Abs(term))
            _compensation += (_sum - t) + term;
        else
            _compensation += (term - t) + _sum;
        _sum = t;
    }

    /// <summary>Multiplies the running total by <paramref name="factor"/> (for log-sum-exp rescaling).</summary>
    public void Scale(double factor)
    {
        _sum *= factor;
        _compensation *= factor;
    }

    public readonly double Total => double.IsInfinity(_sum) ? _sum : _sum + _compensation;
}
