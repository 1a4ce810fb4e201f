namespace Anarchy.Output;

/// <summary>
/// The type of the values in one output column. The set is deliberately small: every kind maps
/// without loss to a CSV field, a Parquet physical type, a pandas dtype, an R vector type and a DuckDB type.
/// </summary>
public enum ColumnKind
{
    /// <summary>A signed 64-bit integer (Parquet INT64, pandas int64, R integer64 or double, DuckDB BIGINT).</summary>
    Int64,

    /// <summary>An IEEE 754 double; NaN means missing (Parquet optional DOUBLE, DuckDB DOUBLE).</summary>
    Double,

    /// <summary>UTF-8 text; <see langword="null"/> means missing (Parquet optional BYTE_ARRAY with the STRING annotation).</summary>
    Text,
}
