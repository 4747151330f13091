using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// The job of <c>kullback compare</c> where the data live: each source is scanned by its engine (DuckDB for files,
/// PostgreSQL, ClickHouse), bins are chosen on the reference only, both sides are counted into them, and the pure
/// <see cref="DatasetComparison.Compare"/> measures, tests and decides. Only aggregates cross the wire.
/// </summary>
public static class DatasetComparer
{
    /// <summary>Compares the request's two sources.</summary>
    /// <param name="request">The sources and options.</param>
    /// <param name="progress">Told what is being scanned, for a progress display; may be null.</param>
    /// <param name="cancellationToken">Cancels the queries on their engines.</param>
    /// <exception cref="InvalidInputException">A source cannot be read (missing, unreachable, refused, timed out), or a named column does not exist.</exception>
    /// <exception cref="InvalidArgumentException">An option is out of range.</exception>
    public static async Task<DatasetComparison> CompareAsync(CompareRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FineBins < 10 || request.FineBins > 100_000)
            throw new InvalidArgumentException("The fine histogram takes from 10 to 100,000 bins.", nameof(request));
        var referenceSource = DataSource.Parse(request.Reference).WithFilter(request.Filter);
        var currentSource = DataSource.Parse(request.Current).WithFilter(request.Filter);
        progress?.Report($"opening {referenceSource}");
        await using var reference = await QueryEngine.OpenAsync(referenceSource, request.Engine, cancellationToken).ConfigureAwait(false);
        progress?.Report($"opening {currentSource}");
        await using var current = await QueryEngine.OpenAsync(currentSource, request.Engine, cancellationToken).ConfigureAwait(false);

        var plans = PlanColumns(request, reference, current);
        var refScan = new SourceScan(reference, plans);
        var curScan = new SourceScan(current, plans);
        progress?.Report($"summarising {referenceSource}");
        await refScan.OverviewAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report($"summarising {currentSource}");
        await curScan.OverviewAsync(cancellationToken).ConfigureAwait(false);

        // Bins from the reference only.
        var edges = new Dictionary<string, NumericBinEdges>(StringComparer.Ordinal);
        foreach (var plan in plans.Where(p => p.Kind == ColumnKind.Numeric))
            edges[plan.Name] = await refScan.EdgesAsync(plan, request.Binning, cancellationToken).ConfigureAwait(false);

        progress?.Report($"counting {referenceSource}");
        var refCounts = await refScan.NumericCountsAsync(edges, cancellationToken).ConfigureAwait(false);
        progress?.Report($"counting {currentSource}");
        var curCounts = await curScan.NumericCountsAsync(edges, cancellationToken).ConfigureAwait(false);

        bool colocated = Colocated(referenceSource, currentSource);
        if (request.Distribution == DistributionMode.Exact && !colocated)
            throw new InvalidArgumentException(
                $"Exact distribution statistics need both sources on one engine (two files, or two tables of one database); {referenceSource} and {currentSource} are not. Use the fine histogram.",
                nameof(request));
        bool exact = request.Distribution == DistributionMode.Exact
                     || (request.Distribution == DistributionMode.Auto && colocated && referenceSource.Kind is SourceKind.Files or SourceKind.DuckDbDatabase);

