using System.Collections.ObjectModel;

namespace Anarchy.Output;

/// <summary>
/// The name and ordered columns of an output table. Immutable; validated on construction.
/// </summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a schema and validates it.</summary>
    /// <param name="name">The table name, used as the file stem (for example "runs" gives runs.csv and runs.parquet).</param>
    /// <param name="columns">The columns in output order; at least one.</param>
    /// <exception cref="ArgumentException">
    /// A name is not an identifier, there are no columns, or two column names are equal ignoring case.
    /// </exception>
    public TableSchema(string name, IEnumerable<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException(
                $"Table name '{name}' is not an identifier (a letter or underscore, then letters, digits or underscores).",
                nameof(name));
        }

        var list = columns.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"Table '{name}' has no columns.", nameof(columns));
        }

        // Case-insensitive: DuckDB and SQL treat identifiers without regard to case, so "Year" and "year" would clash there.
        _indexByName = new Dictionary<string, int>(list.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var column = list[i] ?? throw new ArgumentException($"Table '{name}' has a null column at position {i}.", nameof(columns));
            if (!IsIdentifier(column.Name))
            {
                throw new ArgumentException(
                    $"Column name '{column.Name}' in table '{name}' is not an identifier (a letter or underscore, then letters, digits or underscores).",
                    nameof(columns));
            }

            if (!Enum.IsDefined(column.Kind))
            {
                throw new ArgumentException($"Column '{column.Name}' in table '{name}' has an unknown kind {column.Kind}.", nameof(columns));
            }

            if (column.Unit is null || column.Description is null)
            {
                throw new ArgumentException($"Column '{column.Name}' in table '{name}' needs a unit and a description (empty is allowed).", nameof(columns));
            }

            if (!_indexByName.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Column name '{column.Name}' appears more than once in table '{name}' (names are compared ignoring case).", nameof(columns));
            }
        }

        Name = name;
        Columns = new ReadOnlyCollection<ColumnSpec>(list);
    }

    /// <summary>Creates a schema from columns listed in order.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="columns">The columns in output order.</param>
    public TableSchema(string name, params ColumnSpec[] columns)
        : this(name, (IEnumerable<ColumnSpec>)columns)
    {
    }

    /// <summary>The table name, used as the file stem.</summary>
    public string Name { get; }

    /// <summary>The columns in output order.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>The column with the given name (compared ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public ColumnSpec this[string columnName]
    {
        get
        {
            var index = IndexOf(columnName);
            return index >= 0
                ? Columns[index]
                : throw new KeyNotFoundException($"Table '{Name}' has no column named '{columnName}'.");
        }
    }

    /// <summary>The position of the named column (compared ignoring case), or -1 when there is none.</summary>
    public int IndexOf(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        return _indexByName.TryGetValue(columnName, out var index) ? index : -1;
    }

    /// <summary>Whether the table has a column with this name (compared ignoring case).</summary>
    public bool Contains(string columnName) => IndexOf(columnName) >= 0;

    private static bool IsIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || !(char.IsAsciiLetter(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
