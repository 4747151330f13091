using System.Collections.Immutable;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// The job of <c>kullback compare</c> where the data live. Each side is a source (scanned by its engine: DuckDB for files,
/// PostgreSQL, ClickHouse) or a saved profile. The reference is profiled first (bins chosen on it alone), the current
/// side is counted into the reference's bins, and the pure <see cref="DatasetComparison"/> measures, tests and decides.
/// Only aggregates cross the wire; a profile gives exactly the result of the data it was made from.
/// </summary>
public static class DatasetComparer
{
    /// <summary>Compares the request's two sides.</summary>
    /// <param name="request">The sides and options.</param>
    /// <param name="progress">Told what is being scanned, for a progress display; may be null.</param>
    /// <param name="cancellationToken">Cancels the queries on their engines.</param>
    /// <exception cref="InvalidInputException">A side cannot be read (missing, unreachable, refused, timed out, not a profile), or a named column does not exist.</exception>
    /// <exception cref="InvalidArgumentException">An option is out of range, or exact statistics were asked of sources on different engines.</exception>
    public static async Task<DatasetComparison> CompareAsync(CompareRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FineBins < 10 || request.FineBins > 100_000)
            throw new InvalidArgumentException("The fine histogram takes from 10 to 100,000 bins.", nameof(request));
        var reference = await Side.OpenAsync(request.Reference, request, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await Side.OpenAsync(request.Current, request, progress, cancellationToken).ConfigureAwait(false);
            try
            {
                return await CompareAsync(request, reference, current, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await reference.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<DatasetComparison> CompareAsync(CompareRequest request, Side reference, Side current, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var columns = PlanColumns(request, reference, current);
        bool colocated = reference.Engine is { } a && current.Engine is { } b && Colocated(a.Source, b.Source);
        if (request.Distribution == DistributionMode.Exact && !colocated)
            throw new InvalidArgumentException(
                $"Exact distribution statistics need both sides' raw values on one engine (two files, or two tables of one database); {reference.Name} and {current.Name} are not. Use --distribution histogram.",
                nameof(request));
        bool exact = request.Distribution == DistributionMode.Exact
                     || (request.Distribution == DistributionMode.Auto && colocated && reference.Engine!.Source.Kind is SourceKind.Files or SourceKind.DuckDbDatabase);
        // Large numeric distinct counts are only estimated: the comparison reports none, every decision on bins compares
        // an exact count with a threshold far below the bound, and the exact pass takes them only to choose how it sorts.
        // (Counted exactly, they took 11 s and most of the 1.8 GB peak of each side at 2·10⁷ rows.)
        var options = new ProfileOptions
        {
            Binning = request.Binning, KeepFine = !exact, FineBins = request.FineBins, CategoryLimit = request.CategoryTransferLimit, EstimateLargeDistinct = true,
        };

        progress?.Report($"profiling {reference.Name}");
        var referenceProfile = await reference.ProfileAsync(columns, options, null, cancellationToken).ConfigureAwait(false);
        progress?.Report($"counting {current.Name}");
        var currentProfile = await current.ProfileAsync(columns, options, referenceProfile, cancellationToken).ConfigureAwait(false);

        Dictionary<string, TwoSampleStatistics>? statistics = null;
        if (exact)
        {
            statistics = new Dictionary<string, TwoSampleStatistics>(StringComparer.Ordinal);
            foreach (var (name, _) in columns.Where(c => c.Kind == ColumnKind.Numeric))
            {
                progress?.Report($"distribution of {name}");
                if (await ExactStatisticsAsync(reference.Engine!, current.Engine!, name, referenceProfile.Column(name), currentProfile.Column(name), cancellationToken).ConfigureAwait(false) is { } s)
                    statistics[name] = s;
            }
        }
        return DatasetComparison.Compare(referenceProfile, currentProfile, statistics, request.Options, request.CategoryCap);
    }

    /// <summary>The columns to compare and their kinds: named ones, or every column both sides have; kinds inferred from the reference or given.</summary>
    private static List<(string Name, ColumnKind Kind)> PlanColumns(CompareRequest request, Side reference, Side current)
    {
        var names = request.Columns is { } asked ? [.. asked.Select(reference.RequireColumn)] : reference.ColumnNames().Where(current.HasColumn).ToList();
        if (names.Count == 0)
            throw new InvalidInputException("the two sides have no column in common; name the columns to compare with --columns.", new InputLocation(reference.Name));
        foreach (string name in names) current.RequireColumn(name);
        foreach (string name in request.Categorical.Concat(request.Numeric))
            if (!names.Contains(reference.RequireColumn(name), StringComparer.Ordinal))
                throw new InvalidArgumentException($"{InputText.Quote(name)} is given a kind but is not among the columns compared.", nameof(request));
        return [.. names.Select(n => (n,
            request.Categorical.Contains(n, StringComparer.OrdinalIgnoreCase) ? ColumnKind.Categorical
            : request.Numeric.Contains(n, StringComparer.OrdinalIgnoreCase) ? ColumnKind.Numeric
            : reference.InferKind(n)))];
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

    /// <summary>KS, Wasserstein and Cramér–von Mises from both sides' raw values, streamed grouped and sorted from the reference's engine.</summary>
    private static async Task<TwoSampleStatistics?> ExactStatisticsAsync(IQueryEngine reference, IQueryEngine current, string name,
                                                                         ColumnProfile referenceColumn, ColumnProfile currentColumn, CancellationToken cancellationToken)
    {
        if (referenceColumn.Present == 0 || currentColumn.Present == 0) return null;
        var plan = new ColumnPlan(name, ColumnKind.Numeric, reference.RequireColumn(name).Category);
        var queries = new ScanQueries(SqlSpellings.For(reference.Dialect), reference.FromWhere);
        var accumulator = new TwoSampleAccumulator(referenceColumn.Present, currentColumn.Present);
        // Rows of equal values (DuckDB sends each value on its own row; −0 and 0 are one value) are added up first.
        double value = double.NaN;
        long r = 0, c = 0;
        // Sorted without grouping when the values are mostly distinct (more than a quarter of them: then grouping would
        // shrink the rows by at most a factor of four). Large counts are estimates here (ProfileOptions.EstimateLargeDistinct).
        bool mostlyDistinct = 4 * ((Int128)referenceColumn.Distinct + currentColumn.Distinct) > (Int128)referenceColumn.Present + currentColumn.Present;
        void Add(double x, long inReference, long inCurrent)
        {
            if (x != value)
            {
                if (r + c > 0) accumulator.Add(value, r, c);
                value = x;
                r = c = 0;
            }
            r += inReference;
            c += inCurrent;
        }
        // The sort straight from the scans holds about 24 bytes a value in memory: past half the limit, materialised first.
        bool materialized = mostlyDistinct && reference is DuckDbEngine duck
                            && PooledValueBytes * ((double)referenceColumn.Present + currentColumn.Present) > duck.MemoryLimitBytes / 2;
        string sql = queries.Grouped(plan, current.FromWhere(), mostlyDistinct, materialized);
        if (reference is QueryEngineBase engine)
        {
            // A block of values at a time, without a row object each (our engines).
            var xs = new double[TripleBlock];
            var rs = new long[TripleBlock];
            var cs = new long[TripleBlock];
            await foreach (int n in engine.QueryTriplesAsync(sql, xs, rs, cs, cancellationToken).ConfigureAwait(false))
                for (int i = 0; i < n; i++) Add(xs[i], rs[i], cs[i]);
        }
        else
        {
            await foreach (var row in reference.QueryAsync(sql, cancellationToken).ConfigureAwait(false))
                Add(row.GetDouble(0), row.GetInt64(1), row.GetInt64(2));
        }
        if (r + c > 0) accumulator.Add(value, r, c);
        return accumulator.Result();
    }

    /// <summary>Bytes a pooled value took in DuckDB's sort fed straight from the scans (953 MiB for 4·10⁷ values).</summary>
    private const double PooledValueBytes = 24;

    /// <summary>Rows per block of the exact pass's stream of pooled values.</summary>
    private const int TripleBlock = 4096;

    /// <summary>One side of a comparison: a source with its engine, or a profile read from a file.</summary>
    private sealed class Side : IAsyncDisposable
    {
        private readonly DatasetProfile? _profile;

        private Side(string name, IQueryEngine? engine, DatasetProfile? profile)
        {
            Name = name;
            Engine = engine;
            _profile = profile;
        }

        public string Name { get; }

        public IQueryEngine? Engine { get; }

        public static async Task<Side> OpenAsync(string text, CompareRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
        {
            if (ProfileFile.IsProfile(text)) return new Side(text, null, ProfileFile.Read(text));
            var source = DataSource.Parse(text).WithFilter(request.Filter);
            progress?.Report($"opening {source}");
            return new Side(source.Display, await QueryEngine.OpenAsync(source, request.Engine, cancellationToken).ConfigureAwait(false), null);
        }

        public IEnumerable<string> ColumnNames() => Engine?.Columns.Select(c => c.Name) ?? _profile!.Columns.Select(c => c.Name);

        public bool HasColumn(string name) => Engine is { } e
            ? e.Columns.Any(c => e.Dialect.IdentifierComparer.Equals(c.Name, name))
            : _profile!.Columns.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));

        /// <summary>The column's name as this side spells it; bad input, naming the columns there are, when it has none.</summary>
        public string RequireColumn(string name) => Engine?.RequireColumn(name).Name ?? _profile!.Column(name).Name;

        public ColumnKind InferKind(string name) =>
            Engine is { } e ? ColumnPlan.Infer(e.RequireColumn(name), e.Source.Location) : _profile!.Column(name).Kind;

        public async Task<DatasetProfile> ProfileAsync(IReadOnlyList<(string Name, ColumnKind Kind)> columns, ProfileOptions options, DatasetProfile? edgesFrom, CancellationToken cancellationToken)
        {
            if (Engine is { } engine)
            {
                // Scanned under this engine's spelling of each name, kept under the reference's.
                var scanned = await ProfileScanner.ScanAsync(engine, [.. columns.Select(c => (RequireColumn(c.Name), c.Kind))], options,
                    edgesFrom is null ? null : Renamed(edgesFrom, columns.Select(c => (c.Name, RequireColumn(c.Name)))), cancellationToken).ConfigureAwait(false);
                return scanned with { Columns = [.. scanned.Columns.Zip(columns, (profile, column) => profile with { Name = column.Name })] };
            }
            var profile = _profile!;
            return profile with { Columns = [.. columns.Select(c => profile.Column(c.Name))] };
        }

        private static DatasetProfile Renamed(DatasetProfile profile, IEnumerable<(string From, string To)> names) =>
            profile with { Columns = [.. names.Select(n => profile.Column(n.From) with { Name = n.To })] };

        public ValueTask DisposeAsync() => Engine?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
