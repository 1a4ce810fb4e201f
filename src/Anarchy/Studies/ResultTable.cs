using Anarchy.Plots;

namespace Anarchy.Studies;

/// <summary>
/// A result file (runs.csv, points.csv, series.csv of an arm) held as columns, numbers parsed once per column, for a
/// study's analysis.
/// </summary>
public sealed class ResultTable
{
    private readonly CsvColumns _table;
    private readonly Dictionary<string, double[]> _numbers = new(StringComparer.Ordinal);

    private ResultTable(CsvColumns table) => _table = table;

    /// <summary>Reads <paramref name="fileName"/> from <paramref name="folder"/>.</summary>
    public static ResultTable Read(string folder, string fileName) => new(CsvColumns.Read(Path.Combine(folder, fileName)));

    public int Rows => _table.Rows;

    public bool Contains(string column) => _table.Contains(column);

    /// <summary>A column as numbers (NaN for a missing value).</summary>
    public double[] this[string column]
    {
        get
        {
            if (!_numbers.TryGetValue(column, out var values))
            {
                values = _table.Numbers(column);
                _numbers[column] = values;
            }
            return values;
        }
    }

    /// <summary>A column as text.</summary>
    public IReadOnlyList<string> Text(string column) => _table.Text(column);

    /// <summary>The rows (indices) where <paramref name="predicate"/> holds.</summary>
    public int[] Where(Func<int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Enumerable.Range(0, Rows).Where(predicate).ToArray();
    }

    /// <summary>The values of a column at the given rows.</summary>
    public double[] Values(string column, IEnumerable<int> rows)
    {
        var all = this[column];
        return rows.Select(r => all[r]).ToArray();
    }

    /// <summary>The distinct values of a column in ascending order.</summary>
    public double[] Levels(string column) => this[column].Distinct().Order().ToArray();
}
