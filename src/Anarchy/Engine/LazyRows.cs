using Anarchy.Output;

namespace Anarchy.Engine;

/// <summary>
/// Rows of a table kept in a model's own compact records and turned into cells only when read, one row at a time.
/// Large tables (a panel has a row per state and tick) then wait for the writer in a fraction of the memory.
/// </summary>
public sealed class LazyRows<T>(IReadOnlyList<T> records, Func<T, Cell[]> row) : IReadOnlyList<Cell[]>
{
    public int Count => records.Count;

    public Cell[] this[int index] => row(records[index]);

    public IEnumerator<Cell[]> GetEnumerator()
    {
        for (int i = 0; i < records.Count; i++) yield return row(records[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
