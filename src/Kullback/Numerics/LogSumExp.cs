namespace Kullback.Numerics;

/// <summary>
/// ln Σ e^(yᵢ) taken online (the running sum rescaled whenever a larger exponent arrives), so that no term overflows or
/// underflows whatever the exponents. A mutable accumulator meant to live in a local variable.
/// </summary>
internal struct LogSumExp
{
    private double _max;
    private NeumaierSum _scaled;
    private bool _any;

    public void Add(double exponent)
    {
        if (!_any)
        {
            _any = true;
            _max = exponent;
            _scaled.Add(1.0);
        }
        else if (exponent > _max)
        {
            _scaled.Scale(Math.Exp(_max - exponent));
            _max = exponent;
            _scaled.Add(1.0);
        }
        else
        {
            _scaled.Add(Math.Exp(exponent - _max));
        }
    }

    /// <summary>Whether no exponent was added (the sum is 0 and its logarithm −∞).</summary>
    public readonly bool IsEmpty => !_any;

    /// <summary>ln Σ e^(yᵢ); −∞ when empty.</summary>
    public readonly double Log => _any ? _max + Math.Log(_scaled.Total) : double.NegativeInfinity;
}
