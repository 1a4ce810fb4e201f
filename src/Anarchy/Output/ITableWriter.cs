namespace Anarchy.Output;

/// <summary>
/// Streams rows of one table to a file that appears under its final name only when <see cref="Commit"/> succeeds.
/// </summary>
/// <remarks>
/// Rows are written to a temporary file in the destination folder. <see cref="Commit"/> flushes it to disk and renames
/// it; disposing without committing deletes it. A reader therefore never sees a half-written table under the final
/// name, even when the simulation fails or is interrupted.
/// </remarks>
public interface ITableWriter : IDisposable
{
    /// <summary>The schema every row must follow.</summary>
    TableSchema Schema { get; }

    /// <summary>The number of rows accepted so far.</summary>
    long RowCount { get; }

    /// <summary>Appends one row.</summary>
    /// <param name="row">One cell per column, in schema order.</param>
    /// <exception cref="ArgumentException">
    /// The row has the wrong number of cells, a cell's kind differs from its column's kind, or a Double is infinite.
    /// The message names the column. Nothing is written for a rejected row.
    /// </exception>
    /// <exception cref="InvalidOperationException">The writer has already been committed.</exception>
    /// <exception cref="ObjectDisposedException">The writer has been disposed.</exception>
    void WriteRow(ReadOnlySpan<Cell> row);

    /// <summary>Flushes and closes the file, then moves it to its final name.</summary>
    /// <exception cref="IOException">The final name was taken in the meantime, or the disk failed.</exception>
    void Commit();
}
