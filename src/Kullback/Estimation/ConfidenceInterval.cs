using System.Globalization;

namespace Kullback.Estimation;

/// <summary>A confidence interval around an estimate, with how it was made.</summary>
/// <param name="Lower">The lower bound (never negative).</param>
/// <param name="Upper">The upper bound (≥ <paramref name="Lower"/>; +∞ when replicates of a divergence are infinite).</param>
/// <param name="Level">The confidence level, such as 0.95.</param>
/// <param name="Method">The method actually used (BCa falls back to <see cref="IntervalMethod.Percentile"/> when its acceleration cannot be had: see <see cref="Note"/>).</param>
/// <param name="Resamples">The number of bootstrap replicates; 0 for <see cref="IntervalMethod.Posterior"/>.</param>
/// <param name="Seed">The seed of the replicates; null for <see cref="IntervalMethod.Posterior"/>.</param>
/// <param name="StandardError">The standard deviation of the replicates (or of the posterior); +∞ when a replicate is infinite.</param>
/// <param name="Note">Why the method differs from the one asked for, or null.</param>
public sealed record ConfidenceInterval(
    Information Lower,
    Information Upper,
    double Level,
    IntervalMethod Method,
    int Resamples,
    int? Seed,
    Information StandardError,
    string? Note = null)
{
    /// <summary>True when <paramref name="value"/> lies in [Lower, Upper].</summary>
    public bool Contains(Information value) => value >= Lower && value <= Upper;

    /// <summary>Like <c>[2.91, 3.12] nats (95% BCa, 2000 resamples, seed 0)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Lower.Nats:G4}, {Upper.Nats:G4}] nats ({Level * 100:G4}% {Method}{(Resamples > 0 ? $", {Resamples} resamples, seed {Seed}" : "")})");
}
