using System.Text;

namespace Anarchy.Output;

/// <summary>
/// The records of CSV text as RFC 4180 defines them: fields separated by commas, records ended by CRLF (a bare LF or
/// CR is accepted too; a final line ending is optional), fields optionally quoted with <c>"</c>, a quote inside a
/// quoted field doubled, line breaks allowed inside quotes. The one CSV parser of the project: the tables of
/// <c>data/</c> and the output files read back for plots and studies both go through it.
/// </summary>
public static class CsvRecords
{
    /// <summary>Reads every record, the header included, lazily.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">Names the text in messages (a file name).</param>
    /// <exception cref="InvalidDataException">A quoted field is not closed.</exception>
    public static IEnumerable<string[]> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Records(reader, source);
    }

    /// <summary>
    /// Reads a whole table and checks its shape: a header row with distinct names and as many fields in every record.
    /// </summary>
    /// <returns>The header and the data records.</returns>
    /// <exception cref="InvalidDataException">The text is empty, a name repeats, a record has the wrong number of fields or a quoted field is not closed.</exception>
    public static (string[] Header, List<string[]> Rows) ReadTable(TextReader reader, string source)
    {
        using var records = Read(reader, source).GetEnumerator();
        if (!records.MoveNext()) throw new InvalidDataException($"{source}: the file is empty (expected a header row)");
        var header = records.Current;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in header)
        {
            if (!seen.Add(name)) throw new InvalidDataException($"{source}: the column '{name}' appears twice in the header");
        }
        var rows = new List<string[]>();
        int record = 1;
        while (records.MoveNext())
        {
            record++;
            if (records.Current.Length != header.Length)
                throw new InvalidDataException($"{source}: record {record} has {records.Current.Length} fields, the header has {header.Length}");
            rows.Add(records.Current);
        }
        return (header, rows);
    }

    private static IEnumerable<string[]> Records(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, inRecord = false;
        int record = 1;
        while (true)
        {
            int c = reader.Read();
            if (quoted)
            {
                if (c < 0) throw new InvalidDataException($"{source}: record {record}: a quoted field is not closed");
                if (c != '"') field.Append((char)c);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    inRecord = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    inRecord = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r' or -1:
                    if (inRecord || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        yield return fields.ToArray();
                        fields.Clear();
                        record++;
                    }
                    inRecord = false;
                    if (c < 0) yield break;
                    break;
                default:
                    field.Append((char)c);
                    inRecord = true;
                    break;
            }
        }
    }
}
