using Parquet;
using Parquet.Schema;

namespace Anarchy.Output;

/// <summary>
/// Streams a table to a Parquet file with Snappy compression, writing a row group every <see cref="RowGroupSize"/>
/// rows so that memory stays flat however many rows there are.
/// </summary>
/// <remarks>
/// <para>
/// Int64 columns are required INT64; Double columns are optional DOUBLE with NaN written as null, so pandas, R (arrow)
/// and DuckDB all see a missing value; Text columns are optional UTF-8 strings with <see langword="null"/> as missing.
/// Infinities are rejected, as in the CSV file, so the two files of a table always hold the same rows. The table name
/// and each column's unit and description are stored in the file's key-value metadata under "anarchy.table",
/// "anarchy.unit.&lt;column&gt;" and "anarchy.description.&lt;column&gt;".
/// </para>
/// <para>
/// Rows go to a hidden temporary file in the same folder, renamed to the final name by <see cref="TemporaryTableWriter.Commit"/>.
/// Disposing without committing deletes it. Not thread-safe.
/// </para>
/// </remarks>
public sealed class ParquetTableWriter : TemporaryTableWriter
{
    /// <summary>The default number of rows per row group.</summary>
    public const int DefaultRowGroupSize = 65_536;

    private readonly DataField[] _fields;
    private readonly Field[] _schemaFields;
    private readonly long[]?[] _int64Buffers;
    private readonly long?[]?[] _codedBuffers;
    private readonly bool[]?[] _flagBuffers;
    private readonly double?[]?[] _doubleBuffers;
    private readonly string?[]?[] _textBuffers;
    private readonly ParquetWriter _writer;
    private int _buffered;

    /// <summary>Starts a Parquet file that will appear at <paramref name="path"/> on <see cref="TemporaryTableWriter.Commit"/>.</summary>
    /// <param name="path">The final file path; its folder must exist and the file must not.</param>
    /// <param name="schema">The table's columns.</param>
    /// <param name="rowGroupSize">Rows per row group; the buffers for one row group are the writer's memory.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowGroupSize"/> is less than 1.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file already exists at <paramref name="path"/>.</exception>
    public ParquetTableWriter(string path, TableSchema schema, int rowGroupSize = DefaultRowGroupSize)
        : base(path, schema, "Parquet")
    {
        // The temporary file exists from here on: whatever fails, including allocating the buffers, deletes it.
        try
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);

            RowGroupSize = rowGroupSize;

