namespace Anarchy.Output;

/// <summary>
/// The life cycle the table writers share (<see cref="WriterState"/>): rows go to a hidden temporary file in the
/// destination folder; <see cref="Complete"/> puts everything on disk, <see cref="Publish"/> renames the file to its
/// final name, and disposing before that deletes it. A failed write leaves the writer faulted: its file can only be
/// discarded. A format supplies how rows are encoded (<see cref="Append"/>), how the file is finished
/// (<see cref="Finish"/>) and what to drop when it is abandoned (<see cref="Abandon"/>).
/// </summary>
public abstract class TemporaryTableWriter : ITableWriter
{
    private readonly TemporaryFile _file;
    private readonly string _format;
    private WriterState _state;

    /// <param name="path">The final file path; its folder must exist and the file must not.</param>
    /// <param name="schema">The table's columns.</param>
    /// <param name="format">The format's name in messages, e.g. "CSV".</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file already exists at <paramref name="path"/>.</exception>
    protected TemporaryTableWriter(string path, TableSchema schema, string format)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _format = format;
        _file = new TemporaryFile(path);
    }

    /// <inheritdoc/>
    public TableSchema Schema { get; }

    /// <inheritdoc/>
    public long RowCount { get; private set; }

    /// <summary>The path the file will have once committed.</summary>
    public string FinalPath => _file.FinalPath;

    /// <summary>The temporary file's stream, for the format's encoder.</summary>
    protected Stream Stream => _file.Stream;

    /// <inheritdoc/>
    public void WriteRow(ReadOnlySpan<Cell> row)
    {
        ThrowIfNotOpen();
        RowValidator.Validate(Schema, row);
        try
        {
            Append(row);
        }
        catch
        {
            _state = WriterState.Faulted;
            throw;
        }

        RowCount++;
    }

    /// <inheritdoc/>
    public void Commit()
    {
        Complete();
        Publish();
    }

    /// <summary>Deletes the temporary file unless the writer was committed.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes all data to disk without making it visible; the first half of <see cref="Commit"/>.</summary>
    internal void Complete()
    {
        ThrowIfNotOpen();
        try
        {
            Finish();
            _file.Close();
        }
        catch
        {
            _state = WriterState.Faulted;
            throw;
        }

        _state = WriterState.Completed;
    }

    /// <summary>Moves the completed file to its final name; the second half of <see cref="Commit"/>.</summary>
    internal void Publish()
    {
        ObjectDisposedException.ThrowIf(_state == WriterState.Disposed, this);
        if (_state != WriterState.Completed)
        {
            throw new InvalidOperationException($"The {_format} file for table '{Schema.Name}' is not ready to be published ({_state}).");
        }

        _file.Publish();
        _state = WriterState.Committed;
    }

    /// <summary>Encodes one validated row.</summary>
    protected abstract void Append(ReadOnlySpan<Cell> row);

    /// <summary>Writes whatever is buffered and the format's ending to <see cref="Stream"/>.</summary>
    protected abstract void Finish();

    /// <summary>Lets go of the encoder of a file about to be deleted, without finishing it.</summary>
    protected virtual void Abandon()
    {
    }

    /// <summary>Deletes the temporary file unless the writer was committed; for a constructor that fails part-way too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _state == WriterState.Disposed)
        {
            return;
        }

        try
        {
            if (_state is WriterState.Open or WriterState.Faulted)
            {
                Abandon();
            }
        }
        finally
        {
            _file.Dispose();
            _state = WriterState.Disposed;
        }
    }

    /// <summary>Deletes the temporary file at once; for a constructor whose encoder could not be set up.</summary>
    protected void Discard()
    {
        _file.Dispose();
        _state = WriterState.Disposed;
    }

    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(_state == WriterState.Disposed, this);
        if (_state != WriterState.Open)
        {
            throw new InvalidOperationException($"The {_format} writer for table '{Schema.Name}' no longer accepts rows ({_state}).");
        }
    }
}
