using System.Globalization;
using Anarchy.Engine;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Tribute.Studies;

/// <summary>
/// Axelrod's findings with the tribute model (experiments/tribute/README.md): do clusters of committed actors emerge
/// and act as new political actors, and do hegemons rise and fall? Arms: Axelrod's settings over many runs (with
/// series), a few histories with every actor-year and demand, each alternative rule against Axelrod's, and a Saltelli
/// sweep of the main parameters with Sobol indices.
/// </summary>
public sealed class TributeStudy : ResearchStudy
{
    /// <summary>The family-wise error rate of the rule comparisons.</summary>
    public const double Level = 0.05;

    /// <summary>The share of all wealth above which the richest actor counts as a hegemon.</summary>
    public const double HegemonShare = 0.5;

    /// <summary>The master seed of every arm.</summary>
    public const ulong Seed = 20261208;

    public const string Axelrod = "axelrod";
    public const string Histories = "histories";
    public const string Sensitivity = "sensitivity";

    /// <summary>The alternative rules: arm name, parameter, value, and what it changes.</summary>
    public static IReadOnlyList<(string Arm, string Parameter, int Value, string Meaning)> Variants { get; } =
    [
        ("demand-vulnerability", "demandRule", 1, "demand from the most vulnerable target"),
        ("demand-richest", "demandRule", 2, "demand from the richest vulnerable target"),
        ("response-side", "responseRule", 1, "pay when fighting would cost the whole defending side at least the payment"),
    ];

    /// <summary>An outcome of runs.csv compared between rules.</summary>
    public sealed record Outcome(string Name, string Column, int Digits, string Meaning);

    public static IReadOnlyList<Outcome> Outcomes { get; } =
    [
        new("fights", "fights", 0, "demands fought in 1000 years"),
        new("payments", "payments", 0, "demands paid"),
        new("largest cluster", "largest_cluster", 2, "actors in the largest cluster at the end"),
        new("clusters", "clusters", 2, "clusters at the end"),
        new("richest share", "richest_share", 3, "the richest actor's share of all wealth at the end"),
        new("leader changes", "leader_changes", 1, "years in which the richest actor changed"),
        new("final wealth", "final_wealth", 0, "total wealth at the end"),
    ];

    /// <summary>The outputs of the sensitivity sweep.</summary>
    public static IReadOnlyList<string> SweepOutputs { get; } = ["fights", "largest_cluster", "richest_share", "leader_changes"];

    public override string Name => "tribute";

    public override string Title => "Tribute: do new political actors emerge, and do hegemons rise and fall?";

    public override string Question =>
        "Axelrod's tribute model lets ten actors on a ring demand tribute, pay or fight, and grow committed to those they pay, are paid by, or fight beside. " +
        "Axelrod reported that clusters of committed actors emerge and behave like new political actors, and that hegemons rise and fall. " +
        "Do the rules as written reproduce that over many runs, which rules and parameters decide it, and how robust is it?";

    public override string QuickDescription => "80 runs per arm instead of 400, 5 histories instead of 20, and 16 base samples in the sweep instead of 128.";

    public override IReadOnlyList<string> References { get; } =
    [
        "Axelrod, Robert. 1995. \"A Building-Block Model of Political Change.\" Reprinted in *The Complexity of Cooperation* (1997), ch. 6. Princeton: Princeton University Press.",
        "Saltelli, Andrea, et al. 2010. \"Variance Based Sensitivity Analysis of Model Output.\" *Computer Physics Communications* 181 (2): 259-270.",
        "Jansen, Michiel J. W. 1999. \"Analysis of Variance Designs for Model Output.\" *Computer Physics Communications* 117 (1-2): 35-43.",
    ];

    /// <summary>Runs per arm of Axelrod's settings and of each rule, full or quick.</summary>
    public static int RunsPerArm(bool quick) => quick ? 80 : 400;

    /// <summary>Runs whose every actor-year and demand are kept.</summary>
    public static int HistoryRuns(bool quick) => quick ? 5 : 20;

    /// <summary>Base samples of the Saltelli design.</summary>
    public static int BaseSamples(bool quick) => quick ? 16 : 128;

    /// <summary>Replicates per point of the sensitivity sweep: enough that replicate noise is a small share of the variance
    /// of the point means for most outputs (the report gives each output's share).</summary>
    public const int SweepReplicates = 30;

