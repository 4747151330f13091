using System.Globalization;

namespace Kullback.Fitting;

/// <summary>One parameter of a fitted model and its value, such as λ = 3.2.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value (a whole number for <see cref="Parameter.IsInteger"/> parameters).</param>
public readonly record struct ParameterValue(Parameter Parameter, double Value)
{
    /// <summary>Like <c>lambda = 3.2</c>: whole numbers in full, other values to six significant digits.</summary>
    public override string ToString() =>
        Parameter.IsInteger
            ? string.Create(CultureInfo.InvariantCulture, $"{Parameter.Key} = {Value:0}")
            : string.Create(CultureInfo.InvariantCulture, $"{Parameter.Key} = {Value:G6}");
}
