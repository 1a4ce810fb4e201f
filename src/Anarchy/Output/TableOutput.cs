namespace Anarchy.Output;

/// <summary>
/// Writes one table to a CSV file and a Parquet file side by side (for example runs.csv and runs.parquet), row for row.
/// </summary>
/// <remarks>
/// <see cref="Commit"/> first finishes both files on disk and only then renames them, so a failure while writing
/// either file leaves neither visible. Disposing without committing deletes both temporary files. Not thread-safe.
/// </remarks>
public sealed class TableOutput : ITableWriter
{
    private readonly CsvTableWriter _csv;
    private readonly ParquetTableWriter _parquet;

    /// <summary>Starts <c>&lt;name&gt;.csv</c> and <c>&lt;name&gt;.parquet</c> for the schema in an existing folder.</summary>
    /// <param name="directory">The folder for both files; it must exist and must not already hold them.</param>
    /// <param name="schema">The table's columns; its name is the file stem.</param>
    /// <param name="rowGroupSize">Rows per Parquet row group.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">One of the files already exists.</exception>
    public TableOutput(string directory, TableSchema schema, int rowGroupSize = ParquetTableWriter.DefaultRowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _csv = new CsvTableWriter(Path.Combine(directory, schema.Name + ".csv"), schema);
        try
        {
            _parquet = new ParquetTableWriter(Path.Combine(directory, schema.Name + ".parquet"), schema, rowGroupSize);
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    /// <summary>Starts both files for the schema in a prepared output folder.</summary>
    /// <param name="folder">The run's output folder.</param>
    /// <param name="schema">The table's columns; its name is the file stem.</param>
    /// <param name="rowGroupSize">Rows per Parquet row group.</param>
    public static TableOutput Create(OutputFolder folder, TableSchema schema, int rowGroupSize = ParquetTableWriter.DefaultRowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new TableOutput(folder.Path, schema, rowGroupSize);
    }

    /// <inheritdoc/>
    public TableSchema Schema { get; }

    /// <inheritdoc/>
    public long RowCount => _csv.RowCount;

    /// <summary>The final path of the CSV file.</summary>
    public string CsvPath => _csv.FinalPath;

    /// <summary>The final path of the Parquet file.</summary>
    public string ParquetPath => _parquet.FinalPath;

    /// <inheritdoc/>
    public void WriteRow(ReadOnlySpan<Cell> row)
    {
        // Validated here once so that a bad row reaches neither file, not just the second one.
        RowValidator.Validate(Schema, row);
        _csv.WriteRow(row);
        _parquet.WriteRow(row);
    }

    /// <inheritdoc/>
    public void Commit()
    {
        _csv.Complete();
        _parquet.Complete();
        _csv.Publish();
        _parquet.Publish();
    }

    /// <summary>Deletes whichever temporary files were not committed.</summary>
    public void Dispose()
    {
        _csv.Dispose();
        _parquet.Dispose();
    }
}
