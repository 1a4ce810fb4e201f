using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Sweeps;

/// <summary>
/// The per-run tables of a sweep besides the runs: the series (<c>--series</c>), the events (<c>--events</c>) and
/// each of the model's panel tables (<c>--panel</c>, for example state-years and dyad-years), in that order, each
/// with the design point and the replicate in front, named as in the runs table (<c>point</c>, <c>replicate</c>),
/// and otherwise the columns of <c>anarchy run</c> with the same option.
/// </summary>
/// <remarks>
/// Panel rows are journalled as runs are: each finished run's panel rows go to <see cref="JournalFile"/> (in the
/// journal's compact encoding: integers as varints) before its summary row goes to the run journal, so both journals hold the same runs in run order. A record of the panel
/// journal is a row with the table's index in front; a record holding only <see cref="EndOfRun"/> closes each run's
/// rows. On resume, both journals are cut back to the runs complete in both (<see cref="CompleteRuns"/>), so a kill
/// between the two appends, or a crash that loses the last seconds of one file but not the other, leaves no run with
/// its panel rows missing or doubled. The panel files are written from the journal when the sweep (or shard)
/// finishes, and a merge writes them from the shards' journals, in shard order.
/// </remarks>
public static class SweepPanels
{
    /// <summary>The panel journal beside journal.bin.</summary>
    public const string JournalFile = "panel_journal.bin";

    /// <summary>The value of the one cell of the record that ends a run's rows.</summary>
    private const long EndOfRun = -1;

    /// <summary>The sweep's panel tables: the model's, with <c>point</c> and <c>replicate</c> as leading columns.</summary>
    public static IReadOnlyList<TableSchema> Schemas(IRunModel model) => Schemas(model, series: false, events: false, panel: true);

    /// <summary>The tables asked for, in journal order (series, events, panels), each with <c>point</c> and
    /// <c>replicate</c> as leading columns.</summary>
    public static IReadOnlyList<TableSchema> Schemas(IRunModel model, bool series, bool events, bool panel)
    {
        ArgumentNullException.ThrowIfNull(model);
        var point = Lead(model.RunSchema, "point", "parameter point of the sweep design, from 0 (as in runs and points)");
        var replicate = Lead(model.RunSchema, "replicate", "replicate within the point (as in runs)");
        var tables = new List<TableSchema>();
        if (series) tables.Add(model.SeriesSchema);
        if (events) tables.Add(model.EventSchema);
        if (panel) tables.AddRange(model.PanelSchemas);
        return tables.Select(s => new TableSchema(s.Name, s.Columns.Prepend(replicate).Prepend(point))).ToList();
    }

    private static ColumnSpec Lead(TableSchema runs, string name, string description)
    {
        int at = runs.IndexOf(name);
        if (at < 0) throw new ArgumentException($"the run table has no '{name}' column", nameof(runs));
        var column = runs.Columns[at];
        return new ColumnSpec(column.Name, column.Kind, column.Unit, description);
    }

    /// <summary>
    /// The runs complete in a panel journal, and the length of the file that holds the first <paramref name="keep"/>
    /// of them (a torn record and the rows of an unfinished run are not counted).
    /// </summary>
    public static (long Runs, long Length, long Records) CompleteRuns(string path, long keep = long.MaxValue)
    {
        long runs = 0, length = 0, records = 0, seen = 0;
        if (keep <= 0) return (0, 0, 0);
        foreach (var (row, end) in RunJournal.Scan(path))
        {
            seen++;
            if (!IsEndOfRun(row)) continue;
            runs++;
            length = end;
            records = seen;
            if (runs == keep) break;
        }
        return (runs, length, records);
    }

    /// <summary>Opens (or creates) the panel journal for appending after its first <paramref name="keep"/> complete runs
    /// (fewer if it holds fewer), cutting off the rest.</summary>
    public static Writer OpenForAppend(string path, long keep, int tables) => OpenForAppend(path, keep, false, false, tables);

    /// <summary>As <see cref="OpenForAppend(string, long, int)"/>, journalling the series and events (when asked) before
    /// the <paramref name="panelTables"/> panel tables.</summary>
    public static Writer OpenForAppend(string path, long keep, bool series, bool events, int panelTables)
    {
        var (runs, length, records) = CompleteRuns(path, keep);
        return new Writer(RunJournal.OpenAt(path, length, records, compact: true), runs, series, events, panelTables);
    }

    /// <summary>Every row of a panel journal as (table index, row), in order; checks that it holds exactly
    /// <paramref name="runs"/> complete runs and nothing after them.</summary>
    public static IEnumerable<(int Table, Cell[] Row)> ReadRows(string path, long runs)
    {
        if (!File.Exists(path)) throw new SweepException($"{path} is missing: the panel rows of the sweep's runs were journalled there");
        long seen = 0;
        bool open = false;
        foreach (var (record, _) in RunJournal.Scan(path))
        {
            if (IsEndOfRun(record))
            {
                seen++;
                open = false;
                continue;
            }
            if (record.Length == 0 || record[0].Kind != ColumnKind.Int64)
                throw new InvalidDataException($"{path}: a record without a table index");
            open = true;
            yield return ((int)record[0].AsInt64, record[1..]);
        }
        if (seen != runs || open)
            throw new SweepException($"{path} holds the panel rows of {seen} runs{(open ? " and part of another" : "")}, but the run journal holds {runs}; run the sweep again with --panel --overwrite");
    }

    private static bool IsEndOfRun(Cell[] record) =>
        record.Length == 1 && record[0].Kind == ColumnKind.Int64 && record[0].AsInt64 == EndOfRun;

    /// <summary>Appends finished runs' panel rows to the panel journal.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly RunJournal _journal;
        private readonly bool _series, _events;
        private readonly int _tables;
        private Cell[] _buffer = new Cell[16];

        internal Writer(RunJournal journal, long runs, bool series, bool events, int panelTables)
        {
            _journal = journal;
            Runs = runs;
            _series = series;
            _events = events;
            _tables = panelTables;
        }

        /// <summary>Runs in the journal.</summary>
        public long Runs { get; private set; }

        /// <summary>Appends a run's rows of each table (series, events, panels, as asked), each with the table index,
        /// point and replicate in front, then the end-of-run record, and hands them to the operating system.</summary>
        public void Append(RunKey key, RunRows rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            if (rows.Panels.Count != _tables)
                throw new InvalidOperationException($"run {key.Run} returned {rows.Panels.Count} panel tables, expected {_tables}");
            var tables = new List<IReadOnlyList<Cell[]>>(_tables + 2);
            if (_series) tables.Add(rows.Series);
            if (_events) tables.Add(rows.Events);
            tables.AddRange(rows.Panels);
            for (int t = 0; t < tables.Count; t++)
            {
                foreach (var row in tables[t])
                {
                    int length = row.Length + 3;
                    if (_buffer.Length < length) _buffer = new Cell[length];
                    _buffer[0] = Cell.FromInt64(t);
                    _buffer[1] = Cell.FromInt64(key.Point);
                    _buffer[2] = Cell.FromInt64(key.Replicate);
                    row.CopyTo(_buffer.AsSpan(3));
                    _journal.Write(_buffer.AsSpan(0, length));
                }
            }
            _journal.Write([Cell.FromInt64(EndOfRun)]);
            _journal.Flush();
            Runs++;
        }

        public void Dispose() => _journal.Dispose();
    }
}
