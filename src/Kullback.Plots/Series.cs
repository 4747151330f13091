namespace Kullback.Plots;

/// <summary>A named list of values, one per outcome (or per x), drawn as one colour in a chart.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Values">The values, in the order of the chart's outcomes.</param>
/// <param name="Colour">Its <see cref="Palette"/> index, so one distribution keeps one colour across charts; null for its position in the chart.</param>
public sealed record Series(string Name, IReadOnlyList<double> Values, int? Colour = null);