    /// <summary>Factors of the sensitivity sweep, with their ranges.</summary>
    public static IReadOnlyList<(string Name, double Min, double Max)> Factors { get; } =
    [
        ("demand", 100, 400),
        ("destructiveness", 0.05, 0.5),
        ("income", 5, 40),
        ("activations", 1, 6),
        ("commitmentStep", 5, 25),
    ];

    /// <summary>The sensitivity sweep's file (experiments/tribute/sensitivity.json holds the full one).</summary>
    public static string SweepText(bool quick) =>
        "{\n" +
        "  \"model\": \"tribute\",\n" +
        "  \"name\": \"tribute-sensitivity\",\n" +
        "  \"description\": \"Variance-based sensitivity of fights, clusters and hegemony to the tribute model's main parameters (Saltelli design).\",\n" +
        "  \"scenario\": { \"actors\": 10, \"years\": 1000, \"runs\": 1 },\n" +
        "  \"factors\": [\n" +
        string.Join(",\n", Factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{f.Name}\", \"min\": {f.Min}, \"max\": {f.Max} }}"))) + "\n" +
        "  ],\n" +
        $"  \"design\": {{ \"type\": \"saltelli\", \"samples\": {BaseSamples(quick)} }},\n" +
        $"  \"replicates\": {SweepReplicates},\n" +
        $"  \"seed\": {Seed},\n" +
        $"  \"outputs\": [{string.Join(", ", SweepOutputs.Select(o => $"\"{o}\""))}]\n" +
        "}\n";

    public override long? PlannedRuns(bool quick) =>
        (long)RunsPerArm(quick) * (1 + Variants.Count) + HistoryRuns(quick) + (long)BaseSamples(quick) * (Factors.Count + 2) * SweepReplicates;

    /// <summary>The scenario of a plain arm: Axelrod's settings, or one rule changed.</summary>
    public static TributeScenario Scenario(string arm, bool quick)
    {
        ArgumentNullException.ThrowIfNull(arm);
        var scenario = new TributeScenario { Name = $"tribute-{arm}", Runs = RunsPerArm(quick), Seed = Seed, Description = "Axelrod's settings" };
        if (arm == Histories) return scenario with { Runs = HistoryRuns(quick), Description = "Axelrod's settings, every actor-year and demand kept" };
        if (arm == Axelrod) return scenario;
        var variant = Variants.Single(v => v.Arm == arm);
        return TributeScenarioReader.Format.WithParameters(scenario with { Description = $"Axelrod's settings with {variant.Parameter} {variant.Value}: {variant.Meaning}" },
            [variant.Parameter], [variant.Value]);
    }

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool quick = context.Quick;
        string axelrodFolder = RunArm(context, Axelrod, new RunDetail(Series: true, Events: false));
        var runs = ResultTable.Read(axelrodFolder, "runs.csv");
        var series = ResultTable.Read(axelrodFolder, "series.csv");
        string historyFolder = RunArm(context, Histories, new RunDetail(Series: true, Events: true, Panel: true));
        var variants = Variants.ToDictionary(v => v.Arm, v => ResultTable.Read(RunArm(context, v.Arm, new RunDetail(false, false)), "runs.csv"), StringComparer.Ordinal);
        var sweep = ModelSweepReader.Parse(TributeDefinition.Instance, SweepText(quick), context.Folder, "sensitivity.json");
        string sweepFolder = context.Sweep(Sensitivity, ModelSweepReader.Job(sweep, SweepText(quick), context.ArmFolder(Sensitivity), EngineKind.Reference));

        var report = context.Report;
        report.Heading("Design");
        report.Paragraph($"Axelrod's settings (10 actors on a ring, initial wealth uniform in [300, 500], income 20 a year, 3 activations a year, demand 250, destructiveness 0.25, commitment steps of 10, 1000 years; docs/TRIBUTE.md). " +
            $"Arm `{Axelrod}`: {runs.Rows} runs with their yearly series. Arm `{Histories}`: {HistoryRuns(quick)} runs with every actor-year (`panel_actors`) and every demand (`events`). " +
            $"One arm per alternative rule ({string.Join("; ", Variants.Select(v => $"`{v.Arm}`: {v.Meaning}"))}), {RunsPerArm(quick)} runs each on the same seeds as `{Axelrod}`. " +
            $"A Saltelli sweep (`{Sensitivity}`) of {string.Join(", ", Factors.Select(f => $"{f.Name} in [{StudyReport.Number(f.Min, f.Min % 1 == 0 ? 0 : 2)}, {StudyReport.Number(f.Max, f.Max % 1 == 0 ? 0 : 2)}]"))}: " +
            $"{BaseSamples(quick)} base samples, {sweep.Points().Length} points, {sweep.Replicates} replicates each. " +
            $"A *cluster* is a run of two or more neighbours on the ring every pair of which is committed to each other at least 50% (clusterThreshold; docs/TRIBUTE.md); a *hegemon* is an actor holding more than {StudyReport.Number(100 * HegemonShare, 0)}% of all wealth at a year's end.");

        Clusters(context, runs, series, historyFolder);
        Hegemons(context, runs, series, historyFolder);
        Rules(context, runs, variants);
        Sobol(context, sweepFolder);
        report.Heading("What Anarchy adds");
        report.Bullets(
        [
            "Many runs with intervals: Axelrod's chapter reports a handful of 1000-year histories; here each finding is a share of hundreds of runs with a 95% interval, and every run can be replayed from its seed (`anarchy view` draws one year by year).",
            "Every rule variant as a switch on the same seeds, compared with Welch tests adjusted for the whole family, instead of one variant at a time.",
            "A variance-based sensitivity analysis (Sobol indices with bootstrap intervals) of the main parameters, which the original program had no way to run.",
            "Tables that open in pandas, R and DuckDB (CSV and Parquet, with a manifest of every column), actor-years for panel models, and resumable, shardable sweeps for clusters.",
        ]);
    }

    private string RunArm(StudyContext context, string arm, RunDetail detail) =>
        RunArm(context, arm, TributeDefinition.Instance, Scenario(arm, context.Quick), detail);

    /// <summary>Clusters emerge, and their members fight on the same side.</summary>
    private static void Clusters(StudyContext context, ResultTable runs, ResultTable series, string historyFolder)
    {
        var report = context.Report;
        report.Heading("Clusters emerge and act as new actors");
        var largest = runs["largest_cluster"];
        var withThree = Proportion.Wilson(largest.Count(x => x >= 3), largest.Length);
        var (inCluster, other) = Cohesion(historyFolder);
        report.Paragraph($"At year 1000, {StudyReport.Percent(withThree)} of runs hold a cluster of three or more actors; the largest cluster has {StudyReport.Interval(MeanInterval.Of(largest))} actors on average " +
            $"and holds {StudyReport.Interval(MeanInterval.Of(runs["largest_cluster_share"]))} of all wealth; runs end with {StudyReport.Interval(MeanInterval.Of(runs["clusters"]))} clusters. " +
            $"Clusters act together: in the {HistoryRuns(context.Quick)} histories, of the {inCluster.Pairs} times two members of the same cluster (as it stood at the end of the year before) were drawn into the same fight, " +
            $"{StudyReport.Percent(inCluster.Share)} fought on the same side, against {StudyReport.Percent(other.Share)} of the {other.Pairs} other pairs of actors in a fight. " +
            "Members of one cluster can still meet on opposite sides: nothing in the rules keeps an actor from demanding tribute within its cluster.");
        var sizes = Enumerable.Range(0, 11).ToArray();
        ReportPlots.GroupedBars(context.Folder, "tribute-cluster-sizes.png", "Size of the largest cluster at year 1000",
            [string.Create(CultureInfo.InvariantCulture, $"Share of {runs.Rows} runs at Axelrod's settings; 0: no cluster. A cluster: neighbours all committed to each other at least 50%.")],
            "actors in the largest cluster", "share of runs", sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [new BarSeries("runs", sizes.Select(s => (double)largest.Count(x => x == s) / largest.Length).ToArray())]);
        report.Image("tribute-cluster-sizes.png", "Distribution over runs of the largest cluster's size at year 1000.");
        var (years, cluster) = ByYear(series, "largest_cluster");
        var (_, commitment) = ByYear(series, "mean_commitment");
        ReportPlots.Lines(context.Folder, "tribute-clusters-over-time.png", "Clusters and commitment over 1000 years",
            [string.Create(CultureInfo.InvariantCulture, $"Mean over {runs.Rows} runs with 95% bands; commitment in tens of percent to share the axis.")],
            "year", "actors / tens of percent",
            [
                new("largest cluster (actors)", years, cluster.Select(m => m.Mean).ToArray(), cluster.Select(m => m.Lower).ToArray(), cluster.Select(m => m.Upper).ToArray()),
                new("mean commitment (tens of %)", years, commitment.Select(m => m.Mean / 10).ToArray(), commitment.Select(m => m.Lower / 10).ToArray(), commitment.Select(m => m.Upper / 10).ToArray()),
            ]);
        report.Image("tribute-clusters-over-time.png", "The largest cluster's size and the mean commitment by year, averaged over runs.");
        var panel = ResultTable.Read(historyFolder, "panel_actors.csv");
        for (int run = 0; run < 3; run++) HistoryPlot(context, panel, run, "wealth", "Wealth of each actor", "wealth",
            $"Wealth of each of the ten actors over 1000 years in history {run}.");
        HistoryPlot(context, panel, 0, "commitment_next", "Commitment of each actor to its clockwise neighbour", "commitment (percent)",
            "Commitment between neighbours over 1000 years in history 0: the pairs that reach and keep high commitment are the clusters' links.");
    }

    /// <summary>How often two actors drawn into the same fight were on the same side.</summary>
    /// <param name="SameSide">Pairs on the same side.</param>
    /// <param name="Pairs">Pairs in all.</param>
    public readonly record struct SideCount(int SameSide, int Pairs)
    {
        public Proportion Share => Proportion.Wilson(SameSide, Pairs);
    }

    /// <summary>
    /// From the histories' demands and actor-years: of the pairs of actors drawn into the same fight, those of one
    /// cluster (at the end of the year before) and the others, how many were on the same side.
    /// </summary>
    public static (SideCount Cluster, SideCount Other) Cohesion(string historyFolder)
    {
        var events = ResultTable.Read(historyFolder, "events.csv");
        var panel = ResultTable.Read(historyFolder, "panel_actors.csv");
        var cluster = new Dictionary<(long Run, long Year, long Actor), long>();
        double[] pr = panel["run"], py = panel["year"], pa = panel["actor"], pc = panel["cluster"];
        for (int r = 0; r < panel.Rows; r++) cluster[((long)pr[r], (long)py[r], (long)pa[r])] = double.IsNaN(pc[r]) ? -1 : (long)pc[r];
        double[] er = events["run"], ey = events["year"];
        var outcome = events.Text("outcome");
        var sideA = events.Text("side_a");
        var sideB = events.Text("side_b");
        int[] same = new int[2], pairs = new int[2];
        for (int e = 0; e < events.Rows; e++)
        {
            if (outcome[e] != "fought") continue;
            var members = Side(sideA[e], 0).Concat(Side(sideB[e], 1)).ToArray();
            for (int x = 0; x < members.Length; x++)
            {
                for (int y = x + 1; y < members.Length; y++)
                {
                    long cx = cluster[((long)er[e], (long)ey[e] - 1, members[x].Actor)], cy = cluster[((long)er[e], (long)ey[e] - 1, members[y].Actor)];
                    int kind = cx >= 0 && cx == cy ? 0 : 1;
                    pairs[kind]++;
                    if (members[x].Side == members[y].Side) same[kind]++;
                }
            }
        }
        return (new SideCount(same[0], pairs[0]), new SideCount(same[1], pairs[1]));
    }

    private static IEnumerable<(long Actor, int Side)> Side(string text, int side) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => (long.Parse(a, CultureInfo.InvariantCulture), side));

    /// <summary>One panel column of each actor over the years of one history.</summary>
    private static void HistoryPlot(StudyContext context, ResultTable panel, int run, string column, string title, string yLabel, string caption)
    {
        var rows = panel.Where(r => panel["run"][r] == run);
        double[] year = panel.Values("year", rows), actor = panel.Values("actor", rows), value = panel.Values(column, rows);
        int actors = (int)actor.Max() + 1;
        var lines = Enumerable.Range(0, actors).Select(a =>
        {
            var mine = Enumerable.Range(0, year.Length).Where(i => actor[i] == a).ToArray();
            string label = column == "commitment_next" ? $"actor {a} to {(a + 1) % actors}" : $"actor {a}";
            return new LineSeries(label, mine.Select(i => year[i]).ToArray(), mine.Select(i => value[i]).ToArray());
        }).ToList();
        string file = $"tribute-{column.Replace('_', '-')}-{run}.png";
        ReportPlots.Lines(context.Folder, file, $"{title}, history {run}",
            ["One run at Axelrod's settings (arm histories); the panel_actors table holds every actor-year."],
            "year", yLabel, lines);
        context.Report.Image(file, caption);
    }

    /// <summary>Hegemons: an actor above half of all wealth, and whether it stays there.</summary>
    private static void Hegemons(StudyContext context, ResultTable runs, ResultTable series, string historyFolder)
    {
        var report = context.Report;
        report.Heading("Hegemons rise and fall");
        var peak = runs["peak_richest_share"];
        var end = runs["richest_share"];
        int rose = peak.Count(p => p > HegemonShare);
        int fell = peak.Select((p, i) => p > HegemonShare && end[i] <= HegemonShare).Count(x => x);
        report.Paragraph($"In {StudyReport.Percent(Proportion.Wilson(rose, peak.Length))} of runs an actor held more than half of all wealth at some year's end; " +
            $"of those runs, {StudyReport.Percent(Proportion.Wilson(fell, rose))} ended with no actor above half. The richest actor changed in {StudyReport.Interval(MeanInterval.Of(runs["leader_changes"]), 1)} years of a run " +
            $"({StudyReport.Percent(Proportion.Wilson(runs["leader_changes"].Count(c => c > 0), runs.Rows))} of runs saw at least one change); the richest actor ends with {StudyReport.Interval(MeanInterval.Of(end), 3)} of all wealth, against a peak of {StudyReport.Interval(MeanInterval.Of(peak), 3)}.");
        var historySeries = ResultTable.Read(historyFolder, "series.csv");
        var lines = new List<LineSeries>();
        for (int run = 0; run < 4 && run < HistoryRuns(context.Quick); run++)
        {
            var rows = historySeries.Where(r => historySeries["run"][r] == run);
            lines.Add(new LineSeries($"history {run}", historySeries.Values("year", rows), historySeries.Values("richest_share", rows)));
        }
        var (years, share) = ByYear(series, "richest_share");
        lines.Add(new LineSeries($"mean of {runs.Rows} runs", years, share.Select(m => m.Mean).ToArray(), share.Select(m => m.Lower).ToArray(), share.Select(m => m.Upper).ToArray()));
        ReportPlots.Lines(context.Folder, "tribute-hegemony.png", "The richest actor's share of all wealth",
            ["Four histories and the mean over runs with its 95% band; above 0.5 the richest actor is a hegemon."], "year", "share of wealth", lines);
        report.Image("tribute-hegemony.png", "The richest actor's share of wealth by year: hegemons rise and fall.");
        var bins = Enumerable.Range(0, 10).ToArray();
        ReportPlots.GroupedBars(context.Folder, "tribute-richest-share.png", "The richest actor's share of wealth",
            [string.Create(CultureInfo.InvariantCulture, $"Share of {runs.Rows} runs by tenth of wealth held: at the peak year and at year 1000.")],
            "richest actor's share of all wealth", "share of runs", bins.Select(b => $"{b / 10.0:0.0}-{(b + 1) / 10.0:0.0}").ToArray(),
            [
                new BarSeries("peak", bins.Select(b => Bin(peak, b)).ToArray()),
                new BarSeries("year 1000", bins.Select(b => Bin(end, b)).ToArray()),
            ]);
        report.Image("tribute-richest-share.png", "Distribution over runs of the richest actor's share at its peak and at the end.");
    }

    private static double Bin(double[] values, int tenth) =>
        (double)values.Count(v => Math.Min(9, (int)Math.Floor(v * 10)) == tenth) / values.Length;

    /// <summary>Each rule against Axelrod's on every outcome: Welch tests, Holm-adjusted over the family.</summary>
    private static void Rules(StudyContext context, ResultTable axelrod, Dictionary<string, ResultTable> variants)
    {
        var report = context.Report;
        report.Heading("Which rules matter");
        var tests = new List<TTest>();
        foreach (var v in Variants)
        {
            foreach (var o in Outcomes) tests.Add(TTest.Welch(variants[v.Arm][o.Column], axelrod[o.Column]));
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.Holm);
        report.Table(["arm", .. Outcomes.Select(o => o.Name)],
            [
                [Axelrod, .. Outcomes.Select(o => StudyReport.Interval(MeanInterval.Of(axelrod[o.Column]), o.Digits))],
                .. Variants.Select((v, a) => (IReadOnlyList<string>)[v.Arm, .. Outcomes.Select((o, k) =>
                {
                    var test = adjusted[a * Outcomes.Count + k];
                    string cell = $"{StudyReport.Interval(MeanInterval.Of(variants[v.Arm][o.Column]), o.Digits)}, p {StudyReport.P(test.AdjustedP)}";
                    return test.IsSignificant(Level) ? $"**{cell}**" : cell;
                })]),
            ]);
        report.Paragraph($"Means with 95% Student-t intervals; for each alternative rule the Welch test against `{Axelrod}` with the p-value adjusted by Holm's procedure over all {tests.Count} comparisons, **bold** below {StudyReport.Number(Level)}. " +
            string.Join(" ", Outcomes.Select(o => $"*{o.Name}*: {o.Meaning}.")));
    }

    /// <summary>The Sobol indices of the sweep, a plot per output and a table.</summary>
    private static void Sobol(StudyContext context, string sweepFolder)
    {
        var report = context.Report;
        report.Heading("Which parameters matter");
        var sensitivity = ResultTable.Read(sweepFolder, "sensitivity.csv");
        var outputs = sensitivity.Text("output");
        var factors = sensitivity.Text("factor");
        var points = ResultTable.Read(sweepFolder, "points.csv");
        report.Table(["output", .. Factors.Select(f => f.Name), "replicate noise"],
            SweepOutputs.Select(output => (IReadOnlyList<string>)[output, .. Factors.Select(f =>
            {
                int row = Enumerable.Range(0, sensitivity.Rows).Single(r => outputs[r] == output && factors[r] == f.Name);
                return $"{StudyReport.Number(sensitivity["first_order"][row])} / {StudyReport.Number(sensitivity["total"][row])}";
            }), StudyReport.Number(100 * NoiseShare(points, output), 0) + "%"]));
        report.Paragraph("Each cell: the first-order Sobol index (the share of the output's variance over the design that the factor explains alone; Saltelli 2010) and the total index (with its interactions; Jansen 1999) of the per-point mean. " +
            "Bootstrap 95% intervals are in the arm's sensitivity.csv and the plots. *Replicate noise*: the share of the variance of the point means that the runs' own randomness makes (the mean within-point variance over the replicates, against the variance of the means); " +
            "noise lowers the first-order indices and raises the total ones, so an output with a large share is read with care. " +
            "Where every first-order index is near 0 and the total ones are large, no parameter decides the output alone: it depends on combinations of them.");
        var plots = StudyPlots.Sensitivity(TributeDefinition.Instance, SweepResults.Read(sweepFolder), SweepOutputs, context.Folder);
        foreach (string plot in plots) report.Image(Path.GetFileName(plot), $"Sobol indices of {Path.GetFileNameWithoutExtension(plot)["sensitivity-".Length..]} with bootstrap 95% intervals.");
    }

    /// <summary>The share of the variance of an output's point means that replicate noise accounts for.</summary>
    public static double NoiseShare(ResultTable points, string output)
    {
        ArgumentNullException.ThrowIfNull(points);
        double[] means = points[output + "_mean"], sd = points[output + "_sd"], replicates = points["replicates"];
        double noise = Enumerable.Range(0, means.Length).Average(p => sd[p] * sd[p] / replicates[p]);
        double mean = means.Average();
        double spread = means.Average(m => (m - mean) * (m - mean));
        return spread > 0 ? noise / spread : double.NaN;
    }

    /// <summary>The mean of a series column over runs, year by year, with 95% intervals.</summary>
    private static (double[] Years, MeanInterval[] Means) ByYear(ResultTable series, string column)
    {
        double[] year = series["year"], value = series[column];
        var groups = Enumerable.Range(0, series.Rows).GroupBy(r => year[r]).OrderBy(g => g.Key).ToList();
        return (groups.Select(g => g.Key).ToArray(), groups.Select(g => MeanInterval.Of(g.Select(r => value[r]))).ToArray());
    }
}
