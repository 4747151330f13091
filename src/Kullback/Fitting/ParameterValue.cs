using System.Globalization;

namespace Kullback.Fitting;

/// <summary>One parameter of a fitted model and its value, such as λ = 3.2 or n = 10.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value as a real number.</param>
/// <param name="Whole">For <see cref="Parameter.IsInteger"/> parameters, the exact whole number (a double cannot hold
/// every long: 2⁶³ − 1 would print as 9223372036854780000); null otherwise.</param>
public readonly record struct ParameterValue(Parameter Parameter, double Value, long? Whole = null)
{
    /// <summary>A whole-number parameter, kept exactly.</summary>
    public static ParameterValue Of(Parameter parameter, long value) => new(parameter, value, value);

    /// <summary>A real-valued parameter.</summary>
    public static ParameterValue Of(Parameter parameter, double value) => new(parameter, value);

    /// <summary>Like <c>lambda = 3.2</c>: whole numbers exactly, other values to six significant digits.</summary>
    public override string ToString() =>
        Whole is long whole
            ? string.Create(CultureInfo.InvariantCulture, $"{Parameter.Key} = {whole}")
            : string.Create(CultureInfo.InvariantCulture, $"{Parameter.Key} = {Value:G6}");
}
