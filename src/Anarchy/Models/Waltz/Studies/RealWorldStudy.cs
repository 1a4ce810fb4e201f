using System.Globalization;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Starts the model from the international system of a real year (COW states, capabilities and capitals, ATOP
/// defence pacts, the United States as the leader) and compares what it simulates over the following years with the
/// historical record of the same years: defence pacts, militarized disputes, wars and the leader's disputes
/// (experiments/realworld/README.md).
/// </summary>
public sealed class RealWorldStudy(WaltzStudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The starting years.</summary>
    public static IReadOnlyList<int> Years { get; } = [1816, 1913, 1950, 1990, 2010];

    /// <summary>Years simulated and compared from each start, fewer where MID ends first.</summary>
    public const int Horizon = 20;

    /// <summary>The master seed of every year's runs.</summary>
    public const ulong Seed = 1816;

    public override string Name => "realworld";
    public override string Title => "The model against the historical record";
    public override string Question =>
        "Started from the real international system of 1816, 1913, 1950, 1990 and 2010, how close does the model come to the number of defence pacts, militarized disputes, wars and the leader's (United States') disputes observed over the following years, and where does it fall short?";
    public override string QuickDescription => "8 runs per starting year instead of 40.";

    /// <summary>The years compared from <paramref name="year"/>: the start and up to <see cref="Horizon"/> - 1 more, within the dispute data.</summary>
    public static int HorizonOf(int year, ObservedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Math.Min(Horizon, record.DisputeData.LastYear - year + 1);
    }

    /// <summary>The scenario of a starting year.</summary>
    public static Scenario ScenarioOf(int year, ObservedRecord record, bool quick)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RealWorldScenario.Create(year, record.Data) with
        {
            Name = $"realworld-{year}",
            Ticks = HorizonOf(year, record),
            Runs = quick ? 8 : 40,
            Seed = Seed,
        };
    }

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = Load();
        var comparisons = new List<YearComparison>();
        foreach (int year in Years)
        {
            var scenario = ScenarioOf(year, record, context.Quick);
            string folder = ScenarioArm(context, year.ToString(CultureInfo.InvariantCulture), scenario, events: true);
            comparisons.Add(Compare(year, scenario, record, folder));
        }
        Write(context, comparisons);
    }

    private ObservedRecord Load()
    {
        if (!Directory.Exists(Settings.DataFolder))
            throw new StudyException($"--data: folder '{Settings.DataFolder}' not found (run from the repository's top folder, or pass --data)");
        return ObservedRecord.Load(Settings.DataFolder);
    }

    /// <summary>One statistic of one starting year: observed and simulated.</summary>
    public sealed record Statistic(string Name, string Unit, double Observed, MeanInterval Simulated)
    {
        /// <summary>Simulated mean over observed value; NaN when nothing was observed.</summary>
        public double Ratio => Observed == 0 ? double.NaN : Simulated.Mean / Observed;

        /// <summary>Whether the simulated mean lies within a factor of two of the observed value.</summary>
        public bool WithinFactorTwo => Observed > 0 && Ratio >= 0.5 && Ratio <= 2;
    }

    /// <summary>The comparison of one starting year.</summary>
    public sealed record YearComparison(int Year, int Years, int States, int Runs, IReadOnlyList<Statistic> Statistics)
    {
        public Statistic this[string name] => Statistics.Single(s => s.Name == name);
    }

    /// <summary>The statistics of one starting year from its arm's folder (runs, series and events).</summary>
    public static YearComparison Compare(int year, Scenario scenario, ObservedRecord record, string folder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(record);
        int years = scenario.Ticks, last = year + years - 1;
        var observedAlliances = record.Alliances(year, last);
        var observedDisputes = record.Disputes(year, last);
        var runs = ResultTable.Read(folder, "runs.csv");
        var series = ResultTable.Read(folder, "series.csv");
        var all = Enumerable.Range(0, runs.Rows).ToArray();
        MeanInterval PerYear(string column) => MeanInterval.Of(runs.Values(column, all).Select(v => v / years));
        var meanPacts = MeanInterval.Of(PerRun(series, "pacts", values => values.Average()));
        var went = MeanInterval.Of(all.Select(r => (runs["settled"][r] + runs["wars"][r]) / years));
        var statistics = new List<Statistic>
        {
            new("defence pacts, mean over the years", "pacts", observedAlliances.MeanPacts, meanPacts),
            new("defence pacts in the last year", "pacts", observedAlliances.Years[^1].Pacts, MeanInterval.Of(runs.Values("pacts_end", all))),
            new("the leader's pact partners in the last year", "states", observedAlliances.Years[^1].LeaderPartners, MeanInterval.Of(runs.Values("leader_pacts", all))),
            new("states in the system in the last year", "states", observedAlliances.Years[^1].States, MeanInterval.Of(runs.Values("survivors", all))),
            new("disputes per year", "disputes", observedDisputes.DisputesPerYear, PerYear("disputes")),
            new("disputes that went ahead per year (MID: use of force)", "disputes", observedDisputes.UseOfForcePerYear, went),
            new("wars per year", "wars", observedDisputes.WarsPerYear, PerYear("wars")),
            new("the leader's disputes per year", "disputes", observedDisputes.LeaderDisputesPerYear, PerYear("leader_disputes")),
            new("states per dispute", "states", observedDisputes.MeanParticipants ?? double.NaN, MeanInterval.Of(StatesPerDispute(folder))),
        };
        return new YearComparison(year, years, scenario.States, runs.Rows, statistics);
    }

    /// <summary>A value per run from the series: <paramref name="reduce"/> over the run's rows of <paramref name="column"/>.</summary>
    private static double[] PerRun(ResultTable series, string column, Func<IEnumerable<double>, double> reduce)
    {
        var run = series["run"];
        var values = series[column];
        return Enumerable.Range(0, series.Rows).GroupBy(r => run[r]).OrderBy(g => g.Key).Select(g => reduce(g.Select(r => values[r]))).ToArray();
    }

    /// <summary>
    /// Per run, the mean number of states in a dispute: the initiator, the target, every ally that stood (entangled
    /// or aligned) and every opportunistic joiner, each counted once. MID's count is of every state on either side.
    /// </summary>
    private static double[] StatesPerDispute(string folder)
    {
        var events = ResultTable.Read(folder, "events.csv");
        var kind = events.Text("event");
        var outcome = events.Text("outcome");
        var run = events["run"];
        var dispute = events["dispute"];
        var state = events["state"];
        var other = events["other"];
        var members = new Dictionary<(double Run, double Dispute), HashSet<double>>();
        for (int r = 0; r < events.Rows; r++)
        {
            if (dispute[r] < 0) continue;
            var key = (run[r], dispute[r]);
            bool counts = kind[r] switch
            {
                EventKinds.Dispute or EventKinds.Join => true,
                EventKinds.Call => outcome[r] is "entangled" or "aligned",
                _ => false,
            };
            if (!counts) continue;
            if (!members.TryGetValue(key, out var set)) members[key] = set = [];
            set.Add(state[r]);
            if (kind[r] == EventKinds.Dispute) set.Add(other[r]);
        }
        return members.GroupBy(m => m.Key.Run).OrderBy(g => g.Key).Select(g => g.Average(m => (double)m.Value.Count)).ToArray();
    }

    private static void Write(StudyContext context, List<YearComparison> comparisons)
    {
        var report = context.Report;
        report.Heading("Design");
        report.Paragraph("Each starting year's scenario is built from the data in `data/` as `anarchy realworld YEAR` builds it (docs/MODEL.md, \"Real-world initialisation\"): " +
            "the COW system members of the year, NMC capabilities split into wealth and military capability, capitals on the globe, the ATOP defence pacts in force with their ages, the United States as the leader; " +
            "interests, revisionism and all parameters keep the model's defaults. One tick is one year. " +
            $"Each start is simulated for {Horizon} years (2010: to 2014, where MID ends) and compared with the record of the same years. " +
            $"{comparisons[0].Runs} runs per start; simulated values are means over runs with 95% Student-t intervals; observed values are from ATOP v5.1 and MID 5.0 (data/README.md, \"Observed statistics\").");
        report.Paragraph("How the model's counts map onto the record: a simulated *dispute* is any initiated dispute (restrained, deterred, settled or war), a MID any militarized dispute; " +
            "*disputes that went ahead* (settled or war) are set against MIDs that reached the use of force (hostility level 4 or 5); a simulated *war* against MIDs at hostility level 5; " +
            "the leader's disputes count every role the leader plays in the model, and every MID with the United States on either side in the record.");

        report.Heading("Simulated against observed");
        foreach (var c in comparisons)
        {
            report.Heading($"{c.Year}: {c.States} states, {c.Year}-{c.Year + c.Years - 1}", 3);
            report.Table(["statistic", "observed", "simulated", "simulated / observed"],
                c.Statistics.Select(s => (IReadOnlyList<string>)[s.Name, StudyReport.Number(s.Observed, 2), StudyReport.Interval(s.Simulated, 2), StudyReport.Number(s.Ratio, 2)]));
        }
        RatioPlot(context, comparisons);

        report.Heading("Where the model comes close and where it falls short");
        var names = comparisons[0].Statistics.Select(s => s.Name).ToList();
        report.Table(["statistic", "starts within a factor of two", "simulated / observed, range"],
            names.Select(n =>
            {
                var stats = comparisons.Select(c => c[n]).Where(s => s.Observed > 0).ToList();
                string range = stats.Count == 0 ? "n/a" : $"{StudyReport.Number(stats.Min(s => s.Ratio), 2)} to {StudyReport.Number(stats.Max(s => s.Ratio), 2)}";
                return (IReadOnlyList<string>)[n, $"{stats.Count(s => s.WithinFactorTwo)} of {stats.Count}", range];
            }));
        var close = names.Where(n => comparisons.All(c => c[n].Observed == 0 || c[n].WithinFactorTwo)).ToList();
        var far = names.Where(n => comparisons.Count(c => c[n].Observed > 0 && !c[n].WithinFactorTwo) * 2 > comparisons.Count).ToList();
        report.Bullets(
        [
            close.Count == 0 ? "No statistic is within a factor of two of the record for every starting year." : $"Within a factor of two for every starting year whose window has observations: {string.Join("; ", close)}.",
            far.Count == 0 ? "No statistic misses the record by more than a factor of two for most starting years." : $"More than a factor of two away for most starting years: {string.Join("; ", far)}.",
            "The model's system is closed: no state enters it after the start, while COW's membership grew after 1816, 1913 and 1950 (decolonisation) and after 1990 (the Soviet Union's successors); compare the states in the last year.",
            "Interests and revisionism are drawn at random rather than measured, so who disputes with whom is not the historical pattern; only the counts can be compared, not the dyads.",
            "The pacts at the start are the observed ones by construction; how they change over the following years is the model's.",
        ]);
    }

    private static void RatioPlot(StudyContext context, List<YearComparison> comparisons)
    {
        var names = comparisons[0].Statistics.Select(s => s.Name).ToList();
        var series = comparisons.Select(c => new BarSeries(c.Year.ToString(CultureInfo.InvariantCulture),
            names.Select(n => c[n].Ratio).ToArray(),
            names.Select(n => c[n].Observed > 0 ? c[n].Simulated.Lower / c[n].Observed : double.NaN).ToArray(),
            names.Select(n => c[n].Observed > 0 ? c[n].Simulated.Upper / c[n].Observed : double.NaN).ToArray())).ToList();
        string path = ReportPlots.GroupedBars(context.Folder, "simulated-over-observed.png", "Simulated over observed, by starting year",
            ["1 means the model matches the record; whiskers: the simulated mean's 95% interval over the observed value.", "A missing bar: nothing observed in that window."],
            "statistic", "simulated / observed",
            names.Select(Short).ToArray(), series);
        context.Report.Image(Path.GetFileName(path), "Simulated mean over observed value for each statistic and starting year.");
    }

    private static string Short(string name) => name switch
    {
        "defence pacts, mean over the years" => "pacts\n(mean)",
        "defence pacts in the last year" => "pacts\n(last year)",
        "the leader's pact partners in the last year" => "leader's\npartners",
        "states in the system in the last year" => "states\n(last year)",
        "disputes per year" => "disputes\nper year",
        "disputes that went ahead per year (MID: use of force)" => "use of force\nper year",
        "wars per year" => "wars\nper year",
        "the leader's disputes per year" => "leader's\ndisputes",
        _ => "states per\ndispute",
    };
}