        var columns = new List<ColumnCounts>();
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plan.Kind == ColumnKind.Numeric)
            {
                var columnEdges = edges[plan.Name];
                var histogram = new ColumnHistogram(columnEdges.Bins, refCounts[plan.Name], curCounts[plan.Name]);
                progress?.Report($"distribution of {plan.Name}");
                var distribution = exact
                    ? await ExactDistributionAsync(refScan, curScan, plan, cancellationToken).ConfigureAwait(false)
                    : await FineDistributionAsync(refScan, curScan, plan, request.FineBins, cancellationToken).ConfigureAwait(false);
                columns.Add(new ColumnCounts(plan.Name, ColumnKind.Numeric, columnEdges.Rule, histogram) { Distribution = distribution });
            }
            else
            {
                progress?.Report($"categories of {plan.Name}");
                var refValues = await refScan.ValueCountsAsync(plan, request.CategoryTransferLimit, cancellationToken).ConfigureAwait(false);
                var curValues = await curScan.ValueCountsAsync(plan, request.CategoryTransferLimit, cancellationToken).ConfigureAwait(false);
                var binned = CategoricalBinning.Build(refValues.Listed, curValues.Listed, refScan.Missing(plan), curScan.Missing(plan),
                    request.CategoryCap, refValues.Unlisted, curValues.Unlisted);
                columns.Add(new ColumnCounts(plan.Name, ColumnKind.Categorical, null, binned.Histogram)
                {
                    NewCategories = binned.NewCategories,
                    VanishedCategories = binned.VanishedCategories,
                });
            }
        }
        return DatasetComparison.Compare(new SampleSummary(referenceSource.Display, refScan.Rows), new SampleSummary(currentSource.Display, curScan.Rows),
                                         columns, request.Options);
    }

    /// <summary>The columns to compare, their kinds inferred from the reference's types or given, each present on both sides.</summary>
    private static List<ColumnPlan> PlanColumns(CompareRequest request, IQueryEngine reference, IQueryEngine current)
    {
        var names = request.Columns is { } asked
            ? asked.Select(n => reference.RequireColumn(n).Name).ToList()
            : reference.Columns.Where(c => current.Columns.Any(o => current.Dialect.IdentifierComparer.Equals(o.Name, c.Name))).Select(c => c.Name).ToList();
        if (names.Count == 0)
            throw new InvalidInputException("the two sources have no column in common; name the columns to compare with --columns.", reference.Source.Location);
        foreach (string name in request.Categorical.Concat(request.Numeric))
            if (!names.Contains(reference.RequireColumn(name).Name, StringComparer.Ordinal))
                throw new InvalidArgumentException($"{InputText.Quote(name)} is given a kind but is not among the columns compared.", nameof(request));
        var plans = new List<ColumnPlan>();
        foreach (string name in names)
        {
            var column = reference.RequireColumn(name);
            current.RequireColumn(name);
            var kind = request.Categorical.Contains(name, reference.Dialect.IdentifierComparer) ? ColumnKind.Categorical
                : request.Numeric.Contains(name, reference.Dialect.IdentifierComparer) ? ColumnKind.Numeric
                : ColumnPlan.Infer(column, reference.Source.Location);
            if (kind == ColumnKind.Numeric && column.Category is not (ColumnCategory.Integral or ColumnCategory.Real or ColumnCategory.Temporal or ColumnCategory.Boolean))
                throw new InvalidInputException($"column {InputText.Quote(name)} holds {InputText.Quote(column.EngineType)}, which cannot be compared as numbers.", reference.Source.Location);
            plans.Add(new ColumnPlan(column.Name, kind, column.Category));
        }
        return plans;
    }

    /// <summary>Whether one engine can read both sources in one query.</summary>
    private static bool Colocated(DataSource a, DataSource b) => (a.Kind, b.Kind) switch
    {
        (SourceKind.Files, SourceKind.Files) => true,
        (SourceKind.DuckDbDatabase, SourceKind.DuckDbDatabase) => a.Path == b.Path,
        (SourceKind.PostgreSql, SourceKind.PostgreSql) or (SourceKind.ClickHouse, SourceKind.ClickHouse) =>
            a.Host == b.Host && a.Port == b.Port && a.Database == b.Database && a.User == b.User,
        _ => false,
    };

    private static async Task<DistributionComparison?> ExactDistributionAsync(SourceScan reference, SourceScan current, ColumnPlan plan, CancellationToken cancellationToken)
    {
        long n1 = reference.Present(plan), n2 = current.Present(plan);
        if (n1 == 0 || n2 == 0) return null;
        var accumulator = new TwoSampleAccumulator(n1, n2);
        await foreach (var row in reference.Engine.QueryAsync(reference.Queries.Grouped(plan, current.Engine.FromWhere()), cancellationToken).ConfigureAwait(false))
            accumulator.Add(row.GetDouble(0), row.GetInt64(1), row.GetInt64(2));
        return new DistributionComparison(accumulator.Result(), null, null);
    }

    private static async Task<DistributionComparison?> FineDistributionAsync(SourceScan reference, SourceScan current, ColumnPlan plan, int fineBins, CancellationToken cancellationToken)
    {
        long n1 = reference.Present(plan), n2 = current.Present(plan);
        if (n1 == 0 || n2 == 0) return null;
        var fine = reference.Distinct(plan) <= fineBins
            ? await reference.EdgesAsync(plan, NumericBinningOptions.Default with { PerValueThreshold = fineBins }, cancellationToken).ConfigureAwait(false)
            : NumericBinning.FromQuantiles(await reference.QuantilesAsync(plan, NumericBinning.QuantileProbabilities(fineBins), cancellationToken).ConfigureAwait(false));
        long[] r = await reference.FineCountsAsync(plan, fine, cancellationToken).ConfigureAwait(false);
        long[] c = await current.FineCountsAsync(plan, fine, cancellationToken).ConfigureAwait(false);
        var histogram = new ColumnHistogram(fine.Bins, r, c);
        double minimum = Math.Min(reference.Minimum(plan), current.Minimum(plan)), maximum = Math.Max(reference.Maximum(plan), current.Maximum(plan));
        var cells = BinnedSamples.FromHistogram(histogram, minimum, maximum);
        return new DistributionComparison(null, TwoSampleBounds.Compute(cells, reference.StandardDeviation(plan)), fine.Edges.Length + 1);
    }
}
