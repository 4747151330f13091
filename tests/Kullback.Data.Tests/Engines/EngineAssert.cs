using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

/// <summary>Helpers shared by the engine tests: run a query to a list, and expect a fault located at the source.</summary>
internal static class EngineAssert
{
    public static async Task<List<ResultRow>> RowsAsync(IQueryEngine engine, string sql, CancellationToken cancellationToken = default)
    {
        var rows = new List<ResultRow>();
        await foreach (var row in engine.QueryAsync(sql, cancellationToken)) rows.Add(row);
        return rows;
    }

    public static async Task<ResultRow> SingleRowAsync(IQueryEngine engine, string sql) => Assert.Single(await RowsAsync(engine, sql));

    /// <summary>Expects an <see cref="InvalidInputException"/> at the source's location; returns it for checks of its problem.</summary>
    public static async Task<InvalidInputException> FaultAsync(DataSource source, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(action);
        Assert.Equal(source.Location, error.Location);
        Assert.DoesNotContain('\n', error.Problem);
        Assert.Equal($"{source.Display}: {error.Problem}", error.Message);
        return error;
    }

    /// <summary>Expects opening the source to fail with a fault at its location.</summary>
    public static Task<InvalidInputException> OpenFaultAsync(DataSource source, EngineOptions? options = null) =>
        FaultAsync(source, async () => await (await QueryEngine.OpenAsync(source, options)).DisposeAsync());

    /// <summary>Expects a query to fail with a fault at the engine's source.</summary>
    public static Task<InvalidInputException> QueryFaultAsync(IQueryEngine engine, string sql, CancellationToken cancellationToken = default) =>
        FaultAsync(engine.Source, () => RowsAsync(engine, sql, cancellationToken));
}
