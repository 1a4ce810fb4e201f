using System.Globalization;
using Anarchy.Models.Waltz.Calibration;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Starts the model from the international system of a real year (COW states, capabilities and capitals, ATOP
/// defence pacts, the United States as the leader) and compares what it simulates over the following years with the
/// historical record of the same years: defence pacts, militarized disputes, wars and the leader's disputes
/// (experiments/realworld/README.md). Its verdicts (the model misses an observed zero, its allies are more or less
/// reliable than history's, its wars differ in size from the record's) are t tests Holm-adjusted together
/// (<see cref="Tests"/>).
/// </summary>
public sealed class RealWorldStudy(StudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The starting years.</summary>
    public static IReadOnlyList<int> Years { get; } = [1816, 1913, 1950, 1990, 2010];

    /// <summary>Years simulated and compared from each start, fewer where MID ends first.</summary>
    public const int Horizon = 20;

    /// <summary>The master seed of every year's runs.</summary>
    public const ulong Seed = 1816;

    /// <summary>The family-wise error rate of the verdicts: a difference from the record is stated when its Holm-adjusted p-value is below this.</summary>
    public const double Level = 0.05;

    public override string Name => "realworld";
    public override IReadOnlyList<string> References { get; } =
    [
        "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820–1965.\" In *Peace, War, and Numbers*, edited by Bruce Russett, 19–48. Beverly Hills: Sage. (National Material Capabilities v7.0, Correlates of War Project.)",
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815–1944.\" *International Interactions* 28 (3): 237–260. (ATOP v5.1.)",
        "Palmer, Glenn, et al. 2022. \"The MID5 Dataset, 2011–2014: Procedures, Coding Rules, and Description.\" *Conflict Management and Peace Science* 39 (4): 470–482. (MID 5.0.)",
        "Waltz, Kenneth N. 1979. *Theory of International Politics*. Reading, MA: Addison-Wesley.",
    ];

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

    /// <summary>
    /// The chance of war diffusion in the real world: the post-1945 calibration's estimate (docs/MODEL.md, section 8).
    /// It belongs to the real geography, where few states can reach a war's principals, and is not the model's default,
    /// which is 0 for the abstract world.
    /// </summary>
    public const double Diffusion = 0.79;

    /// <summary>The territorial-integrity norm (<c>conquestNorm</c>) of the post-1945 system, as the calibration sets it for 1950-2012.</summary>
    public const double PostWarConquestNorm = 0.9;

    /// <summary>The first starting year of the post-1945 system, in which the territorial-integrity norm holds.</summary>
    public const int PostWarFrom = 1946;

    /// <summary>
    /// The parameters of a starting year, as the calibration (experiments/calibration/post1945.json) sets them for the
    /// real world: the model's defaults (the post-1945 estimates), war diffusion at its estimate <see cref="Diffusion"/>,
    /// and the territorial-integrity norm at <see cref="PostWarConquestNorm"/> from <see cref="PostWarFrom"/> on and 0
    /// before (a property of the period, not a default).
    /// </summary>
    public static ModelParameters ParametersOf(int year) => new()
    {
        Diffusion = Diffusion,
        ConquestNorm = year >= PostWarFrom ? PostWarConquestNorm : 0,
    };

    /// <summary>The scenario of a starting year, with <see cref="ParametersOf"/>.</summary>
    public static Scenario ScenarioOf(int year, ObservedRecord record, bool quick)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RealWorldScenario.Create(year, record.Data, ParametersOf(year)) with
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
        var tests = Tests(comparisons, folders, record);
        Write(context, tests);
        WriteWarsAndCalls(context, record, folders, tests);
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

    /// <summary>
    /// One statistic of one starting year: observed and simulated. <see cref="Test"/> is the t test over runs of the
    /// simulated mean against the observed value; <see cref="AdjustedP"/> its Holm-adjusted p-value where it is one of
    /// the study's verdicts (an observed 0), else NaN.
    /// </summary>
    public sealed record Statistic(string Name, string Unit, double Observed, MeanInterval Simulated)
    {
        /// <summary>The t test over runs of the simulated mean against <see cref="Observed"/>.</summary>
        public TTest Test { get; init; }

        /// <summary>The Holm-adjusted p-value of <see cref="Test"/> when it belongs to the study's family (an observed 0); NaN otherwise.</summary>
        public double AdjustedP { get; init; } = double.NaN;

        /// <summary>Simulated mean over observed value; NaN when nothing was observed.</summary>
        public double Ratio => Observed == 0 ? double.NaN : Simulated.Mean / Observed;

        /// <summary>Whether the simulated mean lies within a factor of two of the observed value.</summary>
        public bool WithinFactorTwo => Observed > 0 && Ratio >= 0.5 && Ratio <= 2;

        /// <summary>
        /// Nothing observed, and the simulated mean is significantly above 0 after Holm's correction over the study's
        /// verdicts (<see cref="Tests"/>): the model disagrees with the record.
        /// </summary>
        public bool MissesAnObservedZero => Observed == 0 && AdjustedP < Level && Simulated.Mean > 0;
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
        double[] PerYear(string column) => runs.Values(column, all).Select(v => v / years).ToArray();
        var rows = new List<(string Name, string Unit, double Observed, double[] Values)>
        {
            ("defence pacts, mean over the years", "pacts", observedAlliances.MeanPacts, PerRun(series, "pacts", values => values.Average())),
            ("defence pacts in the last year", "pacts", observedAlliances.Years[^1].Pacts, runs.Values("pacts_end", all)),
            ("the leader's pact partners in the last year", "states", observedAlliances.Years[^1].LeaderPartners, runs.Values("leader_pacts", all)),
            (StatesName, "states", observedAlliances.Years[^1].States, runs.Values("survivors", all)),
            ("disputes per year", "disputes", observedDisputes.DisputesPerYear, PerYear("disputes")),
            ("disputes that went ahead per year (MID: use of force)", "disputes", observedDisputes.UseOfForcePerYear, all.Select(r => (runs["settled"][r] + runs["wars"][r]) / years).ToArray()),
            ("wars per year", "wars", observedDisputes.WarsPerYear, PerYear("wars")),
            ("the leader's disputes per year", "disputes", observedDisputes.LeaderDisputesPerYear, PerYear("leader_participated")),
            ("states per dispute", "states", observedDisputes.MeanParticipants ?? double.NaN, StatesPerDispute(folder)),
        };
        var statistics = rows.Select(r => new Statistic(r.Name, r.Unit, r.Observed, MeanInterval.Of(r.Values)) { Test = TTest.OneSample(r.Values, r.Observed) }).ToList();
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

    /// <summary>A comparison of one start with the record on one number: the simulated mean with its unadjusted interval, and its Holm-adjusted test against the record.</summary>
    public sealed record StartTest(int Year, MeanInterval Simulated, AdjustedTest Test)
    {
        /// <summary>+1: the model significantly above the record after the correction; -1: below; 0: not told apart.</summary>
        public int Direction => Test.Direction(Level);
    }

    /// <summary>
    /// The study's verdicts, one family: every statistic of every start where the record has 0 (its simulated mean
    /// against 0), and for every start the share of calls in wars honoured against <see cref="ObservedReliability"/>
    /// and the mean war size against the record's (both pooled ratios over runs, delta method, as docs/CALIBRATION.md
    /// defines calls_honoured and war_participants); Holm-adjusted together.
    /// </summary>
    /// <param name="Comparisons">The comparisons, with <see cref="Statistic.AdjustedP"/> set where the record has 0.</param>
    /// <param name="Reliability">Per start, the share of calls in disputes that became wars that the ally honoured by fighting, against the record's.</param>
    /// <param name="WarSize">Per start, the mean war size (the states on the sides of all runs' wars over those wars) against the record's; empty when the record has no war.</param>
    /// <param name="ObservedWarSizes">The number of states in each MID war.</param>
    /// <param name="FamilySize">The number of tests in the family.</param>
    public sealed record VerdictTests(IReadOnlyList<YearComparison> Comparisons, IReadOnlyList<StartTest> Reliability, IReadOnlyList<StartTest> WarSize, int[] ObservedWarSizes, int FamilySize);

    /// <summary>The study's verdicts (see <see cref="VerdictTests"/>) from the comparisons and the arms' folders, in the order of <see cref="Years"/>.</summary>
    public static VerdictTests Tests(IReadOnlyList<YearComparison> comparisons, IReadOnlyList<string> folders, ObservedRecord record)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(folders);
        var observed = ObservedStatesPerWar(record);
        var tests = new List<TTest>();
        var zeros = new List<(int Comparison, int Statistic)>();
        for (int c = 0; c < comparisons.Count; c++)
        {
            for (int i = 0; i < comparisons[c].Statistics.Count; i++)
            {
                var statistic = comparisons[c].Statistics[i];
                if (statistic.Observed != 0) continue;
                zeros.Add((c, i));
                tests.Add(statistic.Test);
            }
        }
        var reliability = new List<(int Year, MeanInterval Interval)>();
        var sizes = new List<(int Year, MeanInterval Interval)>();
        for (int c = 0; c < folders.Count; c++)
        {
            var runs = ResultTable.Read(folders[c], "runs.csv");
            var all = Enumerable.Range(0, runs.Rows).ToArray();
            // docs/CALIBRATION.md's calls_honoured: calls in disputes that became wars, honoured by fighting.
            var (honoured, calls) = (runs.Values("war_honoured", all), runs.Values("war_calls", all));
            reliability.Add((comparisons[c].Year, MeanInterval.Ratio(honoured, calls)));
            tests.Add(RatioTest(honoured, calls, ObservedReliability));
            if (observed.Length == 0) continue;
            // docs/CALIBRATION.md's war_participants: the states on the sides of the wars, pooled over the wars of all runs.
            var (states, wars) = (runs.Values("war_states", all), runs.Values("wars", all));
            sizes.Add((comparisons[c].Year, MeanInterval.Ratio(states, wars)));
            tests.Add(RatioTest(states, wars, observed.Average()));
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.Holm);
        var statistics = comparisons.Select(c => c.Statistics.ToArray()).ToArray();
        for (int k = 0; k < zeros.Count; k++)
        {
            var (c, i) = zeros[k];
            statistics[c][i] = statistics[c][i] with { AdjustedP = adjusted[k].AdjustedP };
        }
        var adjustedComparisons = comparisons.Select((c, k) => c with { Statistics = statistics[k] }).ToList();
        int next = zeros.Count;
        var reliabilityTests = new List<StartTest>();
        var sizeTests = new List<StartTest>();
        for (int c = 0; c < folders.Count; c++)
        {
            reliabilityTests.Add(new StartTest(reliability[c].Year, reliability[c].Interval, adjusted[next++]));
            if (observed.Length > 0) sizeTests.Add(new StartTest(sizes[c].Year, sizes[c].Interval, adjusted[next++]));
        }
        return new VerdictTests(adjustedComparisons, reliabilityTests, sizeTests, observed, adjusted.Count(a => !double.IsNaN(a.AdjustedP)));
    }

    /// <summary>
    /// The delta-method test of a ratio of sums over runs against <paramref name="reference"/>, undefined (NaN p-value:
    /// no verdict, and not counted in the family) when the runs show no spread around the ratio: a share of calls that
    /// is 100% in every run that made a call (say 7 calls in 2 of 8 runs) has a standard error of 0, and the t test
    /// would call any difference from the record certain.
    /// </summary>
    private static TTest RatioTest(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double reference)
    {
        var test = TTest.Ratio(numerators, denominators, reference);
        return test.StandardError == 0 ? test with { P = double.NaN } : test;
    }

    private static void Write(StudyContext context, VerdictTests tests)
    {
        var comparisons = tests.Comparisons;
        var report = context.Report;
        report.Heading("Design");
        report.Paragraph("Each starting year's scenario is built from the data in `data/` as `anarchy realworld YEAR` builds it (docs/MODEL.md, \"Real-world initialisation\"): " +
            "the COW system members of the year, NMC capabilities split into wealth and military capability, capitals on the globe, the ATOP defence pacts in force with their ages, the United States as the leader; " +
            "interests and revisionism are the model's draws. The parameters are those the post-1945 calibration (experiments/calibration/post1945.json) sets for the real world: the model's defaults, which are its estimates (docs/MODEL.md, section 8), " +
            $"war diffusion at its estimate (`diffusion` {StudyReport.Number(Diffusion)}, which belongs to the real geography and is not a default), and the territorial-integrity norm (`conquestNorm`) at {StudyReport.Number(PostWarConquestNorm)} for the starts from {PostWarFrom} on and 0 before, as the calibration sets it for 1950-2012 and leaves it out before 1914. One tick is one year. " +
            $"Each start is simulated for {Horizon} years (2010: to 2014, where MID ends) and compared with the record of the same years. " +
            $"{comparisons[0].Runs} runs per start; simulated values are means over runs with 95% Student-t intervals; observed values are from ATOP v5.1 and MID 5.0 (data/README.md, \"Observed statistics\").");
        report.Paragraph($"Verdicts: where the report says the model differs from the record — a statistic the record has as 0 and the model clearly not, allies more or less reliable than history's, wars larger or smaller — the difference is a two-sided t test over runs, " +
            $"and the p-values of all {tests.FamilySize} such tests ({tests.Comparisons.Sum(c => c.Statistics.Count(s => s.Observed == 0))} statistics with an observed 0 against 0; the share of calls honoured and the mean war size of each start against the record's, where the runs give them a spread: a share that every run gives alike, as when each of a few calls was honoured, gets no test) are adjusted together by Holm's step-down procedure. " +
            $"A difference is stated when its Holm-adjusted p-value (*Holm p*) is below {StudyReport.Number(Level)}, so the chance that any of these verdicts is a false positive is at most {StudyReport.Number(100 * Level, 0)}%. " +
            "The 95% intervals are unadjusted and give the size of each number; *within a factor of two* compares means and is not a test.");
        report.Paragraph("How the model's counts map onto the record: a simulated *dispute* is any initiated dispute (restrained, deterred, settled or war), a MID any militarized dispute; " +
            "*disputes that went ahead* (settled or war) are set against MIDs that reached the use of force (hostility level 4 or 5); a simulated *war* against MIDs at hostility level 5; " +
            "the leader's disputes count the disputes the leader took part in (as initiator, target, an ally that stood or a joiner of the war; objecting to an ally's dispute or staying out of a call is not taking part) and every MID with the United States as a participant in the record, as docs/CALIBRATION.md defines leader_disputes_per_year; " +
            "*states per dispute* counts the initiator, the target, every ally that stood and every joiner in the model, and every state on either side of a MID in the record.");

        report.Heading("Simulated against observed");
        foreach (var c in comparisons)
        {
            report.Heading($"{c.Year}: {c.States} states, {c.Year}-{c.Year + c.Years - 1}", 3);
            report.Table(["statistic", "observed", "simulated", "simulated / observed", "Holm p, simulated against an observed 0"],
                c.Statistics.Select(s => (IReadOnlyList<string>)[s.Name, StudyReport.Number(s.Observed, 2), StudyReport.CountInterval(s.Simulated, 2), StudyReport.Number(s.Ratio, 2), s.Observed == 0 ? StudyReport.P(s.AdjustedP) : ""]));
        }
        RatioPlot(context, comparisons);

        report.Heading("Where the model comes close and where it falls short");
        var names = comparisons[0].Statistics.Select(s => s.Name).ToList();
        report.Table(["statistic", "starts within a factor of two (of those with an observed value)", "simulated / observed, range", "starts where the record has 0 and the model significantly not (Holm)"],
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
            close.Count == 0 ? "No statistic is within a factor of two of the record for every starting year." : $"Within a factor of two for every starting year (where the record has 0, the model's mean is not significantly above 0 after the correction): {string.Join("; ", close)}.",
            far.Count == 0 ? "No statistic misses the record by more than a factor of two for most starting years." : $"More than a factor of two away for most starting years: {string.Join("; ", far)}.",
            "The model's system is closed: no state enters it after the start, while COW's membership grew after 1816, 1913 and 1950 (decolonisation) and after 1990 (the Soviet Union's successors); the states in the last year are the starting states less any that died, so that row measures the record's growth, not the model.",
            "Interests and revisionism are drawn at random rather than measured, so who disputes with whom is not the historical pattern; only the counts can be compared, not the dyads.",
            "The pacts at the start are the observed ones by construction; how they change over the following years is the model's.",
        ]);
    }

    /// <summary>Leeds, Long and Mitchell (2000): the share of alliance commitments that applied to a war that were honoured, 1816-1944.</summary>
    public const double ObservedReliability = Moments.LeedsHonoured;

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

    private static void WriteWarsAndCalls(StudyContext context, ObservedRecord record, List<string> folders, VerdictTests tests)
    {
        var report = context.Report;
        report.Heading("War size and alliance reliability");
        var observed = tests.ObservedWarSizes;
        report.Paragraph($"War size as the number of states in a war: in the model the states on both sides of each war (principals, allies that stood, opportunistic and diffusion joiners; the sides are set at the war's start); in the record every state in a MID that reached hostility level 5, {record.DisputeData.FirstYear}-{record.DisputeData.LastYear} ({observed.Length} wars), as docs/CALIBRATION.md defines war_participants. " +
            "Simulated means per start: the states in the wars of all runs over those wars, with a delta-method 95% interval over runs; shares pool the wars of all runs. " +
            $"Alliance reliability: the share of calls made in disputes that became wars that the ally honoured by fighting (docs/CALIBRATION.md's calls_honoured), with a delta-method interval over runs, against the {StudyReport.Number(100 * ObservedReliability, 1)}% of alliance commitments that applied to a war that Leeds, Long and Mitchell (2000) found honoured in 1816-1944. " +
            "*Holm p*: the adjusted p-value of the start's mean war size against the record's, and of its share of calls honoured against the record's.");
        var twoStates = new List<double>();
        var rows = new List<IReadOnlyList<string>>
        {
            Row("record (MID wars)", observed.Length, StudyReport.Number(observed.Length == 0 ? double.NaN : observed.Average(), 2), "", SizeShares(observed), StudyReport.Number(100 * ObservedReliability, 1) + "%", ""),
        };
        for (int i = 0; i < tests.Comparisons.Count; i++)
        {
            var wars = StatesPerWar(folders[i]);
            var pooled = wars.SelectMany(w => w).ToArray();
            var size = tests.WarSize.Count > i ? tests.WarSize[i] : null;
            var honoured = tests.Reliability[i].Simulated;
            string reliability = double.IsNaN(honoured.Mean) ? "n/a" : $"{StudyReport.Number(100 * honoured.Mean, 1)}% [{StudyReport.Number(100 * honoured.Lower, 1)}, {StudyReport.Number(100 * honoured.Upper, 1)}]";
            rows.Add(Row($"model, from {tests.Comparisons[i].Year}", pooled.Length, size is null ? "n/a" : StudyReport.CountInterval(size.Simulated, 2), size is null ? "" : StudyReport.P(size.Test.AdjustedP),
                SizeShares(pooled), reliability, StudyReport.P(tests.Reliability[i].Test.AdjustedP)));
            twoStates.Add(SizeShares(pooled)[0]);
        }
        report.Table(["", "wars", "states per war", "Holm p", "2 states", "3-4", "5-9", "10 or more", "calls honoured", "Holm p"], rows);
        if (observed.Length == 0) return;
        double observedMean = observed.Average(), observedTwo = SizeShares(observed)[0];
        // A start without wars has no war size, and one without calls no reliability: they are left out of the comparisons.
        twoStates = twoStates.Where(t => !double.IsNaN(t)).ToList();
        var sizes = tests.WarSize.Where(m => !double.IsNaN(m.Simulated.Mean)).ToList();
        var reliabilities = tests.Reliability.Where(r => !double.IsNaN(r.Simulated.Mean)).ToList();
        if (twoStates.Count == 0 || sizes.Count == 0 || reliabilities.Count == 0) return;
        static string Years(IEnumerable<StartTest> starts) => string.Join(", ", starts.Select(t => t.Year));
        var differing = sizes.Where(m => m.Direction != 0).ToList();
        var more = reliabilities.Where(r => r.Direction > 0).ToList();
        var less = reliabilities.Where(r => r.Direction < 0).ToList();
        var stated = new List<string>();
        if (more.Count > 0) stated.Add($"significantly more reliable than history's for {more.Count} of the {reliabilities.Count} starts ({Years(more)})");
        if (less.Count > 0) stated.Add($"significantly less reliable for {less.Count} ({Years(less)})");
        report.Bullets(
        [
            $"Mean war size: the model's mean differs significantly from the record's {StudyReport.Number(observedMean, 2)} states per war (Holm) for {differing.Count} of {sizes.Count} starts ({(differing.Count == 0 ? "" : $"{Years(differing)}; ")}model means {StudyReport.Number(sizes.Min(m => m.Simulated.Mean), 2)} to {StudyReport.Number(sizes.Max(m => m.Simulated.Mean), 2)}; " +
                $"the record's mean lies inside the unadjusted 95% interval for {sizes.Count(m => m.Simulated.Lower <= observedMean && observedMean <= m.Simulated.Upper)}).",
            $"Wars between two states only: {StudyReport.Number(100 * observedTwo, 0)}% of MID wars, {StudyReport.Number(100 * twoStates.Min(), 0)}% to {StudyReport.Number(100 * twoStates.Max(), 0)}% of the model's: " +
                (twoStates.All(t => t < observedTwo / 2) ? "the model's wars are dyadic less than half as often as the record's: every ally that stands and every state that joins enlarges a war at its start."
                    : twoStates.All(t => t < observedTwo) ? "the model's wars are less often dyadic than the record's."
                    : "for some starts the model's share of dyadic wars reaches the record's."),
            $"Calls honoured: {StudyReport.Number(100 * reliabilities.Min(r => r.Simulated.Mean), 1)}% to {StudyReport.Number(100 * reliabilities.Max(r => r.Simulated.Mean), 1)}% in the model against {StudyReport.Number(100 * ObservedReliability, 1)}% in the record; " +
                (reliabilities.All(r => r.Direction > 0) ? "the model's allies are significantly more reliable than history's for every start (Holm)."
                    : reliabilities.All(r => r.Direction < 0) ? "the model's allies are significantly less reliable than history's for every start (Holm)."
                    : reliabilities.All(r => r.Direction == 0) ? "the model's allies are neither significantly more nor less reliable than history's for any start (Holm)."
                    : $"the model's allies are {string.Join(" and ", stated)}, and not told apart from history's for the others (Holm)."),
        ]);
    }

    private static IReadOnlyList<string> Row(string label, int wars, string mean, string meanP, double[] shares, string reliability, string reliabilityP) =>
        [label, wars.ToString(CultureInfo.InvariantCulture), mean, meanP, .. shares.Select(s => double.IsNaN(s) ? "n/a" : StudyReport.Number(100 * s, 0) + "%"), reliability, reliabilityP];

    private static void RatioPlot(StudyContext context, IReadOnlyList<YearComparison> comparisons)
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
