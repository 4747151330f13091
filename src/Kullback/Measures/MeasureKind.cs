namespace Kullback;

/// <summary>What a measure's value is, which decides how it is shown in a unit.</summary>
public enum MeasureKind
{
    /// <summary>An amount of information (entropies, divergences): shown in the chosen <see cref="InformationUnit"/>.</summary>
    Information,

    /// <summary>The square root of an amount of information (the Jensen–Shannon distance): √(value in the chosen unit).</summary>
    InformationRoot,

    /// <summary>A number without a unit (Hellinger, total variation, χ²): the same in every unit.</summary>
    Unitless,
}

