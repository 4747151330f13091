using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>How the distribution statistics of numeric columns (KS, Wasserstein-1, Cramér–von Mises) are computed.</summary>
public enum DistributionMode
{
    /// <summary>From the raw values when one engine reads both sources (two files; two tables of one database), else from a fine histogram.</summary>
    Auto,

    /// <summary>Always from the raw values; refused when the sources are on different engines.</summary>
    Exact,

    /// <summary>Always from a fine histogram of reference quantiles, with the error bound stated (only counts cross the wire).</summary>
    Histogram,
}

/// <summary>What to compare and how: the two sources, the columns, the binning, the statistics, the engines.</summary>
public sealed record CompareRequest
{
    /// <summary>The reference: a file, a glob, a hive-partitioned folder, a database table URL (see <see cref="DataSource.Parse"/>).</summary>
    public required string Reference { get; init; }

    /// <summary>The current data, in the same forms.</summary>
    public required string Current { get; init; }

    /// <summary>An SQL boolean expression that both sides' rows must satisfy (the sources' own dialects), or null.</summary>
    public string? Filter { get; init; }

    /// <summary>The columns to compare; null for every column both sides have.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns to compare as categories whatever their type (numbers that are codes, say).</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Columns to compare as numbers (text that holds numbers is not converted: give numeric columns).</summary>
    public IReadOnlyList<string> Numeric { get; init; } = [];

    /// <summary>How numeric bins are chosen on the reference; 10 quantile bins, per value up to 20 distinct values.</summary>
    public NumericBinningOptions Binning { get; init; } = NumericBinningOptions.Default;

    /// <summary>At most this many reference categories (and as many new ones) get bins of their own; default 50.</summary>
    public int CategoryCap { get; init; } = CategoricalBinning.DefaultCap;

    /// <summary>At most this many categories of each side are fetched by name (the rest are counted in "other"); default 10,000.</summary>
    public int CategoryTransferLimit { get; init; } = 10_000;

    /// <summary>Smoothing, unit, α and the effect threshold.</summary>
    public ComparisonOptions Options { get; init; } = ComparisonOptions.Default;

    /// <summary>How the distribution statistics are computed.</summary>
    public DistributionMode Distribution { get; init; } = DistributionMode.Auto;

    /// <summary>The number of reference-quantile bins of the fine histogram; default 1,000.</summary>
    public int FineBins { get; init; } = 1000;

    /// <summary>Timeouts, password file, DuckDB threads and memory.</summary>
    public EngineOptions Engine { get; init; } = EngineOptions.Default;
}
