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
        var folders = new List<string>();
        foreach (int year in Years)
        {
            var scenario = ScenarioOf(year, record, context.Quick);
            string folder = ScenarioArm(context, year.ToString(CultureInfo.InvariantCulture), scenario, events: true);
            comparisons.Add(Compare(year, scenario, record, folder));
            folders.Add(folder);
        }
        Write(context, comparisons);
        WriteWarsAndCalls(context, record, folders);
    }

    private ObservedRecord Load() => ObservedRecord.Load(Settings.DataFolder);

    /// <summary>The data folder and every file the study reads from it.</summary>
    public override IEnumerable<string> CheckInputs()
    {
        string folder = Settings.DataFolder;
        if (!Directory.Exists(folder))
        {
            yield return $"--data: folder '{folder}' not found (run from the repository's top folder, or pass --data)";
            yield break;
        }
        string[] files =
        [
            RealWorldData.StatesFile, RealWorldData.CapitalsFile, RealWorldData.CapabilitiesFile, RealWorldData.DefencePactsFile,
            MilitarizedDisputes.DisputesFile, MilitarizedDisputes.ParticipantsFile,
        ];
        var missing = files.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        foreach (string file in missing)
            yield return $"--data: '{Path.Combine(folder, file)}' not found (the folder must hold the COW, ATOP and MID extracts of the repository's data/)";
        if (missing.Count == 0 && Unreadable(folder) is { } problem) yield return problem;
    }

    /// <summary>Why the data in <paramref name="folder"/> cannot be read, or null when it can.</summary>
    private static string? Unreadable(string folder)
    {
        try
        {
            ObservedRecord.Load(folder);
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"--data: {e.Message}";
        }
    }

    private const string StatesName = "states in the system in the last year";

    /// <summary>One statistic of one starting year: observed and simulated.</summary>
    public sealed record Statistic(string Name, string Unit, double Observed, MeanInterval Simulated)
    {
        /// <summary>Simulated mean over observed value; NaN when nothing was observed.</summary>
        public double Ratio => Observed == 0 ? double.NaN : Simulated.Mean / Observed;

        /// <summary>Whether the simulated mean lies within a factor of two of the observed value.</summary>
        public bool WithinFactorTwo => Observed > 0 && Ratio >= 0.5 && Ratio <= 2;

        /// <summary>Nothing observed, and the simulated mean's interval excludes 0: the model disagrees with the record.</summary>
        public bool MissesAnObservedZero => Observed == 0 && Simulated.Lower > 0;
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
            new(StatesName, "states", observedAlliances.Years[^1].States, MeanInterval.Of(runs.Values("survivors", all))),
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
            "the leader's disputes count every role the leader plays in the model, and every MID with the United States on either side in the record; " +
            "*states per dispute* counts the initiator, the target, every ally that stood and every joiner in the model, and every state on either side of a MID in the record.");

        report.Heading("Simulated against observed");
        foreach (var c in comparisons)
        {
            report.Heading($"{c.Year}: {c.States} states, {c.Year}-{c.Year + c.Years - 1}", 3);
            report.Table(["statistic", "observed", "simulated", "simulated / observed"],
                c.Statistics.Select(s => (IReadOnlyList<string>)[s.Name, StudyReport.Number(s.Observed, 2), StudyReport.CountInterval(s.Simulated, 2), StudyReport.Number(s.Ratio, 2)]));
        }
        RatioPlot(context, comparisons);

        report.Heading("Where the model comes close and where it falls short");
        var names = comparisons[0].Statistics.Select(s => s.Name).ToList();
        report.Table(["statistic", "starts within a factor of two (of those with an observed value)", "simulated / observed, range", "starts where the record has 0 and the model clearly not"],
            names.Select(n =>
            {
                var stats = comparisons.Select(c => c[n]).Where(s => s.Observed > 0).ToList();
                string range = stats.Count == 0 ? "n/a" : $"{StudyReport.Number(stats.Min(s => s.Ratio), 2)} to {StudyReport.Number(stats.Max(s => s.Ratio), 2)}";
                int zeros = comparisons.Count(c => c[n].MissesAnObservedZero);
                return (IReadOnlyList<string>)[n, $"{stats.Count(s => s.WithinFactorTwo)} of {stats.Count}", range, zeros.ToString(CultureInfo.InvariantCulture)];
            }));
        // The number of states is fixed by the model's closed system, not a result; it is discussed below instead.
        var results = names.Where(n => n != StatesName).ToList();
        bool Miss(Statistic s) => s.MissesAnObservedZero || (s.Observed > 0 && !s.WithinFactorTwo);
        var close = results.Where(n => comparisons.Any(c => c[n].Observed > 0) && comparisons.All(c => c[n].WithinFactorTwo || (c[n].Observed == 0 && !c[n].MissesAnObservedZero))).ToList();
        var far = results.Where(n => comparisons.Count(c => Miss(c[n])) * 2 > comparisons.Count).ToList();
        report.Bullets(
        [
            close.Count == 0 ? "No statistic is within a factor of two of the record for every starting year." : $"Within a factor of two for every starting year (where the record has 0, the model's interval includes 0): {string.Join("; ", close)}.",
            far.Count == 0 ? "No statistic misses the record by more than a factor of two for most starting years." : $"More than a factor of two away for most starting years: {string.Join("; ", far)}.",
            "The model's system is closed: no state enters it after the start, while COW's membership grew after 1816, 1913 and 1950 (decolonisation) and after 1990 (the Soviet Union's successors); the states in the last year are the starting states less any that died, so that row measures the record's growth, not the model.",
            "Interests and revisionism are drawn at random rather than measured, so who disputes with whom is not the historical pattern; only the counts can be compared, not the dyads.",
            "The pacts at the start are the observed ones by construction; how they change over the following years is the model's.",
        ]);
    }

    /// <summary>Leeds, Long and Mitchell (2000): the share of alliance commitments honoured when invoked, 1816-1944.</summary>
    public const double ObservedReliability = 0.745;

    /// <summary>The number of states in each war of an arm (both sides at the war's end, or after the last tick), per run.</summary>
    public static IReadOnlyList<int[]> StatesPerWar(string folder)
    {
        var events = ResultTable.Read(folder, "events.csv");
        var kind = events.Text("event");
        var sideA = events.Text("side_a");
        var sideB = events.Text("side_b");
        var run = events["run"];
        return Enumerable.Range(0, events.Rows)
            .Where(r => kind[r] is EventKinds.WarEnd or EventKinds.WarOngoing)
            .GroupBy(r => run[r])
            .OrderBy(g => g.Key)
            .Select(g => g.Select(r => Count(sideA[r]) + Count(sideB[r])).ToArray())
            .ToList();
    }

    /// <summary>The number of states in each MID war (hostility level 5) that started in the data's years.</summary>
    public static int[] ObservedStatesPerWar(ObservedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.DisputeData.Disputes.Where(d => d.HostilityLevel == MilitarizedDispute.War).Select(d => d.Participants.Select(p => p.Ccode).Distinct().Count()).ToArray();
    }

    private static int Count(string side) => side.Length == 0 ? 0 : side.Count(c => c == ';') + 1;

    /// <summary>Shares of wars with 2, 3-4, 5-9 and 10 or more states.</summary>
    private static double[] SizeShares(int[] sizes) =>
        sizes.Length == 0 ? [double.NaN, double.NaN, double.NaN, double.NaN] :
        [
            (double)sizes.Count(n => n <= 2) / sizes.Length,
            (double)sizes.Count(n => n is >= 3 and <= 4) / sizes.Length,
            (double)sizes.Count(n => n is >= 5 and <= 9) / sizes.Length,
            (double)sizes.Count(n => n >= 10) / sizes.Length,
        ];

    private static void WriteWarsAndCalls(StudyContext context, ObservedRecord record, List<string> folders)
    {
        var report = context.Report;
        report.Heading("War size and alliance reliability");
        var observed = ObservedStatesPerWar(record);
        report.Paragraph($"War size as the number of states in a war: in the model both sides of each war at its end (or after the last tick); in the record every state in a MID that reached hostility level 5, {record.DisputeData.FirstYear}-{record.DisputeData.LastYear} ({observed.Length} wars). " +
            "Simulated means per start: the mean over runs of each run's mean war size, with a 95% t interval; shares pool the wars of all runs. " +
            $"Alliance reliability: the share of calls to allies that were honoured (entangled or aligned), with a delta-method interval over runs, against the {StudyReport.Number(100 * ObservedReliability, 1)}% of invoked alliance commitments that Leeds, Long and Mitchell (2000) found honoured in 1816-1944.");
        var twoStates = new List<double>();
        var reliabilities = new List<MeanInterval>();
        var sizes = new List<MeanInterval>();
        var rows = new List<IReadOnlyList<string>>
        {
            Row("record (MID wars)", observed.Length, StudyReport.Number(observed.Length == 0 ? double.NaN : observed.Average(), 2), SizeShares(observed), StudyReport.Number(100 * ObservedReliability, 1) + "%"),
        };
        for (int i = 0; i < folders.Count; i++)
        {
            var wars = StatesPerWar(folders[i]);
            var pooled = wars.SelectMany(w => w).ToArray();
            var mean = MeanInterval.Of(wars.Where(w => w.Length > 0).Select(w => w.Average()));
            var runs = ResultTable.Read(folders[i], "runs.csv");
            var all = Enumerable.Range(0, runs.Rows).ToArray();
            var honoured = MeanInterval.Ratio(runs.Values("honoured", all), runs.Values("calls", all));
            string reliability = double.IsNaN(honoured.Mean) ? "n/a" : $"{StudyReport.Number(100 * honoured.Mean, 1)}% [{StudyReport.Number(100 * honoured.Lower, 1)}, {StudyReport.Number(100 * honoured.Upper, 1)}]";
            rows.Add(Row($"model, from {Years[i]}", pooled.Length, StudyReport.CountInterval(mean, 2), SizeShares(pooled), reliability));
            twoStates.Add(SizeShares(pooled)[0]);
            reliabilities.Add(honoured);
            sizes.Add(mean);
        }
        report.Table(["", "wars", "states per war", "2 states", "3-4", "5-9", "10 or more", "calls honoured"], rows);
        if (observed.Length == 0) return;
        double observedMean = observed.Average(), observedTwo = SizeShares(observed)[0];
        // A start without wars has no war size: it is left out of the comparisons.
        twoStates = twoStates.Where(t => !double.IsNaN(t)).ToList();
        sizes = sizes.Where(m => !double.IsNaN(m.Mean)).ToList();
        reliabilities = reliabilities.Where(r => !double.IsNaN(r.Mean)).ToList();
        if (twoStates.Count == 0 || sizes.Count == 0 || reliabilities.Count == 0) return;
        int covering = sizes.Count(m => m.Lower <= observedMean && observedMean <= m.Upper);
        report.Bullets(
        [
            $"Mean war size: the record's {StudyReport.Number(observedMean, 2)} states per war lies inside the model's 95% interval for {covering} of {sizes.Count} starts (model means {StudyReport.Number(sizes.Min(m => m.Mean), 2)} to {StudyReport.Number(sizes.Max(m => m.Mean), 2)}).",
            $"Wars between two states only: {StudyReport.Number(100 * observedTwo, 0)}% of MID wars, {StudyReport.Number(100 * twoStates.Min(), 0)}% to {StudyReport.Number(100 * twoStates.Max(), 0)}% of the model's: " +
                (twoStates.All(t => t < observedTwo / 2) ? "the model's wars are dyadic less than half as often as the record's, because every called ally that stands joins its partner's war."
                    : twoStates.All(t => t < observedTwo) ? "the model's wars are less often dyadic than the record's."
                    : "for some starts the model's share of dyadic wars reaches the record's."),
            $"Calls honoured: {StudyReport.Number(100 * reliabilities.Min(r => r.Mean), 1)}% to {StudyReport.Number(100 * reliabilities.Max(r => r.Mean), 1)}% in the model against {StudyReport.Number(100 * ObservedReliability, 1)}% in the record; " +
                (reliabilities.All(r => r.Lower > ObservedReliability) ? "the model's allies are more reliable than history's for every start." : reliabilities.All(r => r.Upper < ObservedReliability) ? "the model's allies are less reliable than history's for every start." : "the record lies within or between the model's intervals."),
        ]);
    }

    private static IReadOnlyList<string> Row(string label, int wars, string mean, double[] shares, string reliability) =>
        [label, wars.ToString(CultureInfo.InvariantCulture), mean, .. shares.Select(s => double.IsNaN(s) ? "n/a" : StudyReport.Number(100 * s, 0) + "%"), reliability];

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
