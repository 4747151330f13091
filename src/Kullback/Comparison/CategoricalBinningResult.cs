using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>A categorical column's histogram and its category changes, by name.</summary>
/// <param name="Histogram">The bins and both samples' counts.</param>
/// <param name="NewCategories">Every category the current sample has and the reference does not, most frequent first (also those counted in the other bin).</param>
/// <param name="VanishedCategories">Every category the reference has and the current sample does not, most frequent first.</param>
/// <param name="CategoriesInOther">How many categories are counted in the other bin (0 when there is no other bin).</param>
public sealed record CategoricalBinningResult(
    ColumnHistogram Histogram,
    ImmutableArray<string> NewCategories,
    ImmutableArray<string> VanishedCategories,
    int CategoriesInOther);
