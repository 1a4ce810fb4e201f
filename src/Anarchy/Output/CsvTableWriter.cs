using System.Buffers;
using System.Globalization;
using System.Text;

namespace Anarchy.Output;

/// <summary>
/// Streams a table to an RFC 4180 CSV file: a header row of column names, fields quoted only when they contain a
/// comma, a double quote, CR or LF (quotes doubled inside), LF line endings, UTF-8 without a byte-order mark, and
/// numbers in invariant culture.
/// </summary>
/// <remarks>
/// <para>
/// Int64 values are written as plain decimal integers. Doubles are written in their shortest round-trippable form
/// (for example <c>0.1</c>, <c>-0.5</c>, <c>1E-300</c>), so parsing the text gives back the identical double and the
/// file's bytes depend only on the values, not on the machine, its culture or the number of threads. NaN and null text
/// are written as an empty field, which pandas, R and DuckDB read as missing; infinities are rejected.
/// </para>
/// <para>
/// Rows go to a hidden temporary file in the same folder, renamed to the final name by <see cref="TemporaryTableWriter.Commit"/>.
/// Disposing without committing deletes it. Not thread-safe.
/// </para>
/// </remarks>
public sealed class CsvTableWriter : TemporaryTableWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<char> CharsNeedingQuotes = SearchValues.Create(",\"\r\n");

    private readonly StreamWriter _writer;

    /// <summary>Starts a CSV file that will appear at <paramref name="path"/> on <see cref="TemporaryTableWriter.Commit"/>.</summary>
    /// <param name="path">The final file path; its folder must exist and the file must not.</param>
    /// <param name="schema">The table's columns.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file already exists at <paramref name="path"/>.</exception>
    public CsvTableWriter(string path, TableSchema schema)
        : base(path, schema, "CSV")
    {
        try
        {
            _writer = new StreamWriter(Stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
            for (var i = 0; i < schema.Columns.Count; i++)
            {
                if (i > 0)
                {
                    _writer.Write(',');
                }

                WriteText(schema.Columns[i].Name);
            }

            _writer.Write('\n');
        }
        catch
        {
            Discard();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void Append(ReadOnlySpan<Cell> row)
    {
        Span<char> number = stackalloc char[32];
        var lastFieldEmpty = false;
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var cell = row[i];
            int length;
            switch (cell.Kind)
            {
                case ColumnKind.Int64:
                    cell.AsInt64.TryFormat(number, out length, default, CultureInfo.InvariantCulture);
                    _writer.Write(number[..length]);
                    lastFieldEmpty = false;
                    break;
                case ColumnKind.Double:
                    var value = cell.AsDouble;
                    lastFieldEmpty = double.IsNaN(value);
                    if (!lastFieldEmpty)
                    {
                        // "R" is the shortest string that parses back to the same double.
                        value.TryFormat(number, out length, "R", CultureInfo.InvariantCulture);
                        _writer.Write(number[..length]);
                    }

                    break;
                default:
                    var text = cell.AsText;
                    lastFieldEmpty = string.IsNullOrEmpty(text);
                    WriteText(text);
                    break;
            }
        }

        // A one-column row with an empty field would be a blank line, which pandas and R skip; "" keeps the row.
        if (row.Length == 1 && lastFieldEmpty)
        {
            _writer.Write("\"\"");
        }

        _writer.Write('\n');
    }

    /// <inheritdoc/>
    protected override void Finish()
    {
        _writer.Flush();
        _writer.Dispose();
    }

    /// <inheritdoc/>
    protected override void Abandon()
    {
        try
        {
            _writer.Dispose();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            // Flushing into a file that is about to be deleted may fail (for example on a full disk); that is moot.
        }
    }

    private void WriteText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.AsSpan().IndexOfAny(CharsNeedingQuotes) < 0)
        {
            _writer.Write(text);
            return;
        }

        _writer.Write('"');
        var rest = text.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            _writer.Write(rest[..(quote + 1)]);
            _writer.Write('"');
            rest = rest[(quote + 1)..];
        }

        _writer.Write(rest);
        _writer.Write('"');
    }
}
