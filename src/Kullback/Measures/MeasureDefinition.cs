namespace Kullback;

/// <summary>One measure of <see cref="MeasureSummary"/>: its JSON key, symbol, meaning and kind.</summary>
public sealed class MeasureDefinition
{
    private readonly Func<MeasureSummary, InformationUnit, double> _read;

    internal MeasureDefinition(string key, string symbol, string description, MeasureKind kind, Func<MeasureSummary, InformationUnit, double> read)
    {
        Key = key;
        Symbol = symbol;
        Description = description;
        Kind = kind;
        _read = read;
    }

    /// <summary>The key in JSON and in the shared reference files, such as <c>kl_pq</c>.</summary>
    public string Key { get; }

    /// <summary>The usual notation, such as D(P‖Q).</summary>
    public string Symbol { get; }

    /// <summary>What it measures, in a few words.</summary>
    public string Description { get; }

    /// <summary>How its value depends on the unit.</summary>
    public MeasureKind Kind { get; }

    /// <summary>The unit's name for this measure: the unit itself, "√unit", or "—" for unitless measures.</summary>
    public string UnitName(InformationUnit unit) => Kind switch
    {
        MeasureKind.Information => unit.ToString(),
        MeasureKind.InformationRoot => $"√{unit}",
        _ => "—",
    };

    /// <summary>This measure's value in <paramref name="summary"/>, in <paramref name="unit"/>.</summary>
    public double ValueIn(MeasureSummary summary, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return _read(summary, unit);
    }

    /// <summary>The key.</summary>
    public override string ToString() => Key;
}
