using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// After the Cold War (experiments/coldwar/README.md): two poles at the hubs of two blocs of pacts; at the end of tick
/// 40 the rival pole loses 80% of its capability and wealth. Do the leader's alliances lapse once the threat is gone,
/// as Waltz expected, or persist, and how does that depend on institutionalisation and inertia? And do pacts that
/// outlive the threat drag the leader into more disputes and wars afterwards? Every run is split at the collapse:
/// the same seeds are run up to the collapse (before), and after it with and without the collapse (collapse, control).
/// The report's verdicts (an increase, a decrease) are the <see cref="Findings"/>, paired t tests whose p-values are
/// Holm-adjusted together.
/// </summary>
public sealed class ColdWarStudy(StudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The three sweep arms: the history before the collapse, and after it with and without the collapse.</summary>
    public static IReadOnlyList<string> Periods { get; } = ["before", "collapse", "control"];

    /// <summary>The collapse happens in step 9 (shocks) at the end of this tick (absolute, from 0).</summary>
    public const int ShockTick = 40;

    /// <summary>The last tick of the history (absolute).</summary>
    public const int LastTick = 99;

    /// <summary>Waltz's cell: no institutionalisation, the default inertia, pacts that need salience 0.5.</summary>
    public static (string Factor, double Value)[] WaltzCell { get; } = [("institutionalisation", 0), ("inertia", 2), ("lapseSalience", 0.5)];

    /// <summary>Waltz's cell at the default lapse salience 0.2.</summary>
    public static (string Factor, double Value)[] DefaultSalienceCell { get; } = [("institutionalisation", 0), ("inertia", 2), ("lapseSalience", 0.2)];

    /// <summary>The institutionalised cell: each tick of a pact's age adds a tick to its inertia and to its obligation.</summary>
    public static (string Factor, double Value)[] InstitutionalisedCell { get; } = [("institutionalisation", 1), ("inertia", 2), ("lapseSalience", 0.5)];

    /// <summary>The institutionalisation levels of the history arms (per-tick series and events), at inertia 2.</summary>
    public static IReadOnlyList<double> HistoryLevels { get; } = [0, 1];

    /// <summary>The family-wise error rate of the findings: a change is stated when its Holm-adjusted p-value is below this.</summary>
    public const double Level = 0.05;

    public override string Name => "coldwar";
    public override IReadOnlyList<string> References { get; } =
    [
        "Waltz, Kenneth N. 1993. \"The Emerging Structure of International Politics.\" *International Security* 18 (2): 44–79.",
        "Walt, Stephen M. 1997. \"Why Alliances Endure or Collapse.\" *Survival* 39 (1): 156–179.",
        "Waltz, Kenneth N. 1979. *Theory of International Politics*. Reading, MA: Addison-Wesley.",
    ];

    public override string Title => "After the Cold War: do the winner's alliances outlive the threat?";
    public override string Question =>
        "Waltz expected alliances to dissolve once the threat that made them is gone; NATO outlived the Soviet Union. " +
        "When one of two poles collapses, do the leader's pacts lapse or persist, how does that depend on institutionalisation and inertia, " +
        "and do pacts that outlive the threat drag the leader into more entanglements and wars afterwards?";
    public override string QuickDescription =>
        "60 replicates per point instead of 300, and 60 runs per history arm instead of 200; the same grid.";

    /// <summary>The sweep of one period (before, collapse, control), full or quick.</summary>
    public static WaltzSweep Sweep(string period, bool quick)
    {
        var sweep = ExperimentFiles.Sweep($"coldwar/sweep-{period}.json");
        return quick ? sweep with { Replicates = 60 } : sweep;
    }

    /// <summary>The whole history (ticks 0-99 recorded) with or without the collapse, at one level of institutionalisation.</summary>
    public static Scenario History(bool collapse, double institutionalisation, bool quick)
    {
        var scenario = ExperimentFiles.Scenario("coldwar/scenario-history.json");
        return scenario with
        {
            Name = $"coldwar-history-{(collapse ? "collapse" : "control")}-inst{F(institutionalisation)}",
            Runs = quick ? 60 : 200,
            Shocks = collapse ? scenario.Shocks : [],
            Parameters = scenario.Parameters with { Institutionalisation = institutionalisation },
        };
    }

    public override long? PlannedRuns(bool quick) =>
        Periods.Sum(p => Count(Sweep(p, quick))) + HistoryLevels.Sum(level => (long)History(true, level, quick).Runs + History(false, level, quick).Runs);

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = Periods.ToDictionary(p => p, p => SweepArm(context, p, Sweep(p, context.Quick)));
        var histories = new List<(string Label, Scenario Scenario, ResultTable Series, ResultTable Events)>();
        foreach (double level in HistoryLevels)
        {
            foreach (bool collapse in new[] { true, false })
            {
                var scenario = History(collapse, level, context.Quick);
                string arm = $"history-{(collapse ? "collapse" : "control")}-inst{F(level)}";
                string folder = ScenarioArm(context, arm, scenario, events: true);
                histories.Add(($"{(collapse ? "collapse" : "no collapse")}, institutionalisation {F(level)}", scenario,
                    ResultTable.Read(folder, "series.csv"), ResultTable.Read(folder, "events.csv")));
            }
        }

        var sweep = Sweep("collapse", context.Quick);
        var levels = sweep.Factors.ToDictionary(f => f.Name, f => f.Levels!.ToArray());
        var points = (from i in levels["institutionalisation"]
                      from n in levels["inertia"]
                      from s in levels["lapseSalience"]
                      select new[] { ("institutionalisation", i), ("inertia", n), ("lapseSalience", s) }).ToList();
        var report = context.Report;

        report.Heading("Design");
        report.Paragraph("32 states; two great powers hold half of all wealth: state 0 (the leader) and state 1 (the rival). Interests lie in two blocs (`interestBlocs` 2: state i is in bloc i mod 2), " +
            "and each pole starts at the hub of 10 defence pacts of age 0 with states of its own bloc (the leader with states 2, 4, ..., 20; the rival with 3, 5, ..., 21); states 22-31 start unaligned. " +
            $"At the end of tick {ShockTick} (step 9, after that tick's disputes) the rival loses 80% of its capability and of its wealth (factors 0.2); the history runs to tick {LastTick}. " +
            "A pact weakens in every tick its salience (common threat times compatibility) is below `lapseSalience`, and lapses when it has been weak for more than `inertia + institutionalisation * age` consecutive ticks; institutionalisation also multiplies the obligation to answer a call by `1 + institutionalisation * age`.");
        report.Paragraph($"Full-factorial grid over {string.Join(", ", sweep.Factors.Select(f => $"`{f.Name}` {{{string.Join(", ", f.Levels!.Select(F))}}}"))} " +
            $"({points.Count} points), {sweep.Replicates} replicates per point. `inertia` 1000 keeps every pact that is not broken (by an ally that refuses a call in a war) or ended by a death (pacts persist without a stronger obligation); `institutionalisation` 1 makes weak pacts persist and binds harder. " +
            $"Every run is split at the collapse by running the same seeds three times (common random numbers: replicate r has the same seed at every point and in every arm, and the model's history does not depend on what is recorded): " +
            $"**before** records ticks 0-{ShockTick} (no shock falls in it; its counts and its end state are the history common to both futures); " +
            $"**collapse** has the shock and a burn-in of {ShockTick + 1} ticks, so its counts cover ticks {ShockTick + 1}-{LastTick} only, after the collapse; " +
            $"**control** is the same without the shock. The leader's pacts at the end of *before* are its pacts on the eve of the collapse; at the end of *collapse* and *control*, {LastTick - ShockTick} ticks later. " +
            "Differences between collapse and control are paired by replicate (both share the history up to the collapse), with 95% t intervals over the per-replicate differences; other cells are means with 95% t intervals over runs.");
        report.Paragraph($"Four more arms record every tick from 0 to {LastTick} with series and events, at `lapseSalience` 0.5 and `inertia` 2, with and without the collapse, at `institutionalisation` {string.Join(" and ", HistoryLevels.Select(F))} ({histories[0].Scenario.Runs} runs each, the same seeds). " +
            "The series give the number of pacts in the system per tick; the leader's own pacts per tick are counted from the event log (its initial pacts, plus pact_formed, less pact_lapsed, pact_broken and the pacts of a state that dies).");

        report.Heading("Do the leader's pacts lapse after the collapse?");
        report.Paragraph($"The leader's pacts on the eve of the collapse (end of tick {ShockTick}) and {LastTick - ShockTick} ticks later with and without it (end of tick {LastTick}); *lapsed* counts pacts anywhere in the system that lapsed for lack of salience in ticks {ShockTick + 1}-{LastTick}.");
        report.Table(["institutionalisation", "inertia", "lapseSalience", "leader's pacts before", "after the collapse", "without the collapse", "collapse - control", "lapsed (system), collapse", "lapsed (system), control"],
            points.Select(p => PactRow(arms, p)));
        var headline = Headline(arms);
        report.Paragraph($"Verdicts: each sentence below that states a change (an increase or a decrease) is a two-sided paired t test of the per-replicate differences; the {headline.Findings.Count} such findings of this report form one family, " +
            $"and their p-values are adjusted together by Holm's step-down procedure, so that the chance that any of them is a false positive is at most {StudyReport.Number(100 * Level, 0)}% (the family-wise error rate). " +
            "A change is stated when its Holm-adjusted p-value (*Holm p*) is below 0.05; the 95% intervals are unadjusted and give the size of each difference. The tables give intervals only: they state no verdict.");
        report.Paragraph(string.Join(" ", headline.Findings.Take(4).Select(Sentence)));
        report.Paragraph("Where no pact stays weak long enough to lapse (inertia 1000, or institutionalisation high enough), the lapse salience changes nothing, so those rows repeat one another exactly: that is by construction, not a coincidence of the sample.");
        PactsPerTickPlot(context, histories);
        SystemPactsPlot(context, histories);
        PactBars(context, arms, points.Where(p => p[2].Item2 == 0.5).ToList());

        report.Heading("The leader after the collapse");
        report.Paragraph($"The leader's disputes, entangled stands (calls it answered only because of the commitment) and wars in ticks {ShockTick + 1}-{LastTick}, with and without the collapse. " +
            "Counts per run; collapse - control paired by replicate.");
        report.Table(["institutionalisation", "inertia", "lapseSalience", "disputes, collapse", "disputes, control", "entangled, collapse", "entangled, control", "entangled: collapse - control", "wars, collapse", "wars, control", "wars: collapse - control"],
            points.Select(p => AfterRow(arms, p)));
        report.Paragraph(string.Join(" ", headline.Findings.Skip(4).Take(4).Select(Sentence)));

        report.Heading("Do pacts that outlive the threat drag the leader into wars?");
        report.Paragraph($"Within the collapse arm, each point against Waltz's cell at the same lapse salience (institutionalisation 0, inertia 2), paired by replicate: how many more pacts the leader holds at the end, and how many more entangled stands and wars it has in ticks {ShockTick + 1}-{LastTick}. " +
            "The last column is the same difference in wars after subtracting the difference in the control arm (a difference in differences): what the persisting pacts add after the collapse beyond what the same institutions do anyway.");
        report.Table(["institutionalisation", "inertia", "lapseSalience", "extra pacts at the end", "extra entangled", "extra wars", "extra wars, beyond control"],
            points.Where(p => !(p[0].Item2 == 0 && p[1].Item2 == 2)).Select(p => DragRow(arms, p)));
        report.Paragraph(string.Join(" ", headline.Findings.Skip(8).Select(Sentence)));
        AfterBars(context, arms, points.Where(p => p[2].Item2 == 0.5).ToList());

        report.Heading("What this shows and what it does not");
        report.Bullets(
        [
            "The comparison is causal within the model: collapse and control share every random draw and the whole history up to the collapse, so their difference is the collapse's effect on the same world.",
            "Salience in the model is the cosine similarity of two states' threat rows times their compatibility: it measures whether a threat is *shared*, not how large it is. When the rival pole collapses, its allies (the other interest bloc) remain hostile to the leader's bloc, so the leader and its allies can still share a common threat; how far salience falls depends on how much of each ally's threat the rival itself made up. Compare the collapse - control column at the two lapse saliences.",
            "`inertia` 1000 and `institutionalisation` 1 both stop lapses; only institutionalisation also raises the obligation, so comparing the two separates persistence from a stronger commitment.",
            "Pacts also break when an ally refuses a call in a dispute that becomes a war (a refusal in a crisis that never comes to blows breaks nothing) and end with a partner's death, and new pacts form; the leader's count at the end is the net of all of these, not of lapses alone.",
            "The model has no NATO-style organisation, enlargement or out-of-area missions: institutionalisation here is only longer inertia and a stronger obligation with age. The leader is a generic great power; ticks are years only by convention.",
        ]);
    }

    /// <summary>The rows of an arm at a point, in replicate order.</summary>
    private static int[] Rows(ResultTable runs, (string Factor, double Value)[] point)
    {
        var rows = Cell(runs, point);
        var replicate = runs["replicate"];
        return rows.OrderBy(r => replicate[r]).ToArray();
    }

    /// <summary>Per-replicate differences of a column between two arms at a point (the same seeds).</summary>
    private static double[] Paired(ResultTable a, ResultTable b, (string Factor, double Value)[] point, string column)
    {
        var ra = Rows(a, point);
        var rb = Rows(b, point);
        if (ra.Length != rb.Length) throw new InvalidOperationException($"the arms hold {ra.Length} and {rb.Length} runs at one point");
        var va = a.Values(column, ra);
        var vb = b.Values(column, rb);
        return va.Select((x, i) => x - vb[i]).ToArray();
    }

    /// <summary>The collapse's effect on a column at a point: collapse - control, paired by replicate.</summary>
    public static MeanInterval Effect(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, string column) =>
        MeanInterval.Of(EffectValues(arms, point, column));

    /// <summary>The collapse's effect at one point minus its effect at another, paired by replicate (common random numbers).</summary>
    public static MeanInterval DifferenceOfEffects(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, (string Factor, double Value)[] baseline, string column) =>
        MeanInterval.Of(DifferenceOfEffectsValues(arms, point, baseline, column));

    /// <summary>Within the collapse arm: a point minus the baseline point, paired by replicate.</summary>
    public static MeanInterval Drag(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, (string Factor, double Value)[] baseline, string column) =>
        MeanInterval.Of(DragValues(arms, point, baseline, column));

    /// <summary>Per replicate: collapse - control at a point.</summary>
    private static double[] EffectValues(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, string column)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return Paired(arms["collapse"], arms["control"], point, column);
    }

    /// <summary>Per replicate: the effect at a point minus the effect at the baseline.</summary>
    private static double[] DifferenceOfEffectsValues(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, (string Factor, double Value)[] baseline, string column)
    {
        var a = EffectValues(arms, point, column);
        var b = EffectValues(arms, baseline, column);
        return a.Select((x, i) => x - b[i]).ToArray();
    }

    /// <summary>Per replicate, within the collapse arm: a point minus the baseline point.</summary>
    private static double[] DragValues(IReadOnlyDictionary<string, ResultTable> arms, (string Factor, double Value)[] point, (string Factor, double Value)[] baseline, string column)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var runs = arms["collapse"];
        var a = runs.Values(column, Rows(runs, point));
        var b = runs.Values(column, Rows(runs, baseline));
        return a.Select((x, i) => x - b[i]).ToArray();
    }

    /// <summary>
    /// The findings the report states, in its order, each a paired t test of per-replicate differences against 0
    /// with its p-value Holm-adjusted over all of them: the collapse's effect (collapse - control) on the leader's
    /// pacts at the end in Waltz's cell, in the institutionalised cell, the difference of the two and the effect at
    /// the default lapse salience; its effect on the leader's entangled stands and wars after it in Waltz's cell and
    /// in the institutionalised cell; and, within the collapse arm, institutionalisation 1 against 0 on the
    /// leader's entangled stands and wars.
    /// </summary>
    public static IReadOnlyList<ColdWarFinding> Findings(IReadOnlyDictionary<string, ResultTable> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var list = new List<(string Key, string Lead, string Unit, double[] Values)>
        {
            ("waltz-pacts", "In Waltz's cell (no institutionalisation, inertia 2, lapse salience 0.5) the collapse changes the leader's pacts at the end by", "pacts", EffectValues(arms, WaltzCell, "leader_pacts")),
            ("institutionalised-pacts", "With institutionalisation 1 (otherwise the same) it changes them by", "pacts", EffectValues(arms, InstitutionalisedCell, "leader_pacts")),
            ("institutionalisation-on-pacts", "The difference between the two effects (institutionalisation 1 minus 0, paired by replicate) is", "pacts", DifferenceOfEffectsValues(arms, InstitutionalisedCell, WaltzCell, "leader_pacts")),
            ("default-salience-pacts", "At the default lapse salience 0.2 (no institutionalisation, inertia 2) the collapse changes the leader's pacts by", "pacts", EffectValues(arms, DefaultSalienceCell, "leader_pacts")),
            ("waltz-entangled", "In Waltz's cell the collapse changes the leader's entangled stands after it by", "per run", EffectValues(arms, WaltzCell, "leader_entangled")),
            ("waltz-wars", "It changes the leader's wars after it by", "per run", EffectValues(arms, WaltzCell, "leader_wars")),
            ("institutionalised-entangled", "With institutionalisation 1 the collapse changes its entangled stands by", "per run", EffectValues(arms, InstitutionalisedCell, "leader_entangled")),
            ("institutionalised-wars", "It changes its wars by", "per run", EffectValues(arms, InstitutionalisedCell, "leader_wars")),
            ("drag-entangled", "At lapse salience 0.5, institutionalisation 1 against 0 changes the leader's post-collapse entangled stands by", "per run", DragValues(arms, InstitutionalisedCell, WaltzCell, "leader_entangled")),
            ("drag-wars", "It changes the leader's post-collapse wars by", "per run", DragValues(arms, InstitutionalisedCell, WaltzCell, "leader_wars")),
        };
        var adjusted = MultipleComparisons.Adjust(list.Select(f => TTest.OneSample(f.Values)).ToArray(), Correction.Holm);
        return list.Select((f, i) => new ColdWarFinding(f.Key, f.Lead, f.Unit, MeanInterval.Of(f.Values), adjusted[i])).ToList();
    }

    /// <summary>The headline statistics, for the report and the tests: the findings (see <see cref="Findings"/>).</summary>
    public static ColdWarHeadline Headline(IReadOnlyDictionary<string, ResultTable> arms) => new(Findings(arms));

    /// <summary>Reads the three sweep arms of a finished study folder.</summary>
    public static Dictionary<string, ResultTable> ReadArms(string studyFolder) =>
        Periods.ToDictionary(p => p, p => ResultTable.Read(Path.Combine(studyFolder, "arms", p), "runs.csv"));

    /// <summary>
    /// A sentence from a finding: its difference with the unadjusted 95% interval, and whether it is a change after
    /// Holm's correction (an increase or a decrease) or not.
    /// </summary>
    internal static string Sentence(ColdWarFinding finding)
    {
        var d = finding.Difference;
        string lead = finding.Lead, unit = finding.Unit;
        string interval = StudyReport.Interval(d);
        if (double.IsNaN(d.Lower)) return $"{lead} {interval} {unit} (no interval).";
        string p = $"Holm p {StudyReport.P(finding.Test.AdjustedP)}";
        return finding.Direction switch
        {
            > 0 => $"{lead} +{interval} {unit}: an increase ({p}).",
            < 0 => $"{lead} {interval} {unit}: a decrease ({p}).",
            _ when finding.Test.IsSignificantUnadjusted(Level) =>
                $"{lead} {interval} {unit}: the 95% interval excludes 0, but not after the correction for the {finding.Test.FamilySize} findings ({p}), so no change is stated.",
            _ => $"{lead} {interval} {unit}: the 95% interval includes 0, so no change is detectable at this sample size (half-width {StudyReport.Number(d.HalfWidth)}; {p}).",
        };
    }

    private static string Label((string Factor, double Value)[] point) => string.Join(", ", point.Select(p => $"{p.Factor} {F(p.Value)}"));

    private static IReadOnlyList<string> PactRow(Dictionary<string, ResultTable> arms, (string Factor, double Value)[] point)
    {
        MeanInterval Mean(string arm, string column) => MeanInterval.Of(arms[arm].Values(column, Rows(arms[arm], point)));
        return
        [
            F(point[0].Value), F(point[1].Value), F(point[2].Value),
            StudyReport.CountInterval(Mean("before", "leader_pacts")), StudyReport.CountInterval(Mean("collapse", "leader_pacts")), StudyReport.CountInterval(Mean("control", "leader_pacts")),
            StudyReport.Interval(Effect(arms, point, "leader_pacts")),
            StudyReport.CountInterval(Mean("collapse", "pacts_lapsed"), 1), StudyReport.CountInterval(Mean("control", "pacts_lapsed"), 1),
        ];
    }

    private static IReadOnlyList<string> AfterRow(Dictionary<string, ResultTable> arms, (string Factor, double Value)[] point)
    {
        MeanInterval Mean(string arm, string column) => MeanInterval.Of(arms[arm].Values(column, Rows(arms[arm], point)));
        return
        [
            F(point[0].Value), F(point[1].Value), F(point[2].Value),
            StudyReport.CountInterval(Mean("collapse", "leader_disputes"), 1), StudyReport.CountInterval(Mean("control", "leader_disputes"), 1),
            StudyReport.CountInterval(Mean("collapse", "leader_entangled")), StudyReport.CountInterval(Mean("control", "leader_entangled")), StudyReport.Interval(Effect(arms, point, "leader_entangled")),
            StudyReport.CountInterval(Mean("collapse", "leader_wars")), StudyReport.CountInterval(Mean("control", "leader_wars")), StudyReport.Interval(Effect(arms, point, "leader_wars")),
        ];
    }

    private static IReadOnlyList<string> DragRow(Dictionary<string, ResultTable> arms, (string Factor, double Value)[] point)
    {
        (string, double)[] baseline = [("institutionalisation", 0), ("inertia", 2), point[2]];
        return
        [
            F(point[0].Value), F(point[1].Value), F(point[2].Value),
            StudyReport.Interval(Drag(arms, point, baseline, "leader_pacts")), StudyReport.Interval(Drag(arms, point, baseline, "leader_entangled")),
            StudyReport.Interval(Drag(arms, point, baseline, "leader_wars")), StudyReport.Interval(DifferenceOfEffects(arms, point, baseline, "leader_wars")),
        ];
    }

    /// <summary>The leader's pacts at the end of each tick of each run, counted from the event log.</summary>
    internal static double[][] LeaderPactsPerTick(ResultTable events, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(scenario);
        int leader = scenario.Leader ?? 0;
        var run = events["run"];
        var tick = events["tick"];
        var state = events["state"];
        var other = events["other"];
        var kind = events.Text("event");
        var result = new double[scenario.Runs][];
        int row = 0;
        for (int r = 0; r < scenario.Runs; r++)
        {
            var partners = scenario.Pacts.Where(p => p.A == leader || p.B == leader).Select(p => p.A == leader ? p.B : p.A).ToHashSet();
            var counts = new double[scenario.TotalTicks];
            for (int t = 0; t < scenario.TotalTicks; t++)
            {
                for (; row < events.Rows && run[row] == r && tick[row] == t; row++)
                {
                    int a = (int)state[row], b = (int)other[row];
                    switch (kind[row])
                    {
                        case "pact_formed" when a == leader || b == leader:
                            partners.Add(a == leader ? b : a);
                            break;
                        case "pact_lapsed" or "pact_broken" when a == leader || b == leader:
                            partners.Remove(a == leader ? b : a);
                            break;
                        case "death" when a == leader:
                            partners.Clear();
                            break;
                        case "death":
                            partners.Remove(a);
                            break;
                    }
                }
                counts[t] = partners.Count;
            }
            result[r] = counts;
        }
        if (row != events.Rows) throw new InvalidOperationException("the event log holds events after the last tick or out of order");
        return result;
    }

    private static LineSeries PerTick(string label, double[][] perRun)
    {
        int ticks = perRun[0].Length;
        var intervals = Enumerable.Range(0, ticks).Select(t => MeanInterval.Of(perRun.Select(r => r[t]))).ToArray();
        return new LineSeries(label, Enumerable.Range(0, ticks).Select(t => (double)t).ToArray(),
            intervals.Select(i => i.Mean).ToArray(), intervals.Select(i => i.Lower).ToArray(), intervals.Select(i => i.Upper).ToArray());
    }

    private static void PactsPerTickPlot(StudyContext context, List<(string Label, Scenario Scenario, ResultTable Series, ResultTable Events)> histories)
    {
        var series = histories.Select(h => PerTick(h.Label, LeaderPactsPerTick(h.Events, h.Scenario))).ToList();
        string path = ReportPlots.Lines(context.Folder, "leader-pacts.png", "The leader's pacts, with and without the rival's collapse",
            [$"Mean over {histories[0].Scenario.Runs} runs per tick with 95% t bands; the rival collapses at the end of tick {ShockTick}.", "Lapse salience 0.5, inertia 2; counted from the event log."],
            "tick", "pacts held by the leader", series);
        context.Report.Image(Path.GetFileName(path), "The leader's pacts per tick, with and without the collapse, at institutionalisation 0 and 1.");
        var at = histories.Select(h => (h.Label, Values: LeaderPactsPerTick(h.Events, h.Scenario))).ToList();
        int[] checkpoints = [ShockTick, ShockTick + 5, ShockTick + 10, ShockTick + 20, LastTick];
        context.Report.Table(["arm", .. checkpoints.Select(t => $"tick {t}")],
            at.Select(h => (IReadOnlyList<string>)[h.Label, .. checkpoints.Select(t => StudyReport.Interval(MeanInterval.Of(h.Values.Select(r => r[t]))))]));
    }

    private static void SystemPactsPlot(StudyContext context, List<(string Label, Scenario Scenario, ResultTable Series, ResultTable Events)> histories)
    {
        var series = histories.Select(h =>
        {
            var run = h.Series["run"];
            var tick = h.Series["tick"];
            var pacts = h.Series["pacts"];
            var perRun = new double[h.Scenario.Runs][];
            for (int r = 0; r < perRun.Length; r++) perRun[r] = new double[h.Scenario.TotalTicks];
            for (int i = 0; i < h.Series.Rows; i++) perRun[(int)run[i]][(int)tick[i]] = pacts[i];
            return PerTick(h.Label, perRun);
        }).ToList();
        string path = ReportPlots.Lines(context.Folder, "system-pacts.png", "Pacts in force in the whole system",
            [$"Mean over {histories[0].Scenario.Runs} runs per tick with 95% t bands; the rival collapses at the end of tick {ShockTick}.", "Lapse salience 0.5, inertia 2; from the series."],
            "tick", "pacts in force", series);
        context.Report.Image(Path.GetFileName(path), "All pacts in the system per tick, with and without the collapse, at institutionalisation 0 and 1.");
    }

    private static string Group((string Factor, double Value)[] point) => $"inst {F(point[0].Value)}\ninertia {F(point[1].Value)}";

    private static BarSeries Bars(string label, IEnumerable<MeanInterval> values)
    {
        var v = values.ToArray();
        return new BarSeries(label, v.Select(i => i.Mean).ToArray(), v.Select(i => i.Lower).ToArray(), v.Select(i => i.Upper).ToArray());
    }

    private static void PactBars(StudyContext context, Dictionary<string, ResultTable> arms, List<(string Factor, double Value)[]> points)
    {
        MeanInterval Mean(string arm, (string, double)[] p) => MeanInterval.Of(arms[arm].Values("leader_pacts", Rows(arms[arm], p)));
        string path = ReportPlots.GroupedBars(context.Folder, "leader-pacts-by-point.png", "The leader's pacts before and after the collapse",
            [$"Means over runs with 95% t intervals; lapse salience 0.5. Before: end of tick {ShockTick}; after: end of tick {LastTick}."],
            "institutionalisation and inertia", "pacts held by the leader", points.Select(Group).ToArray(),
            [
                Bars($"before (tick {ShockTick})", points.Select(p => Mean("before", p))),
                Bars($"after the collapse (tick {LastTick})", points.Select(p => Mean("collapse", p))),
                Bars($"without the collapse (tick {LastTick})", points.Select(p => Mean("control", p))),
            ]);
        context.Report.Image(Path.GetFileName(path), "The leader's pacts on the eve of the collapse and at the end, with and without it, by institutionalisation and inertia (lapse salience 0.5).");
    }

    private static void AfterBars(StudyContext context, Dictionary<string, ResultTable> arms, List<(string Factor, double Value)[]> points)
    {
        string path = ReportPlots.GroupedBars(context.Folder, "leader-after-collapse.png", "What the collapse changes for the leader afterwards",
            [$"Collapse - control per run over ticks {ShockTick + 1}-{LastTick}, paired by replicate, with 95% t intervals; lapse salience 0.5."],
            "institutionalisation and inertia", "change per run", points.Select(Group).ToArray(),
            [
                Bars("pacts at the end", points.Select(p => Effect(arms, p, "leader_pacts"))),
                Bars("entangled stands", points.Select(p => Effect(arms, p, "leader_entangled"))),
                Bars("wars", points.Select(p => Effect(arms, p, "leader_wars"))),
            ]);
        context.Report.Image(Path.GetFileName(path), "The collapse's effect (collapse - control) on the leader's pacts, entangled stands and wars after it, by institutionalisation and inertia.");
    }
}

