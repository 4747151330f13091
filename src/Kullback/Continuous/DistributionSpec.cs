using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// A distribution written as <c>family(parameters)</c>, such as <c>normal(0, 1)</c> or <c>gamma(2, 0.5)</c>: the
/// syntax of <c>kullback continuous</c>. Numbers are read in invariant culture (a decimal point, never a comma).
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Values">The parameter values, in the family's order.</param>
/// <param name="Distribution">The MathNet.Numerics distribution they describe.</param>
public sealed record DistributionSpec(DistributionFamily Family, IReadOnlyList<double> Values, IUnivariateDistribution Distribution)
{
    /// <summary>The syntax of every family, for help texts: <c>normal(mu,sigma), lognormal(mu,sigma), …</c>.</summary>
    public static string Syntax => string.Join(", ", DistributionFamily.All.Select(f => f.Syntax));

    /// <summary>Reads <paramref name="text"/>, such as <c>binomial(10, 0.544)</c>.</summary>
    /// <exception cref="InvalidArgumentException">The text is not of the form family(parameters), names no family, has
    /// the wrong number of parameters, a parameter that is not a finite number, or one outside its range; the reason
    /// says which and what is accepted.</exception>
    public static DistributionSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        int open = trimmed.IndexOf('(', StringComparison.Ordinal), close = trimmed.LastIndexOf(')');
        if (open <= 0 || close != trimmed.Length - 1)
            throw new InvalidArgumentException($"{InputText.Quote(text)} is not of the form family(parameters), such as normal(0,1); the families are {Syntax}.", nameof(text));
        string name = trimmed[..open].Trim();
        var family = DistributionFamily.All.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidArgumentException($"unknown family {InputText.Quote(name)}; the families are {Syntax}.", nameof(text));
        string inner = trimmed[(open + 1)..close];
        string[] fields = inner.Trim().Length == 0 ? [] : inner.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != family.Parameters.Count || fields.Any(f => f.Length == 0))
            throw new InvalidArgumentException($"{family.Key} takes {family.Parameters.Count} parameter(s), {family.Syntax}.", nameof(text));
        var values = new double[fields.Length];
        for (int i = 0; i < fields.Length; i++)
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new InvalidArgumentException($"{family.Parameters[i]} = {InputText.Quote(fields[i])} is not a finite number (write numbers like 0.5 or 1e-3).", nameof(text));
        return new DistributionSpec(family, values, family.Create(values));
    }

    /// <summary>Like <c>normal(0, 1)</c>.</summary>
    public override string ToString() =>
        $"{Family.Key}({string.Join(", ", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))})";
}
