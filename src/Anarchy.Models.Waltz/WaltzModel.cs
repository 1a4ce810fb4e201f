using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models.Waltz;

/// <summary>The Waltz model of one scenario, as the Monte Carlo layer runs it.</summary>
public sealed class WaltzModel(Scenario scenario, EngineKind engine = EngineKind.Kernel) : IRunModel
{
    /// <summary>Runs per kernel batch: one 512-bit vector of lanes. A batch of several vectors interleaves their
    /// data, so that each vector's share of a cache line is half or less: 16 runs a batch were 9 to 14% slower per
    /// run than 8 at 32 and 64 states (docs/decisions/0009-kernel-v2.md).</summary>
    public const int KernelBatchSize = 8;

    public EngineKind Engine { get; } = engine;
    public int BatchSize => Engine == EngineKind.Kernel ? KernelBatchSize : 1;

    /// <summary>Changes whenever a rule changes results for the same seed.</summary>
    public const string ModelVersion = "waltz-3.1";

    public Scenario Scenario { get; } = scenario;
    public string Name => WaltzDefinition.Instance.Name;
    public string Version => ModelVersion;
    public TableSchema RunSchema => WaltzTables.Runs;
    public TableSchema SeriesSchema => WaltzTables.Series;
    public TableSchema EventSchema => WaltzTables.Events;
    public IReadOnlyList<TableSchema> PanelSchemas { get; } = [WaltzTables.PanelStates, WaltzTables.PanelDyads];

    public IReadOnlyList<string> KeyOutputs { get; } =
    [
        "survivors", "pacts_end", "disputes", "restrained", "deterred", "settled", "wars", "entangled", "aligned",
        "abandonments", "pacts_formed", "pacts_lapsed", "deaths", "mean_burden", "leader_disputes", "leader_entangled",
        "leader_was_restrained", "leader_restrained_ally",
    ];

    public RunRows Execute(RunKey key, RunDetail detail) =>
        Engine == EngineKind.Reference
            ? Rows(key, WaltzSimulation.Run(Scenario, key.Seed, detail, key.Run, key.Point, key.Replicate))
            : ExecuteBatch([key], detail)[0];

    public RunRows[] ExecuteBatch(IReadOnlyList<RunKey> keys, RunDetail detail)
    {
        var rows = new RunRows[keys.Count];
        if (Engine == EngineKind.Reference)
        {
            for (int i = 0; i < rows.Length; i++) rows[i] = Execute(keys[i], detail);
            return rows;
        }
        var scenarios = new Scenario[keys.Count];
        var seeds = new ulong[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            scenarios[i] = Scenario;
            seeds[i] = keys[i].Seed;
        }
        var results = Kernel.WaltzBatch.RunOnce(scenarios, seeds, detail, keys);
        for (int i = 0; i < rows.Length; i++) rows[i] = Rows(keys[i], results[i]);
        return rows;
    }

    internal static RunRows Rows(RunKey key, RunResult result)
    {
        var series = new Cell[result.Series.Count][];
        for (int i = 0; i < series.Length; i++) series[i] = WaltzTables.SeriesRow(key.Run, result.Series[i]);
        var events = new Cell[result.Events.Count][];
        var names = result.Names ?? throw new InvalidOperationException("a run's result carries its scenario's names");
        for (int i = 0; i < events.Length; i++) events[i] = WaltzTables.EventRow(key.Run, result.Events[i], names);
        return new RunRows(WaltzTables.RunRow(result.Summary), series, events)
        {
            Panels = result.Panel is { } panel ? WaltzTables.PanelRows(key.Run, panel) : [],
        };
    }
}
