using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// The unit of an information quantity: the base of the logarithm. The default value is <see cref="Nats"/>.
/// </summary>
/// <remarks>
/// Values in nats are divided by ln(base): bits = nats / ln 2, hartleys = nats / ln 10.
/// Distances that carry no unit (Hellinger, total variation, χ²) do not take one.
/// </remarks>
public readonly record struct InformationUnit
{
    // Stored as ln(base) − 1 so that default(InformationUnit) is the natural unit.
    private readonly double _logBaseMinusOne;

    private InformationUnit(double logBase) => _logBaseMinusOne = logBase - 1.0;

    /// <summary>Natural logarithm (base e). The default.</summary>
    public static InformationUnit Nats => default;

    /// <summary>Base 2 (shannons).</summary>
    public static InformationUnit Bits { get; } = new(Math.Log(2.0));

    /// <summary>Base 10 (bans, dits).</summary>
    public static InformationUnit Hartleys { get; } = new(Math.Log(10.0));

    /// <summary>The logarithm to <paramref name="logBase"/>, which must be finite and greater than 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The base is NaN, infinite, or not greater than 1.</exception>
    public static InformationUnit FromBase(double logBase)
    {
        if (!(logBase > 1) || double.IsInfinity(logBase))
            throw new InvalidArgumentException($"{nameof(logBase)} = {Preconditions.Format(logBase)} is not a valid logarithm base: it must be finite and greater than 1.", nameof(logBase));
        if (logBase == 2.0) return Bits;
        if (logBase == 10.0) return Hartleys;
        if (logBase == Math.E) return Nats;
        return new InformationUnit(Math.Log(logBase));
    }

    /// <summary>ln(base): 1 for nats, ln 2 for bits.</summary>
    public double NaturalLogOfBase => _logBaseMinusOne + 1.0;

    /// <summary>The base of the logarithm.</summary>
    public double Base => this == Nats ? Math.E : Math.Exp(NaturalLogOfBase);

    /// <summary>Converts a value in nats to this unit.</summary>
    public double FromNats(double nats) => this == Nats ? nats : nats / NaturalLogOfBase;

    /// <summary>Converts a value in this unit to nats.</summary>
    public double ToNats(double value) => this == Nats ? value : value * NaturalLogOfBase;

    /// <summary>"nats", "bits", "hartleys", or "base-b units" for another base (b to six significant digits).</summary>
    public override string ToString() =>
        this == Nats ? "nats" : this == Bits ? "bits" : this == Hartleys ? "hartleys"
        : $"base-{Base.ToString("G6", CultureInfo.InvariantCulture)} units";
}
