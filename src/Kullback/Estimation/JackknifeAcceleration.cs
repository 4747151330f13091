namespace Kullback.Estimation;

/// <summary>
/// BCa's acceleration from grouped jackknife values: leaving out one observation of category i gives the same value
/// θ₍ᵢ₎ for each of its nᵢ observations, so one evaluation per observed category, weighted by nᵢ, stands for N.
/// </summary>
/// <remarks>
/// For samples k = 1…S of sizes Nₖ with influence values Uₖᵢ = (Nₖ − 1)(θ̄ₖ − θ₍ₖᵢ₎), θ̄ₖ the mean of sample k's
/// jackknife values: a = Σₖ Σᵢ Uₖᵢ³/Nₖ³ / (6 (Σₖ Σᵢ Uₖᵢ²/Nₖ²)^(3/2)) (Efron and Tibshirani 1993, eq. 14.15 and §14.3
/// for several samples); with one sample the factors Nₖ − 1 and Nₖ cancel into the usual Σd³ / (6 (Σd²)^(3/2)).
/// </remarks>
internal struct JackknifeAcceleration
{
    private double _cubes;
    private double _squares;
    private bool _infinite;

    /// <summary>Adds one sample's grouped jackknife values.</summary>
    /// <param name="values">θ₍ᵢ₎ per observed category.</param>
    /// <param name="weights">nᵢ per observed category.</param>
    /// <param name="total">Nₖ.</param>
    public void AddSample(ReadOnlySpan<double> values, ReadOnlySpan<long> weights, long total)
    {
        double mean = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) { _infinite = true; return; }
            mean += weights[i] * values[i];
        }
        mean /= total;
        double factor = (total - 1.0) / total;
        for (int i = 0; i < values.Length; i++)
        {
            double u = factor * (mean - values[i]);
            _cubes += weights[i] * u * u * u;
            _squares += weights[i] * u * u;
        }
    }

    /// <summary>a; 0 when every jackknife value is the same; NaN when one is infinite.</summary>
    public readonly double Value
    {
        get
        {
            if (_infinite) return double.NaN;
            if (_squares == 0) return 0;
            return _cubes / (6 * Math.Pow(_squares, 1.5));
        }
    }
}
