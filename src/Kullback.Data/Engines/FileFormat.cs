namespace Kullback.Data.Engines;

/// <summary>The format of a file source, and so the DuckDB reader that scans it.</summary>
public enum FileFormat
{
    /// <summary>Delimited text (<c>.csv</c>, <c>.tsv</c>; compressed <c>.gz</c>/<c>.zst</c> too): <c>read_csv_auto</c>, which sniffs the delimiter, header and types.</summary>
    Csv,

    /// <summary>Apache Parquet (<c>.parquet</c>, <c>.pq</c>): <c>read_parquet</c>.</summary>
    Parquet,

    /// <summary>JSON: one array or newline-delimited objects (<c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>): <c>read_json_auto</c>.</summary>
    Json,
}
