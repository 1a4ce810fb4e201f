using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models.Realpolitik;

/// <summary>The tables of the realpolitik preset (docs/OUTPUTS.md, "realpolitik").</summary>
public static class RealpolitikTables
{
    public static TableSchema Runs { get; } = new("runs",
    [
        new("run", ColumnKind.Int64, "", "run number, from 0 in run order"),
        new("point", ColumnKind.Int64, "", "design point (0 outside sweeps)"),
        new("replicate", ColumnKind.Int64, "", "replicate at the point"),
        new("seed", ColumnKind.Int64, "", "the run's seed"),
        new("turns", ColumnKind.Int64, "turns", "the last turn that ended with deaths and growth: the turn of the universal empire where one arose (statesim's last system row)"),
        new("universal_empire", ColumnKind.Int64, ColumnSpec.FlagUnit, "1 when one state was left, 0 otherwise"),
        new("wars", ColumnKind.Int64, "wars", "crises that ended in war"),
        new("crises", ColumnKind.Int64, "crises", "turns whose acting state had a weaker neighbour: wars and peaceful endings"),
        new("survivors", ColumnKind.Int64, "states", "states alive at the end"),
        new("deaths", ColumnKind.Int64, "states", "states conquered"),
        new("median_survival", ColumnKind.Double, "turns", "median over the initial states of the turn each died, survivors counted at turns"),
        new("largest_share", ColumnKind.Double, "share of power", "the strongest state's share of all power at the end"),
        new("void_turns", ColumnKind.Int64, "turns", "turns whose acting state had no weaker neighbour"),
        new("turns_played", ColumnKind.Int64, "turns", "turns begun before the run ended"),
    ]);

    public static TableSchema Series { get; } = new("series",
    [
        new("run", ColumnKind.Int64, "", "run number"),
        new("turn", ColumnKind.Int64, "turns", "turn (0: the initial system); turns without a crisis have no row under the voidTurns quirk"),
        new("alive", ColumnKind.Int64, "states", "states alive"),
        new("largest_share", ColumnKind.Double, "share of power", "the strongest state's share of all power"),
        new("power_min", ColumnKind.Double, "power", "least power of a living state"),
        new("power_p25", ColumnKind.Double, "power", "25th percentile of power (statesim's table has the 0.25th)"),
        new("power_median", ColumnKind.Double, "power", "median power"),
        new("power_p75", ColumnKind.Double, "power", "75th percentile of power"),
        new("power_max", ColumnKind.Double, "power", "largest power"),
        new("power_mean", ColumnKind.Double, "power", "mean power"),
        new("power_sd", ColumnKind.Double, "power", "standard deviation of power (population)"),
    ]);

    public static TableSchema Events { get; } = new("events",
    [
        new("run", ColumnKind.Int64, "", "run number"),
        new("turn", ColumnKind.Int64, "turns", "turn"),
        new("kind", ColumnKind.Text, "", "war, peace or death"),
        new("state", ColumnKind.Int64, "", "war and peace: the acting state; death: the state that died"),
        new("other", ColumnKind.Int64, "", "war and peace: its target; death: the conqueror"),
        new("outcome", ColumnKind.Text, "", "war: offense won or defense won; peace: deterred, backed down or stood off; death: conquered"),
        new("value", ColumnKind.Double, "power", "war and peace: the acting side's power; death: the power left"),
        new("value2", ColumnKind.Double, "power", "war and peace: the target side's power"),
        new("side_a", ColumnKind.Text, "", "the acting state's alliance, ';'-separated") { IntegerList = true },
        new("side_b", ColumnKind.Text, "", "the target's alliance, ';'-separated") { IntegerList = true },
    ]);
}

/// <summary>The realpolitik preset of one scenario, as the Monte Carlo layer runs it.</summary>
public sealed class RealpolitikModel(RealpolitikScenario scenario) : IRunModel
{
    public string Name => RealpolitikDefinition.Instance.Name;

    public string Version => RealpolitikDefinition.Instance.Version;

    public TableSchema RunSchema => RealpolitikTables.Runs;

    public TableSchema SeriesSchema => RealpolitikTables.Series;

    public TableSchema EventSchema => RealpolitikTables.Events;

    public IReadOnlyList<string> KeyOutputs => ["turns", "universal_empire", "wars", "survivors", "median_survival"];

    public RunRows Execute(RunKey key, RunDetail detail)
    {
        var r = RealpolitikSimulation.Run(scenario, key.Seed, detail.Series, detail.Events);
        Cell[] summary =
        [
            key.Run, key.Point, key.Replicate, (long)key.Seed, r.Turns, r.UniversalEmpire ? 1 : 0, r.Wars, r.Crises,
            r.Survivors, r.Deaths, r.MedianSurvival, r.LargestShare, r.VoidTurns, r.TurnsPlayed,
        ];
        var series = r.Series.Select(s => new Cell[] { key.Run, s.Turn, s.Alive, s.LargestShare, s.Min, s.Q25, s.Median, s.Q75, s.Max, s.Mean, s.Sd }).ToList();
        var events = r.Events.Select(e => new Cell[] { key.Run, e.Turn, e.Kind, e.State, e.Other, e.Outcome, e.Value, e.Value2, e.SideA, e.SideB }).ToList();
        return new RunRows(summary, series, events);
    }
}
