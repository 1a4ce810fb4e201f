namespace Anarchy.Output;

/// <summary>Describes one column of an output table.</summary>
/// <param name="Name">
/// The column name: an ASCII identifier (a letter or underscore, then letters, digits or underscores), so that it
/// needs no quoting in pandas, R or SQL.
/// </param>
/// <param name="Kind">The type of the column's values.</param>
/// <param name="Unit">The unit of measurement, or an empty string for dimensionless values and labels.</param>
/// <param name="Description">A one-line description for the codebook.</param>
public sealed record ColumnSpec(string Name, ColumnKind Kind, string Unit, string Description)
{
    /// <summary>An integer column of 0 and 1 (unit <c>0/1</c>): 0/1 in the CSV, BOOLEAN in Parquet.</summary>
    public bool Flag => Kind == ColumnKind.Int64 && Unit == FlagUnit;

    /// <summary>The unit that makes an integer column a flag.</summary>
    public const string FlagUnit = "0/1";

    /// <summary>An integer column's code for "none" (for example -1 for no counterpart): written as it is in the CSV
    /// and as a null in Parquet; null when every value is a value.</summary>
    public long? MissingCode { get; init; }

    /// <summary>A text column of integers separated by ';' (for example the states on a side of a war): the text in the
    /// CSV, a LIST of INT64 in Parquet (empty text: a null list).</summary>
    public bool IntegerList { get; init; }
}