/// <summary>
/// One finding of the cold-war study: a difference paired by replicate, with its unadjusted 95% interval and its t
/// test against 0, Holm-adjusted over the study's findings.
/// </summary>
/// <param name="Key">A short name for the tests.</param>
/// <param name="Lead">The start of the report's sentence.</param>
/// <param name="Unit">The unit after the number.</param>
/// <param name="Difference">The mean difference per replicate with its 95% t interval (unadjusted).</param>
/// <param name="Test">The paired t test of the difference against 0 with its Holm-adjusted p-value.</param>
public sealed record ColdWarFinding(string Key, string Lead, string Unit, MeanInterval Difference, AdjustedTest Test)
{
    /// <summary>+1: an increase after the correction; -1: a decrease; 0: no change stated.</summary>
    public int Direction => Test.Direction(ColdWarStudy.Level);
}

/// <summary>The cold-war study's headline statistics (see <see cref="ColdWarStudy.Headline"/>): its findings by key.</summary>
public sealed record ColdWarHeadline(IReadOnlyList<ColdWarFinding> Findings)
{
    /// <summary>The finding with <paramref name="key"/>.</summary>
    public ColdWarFinding this[string key] => Findings.Single(f => f.Key == key);

    /// <summary>Collapse - control, leader's pacts at the end, in Waltz's cell.</summary>
    public ColdWarFinding WaltzPactsEffect => this["waltz-pacts"];

