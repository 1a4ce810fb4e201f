namespace Anarchy.Output;

/// <summary>Describes one column of an output table.</summary>
/// <param name="Name">
/// The column name: an ASCII identifier (a letter or underscore, then letters, digits or underscores), so that it
/// needs no quoting in pandas, R or SQL.
/// </param>
/// <param name="Kind">The type of the column's values.</param>
/// <param name="Unit">The unit of measurement, or an empty string for dimensionless values and labels.</param>
/// <param name="Description">A one-line description for the codebook.</param>
public sealed record ColumnSpec(string Name, ColumnKind Kind, string Unit, string Description);
