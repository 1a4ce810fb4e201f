using System.Globalization;
using System.Text;

namespace Anarchy.Plots;

/// <summary>
/// A CSV file of this project read into columns by name: RFC 4180 (fields may be quoted, quotes doubled inside), a
/// header row, numbers in invariant culture, an empty field for a missing value (docs/OUTPUTS.md). The files plotted
/// are small summaries (points, sensitivity indices, series), so the whole file is held in memory.
/// </summary>
public sealed class CsvColumns
{
    private readonly Dictionary<string, int> _indexByName;
    private readonly List<string>[] _fields;

    private CsvColumns(string path, IReadOnlyList<string> names, List<string>[] fields)
    {
        Path = path;
        Names = names;
        _fields = fields;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < names.Count; c++)
        {
            if (!_indexByName.TryAdd(names[c], c))
                throw new PlotInputException($"{path}: the column '{names[c]}' appears twice in the header");
        }
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The column names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The number of data rows.</summary>
    public int Rows => _fields.Length == 0 ? 0 : _fields[0].Count;

    public bool Contains(string name) => _indexByName.ContainsKey(name);

    /// <summary>The named column as text, one entry per row.</summary>
    public IReadOnlyList<string> Text(string name) => _fields[Index(name)];

    /// <summary>The named column as numbers; a missing value is NaN.</summary>
    /// <exception cref="PlotInputException">A field is not a number.</exception>
    public double[] Numbers(string name)
    {
        var fields = _fields[Index(name)];
        var values = new double[fields.Count];
        for (int r = 0; r < values.Length; r++)
        {
            string field = fields[r];
            if (field.Length == 0)
                values[r] = double.NaN;
            else if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
                throw new PlotInputException($"{Path}: row {r + 1}, column '{name}': '{field}' is not a number");
        }
        return values;
    }

    /// <summary>Reads a whole CSV file.</summary>
    /// <exception cref="PlotInputException">The file cannot be read, has no header, or a row has the wrong number of fields.</exception>
    public static CsvColumns Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlotInputException($"{path}: cannot be read ({e.Message})", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="path"/> only names the source in messages.</summary>
    public static CsvColumns Parse(string text, string path)
    {
        var records = Records(text, path).GetEnumerator();
        if (!records.MoveNext())
            throw new PlotInputException($"{path}: the file is empty (expected a header row)");
        var names = records.Current;
        var fields = names.Select(_ => new List<string>()).ToArray();
        int line = 1;
        while (records.MoveNext())
        {
            line++;
            var record = records.Current;
            if (record.Count != names.Count)
                throw new PlotInputException($"{path}: record {line} has {record.Count} fields, the header has {names.Count}");
            for (int c = 0; c < record.Count; c++) fields[c].Add(record[c]);
        }
        return new CsvColumns(path, names, fields);
    }

    private int Index(string name) =>
        _indexByName.TryGetValue(name, out int index) ? index : throw new PlotInputException($"{Path}: no column '{name}'");

    /// <summary>The records of RFC 4180 text: CRLF or LF ends a record outside quotes; a final line ending is optional.</summary>
    private static IEnumerable<List<string>> Records(string text, string path)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new PlotInputException($"{path}: a quoted field is not closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                continue;
            }
            if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '\n' || c == '\r')
            {
                record.Add(field.ToString());
                field.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
                i++;
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
