using System.Globalization;
using System.Text;
using Anarchy.Output;

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
        // CsvRecords.ReadTable has checked that the names are distinct.
        _indexByName = names.Select((name, c) => (name, c)).ToDictionary(x => x.name, x => x.c, StringComparer.Ordinal);
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

    /// <summary>Parses CSV text (<see cref="CsvRecords"/>); <paramref name="path"/> only names the source in messages.</summary>
    public static CsvColumns Parse(string text, string path)
    {
        string[] header;
        List<string[]> rows;
        try
        {
            using var reader = new StringReader(text);
            (header, rows) = CsvRecords.ReadTable(reader, path);
        }
        catch (InvalidDataException e)
        {
            throw new PlotInputException(e.Message, e);
        }
        var fields = header.Select((_, c) => rows.Select(r => r[c]).ToList()).ToArray();
        return new CsvColumns(path, header, fields);
    }

    private int Index(string name) =>
        _indexByName.TryGetValue(name, out int index) ? index : throw new PlotInputException($"{Path}: no column '{name}'");
}