    /// <summary>The same with institutionalisation 1.</summary>
    public ColdWarFinding InstitutionalisedPactsEffect => this["institutionalised-pacts"];

    /// <summary>The second minus the first, paired by replicate.</summary>
    public ColdWarFinding InstitutionalisationOnEffect => this["institutionalisation-on-pacts"];

    /// <summary>Collapse - control, the leader's entangled stands after the collapse, Waltz's cell.</summary>
    public ColdWarFinding WaltzEntangledEffect => this["waltz-entangled"];

    /// <summary>Collapse - control, the leader's wars after the collapse, Waltz's cell.</summary>
    public ColdWarFinding WaltzWarsEffect => this["waltz-wars"];

    /// <summary>Collapse - control, the leader's wars after the collapse, institutionalisation 1.</summary>
    public ColdWarFinding InstitutionalisedWarsEffect => this["institutionalised-wars"];

    /// <summary>Collapse arm: the leader's entangled stands at institutionalisation 1 minus 0.</summary>
    public ColdWarFinding InstitutionalisedEntangledDrag => this["drag-entangled"];

    /// <summary>Collapse arm: the leader's wars at institutionalisation 1 minus 0.</summary>
    public ColdWarFinding InstitutionalisedWarsDrag => this["drag-wars"];
}
