namespace Anarchy.Output;

/// <summary>
/// The row checks shared by every writer, so that the CSV and Parquet files of one table always accept and refuse the same rows.
/// </summary>
internal static class RowValidator
{
    public static void Validate(TableSchema schema, ReadOnlySpan<Cell> row)
    {
        var columns = schema.Columns;
        if (row.Length != columns.Count)
        {
            throw new ArgumentException(
                $"Table '{schema.Name}' has {columns.Count} columns but the row has {row.Length} cells.", nameof(row));
        }

        for (var i = 0; i < row.Length; i++)
        {
            var column = columns[i];
            var cell = row[i];
            if (cell.Kind != column.Kind)
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' of table '{schema.Name}' holds {column.Kind} values but the row gives {cell.Kind} ({cell}).",
                    nameof(row));
            }

            if (column.Flag && cell.AsInt64 is not (0 or 1))
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' of table '{schema.Name}' is a flag (0 or 1) but the row gives {cell}.", nameof(row));
            }

            if (column.IntegerList && cell.AsText is { Length: > 0 } list
                && !list.Split(';').All(part => long.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' of table '{schema.Name}' holds integers separated by ';' but the row gives '{list}'.", nameof(row));
            }

            // CSV readers disagree on how infinity is spelled ("inf", "Inf", "Infinity"), so neither format accepts it.
            if (cell.Kind == ColumnKind.Double && double.IsInfinity(cell.AsDouble))
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' of table '{schema.Name}' got {cell}; infinite values cannot be written (NaN is written as missing).",
                    nameof(row));
            }
        }
    }
}
