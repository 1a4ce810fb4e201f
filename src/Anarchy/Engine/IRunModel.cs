using Anarchy.Output;

namespace Anarchy.Engine;

/// <summary>What to keep from a run besides its summary row: the series, the events, the panel tables.</summary>
public readonly record struct RunDetail(bool Series, bool Events, bool Panel = false);

/// <summary>Identifies one run of a study: its position in run order and its seed.</summary>
public readonly record struct RunKey(long Run, long Point, long Replicate, ulong Seed);

/// <summary>The rows one run produced: its summary row, and its series, event and panel rows when asked for.</summary>
public sealed record RunRows(Cell[] Summary, IReadOnlyList<Cell[]> Series, IReadOnlyList<Cell[]> Events)
{
    /// <summary>The rows of each panel table, in the order of <see cref="IRunModel.PanelSchemas"/>; empty unless asked for.</summary>
    public IReadOnlyList<IReadOnlyList<Cell[]>> Panels { get; init; } = [];
}

/// <summary>
/// A model as the Monte Carlo, sweep and output layers see it: tables with fixed schemas, and a run as a pure
/// function of its seed. Each model project implements it.
/// </summary>
public interface IRunModel
{
    /// <summary>Short name, as registered.</summary>
    string Name { get; }

    /// <summary>Version of the model's rules; it changes whenever a rule changes the results.</summary>
    string Version { get; }

    /// <summary>One row per run (runs.csv).</summary>
    TableSchema RunSchema { get; }

    /// <summary>One row per run and recorded tick (series.csv).</summary>
    TableSchema SeriesSchema { get; }

    /// <summary>One row per event (events.csv).</summary>
    TableSchema EventSchema { get; }

    /// <summary>
    /// Tables of units by tick, such as state-years and dyad-years, written when <see cref="RunDetail.Panel"/> asks
    /// for them; none by default.
    /// </summary>
    IReadOnlyList<TableSchema> PanelSchemas => [];

    /// <summary>Names of the summary columns worth showing first (the command's table).</summary>
    IReadOnlyList<string> KeyOutputs { get; }

    /// <summary>Runs one replicate. Must depend only on the model's configuration and <paramref name="key"/>'s seed.</summary>
    RunRows Execute(RunKey key, RunDetail detail);

    /// <summary>How many consecutive runs <see cref="ExecuteBatch"/> takes at once to best effect.</summary>
    int BatchSize => 1;

    /// <summary>Runs several replicates, possibly together; the rows must equal those of <see cref="Execute"/> run by run.</summary>
    RunRows[] ExecuteBatch(IReadOnlyList<RunKey> keys, RunDetail detail)
    {
        var rows = new RunRows[keys.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = Execute(keys[i], detail);
        return rows;
    }
}
