using System.Globalization;
using Anarchy.Output;

namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// A CSV table as RFC 4180 defines it: a header row naming the columns, fields separated by commas, records by CRLF
/// (a bare LF is accepted too), fields optionally quoted with <c>"</c> and a quote inside a quoted field doubled.
/// Numbers are read in the invariant culture; an empty field is a missing value.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string[]> _rows;

    private CsvTable(string source, Dictionary<string, int> columns, List<string[]> rows)
    {
        Source = source;
        _columns = columns;
        _rows = rows;
    }

    /// <summary>Names the table in messages (the file name).</summary>
    public string Source { get; }

    public int Count => _rows.Count;

    /// <summary>Reads a whole table; every record must have as many fields as the header.</summary>
    public static CsvTable Read(TextReader reader, string source)
    {
        var (header, rows) = CsvRecords.ReadTable(reader, source);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++) columns[header[c]] = c;
        return new CsvTable(source, columns, rows);
    }

    /// <summary>The position of a column; throws when the header lacks it.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out int c) ? c
        : throw new InvalidDataException($"{Source}: no column '{name}' (columns: {string.Join(", ", _columns.Keys)})");

    public string Text(int row, int column) => _rows[row][column];

    public int Integer(int row, int column) =>
        int.TryParse(_rows[row][column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v
            : throw Bad(row, column, "an integer");

    public double Number(int row, int column) => OptionalNumber(row, column) ?? throw Bad(row, column, "a number");

    /// <summary>The number in a field, or null when the field is empty (a missing value).</summary>
    public double? OptionalNumber(int row, int column)
    {
        string text = _rows[row][column];
        if (text.Length == 0) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw Bad(row, column, "a number");
    }

    /// <summary>An ISO 8601 calendar date, <c>YYYY-MM-DD</c>.</summary>
    public DateOnly Date(int row, int column) =>
        DateOnly.TryParseExact(_rows[row][column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw Bad(row, column, "a date YYYY-MM-DD");

    private InvalidDataException Bad(int row, int column, string expected)
    {
        string name = _columns.First(kv => kv.Value == column).Key;
        // Record 1 is the header, so data row r is record r + 2.
        return new InvalidDataException($"{Source} record {row + 2}, column {name}: '{_rows[row][column]}' is not {expected}");
    }
}
