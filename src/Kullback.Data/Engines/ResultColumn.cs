namespace Kullback.Data.Engines;

/// <summary>One column of a result or of a source: its name, its type as the engine names it, and its category.</summary>
/// <param name="Name">The column name as the engine reports it (unquoted).</param>
/// <param name="EngineType">The engine's type name: <c>BIGINT</c>, <c>double precision</c>, <c>Nullable(Float64)</c>.</param>
/// <param name="Category">The category the type falls into.</param>
public sealed record ResultColumn(string Name, string EngineType, ColumnCategory Category);
