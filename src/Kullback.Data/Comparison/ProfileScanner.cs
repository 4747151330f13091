using System.Collections.Immutable;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>How a dataset is profiled: the binning rule, the fine histogram, and how many categories are listed by name.</summary>
public sealed record ProfileOptions
{
    /// <summary>The defaults.</summary>
    public static ProfileOptions Default { get; } = new();

    /// <summary>How numeric bins are chosen when no reference profile gives them.</summary>
    public NumericBinningOptions Binning { get; init; } = NumericBinningOptions.Default;

    /// <summary>Whether to keep a fine histogram of reference quantiles (for bounds on KS, Wasserstein, Cramér–von Mises).</summary>
    public bool KeepFine { get; init; } = true;

    /// <summary>The number of fine bins; default 1,000.</summary>
    public int FineBins { get; init; } = 1000;

    /// <summary>At most this many categories per column are listed by name (the rest are counted as unlisted); default 10,000.</summary>
    public int CategoryLimit { get; init; } = 10_000;

    /// <summary>
    /// Whether a numeric column's number of distinct values may be left an estimate when it is large (above
    /// <see cref="ExactDistinctUpTo"/>), where an exact count would hash every value (two thirds of the overview's time).
    /// Only for a profile that is not reported: <see cref="DatasetComparer"/>'s, where the count chooses how the exact pass
    /// sorts and every decision on bins compares it with a threshold far below the bound. A profile saved
    /// (<c>kullback profile</c>) counts exactly.
    /// </summary>
    internal bool EstimateLargeDistinct { get; init; }

    /// <summary>
    /// The bound up to which distinct values are counted exactly: 4 times the largest threshold a decision compares the
    /// count with (the per-value binning threshold; the fine bins when kept), plus 1,000 — an estimate can be off by a fifth or so.
    /// </summary>
    internal long ExactDistinctUpTo => 4L * Math.Max(Binning.PerValueThreshold, KeepFine ? FineBins : 0) + 1000;
}

/// <summary>Profiles a source where it lives: one overview scan, the reference's edges (or those given), one counting scan, value counts.</summary>
public static class ProfileScanner
{
    /// <summary>The profile of <paramref name="engine"/>'s source over <paramref name="columns"/>.</summary>
    /// <param name="engine">The source's engine.</param>
    /// <param name="columns">The columns and how to compare each.</param>
    /// <param name="options">Binning, fine histogram, category limit.</param>
    /// <param name="edgesFrom">A reference profile whose edges (and fine edges) to count into; null to choose them on this source.</param>
    /// <param name="cancellationToken">Cancels the queries on the engine.</param>
    /// <exception cref="InvalidInputException">The engine fails, or a column is absent from <paramref name="edgesFrom"/>.</exception>
    public static async Task<DatasetProfile> ScanAsync(IQueryEngine engine, IReadOnlyList<(string Name, ColumnKind Kind)> columns, ProfileOptions options,
                                                       DatasetProfile? edgesFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var plans = columns.Select(c => new ColumnPlan(engine.RequireColumn(c.Name).Name, c.Kind, engine.RequireColumn(c.Name).Category)).ToList();
        var scan = new SourceScan(engine, plans);
        await scan.OverviewAsync(options.EstimateLargeDistinct ? options.ExactDistinctUpTo : null, cancellationToken).ConfigureAwait(false);

        var edges = new Dictionary<string, NumericBinEdges>(StringComparer.Ordinal);
        foreach (var plan in plans.Where(p => p.Kind == ColumnKind.Numeric))
            edges[plan.Name] = edgesFrom?.Column(plan.Name).Edges
                ?? await scan.EdgesAsync(plan, options.Binning, cancellationToken).ConfigureAwait(false);
        var counts = await scan.NumericCountsAsync(edges, cancellationToken).ConfigureAwait(false);

        var profiles = ImmutableArray.CreateBuilder<ColumnProfile>(plans.Count);
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var common = new ColumnProfile
            {
                Name = plan.Name, Kind = plan.Kind, Missing = scan.Missing(plan), Present = scan.Present(plan), Distinct = scan.Distinct(plan),
            };
            if (plan.Kind == ColumnKind.Categorical)
            {
                var (listed, unlisted) = await scan.ValueCountsAsync(plan, options.CategoryLimit, cancellationToken).ConfigureAwait(false);
                profiles.Add(common with { Values = [.. listed], Unlisted = unlisted });
                continue;
            }
            NumericBinEdges? fine = null;
            long[] fineCounts = [];
            if (options.KeepFine && scan.Present(plan) > 0)
            {
                fine = edgesFrom?.Column(plan.Name).FineEdges ?? await FineEdgesAsync(scan, plan, options.FineBins, cancellationToken).ConfigureAwait(false);
                fineCounts = await scan.FineCountsAsync(plan, fine, cancellationToken).ConfigureAwait(false);
            }
            profiles.Add(common with
            {
                Edges = edges[plan.Name], Counts = [.. counts[plan.Name]], FineEdges = fine, FineCounts = [.. fineCounts],
                Minimum = scan.Minimum(plan), Maximum = scan.Maximum(plan), Mean = scan.Mean(plan), StandardDeviation = scan.StandardDeviation(plan),
            });
        }
        return new DatasetProfile(engine.Source.Display, scan.Rows, profiles.MoveToImmutable());
    }

    /// <summary>One cell per value when there are few, else reference quantiles at 1/k steps.</summary>
    private static async Task<NumericBinEdges> FineEdgesAsync(SourceScan scan, ColumnPlan plan, int fineBins, CancellationToken cancellationToken) =>
        scan.Distinct(plan) <= fineBins
            ? await scan.EdgesAsync(plan, NumericBinningOptions.Default with { PerValueThreshold = fineBins }, cancellationToken).ConfigureAwait(false)
            : NumericBinning.FromQuantiles(await scan.QuantilesAsync(plan, NumericBinning.QuantileProbabilities(fineBins), cancellationToken).ConfigureAwait(false));
}
