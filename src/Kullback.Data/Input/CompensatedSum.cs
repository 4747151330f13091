namespace Kullback.Data.Input;

/// <summary>
/// Neumaier's compensated sum of non-negative values, so that checking a sum against 1 is not spoilt by rounding
/// (the core's own accumulator is internal to it).
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }

    /// <summary>True once the running sum has passed the largest finite double.</summary>
    public readonly bool Overflowed => double.IsInfinity(_sum);

    /// <summary>The sum (∞ after an overflow).</summary>
    public readonly double Total => Overflowed ? _sum : _sum + _compensation;
}
