using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models.Waltz;

/// <summary>The Waltz model of one scenario, as the Monte Carlo layer runs it.</summary>
public sealed class WaltzModel(Scenario scenario) : IRunModel
{
    /// <summary>Changes whenever a rule changes results for the same seed.</summary>
    public const string ModelVersion = "waltz-1.0";

    public Scenario Scenario { get; } = scenario;
    public string Name => "waltz";
    public string Version => ModelVersion;
    public TableSchema RunSchema => WaltzTables.Runs;
    public TableSchema SeriesSchema => WaltzTables.Series;
    public TableSchema EventSchema => WaltzTables.Events;

    public IReadOnlyList<string> KeyOutputs { get; } =
    [
        "survivors", "pacts_end", "disputes", "restrained", "deterred", "settled", "wars", "entangled", "aligned",
        "abandonments", "pacts_formed", "pacts_lapsed", "deaths", "mean_burden", "leader_disputes", "leader_entangled",
        "leader_was_restrained", "leader_restrained_ally",
    ];

    public RunRows Execute(RunKey key, RunDetail detail)
    {
        var result = WaltzSimulation.Run(Scenario, key.Seed, detail, key.Run, key.Point, key.Replicate);
        var series = new Cell[result.Series.Count][];
        for (int i = 0; i < series.Length; i++) series[i] = WaltzTables.SeriesRow(key.Run, result.Series[i]);
        var events = new Cell[result.Events.Count][];
        for (int i = 0; i < events.Length; i++) events[i] = WaltzTables.EventRow(key.Run, result.Events[i]);
        return new RunRows(WaltzTables.RunRow(result.Summary), series, events);
    }
}
