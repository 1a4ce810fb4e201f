using Anarchy.Engine;

namespace Anarchy.Sweeps;

/// <summary>
/// A sweep as the sweep layer sees it, whatever the model: a model whose runs are keyed by (point, replicate), the
/// number of points and replicates, the master seed, which outputs to summarise per point, and where to write.
/// </summary>
public sealed record SweepJob
{
    /// <summary>The model of every point; its run table must have <c>point</c> and the factor columns.</summary>
    public required IRunModel Model { get; init; }
    public required int Points { get; init; }
    public required int Replicates { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<string> Factors { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }
    public required string OutputPath { get; init; }
    /// <summary>The sweep file's text, kept beside the results so that resume and merge can check they match.</summary>
    public required string SweepText { get; init; }
    /// <summary>The design, in words, for the manifest.</summary>
    public string Design { get; init; } = "";
    /// <summary>Replicate r of every point shares one random stream (common random numbers).</summary>
    public bool CommonRandomNumbers { get; init; }
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;
    /// <summary>Also write the model's panel tables for every run, with the point and replicate in front
    /// (<see cref="SweepPanels"/>); the model must have panel tables.</summary>
    public bool Panel { get; init; }
    /// <summary>Also write the series table (one row per run and recorded tick) with the point and replicate in front.</summary>
    public bool Series { get; init; }
    /// <summary>Also write the events table with the point and replicate in front.</summary>
    public bool Events { get; init; }
    public bool Resume { get; init; }
    public bool Overwrite { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Engine { get; init; } = "";
    public string Command { get; init; } = "";

    /// <summary>Further files written beside the results when the folder is created (e.g. the resolved base scenario).</summary>
    public IReadOnlyDictionary<string, string> ExtraFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Called after the points table is written, with the output folder and the point rows (e.g. to add
    /// sensitivity indices). When it is set, the point rows are kept in memory for it.</summary>
    public Action<SweepPoints>? AfterFinish { get; init; }

    /// <summary>Whether any per-run table besides the runs is written (series, events, panels): they share one
    /// journal (<see cref="SweepPanels"/>).</summary>
    public bool HasDetail => Series || Events || Panel;

    /// <summary>The options that ask for those tables, as on the command line ("--series --events"), or "".</summary>
    public string DetailOptions => string.Join(' ', new[] { Series ? "--series" : "", Events ? "--events" : "", Panel ? "--panel" : "" }.Where(o => o.Length > 0));

    /// <summary>The seed of replicate r of point p.</summary>
    public ulong SeedOf(int point, int replicate) =>
        MonteCarlo.RunPlan.SeedOf(Seed, CommonRandomNumbers ? 0 : point, replicate);
}

/// <summary>A finished sweep's point summaries, in point order, and the folder they were written to.</summary>
public sealed record SweepPoints(string Folder, Output.TableSchema Schema, IReadOnlyList<Output.Cell[]> Rows)
{
    /// <summary>One column of the points table as numbers, in point order.</summary>
    public double[] Column(string name)
    {
        int c = Schema.IndexOf(name);
        if (c < 0) throw new ArgumentException($"the points table has no column '{name}'", nameof(name));
        return Rows.Select(r => r[c].Kind == Output.ColumnKind.Int64 ? r[c].AsInt64 : r[c].AsDouble).ToArray();
    }
}
