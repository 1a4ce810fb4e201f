using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models.Tribute;

/// <summary>The tables of the tribute model (docs/OUTPUTS.md, "tribute").</summary>
public static class TributeTables
{
    public static TableSchema Runs { get; } = new("runs",
    [
        new("run", ColumnKind.Int64, "", "run number, from 0 in run order"),
        new("point", ColumnKind.Int64, "", "design point (0 outside sweeps)"),
        new("replicate", ColumnKind.Int64, "", "replicate at the point"),
        new("seed", ColumnKind.Int64, "", "the run's seed"),
        new("demands", ColumnKind.Int64, "demands", "demands made"),
        new("payments", ColumnKind.Int64, "payments", "demands paid"),
        new("fights", ColumnKind.Int64, "fights", "demands fought"),
        new("tribute_paid", ColumnKind.Double, "wealth", "wealth paid as tribute"),
        new("damage", ColumnKind.Double, "wealth", "wealth destroyed in fights"),
        new("final_wealth", ColumnKind.Double, "wealth", "total wealth at the end"),
        new("mean_wealth", ColumnKind.Double, "wealth", "total wealth at the end of each year, averaged over the years"),
        new("richest_share", ColumnKind.Double, "share of wealth", "the richest actor's share of all wealth at the end"),
        new("richest", ColumnKind.Int64, "", "the richest actor at the end"),
        new("peak_richest_share", ColumnKind.Double, "share of wealth", "the largest share of all wealth any actor held at a year's end"),
        new("leader_changes", ColumnKind.Int64, "changes", "years whose richest actor differs from the year before's"),
        new("clusters", ColumnKind.Int64, "clusters", "clusters at the end: runs of two or more neighbours on the ring, each pair committed to each other at least clusterThreshold (docs/TRIBUTE.md)"),
        new("largest_cluster", ColumnKind.Int64, "actors", "actors in the largest cluster at the end (0: no cluster)"),
        new("largest_cluster_share", ColumnKind.Double, "share of wealth", "the largest cluster's share of all wealth at the end (0: no cluster)"),
        new("mean_commitment", ColumnKind.Double, "percent", "mean commitment between distinct actors at the end"),
    ]);

    public static TableSchema Series { get; } = new("series",
    [
        new("run", ColumnKind.Int64, "", "run number"),
        new("year", ColumnKind.Int64, "years", "year (0: the initial system); each row is the year's end, after income"),
        new("demands", ColumnKind.Int64, "demands", "demands made in the year"),
        new("payments", ColumnKind.Int64, "payments", "demands paid in the year"),
        new("fights", ColumnKind.Int64, "fights", "demands fought in the year"),
        new("total_wealth", ColumnKind.Double, "wealth", "total wealth"),
        new("richest_share", ColumnKind.Double, "share of wealth", "the richest actor's share of all wealth"),
        new("richest", ColumnKind.Int64, "", "the richest actor"),
        new("clusters", ColumnKind.Int64, "clusters", "clusters (runs of two or more neighbours, each pair committed to each other at least clusterThreshold)"),
        new("largest_cluster", ColumnKind.Int64, "actors", "actors in the largest cluster (0: none)"),
        new("largest_cluster_share", ColumnKind.Double, "share of wealth", "the largest cluster's share of all wealth"),
        new("mean_commitment", ColumnKind.Double, "percent", "mean commitment between distinct actors"),
    ]);

    public static TableSchema Events { get; } = new("events",
    [
        new("run", ColumnKind.Int64, "", "run number"),
        new("year", ColumnKind.Int64, "years", "year"),
        new("activation", ColumnKind.Int64, "", "the activation within the year, from 0"),
        new("kind", ColumnKind.Text, "", "demand"),
        new("actor", ColumnKind.Int64, "", "the actor that demanded"),
        new("target", ColumnKind.Int64, "", "its target"),
        new("outcome", ColumnKind.Text, "", "paid or fought"),
        new("payment", ColumnKind.Double, "wealth", "the payment demanded: min(demand, the target's wealth)"),
        new("cost", ColumnKind.Double, "wealth", "what fighting would cost the target (rule B4's measure)"),
        new("damage_a", ColumnKind.Double, "wealth", "wealth the attacking side lost (0 when paid)"),
        new("damage_b", ColumnKind.Double, "wealth", "wealth the defending side lost (0 when paid)"),
        new("side_a", ColumnKind.Text, "", "the attacking side: the actor and those who joined it, ';'-separated") { IntegerList = true },
        new("side_b", ColumnKind.Text, "", "the defending side: the target and those who joined it, ';'-separated") { IntegerList = true },
    ]);

    public static TableSchema PanelActors { get; } = new("panel_actors",
    [
        new("run", ColumnKind.Int64, "", "run number"),
        new("year", ColumnKind.Int64, "years", "year (0: the initial system); each row is the year's end, after income"),
        new("actor", ColumnKind.Int64, "", "the actor, 0 to actors - 1 round the ring"),
        new("wealth", ColumnKind.Double, "wealth", "the actor's wealth"),
        new("cluster", ColumnKind.Int64, "", "the actor's cluster, 0 the largest (-1: none)") { MissingCode = -1 },
        new("commitment_next", ColumnKind.Int64, "percent", "its commitment to the next actor clockwise (commitment is mutual: the two are equal)"),
        new("commitment_mean", ColumnKind.Double, "percent", "its mean commitment to the other actors"),
    ]);
}

/// <summary>The tribute model of one scenario, as the Monte Carlo layer runs it.</summary>
public sealed class TributeModel(TributeScenario scenario) : IRunModel
{
    public string Name => TributeDefinition.Instance.Name;

    public string Version => TributeDefinition.Instance.Version;

    public TableSchema RunSchema => TributeTables.Runs;

    public TableSchema SeriesSchema => TributeTables.Series;

    public TableSchema EventSchema => TributeTables.Events;

    public IReadOnlyList<string> KeyOutputs => ["fights", "payments", "richest_share", "clusters", "largest_cluster"];

    public IReadOnlyList<TableSchema> PanelSchemas { get; } = [TributeTables.PanelActors];

    public RunRows Execute(RunKey key, RunDetail detail)
    {
        var r = TributeSimulation.Run(scenario, key.Seed, detail.Series, detail.Events, detail.Panel);
        Cell[] summary =
        [
            key.Run, key.Point, key.Replicate, (long)key.Seed, r.Demands, r.Payments, r.Fights, r.TributePaid, r.Damage,
            r.FinalWealth, r.MeanWealth, r.RichestShare, r.Richest, r.PeakRichestShare, r.LeaderChanges,
            r.Clusters.Count, r.Clusters.Largest, r.Clusters.LargestShare, r.MeanCommitment,
        ];
        var series = r.Series.Select(s => new Cell[]
        {
            key.Run, s.Year, s.Demands, s.Payments, s.Fights, s.TotalWealth, s.RichestShare, s.Richest, s.Clusters, s.LargestCluster,
            s.LargestClusterShare, s.MeanCommitment,
        }).ToList();
        var events = r.Events.Select(e => new Cell[]
        {
            key.Run, e.Year, e.Activation, "demand", e.Actor, e.Target, e.Outcome, e.Payment, e.Cost, e.DamageA, e.DamageB, e.SideA, e.SideB,
        }).ToList();
        IReadOnlyList<Cell[]> panel = r.Panel.Select(a => new Cell[] { key.Run, a.Year, a.Actor, a.Wealth, a.Cluster, a.CommitmentNext, a.CommitmentMean }).ToList();
        return new RunRows(summary, series, events) { Panels = detail.Panel ? [panel] : [] };
    }
}