            var count = schema.Columns.Count;
            _fields = new DataField[count];
            _schemaFields = new Field[count];
            _int64Buffers = new long[count][];
            _codedBuffers = new long?[count][];
            _flagBuffers = new bool[count][];
            _doubleBuffers = new double?[count][];
            _textBuffers = new string?[count][];
            var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["anarchy.table"] = schema.Name };
            for (var i = 0; i < count; i++)
            {
                var column = schema.Columns[i];
                switch (column.Kind)
                {
                    case ColumnKind.Int64 when column.Flag:
                        _fields[i] = new DataField<bool>(column.Name, nullable: false);
                        _flagBuffers[i] = new bool[rowGroupSize];
                        break;
                    case ColumnKind.Int64 when column.MissingCode is { } code:
                        _fields[i] = new DataField<long?>(column.Name, nullable: true);
                        _codedBuffers[i] = new long?[rowGroupSize];
                        metadata["anarchy.missing." + column.Name] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case ColumnKind.Int64:
                        _fields[i] = new DataField<long>(column.Name, nullable: false);
                        _int64Buffers[i] = new long[rowGroupSize];
                        break;
                    case ColumnKind.Double:
                        _fields[i] = new DataField<double?>(column.Name, nullable: true);
                        _doubleBuffers[i] = new double?[rowGroupSize];
                        break;
                    case ColumnKind.Text when column.IntegerList:
                        // The standard three-level LIST of required INT64 elements; the levels are written by hand.
                        _fields[i] = new DataField<long>("element");
                        _schemaFields[i] = new ListField(column.Name, _fields[i]);
                        _textBuffers[i] = new string?[rowGroupSize];
                        break;
                    default:
                        _fields[i] = new DataField<string>(column.Name, nullable: true);
                        _textBuffers[i] = new string?[rowGroupSize];
                        break;
                }
                _schemaFields[i] ??= _fields[i];

                metadata["anarchy.unit." + column.Name] = column.Unit;
                metadata["anarchy.description." + column.Name] = column.Description;
            }

            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            _writer = RunSync(() => ParquetWriter.CreateAsync(new ParquetSchema(_schemaFields), Stream, options));

            // A sorted dictionary, so the footer's bytes do not depend on hash order.
            _writer.CustomMetadata = metadata;
        }
        catch
        {
            Discard();
            throw;
        }
    }

    /// <summary>The number of rows per row group; the last row group may be smaller.</summary>
    public int RowGroupSize { get; }

    /// <inheritdoc/>
    protected override void Append(ReadOnlySpan<Cell> row)
    {
        var at = _buffered;
        for (var i = 0; i < row.Length; i++)
        {
            var cell = row[i];
            switch (cell.Kind)
            {
                case ColumnKind.Int64:
                    long number = cell.AsInt64;
                    if (_flagBuffers[i] is { } flags) flags[at] = number != 0;
                    else if (_codedBuffers[i] is { } coded) coded[at] = number == Schema.Columns[i].MissingCode ? null : number;
                    else _int64Buffers[i]![at] = number;
                    break;
                case ColumnKind.Double:
                    var value = cell.AsDouble;
                    _doubleBuffers[i]![at] = double.IsNaN(value) ? null : value;
                    break;
                default:
                    // Empty text is missing text: a null, as the CSV's empty field.
                    string? text = cell.AsText;
                    _textBuffers[i]![at] = string.IsNullOrEmpty(text) ? null : text;
                    break;
            }
        }

        _buffered++;
        if (_buffered == RowGroupSize)
        {
            WriteRowGroup();
        }
    }

    /// <summary>
    /// A list column's values and levels: a null (missing) list has definition level 0, each element level 2 (the list
    /// and its element present), the first element of a row repetition level 0 and the others 1.
    /// </summary>
    private static (long[] Values, int[] Definitions, int[] Repetitions) ListLevels(string?[] texts, int count)
    {
        var values = new List<long>();
        var definitions = new List<int>();
        var repetitions = new List<int>();
        for (int r = 0; r < count; r++)
        {
            string? text = texts[r];
            if (string.IsNullOrEmpty(text))
            {
                definitions.Add(0);
                repetitions.Add(0);
                continue;
            }
            int k = 0;
            foreach (var part in text.Split(';'))
            {
                values.Add(long.Parse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture));
                definitions.Add(2);
                repetitions.Add(k++ == 0 ? 0 : 1);
            }
        }
        return (values.ToArray(), definitions.ToArray(), repetitions.ToArray());
    }

    /// <summary>Writes the last row group and the footer.</summary>
    protected override void Finish()
    {
        if (_buffered > 0)
        {
            WriteRowGroup();
        }

        RunSync(async () => await _writer.DisposeAsync());
    }

    // An uncommitted Parquet.Net writer is abandoned rather than disposed: disposing it would write a footer into a
    // file that is about to be deleted; the base class deletes the file.

    private void WriteRowGroup()
    {
        var count = _buffered;
        RunSync(async () =>
        {
            using var group = _writer.CreateRowGroup();
            for (var i = 0; i < _fields.Length; i++)
            {
                switch (Schema.Columns[i].Kind)
                {
                    case ColumnKind.Int64 when _flagBuffers[i] is { } flags:
                        await group.WriteAsync<bool>(_fields[i], flags.AsMemory(0, count));
                        break;
                    case ColumnKind.Int64 when _codedBuffers[i] is { } coded:
                        await group.WriteAsync<long>(_fields[i], coded.AsMemory(0, count));
                        break;
                    case ColumnKind.Int64:
                        await group.WriteAsync<long>(_fields[i], _int64Buffers[i].AsMemory(0, count));
                        break;
                    case ColumnKind.Double:
                        await group.WriteAsync<double>(_fields[i], _doubleBuffers[i].AsMemory(0, count));
                        break;
                    case ColumnKind.Text when Schema.Columns[i].IntegerList:
                        var (values, definitions, repetitions) = ListLevels(_textBuffers[i]!, count);
                        await group.WriteAllPartsAsync<long>(_fields[i], values, definitions, repetitions, CancellationToken.None);
                        break;
                    default:
                        await group.WriteAsync(_fields[i], new ArraySegment<string>(_textBuffers[i]!, 0, count));
                        break;
                }
            }

            group.CompleteValidate();
        });

        // Drop string references so a finished row group's text can be collected.
        foreach (var buffer in _textBuffers)
        {
            if (buffer is not null)
            {
                Array.Clear(buffer, 0, count);
            }
        }

        _buffered = 0;
    }

    // Parquet.Net is asynchronous while the simulation is not. Running the work on the thread pool means its
    // continuations never need the blocked caller's synchronization context, so blocking cannot deadlock, whether
    // the caller is a console app, a test runner or a UI thread.
    private static void RunSync(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();

    private static T RunSync<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();
}
