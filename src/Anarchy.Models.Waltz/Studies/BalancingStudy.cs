using System.Globalization;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Waltz's balancing (experiments/balancing/README.md): do states balance rather than bandwagon; how long do states,
/// the great powers and the system's balance last from bipolar and multipolar starts; and what internal and external
/// balancing cost over 200 years, with allies well or poorly chosen. Every comparison the report states as a finding
/// is a t test, and their p-values are Holm-adjusted together (<see cref="Headline(string)"/>).
/// </summary>
public sealed class BalancingStudy(StudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The polarity arms: the number of great powers (0: none).</summary>
    public static IReadOnlyList<int> Poles { get; } = [0, 2, 3, 5, 8];

    /// <summary>The doctrines of the cost arms.</summary>
    public static IReadOnlyList<string> Doctrines { get; } = ["internal", "external"];

    /// <summary>How compatible states' interests are in the cost arms, from well-chosen allies to poorly chosen ones.</summary>
    public static IReadOnlyList<string> Interests { get; } = ["compatible", "random", "incompatible"];

    /// <summary>Runs per plain arm in the quick version (the full version runs the files' 200).</summary>
    public const int QuickRuns = 30;

    /// <summary>Replicates per point of the bandwagoning sweep in the quick version.</summary>
    public const int QuickReplicates = 10;

    /// <summary>"Up front": the first this many years.</summary>
    public const int UpFrontYears = 50;

    /// <summary>The years at which cumulative costs are compared.</summary>
    public static IReadOnlyList<int> CostYears { get; } = [25, 50, 100, 150, 200];

    /// <summary>The window of the last years over which the yearly cost is compared ("the long run").</summary>
    public const int LateYears = 50;

    /// <summary>The family-wise error rate of the findings: a difference is stated when its Holm-adjusted p-value is below this.</summary>
    public const double Level = 0.05;

    public override string Name => "balancing";
    public override IReadOnlyList<string> References { get; } =
    [
        "Waltz, Kenneth N. 1979. *Theory of International Politics*. Reading, MA: Addison-Wesley.",
        "Waltz, Kenneth N. 1964. \"The Stability of a Bipolar World.\" *Daedalus* 93 (3): 881–909.",
        "Walt, Stephen M. 1987. *The Origins of Alliances*. Ithaca, NY: Cornell University Press.",
    ];

    public override string Title => "Balancing: bandwagoning, polarity and survival, and the costs of arms and alliances";
    public override string Question =>
        "Do states balance against the strongest rather than bandwagon with it? How long do states, the great powers and the balance itself last from bipolar and multipolar starts? " +
        "And does internal balancing (arming) cost more up front while external balancing (alliances) costs more in the long run when allies are poorly chosen?";
    public override string QuickDescription =>
        $"{QuickRuns} runs per arm instead of 200, and {QuickReplicates} replicates per point of the bandwagoning sweep instead of 50.";

    public static string PolarityArm(int poles) => $"poles-{poles.ToString(CultureInfo.InvariantCulture)}";

    public static string CostArm(string doctrine, string interests) => $"{doctrine}-{interests}";

    /// <summary>The scenario of a plain arm (its file), with the quick number of runs if asked.</summary>
    public static Scenario ArmScenario(string arm, bool quick)
    {
        var scenario = ExperimentFiles.Scenario($"balancing/scenario-{arm}.json");
        return quick ? scenario with { Runs = QuickRuns } : scenario;
    }

    /// <summary>The bandwagoning sweep, full or quick.</summary>
    public static WaltzSweep Sweep(bool quick)
    {
        var sweep = ExperimentFiles.Sweep("balancing/sweep-bandwagoning.json");
        return quick ? sweep with { Replicates = QuickReplicates } : sweep;
    }

    public override long? PlannedRuns(bool quick) =>
        Poles.Sum(p => (long)ArmScenario(PolarityArm(p), quick).Runs)
        + Interests.Sum(i => Doctrines.Sum(d => (long)ArmScenario(CostArm(d, i), quick).Runs))
        + Count(Sweep(quick));

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var polarity = Poles.ToDictionary(p => p, p => new Arm(ScenarioArm(context, PolarityArm(p), ArmScenario(PolarityArm(p), context.Quick), events: true)));
        var cost = new Dictionary<string, Arm>(StringComparer.Ordinal);
        foreach (string interests in Interests)
        {
            foreach (string doctrine in Doctrines)
            {
                string arm = CostArm(doctrine, interests);
                cost[arm] = new Arm(ScenarioArm(context, arm, ArmScenario(arm, context.Quick)));
            }
        }
        var sweep = Sweep(context.Quick);
        var sweepRuns = SweepArm(context, "bandwagoning", sweep);
        var report = context.Report;

        report.Heading("Design");
        report.Paragraph($"32 states for 200 years (ticks), default parameters unless named. Three groups of arms, each a plain Monte Carlo arm with its per-year series ({polarity[Poles[0]].Runs.Rows} runs each): " +
            $"**polarity** — the Strategic doctrine with {string.Join(", ", Poles.Where(p => p > 0).Select(p => p.ToString(CultureInfo.InvariantCulture)))} great powers holding 60% of all wealth equally (states 0 to poles - 1), and a world without great powers (log-normal wealth), interests uniform; " +
            "**cost** — every state Internal (balances only by arming) or every state External (balances by alliance while it holds fewer than `maxPacts` pacts), no great powers, with interests *compatible* (`interestBlocs` 1, `interestSpread` 0.05: any ally is well chosen), *random* (`interestBlocs` 0) or *incompatible* (`interestBlocs` 1, `interestSpread` 1: allies poorly chosen); " +
            $"and a **bandwagoning sweep** over `threatMix` {{{string.Join(", ", sweep.Factors[0].Levels!.Select(F))}}} x `lossGradient` {{{string.Join(", ", sweep.Factors[1].Levels!.Select(F))}}} in the five-great-power world ({sweep.Replicates} replicates per point). " +
            "Run k of every plain arm has the same seed, so the Internal and External worlds of one interest setting start from the same initial world; their differences are taken run by run (paired).");

        var head = Headline(polarity, cost, sweepRuns);
        report.Paragraph($"Verdicts: every comparison this report states as a finding (more or less, higher or lower, balancing or bandwagoning) is a two-sided t test — paired for External against Internal, Welch's for two polarities, the delta method for a share against a reference — " +
            $"and the p-values of all {head.Findings.Count} such tests are adjusted together by Holm's step-down procedure, so that the chance that any finding of the report is a false positive is at most {StudyReport.Number(100 * Level, 0)}% (the family-wise error rate). " +
            $"A finding is stated when its Holm-adjusted p-value (*Holm p*) is below {StudyReport.Number(Level)}; the 95% intervals are unadjusted and give the size of each number. The last table lists every test.");

        WriteBandwagoning(report, polarity, cost, sweepRuns, sweep, head);
        WritePolarity(context, polarity);
        WriteCosts(context, cost, head);
        WriteFindings(report, head);

        report.Heading("What this shows and what it does not");
        report.Bullets(
        [
            "Bandwagoning is measured as the share of new pacts that include the strongest living state; the chance reference is the share a pact would have if its two members were drawn at random among the living (2 / living states). " +
                "The model's alliance value weighs a partner by the common threat the two face (MODEL.md 7.2, 7.4), and the strongest state is rarely threatened by what threatens the others, so balancing against the strongest is largely built into how partners are chosen: the table tests that the rule produces it in the aggregate, not that states discover it.",
            $"Bipolar and multipolar worlds are set up with the same 60% of wealth in the great powers; the difference is how many share it. {SurvivalSentence(polarity, head)}",
            $"Hegemony here is a bloc (a connected group of allies) with more than half of all capability. With two great powers each holds 30% of the wealth, so one of them and a few allies can pass the mark almost at once (median first year in the bipolar world: {MedianFirstHegemony(polarity[2])}); the first hegemony year therefore says little about the bipolar world, and the share of years with a hegemon and the hegemon at the end say more. " +
                "The model's great powers are not played by doctrine as Waltz's are: they balance by the same Strategic rule as every state, and they grow by conquering small states.",
            $"Costs are booked as the model books them (MODEL.md 7.1): arms at burden times wealth, alliances at the upkeep forgone. They are nominal, so a world that grows richer spends more in the same proportion; the study therefore also divides them by the world's output (summed total wealth) and shows the bottom line, total wealth at the end, which nets out crowding-out, upkeep and war losses. {CostSentence(head)}",
            "Interest compatibility also sets how hostile states are to one another (hostility is 1 - compatibility), so the incompatible world is more dangerous for both doctrines; comparisons of the two doctrines are made within one interest setting, and the difference of those differences is what the claim about poorly chosen allies is about.",
        ]);
    }

    // ---------------------------------------------------------------- bandwagoning

    private static void WriteBandwagoning(StudyReport report, Dictionary<int, Arm> polarity, Dictionary<string, Arm> cost, ResultTable sweepRuns, WaltzSweep sweep, BalancingHeadline head)
    {
        report.Heading("Balancing or bandwagoning");
        report.Paragraph("Per arm: pacts formed per run (means with 95% t intervals over runs), the share of them formed with the strongest living state (sum over runs of pacts with the strongest / sum of pacts formed, delta-method interval with the run as the unit), " +
            "and the chance reference: the share if each pact's two members were drawn at random among the states alive the year before (2 / living states, averaged over the pacts formed). Internal worlds form no pacts and are left out.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (int p in Poles) rows.Add(BandwagonRow($"{PolarityLabel(p)}, Strategic", polarity[p]));
        foreach (string interests in Interests) rows.Add(BandwagonRow($"no great powers, External, {interests} interests", cost[CostArm("external", interests)]));
        report.Table(["arm", "pacts formed per run", "with the strongest per run", "bandwagoning share", "chance reference", "share / chance"], rows);

        var pooled = head.BandwagonShare;
        var pooledShare = pooled.Interval;
        double pooledChance = head.ChanceShare;
        report.Paragraph($"Over all {Poles.Count + Interests.Count} arms together, {PercentInterval(pooledShare)} of new pacts included the strongest state, against {StudyReport.Number(100 * pooledChance, 1)}% by chance (Holm p {StudyReport.P(pooled.Test.AdjustedP)}): " +
            (pooled.Direction < 0 ? $"states ally with the strongest about {StudyReport.Number(pooledChance / pooledShare.Mean, 0)} times less often than chance, that is they balance against it." :
             pooled.Direction > 0 ? "states ally with the strongest more often than chance: they bandwagon." : "the share cannot be told apart from chance."));

        report.Paragraph($"Robustness: the bandwagoning sweep (five great powers, Strategic), by how much the threats other than the principal one count (`threatMix`) and how fast power fades with distance (`lossGradient`). {sweep.Replicates} runs per point; same intervals as above. " +
            $"The chance reference is at least 2/32 = {StudyReport.Number(100 * 2.0 / 32, 2)}% (all states alive) and higher as states die.");
        var tm = sweepRuns["threatMix"];
        var lg = sweepRuns["lossGradient"];
        var sweepRows = new List<IReadOnlyList<string>>();
        foreach (double a in sweep.Factors[0].Levels!)
        {
            foreach (double b in sweep.Factors[1].Levels!)
            {
                var r = sweepRuns.Where(i => tm[i] == a && lg[i] == b);
                var share = MeanInterval.Ratio(sweepRuns.Values("pacts_with_strongest", r), sweepRuns.Values("pacts_formed", r));
                var survivors = MeanInterval.Of(sweepRuns.Values("survivors", r));
                sweepRows.Add([F(a), F(b), StudyReport.CountInterval(MeanInterval.Of(sweepRuns.Values("pacts_formed", r)), 1), PercentInterval(share), StudyReport.CountInterval(survivors, 1), $"{StudyReport.Number(100 * 2.0 / 32, 2)}% to {StudyReport.Number(100 * 2.0 / survivors.Mean, 1)}%"]);
            }
        }
        report.Table(["threatMix", "lossGradient", "pacts formed per run", "bandwagoning share", "survivors", "chance reference, 2/32 to 2/survivors"], sweepRows);
        var sweepShares = head.Findings.Where(f => f.Key.StartsWith(SweepPointKey, StringComparison.Ordinal)).ToList();
        int below = sweepShares.Count(s => s.Direction < 0);
        var above = sweepShares.Where(s => s.Direction > 0).ToList();
        report.Paragraph($"At {below} of {sweepShares.Count} points the bandwagoning share is significantly below 6.25% (Holm-adjusted), the lowest the chance reference can be; the largest share is {PercentInterval(sweepShares.Select(s => s.Interval).MaxBy(s => s.Mean))}." +
            (above.Count == 0 ? ""
                : $" At {above.Count} point{(above.Count == 1 ? "" : "s")} ({string.Join("; ", above.Select(s => s.Key[SweepPointKey.Length..]))}) it is significantly above 6.25%; " +
                  "as states die the chance reference rises toward 2 / survivors (last column), so a share above 6.25% is not by itself a share above chance."));
    }

    private static IReadOnlyList<string> BandwagonRow(string label, Arm arm)
    {
        var share = MeanInterval.Ratio(arm.Runs["pacts_with_strongest"], arm.Runs["pacts_formed"]);
        double chance = arm.ChanceNumerator / arm.Runs["pacts_formed"].Sum();
        return [label, StudyReport.CountInterval(MeanInterval.Of(arm.Runs["pacts_formed"]), 1), StudyReport.CountInterval(MeanInterval.Of(arm.Runs["pacts_with_strongest"]), 2),
            PercentInterval(share), StudyReport.Number(100 * chance, 1) + "%", StudyReport.Number(share.Mean / chance, 3)];
    }

    // ---------------------------------------------------------------- polarity

    private static void WritePolarity(StudyContext context, Dictionary<int, Arm> polarity)
    {
        var report = context.Report;
        report.Heading("Polarity and survival");
        report.Paragraph("Per polarity (Strategic doctrine, interests uniform). *Survivors*: states alive after 200 years. *State lifetime*: the years a state lives within the 200, on average (living states summed over the years, / 32; 200 if none dies). " +
            "*Great-power deaths*: great powers (states 0 to poles - 1) that died, per run, from the event log. Means with 95% t intervals over runs; shares of runs with Wilson 95% intervals (runs are independent). " +
            "*Hegemony*: one bloc of allies holds more than half of all capability; the first year is the median over the runs that had one.");
        report.Table(["world", "survivors", "state lifetime, years", "deaths", "great-power deaths", "runs losing a great power", "runs with a hegemon", "median first hegemony year", "years with a hegemon, share", "hegemon at the end", "wars"],
            Poles.Select(p =>
            {
                var arm = polarity[p];
                int n = arm.Runs.Rows;
                var gp = arm.GreatPowerDeaths(p);
                var first = arm.Runs["first_hegemony_tick"].Where(t => t >= 0).Order().ToArray();
                return (IReadOnlyList<string>)
                [
                    PolarityLabel(p), StudyReport.CountInterval(MeanInterval.Of(arm.Runs["survivors"]), 1), StudyReport.CountInterval(MeanInterval.Of(arm.Lifetime()), 1),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["deaths"]), 1),
                    p == 0 ? "n/a" : StudyReport.CountInterval(MeanInterval.Of(gp), 2),
                    p == 0 ? "n/a" : StudyReport.Percent(Proportion.Wilson(gp.Count(g => g > 0), n), 0),
                    StudyReport.Percent(Proportion.Wilson(first.Length, n), 0),
                    first.Length == 0 ? "none" : StudyReport.Number(Median(first) + 1, 0),
                    PercentInterval(MeanInterval.Of(arm.Series.PerRun("hegemony", v => v.Average()))),
                    StudyReport.Percent(Proportion.Wilson(arm.Series.PerRun("hegemony", v => v[^1]).Count(h => h > 0), n), 0),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["wars"]), 1),
                ];
            }));

        var bi = polarity[2];
        foreach (int p in Poles.Where(p => p > 2))
        {
            var d = MeanInterval.Difference(polarity[p].Runs["survivors"], bi.Runs["survivors"]);
            var g = MeanInterval.Difference(polarity[p].GreatPowerLossShare(p), bi.GreatPowerLossShare(2));
            report.Paragraph($"{Capitalise(PolarityLabel(p))} minus bipolar (Welch 95% intervals): survivors {Signed(d, 1)}, share of the great powers lost per run {Signed(g, 3)}.");
        }

        var lines = Poles.Select(p =>
        {
            var alive = polarity[p].Series.Columns("alive");
            var band = Band(alive);
            return new LineSeries(PolarityLabel(p), Years(alive[0].Length), band.Mean, band.Low, band.High);
        }).ToArray();
        string path = ReportPlots.Lines(context.Folder, "alive.png", "Living states by polarity",
            ["Strategic doctrine; great powers hold 60% of all wealth equally. Mean over runs with 95% t bands."], "year", "living states", lines);
        report.Image(Path.GetFileName(path), "Living states over 200 years, by the number of great powers at the start.");
    }

    private static string SurvivalSentence(Dictionary<int, Arm> polarity, BalancingHeadline head)
    {
        var biGp = MeanInterval.Of(polarity[2].GreatPowerDeaths(2));
        int most = Poles.Max();
        var manyGp = MeanInterval.Of(polarity[most].GreatPowerDeaths(most));
        var survivorsMost = head.SurvivorsMostMinusBipolar;
        var d = survivorsMost.Interval;
        // Per great power: with more of them there are more to lose, so counts per run would mislead.
        var lost = head.GreatPowerLossMostMinusBipolar;
        var none = MeanInterval.Of(polarity[0].Runs["deaths"]);
        var bi = MeanInterval.Of(polarity[2].Runs["deaths"]);
        string p = $"Holm p {StudyReport.P(survivorsMost.Test.AdjustedP)}";
        string survivors = survivorsMost.Direction > 0 ? $"more states survive with {most} great powers than with 2 (by {Signed(d, 1)}, {p})"
            : survivorsMost.Direction < 0 ? $"fewer states survive with {most} great powers than with 2 ({Signed(d, 1)}, {p})"
            : $"the survivors with {most} and with 2 great powers cannot be told apart ({Signed(d, 1)}, {p})";
        bool noneLost = polarity.Where(a => a.Key > 0).All(a => a.Value.GreatPowerDeaths(a.Key).All(g => g == 0));
        string verdict = (noneLost ? "No great power died in any run of any world with great powers, so the great powers' survival cannot tell bipolar from multipolar worlds here."
            : lost.Direction > 0 && survivorsMost.Direction > 0 ? "The great powers themselves last longer the fewer they are, as Waltz expects of bipolarity, but the system as a whole (its small states) lasts longer the more great powers there are."
            : lost.Direction > 0 ? "The great powers themselves last longer the fewer they are, as Waltz expects of bipolarity."
            : lost.Direction < 0 ? "Each great power is likelier to survive the more great powers there are, contrary to Waltz's expectation of bipolarity."
            : "The great powers' survival (the share of them lost) cannot be told apart between the bipolar world and the most multipolar one.") +
            $" (Share of the great powers lost per run, {most} minus 2: {Signed(lost.Interval, 3)}, Holm p {StudyReport.P(lost.Test.AdjustedP)}.)";
        return $"Deaths per run: {StudyReport.CountInterval(bi, 1)} in the bipolar world against {StudyReport.CountInterval(none, 1)} without great powers; {survivors}, while great powers died {StudyReport.CountInterval(biGp, 2)} times per run in the bipolar world and {StudyReport.CountInterval(manyGp, 2)} times with {most}. {verdict}";
    }

    // ---------------------------------------------------------------- costs

    private static void WriteCosts(StudyContext context, Dictionary<string, Arm> cost, BalancingHeadline head)
    {
        var report = context.Report;
        report.Heading("The costs of internal and external balancing");
        report.Paragraph("Cumulative spending (wealth units; mean over runs with 95% t intervals): on arms (`spending_internal`) and on alliances (`spending_external`, the pact upkeep), after 50 and 200 years. " +
            "*Share of output*: cumulative spending / the sum over the years of the world's total wealth, per run. *Wealth at the end*: total wealth of the living states (32 at the start), net of everything the world paid: arms (crowding-out), upkeep and war.");
        report.Table(["interests", "doctrine", "arms, 50 y", "alliances, 50 y", "arms, 200 y", "alliances, 200 y", "total, 200 y", "share of output, %", "wealth at the end", "survivors", "wars", "entangled stands"],
            Interests.SelectMany(i => Doctrines.Select(d =>
            {
                var arm = cost[CostArm(d, i)];
                var si = arm.Series.Columns("spending_internal");
                var se = arm.Series.Columns("spending_external");
                return (IReadOnlyList<string>)
                [
                    i, d,
                    StudyReport.CountInterval(MeanInterval.Of(At(si, UpFrontYears)), 1), StudyReport.CountInterval(MeanInterval.Of(At(se, UpFrontYears)), 2),
                    StudyReport.CountInterval(MeanInterval.Of(At(si, 200)), 0), StudyReport.CountInterval(MeanInterval.Of(At(se, 200)), 0),
                    StudyReport.CountInterval(MeanInterval.Of(arm.TotalSpending(200)), 0),
                    StudyReport.Interval(MeanInterval.Of(arm.OutputShare(200).Select(v => 100 * v)), 3),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["total_wealth"]), 0),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["survivors"]), 1),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["wars"]), 0),
                    StudyReport.CountInterval(MeanInterval.Of(arm.Runs["entangled"]), 0),
                ];
            })));

        report.Paragraph($"External minus Internal, run by run (run k of both worlds starts from the same initial world), means with 95% t intervals of the paired differences. Cumulative total spending after each number of years; " +
            $"*yearly cost, last {LateYears} y*: spending in the last {LateYears} years / output in those years (percentage points); *share of output*: over all 200 years (percentage points).");
        var header = new List<string> { "interests" };
        header.AddRange(CostYears.Select(y => $"total spending, {y} y"));
        header.AddRange([$"yearly cost, last {LateYears} y, pp", "share of output, pp", "wealth at the end", "deaths"]);
        report.Table(header, Interests.Select(i =>
        {
            var (e, n) = (cost[CostArm("external", i)], cost[CostArm("internal", i)]);
            var row = new List<string> { i };
            row.AddRange(CostYears.Select(y => StudyReport.Interval(Paired(e.TotalSpending(y), n.TotalSpending(y)), y <= UpFrontYears ? 2 : 1)));
            row.Add(StudyReport.Interval(Scale(Paired(e.LateShare(LateYears), n.LateShare(LateYears)), 100), 3));
            row.Add(StudyReport.Interval(Scale(Paired(e.OutputShare(200), n.OutputShare(200)), 100), 3));
            row.Add(StudyReport.Interval(Paired(e.Runs["total_wealth"], n.Runs["total_wealth"]), 0));
            row.Add(StudyReport.Interval(Paired(e.Runs["deaths"], n.Runs["deaths"]), 1));
            return (IReadOnlyList<string>)row;
        }));

        foreach (string i in Interests)
        {
            var (e, n) = (cost[CostArm("external", i)], cost[CostArm("internal", i)]);
            var early = head[SpendingKey(UpFrontYears, i)];
            var end = head[SpendingKey(200, i)];
            var late = head[LateKey(i)];
            var wealth = head[WealthKey(i)];
            var deaths = head[DeathsKey(i)];
            int crossing = Crossing(e, n);
            report.Paragraph($"**{Capitalise(i)} interests.** After {UpFrontYears} years the External world has spent {Compare(early, 2)} the Internal world; after 200 years {Compare(end, 0)}. " +
                (crossing == NeverAbove ? "The mean cumulative spending of the External world stays below the Internal world's to the end. "
                    : crossing < 0 ? "The External world's mean cumulative spending rises above the Internal world's for a while but ends below it. "
                    : crossing == 0 ? "The External world's mean cumulative spending is at least the Internal world's throughout. "
                    : $"The External world's mean cumulative spending overtakes the Internal world's in year {crossing + 1} and stays above it. ") +
                $"In the last {LateYears} years the External world's yearly cost relative to its output is {Compare(late, 3, "percentage points")} the Internal world's; at the end the External world is {Compare(wealth, 0, "wealth units", "richer than", "poorer than", "as rich as")} the Internal world, and it has lost {Compare(deaths, 1, "states", "more than", "fewer than", "as many states as")} the Internal world.");
        }
        var diffEnd = Interests.ToDictionary(i => i, i => cost[CostArm("external", i)].TotalSpending(200).Zip(cost[CostArm("internal", i)].TotalSpending(200), (a, b) => a - b).ToArray());
        var did = MeanInterval.Difference(diffEnd["incompatible"], diffEnd["compatible"]);
        report.Paragraph($"Difference in differences: (External - Internal) cumulative spending after 200 years with incompatible interests minus the same with compatible interests is {StudyReport.Interval(did, 1)} (Welch 95% interval).");

        CostPlots(context, cost);
    }

    private static void CostPlots(StudyContext context, Dictionary<string, Arm> cost)
    {
        var report = context.Report;
        var channelLines = new List<LineSeries>();
        foreach (string i in new[] { "compatible", "incompatible" })
        {
            var n = cost[CostArm("internal", i)];
            var e = cost[CostArm("external", i)];
            int ticks = n.Series.Ticks;
            var a = Band(n.Series.Columns("spending_internal"));
            channelLines.Add(new LineSeries($"Internal world: arms ({i})", Years(ticks), a.Mean, a.Low, a.High));
            var b = Band(e.Series.Columns("spending_internal"));
            channelLines.Add(new LineSeries($"External world: arms ({i})", Years(ticks), b.Mean, b.Low, b.High));
            var c = Band(e.Series.Columns("spending_external"));
            channelLines.Add(new LineSeries($"External world: alliances ({i})", Years(ticks), c.Mean, c.Low, c.High));
        }
        string path = ReportPlots.Lines(context.Folder, "spending-by-channel.png", "Cumulative spending by channel",
            ["No great powers. Compatible: interestSpread 0.05 around one centre; incompatible: interestSpread 1.", "Mean over runs with 95% t bands."], "year", "cumulative spending (wealth units)", channelLines);
        report.Image(Path.GetFileName(path), "Cumulative spending on arms and on alliances, in worlds of Internal and of External states, with compatible and with incompatible interests.");

        var ratio = new List<LineSeries>();
        var shareRatio = new List<LineSeries>();
        int years = cost[CostArm("internal", Interests[0])].Series.Ticks;
        foreach (string i in Interests)
        {
            var n = cost[CostArm("internal", i)];
            var e = cost[CostArm("external", i)];
            var r = Enumerable.Range(1, years).Select(y => MeanInterval.Ratio(e.TotalSpending(y), n.TotalSpending(y))).ToArray();
            ratio.Add(new LineSeries($"{i} interests", Years(years), r.Select(x => x.Mean).ToArray(), r.Select(x => x.Lower).ToArray(), r.Select(x => x.Upper).ToArray()));
            var s = Enumerable.Range(1, years).Select(y => MeanInterval.Ratio(e.OutputShare(y), n.OutputShare(y))).ToArray();
            shareRatio.Add(new LineSeries($"{i} interests", Years(years), s.Select(x => x.Mean).ToArray(), s.Select(x => x.Lower).ToArray(), s.Select(x => x.Upper).ToArray()));
        }
        ratio.Add(new LineSeries("parity", Years(years), Enumerable.Repeat(1.0, years).ToArray()));
        shareRatio.Add(new LineSeries("parity", Years(years), Enumerable.Repeat(1.0, years).ToArray()));
        path = ReportPlots.Lines(context.Folder, "cost-ratio.png", "External / Internal: cumulative spending",
            ["Mean cumulative spending (arms + alliances) of the External world / that of the Internal world, same initial worlds.", "95% delta-method bands, the run as the unit. Above 1: alliances cost more."],
            "year", "External / Internal", ratio);
        report.Image(Path.GetFileName(path), "Ratio of cumulative spending, External world over Internal world, by interest compatibility.");
        path = ReportPlots.Lines(context.Folder, "cost-share-ratio.png", "External / Internal: spending as a share of output",
            ["Cumulative spending / cumulative total wealth, External world over Internal world (ratio of mean shares).", "95% delta-method bands, the run as the unit. Above 1: alliances cost more per unit of output."],
            "year", "External / Internal", shareRatio);
        report.Image(Path.GetFileName(path), "Ratio of the share of output spent on security, External world over Internal world, by interest compatibility.");
    }

    private static string CostSentence(BalancingHeadline h)
    {
        string upFront = h.UpFrontDifference.Direction < 0 ? "arming costs more up front (the External world has spent less after 50 years)"
            : h.UpFrontDifference.Direction > 0 ? "alliances cost more even up front" : "the two cannot be told apart after 50 years";
        string longRun = h.EndDifference.Direction > 0 ? "alliances have cost more in nominal terms after 200 years"
            : h.EndDifference.Direction < 0 ? "alliances still cost less after 200 years" : "after 200 years the nominal totals cannot be told apart";
        string share = h.EndOutputShareDifference.Direction > 0 ? "also relative to output" : h.EndOutputShareDifference.Direction < 0 ? "but relative to output the External world has spent less" : "and relative to output they cannot be told apart";
        string wealth = h.EndWealthDifference.Direction > 0 ? "the External world ends richer" : h.EndWealthDifference.Direction < 0 ? "the External world ends poorer" : "the two cannot be told apart in their wealth at the end";
        string verdict = h.UpFrontDifference.Direction < 0 && h.EndDifference.Direction > 0
            ? "The claim (arming dearer up front, alliances with poorly chosen allies dearer in the long run) is reproduced in nominal cumulative spending"
            : "The claim (arming dearer up front, alliances with poorly chosen allies dearer in the long run) is not reproduced in nominal cumulative spending";
        string caveat = h.EndOutputShareDifference.Direction > 0 && h.EndWealthDifference.Direction < 0 ? ", and the share of output and the final wealth agree."
            : "; whether the External world pays more for its security than it gains must be read from the share of output and the final wealth, as above.";
        return $"With incompatible interests (poorly chosen allies), {upFront}; {longRun}, {share}; and {wealth} (each Holm-adjusted). {verdict}{caveat}";
    }

    // ---------------------------------------------------------------- headline

    /// <summary>
    /// One finding of the study: a t test of a difference or of a share against a reference, with its unadjusted 95%
    /// interval and its Holm-adjusted p-value over all the findings.
    /// </summary>
    /// <param name="Key">What is compared, as the last table of the report names it.</param>
    /// <param name="Interval">The estimate with its unadjusted 95% interval.</param>
    /// <param name="Test">The two-sided t test with its Holm-adjusted p-value.</param>
    public sealed record BalancingFinding(string Key, MeanInterval Interval, AdjustedTest Test)
    {
        /// <summary>+1: significantly above the reference after the correction; -1: below; 0: not significant.</summary>
        public int Direction => Test.Direction(Level);
    }

    /// <summary>The headline statistics: the findings (Holm-adjusted together) and the chance reference of the bandwagoning share.</summary>
    /// <param name="Findings">Every finding of the report, in the order of its last table.</param>
    /// <param name="ChanceShare">The share of new pacts with the strongest expected if pact members were drawn at random among the living.</param>
    public sealed record BalancingHeadline(IReadOnlyList<BalancingFinding> Findings, double ChanceShare)
    {
        /// <summary>The finding with <paramref name="key"/>.</summary>
        public BalancingFinding this[string key] => Findings.Single(f => f.Key == key);

        /// <summary>Share of new pacts formed with the strongest living state, over the polarity arms and the External arms together, against <see cref="ChanceShare"/> (delta method).</summary>
        public BalancingFinding BandwagonShare => this[BandwagoningKey];

        /// <summary>Incompatible interests: External minus Internal cumulative spending after 50 years (paired).</summary>
        public BalancingFinding UpFrontDifference => this[SpendingKey(UpFrontYears, "incompatible")];

        /// <summary>Incompatible interests: External minus Internal cumulative spending after 200 years (paired).</summary>
        public BalancingFinding EndDifference => this[SpendingKey(200, "incompatible")];

        /// <summary>Incompatible interests: External minus Internal cumulative spending / cumulative output after 200 years, percentage points (paired).</summary>
        public BalancingFinding EndOutputShareDifference => this[OutputShareKey];

        /// <summary>Incompatible interests: External minus Internal total wealth at the end (paired).</summary>
        public BalancingFinding EndWealthDifference => this[WealthKey("incompatible")];

        /// <summary>Share of the great powers lost per run, most great powers minus two (Welch).</summary>
        public BalancingFinding GreatPowerLossMostMinusBipolar => this[GreatPowerLossKey];

        /// <summary>Surviving states, most great powers minus two (Welch).</summary>
        public BalancingFinding SurvivorsMostMinusBipolar => this[SurvivorsMostKey];

        /// <summary>Surviving states, no great powers minus two (Welch).</summary>
        public BalancingFinding SurvivorsNoneMinusBipolar => this[SurvivorsNoneKey];
    }

    private const string BandwagoningKey = "bandwagoning share, all arms, against chance";
    private const string SweepPointKey = "bandwagoning share against 2/32, ";
    private const string GreatPowerLossKey = "share of the great powers lost, most great powers minus bipolar";
    private const string SurvivorsMostKey = "survivors, most great powers minus bipolar";
    private const string SurvivorsNoneKey = "survivors, no great powers minus bipolar";
    private const string OutputShareKey = "External - Internal share of output after 200 years (pp), incompatible interests";

    private static string SpendingKey(int years, string interests) => $"External - Internal spending after {years.ToString(CultureInfo.InvariantCulture)} years, {interests} interests";

    private static string LateKey(string interests) => $"External - Internal yearly cost, last {LateYears.ToString(CultureInfo.InvariantCulture)} years (pp), {interests} interests";

    private static string WealthKey(string interests) => $"External - Internal wealth at the end, {interests} interests";

    private static string DeathsKey(string interests) => $"External - Internal deaths, {interests} interests";

    /// <summary>The headline statistics of the study in <paramref name="studyFolder"/>.</summary>
    public static BalancingHeadline Headline(string studyFolder)
    {
        Arm Load(string arm) => new(Path.Combine(studyFolder, "arms", arm));
        var polarity = Poles.ToDictionary(p => p, p => Load(PolarityArm(p)));
        var cost = Interests.SelectMany(i => Doctrines.Select(d => CostArm(d, i))).ToDictionary(a => a, Load, StringComparer.Ordinal);
        var sweepRuns = ResultTable.Read(Path.Combine(studyFolder, "arms", "bandwagoning"), "runs.csv");
        return Headline(polarity, cost, sweepRuns);
    }

    /// <summary>
    /// The findings, Holm-adjusted together: the pooled bandwagoning share against chance; the share at each point of
    /// the sweep against 2/32; the most multipolar and the no-great-power worlds against the bipolar one (Welch); and
    /// per interest setting External against Internal, paired by run: cumulative spending after 50 and 200 years, the
    /// yearly cost of the last years, wealth and deaths at the end, and with incompatible interests the share of output.
    /// </summary>
    private static BalancingHeadline Headline(Dictionary<int, Arm> polarity, Dictionary<string, Arm> cost, ResultTable sweepRuns)
    {
        var tests = new List<(string Key, MeanInterval Interval, TTest Test)>();
        void Share(string key, double[] numerators, double[] denominators, double reference) =>
            tests.Add((key, MeanInterval.Ratio(numerators, denominators), TTest.Ratio(numerators, denominators, reference)));
        void Welch(string key, double[] a, double[] b) => tests.Add((key, MeanInterval.Difference(a, b), TTest.Welch(a, b)));
        void Pair(string key, IReadOnlyList<double> a, IReadOnlyList<double> b, double scale = 1)
        {
            var d = a.Select((x, i) => scale * (x - b[i])).ToArray();
            tests.Add((key, MeanInterval.Of(d), TTest.OneSample(d)));
        }

        var all = Poles.Select(p => polarity[p]).Concat(Interests.Select(i => cost[CostArm("external", i)])).ToList();
        double chance = all.Sum(a => a.ChanceNumerator) / all.Sum(a => a.Runs["pacts_formed"].Sum());
        Share(BandwagoningKey, all.SelectMany(a => a.Runs["pacts_with_strongest"]).ToArray(), all.SelectMany(a => a.Runs["pacts_formed"]).ToArray(), chance);
        var tm = sweepRuns["threatMix"];
        var lg = sweepRuns["lossGradient"];
        foreach (double a in sweepRuns.Levels("threatMix"))
        {
            foreach (double b in sweepRuns.Levels("lossGradient"))
            {
                var r = sweepRuns.Where(i => tm[i] == a && lg[i] == b);
                Share($"{SweepPointKey}threatMix {F(a)}, lossGradient {F(b)}", sweepRuns.Values("pacts_with_strongest", r), sweepRuns.Values("pacts_formed", r), 2.0 / 32);
            }
        }
        int most = Poles.Max();
        Welch(GreatPowerLossKey, polarity[most].GreatPowerLossShare(most), polarity[2].GreatPowerLossShare(2));
        Welch(SurvivorsMostKey, polarity[most].Runs["survivors"], polarity[2].Runs["survivors"]);
        Welch(SurvivorsNoneKey, polarity[0].Runs["survivors"], polarity[2].Runs["survivors"]);
        foreach (string i in Interests)
        {
            var (e, n) = (cost[CostArm("external", i)], cost[CostArm("internal", i)]);
            Pair(SpendingKey(UpFrontYears, i), e.TotalSpending(UpFrontYears), n.TotalSpending(UpFrontYears));
            Pair(SpendingKey(200, i), e.TotalSpending(200), n.TotalSpending(200));
            Pair(LateKey(i), e.LateShare(LateYears), n.LateShare(LateYears), 100);
            Pair(WealthKey(i), e.Runs["total_wealth"], n.Runs["total_wealth"]);
            Pair(DeathsKey(i), e.Runs["deaths"], n.Runs["deaths"]);
            if (i == "incompatible") Pair(OutputShareKey, e.OutputShare(200), n.OutputShare(200), 100);
        }
        var adjusted = MultipleComparisons.Adjust(tests.Select(t => t.Test).ToArray(), Correction.Holm);
        return new BalancingHeadline(tests.Select((t, k) => new BalancingFinding(t.Key, t.Interval, adjusted[k])).ToList(), chance);
    }

    /// <summary>Whether a finding is a bandwagoning share against a reference (shown in percent) rather than a difference.</summary>
    private static bool IsShare(BalancingFinding f) => f.Key.StartsWith("bandwagoning share", StringComparison.Ordinal);

    /// <summary>The table of every finding with its test.</summary>
    private static void WriteFindings(StudyReport report, BalancingHeadline head)
    {
        report.Heading("Every finding and its test");
        report.Paragraph($"The {head.Findings.Count} tests behind the report's findings, one family adjusted by Holm's procedure (family-wise error rate {StudyReport.Number(100 * Level, 0)}%). " +
            "Shares are tested against their reference (the chance share, or 2/32 at the sweep's points) with the delta method; differences between polarities with Welch's test; External against Internal paired by run. " +
            "*Estimate*: the share or the difference with its unadjusted 95% interval (pp: percentage points); *p*: unadjusted; *Holm p*: adjusted; *verdict*: the sign of a significant difference, or *not significant*.");
        report.Table(["finding", "estimate [95% CI]", "reference", "p", "Holm p", "verdict"],
            head.Findings.Select(f => (IReadOnlyList<string>)
            [
                f.Key, IsShare(f) ? PercentInterval(f.Interval) : StudyReport.Interval(f.Interval, 3),
                IsShare(f) ? StudyReport.Number(100 * f.Test.Test.Null, 2) + "%" : "0",
                StudyReport.P(f.Test.Test.P), StudyReport.P(f.Test.AdjustedP),
                f.Direction > 0 ? "higher" : f.Direction < 0 ? "lower" : "not significant",
            ]));
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A plain arm's runs, series and (if written) event log.</summary>
    internal sealed class Arm
    {
        private readonly string _folder;
        private double[]? _chance;

        public Arm(string folder)
        {
            _folder = folder;
            Runs = ResultTable.Read(folder, "runs.csv");
            Series = new SeriesTable(ResultTable.Read(folder, "series.csv"), Runs.Rows);
        }

        public ResultTable Runs { get; }
        public SeriesTable Series { get; }

        /// <summary>Sum over runs and years of pacts formed x 2 / states alive the year before: the expected count of pacts with the strongest by chance.</summary>
        public double ChanceNumerator
        {
            get
            {
                _chance ??= ChancePerRun();
                return _chance.Sum();
            }
        }

        private double[] ChancePerRun()
        {
            var formed = Series.Columns("pacts_formed");
            var alive = Series.Columns("alive");
            int states = (int)Runs["states"][0];
            return formed.Select((f, r) => f.Select((x, t) => x * 2.0 / Math.Max(2, t == 0 ? states : alive[r][t - 1])).Sum()).ToArray();
        }

        /// <summary>Years a state lives within the recorded years, on average, per run.</summary>
        public double[] Lifetime()
        {
            int states = (int)Runs["states"][0];
            return Series.PerRun("alive", v => v.Sum() / states);
        }

        /// <summary>Cumulative spending on both channels after <paramref name="years"/> years, per run.</summary>
        public double[] TotalSpending(int years)
        {
            var a = At(Series.Columns("spending_internal"), years);
            var b = At(Series.Columns("spending_external"), years);
            return a.Zip(b, (x, y) => x + y).ToArray();
        }

        /// <summary>Cumulative spending / cumulative total wealth after <paramref name="years"/> years, per run.</summary>
        public double[] OutputShare(int years)
        {
            var wealth = Series.Columns("total_wealth");
            var spending = TotalSpending(years);
            return spending.Select((s, r) => s / wealth[r].Take(years).Sum()).ToArray();
        }

        /// <summary>Spending in the last <paramref name="years"/> years / total wealth summed over those years, per run.</summary>
        public double[] LateShare(int years)
        {
            var wealth = Series.Columns("total_wealth");
            int all = Series.Ticks;
            var end = TotalSpending(all);
            var start = TotalSpending(all - years);
            return end.Select((s, r) => (s - start[r]) / wealth[r].Skip(all - years).Sum()).ToArray();
        }

        /// <summary>Great powers (states below <paramref name="poles"/>) that died, per run, from events.csv.</summary>
        public double[] GreatPowerDeaths(int poles)
        {
            var counts = new double[Runs.Rows];
            if (poles == 0) return counts;
            string path = Path.Combine(_folder, "events.csv");
            using var reader = new StreamReader(path);
            using var records = Anarchy.Output.CsvRecords.Read(reader, path).GetEnumerator();
            if (!records.MoveNext()) return counts;
            var header = records.Current;
            int run = Array.IndexOf(header, "run"), ev = Array.IndexOf(header, "event"), state = Array.IndexOf(header, "state");
            while (records.MoveNext())
            {
                var fields = records.Current;
                if (fields[ev] != EventKinds.Death) continue;
                if (int.Parse(fields[state], CultureInfo.InvariantCulture) < poles) counts[int.Parse(fields[run], CultureInfo.InvariantCulture)]++;
            }
            return counts;
        }

        /// <summary>Per run, the share of the great powers (states 0 to poles - 1) that died.</summary>
        public double[] GreatPowerLossShare(int poles) => poles == 0 ? new double[Runs.Rows] : GreatPowerDeaths(poles).Select(d => d / poles).ToArray();
    }

    /// <summary>series.csv as one array per run and column, indexed by recorded year.</summary>
    internal sealed class SeriesTable
    {
        private readonly ResultTable _table;
        private readonly Dictionary<string, double[][]> _columns = new(StringComparer.Ordinal);
        private readonly int[] _run;

        public SeriesTable(ResultTable table, int runs)
        {
            _table = table;
            RunCount = runs;
            _run = table["run"].Select(v => (int)v).ToArray();
            Ticks = table.Rows / runs;
            if (Ticks * runs != table.Rows) throw new InvalidDataException($"series.csv has {table.Rows} rows, not a multiple of {runs} runs");
        }

        public int RunCount { get; }
        public int Ticks { get; }

        /// <summary>A column as [run][year].</summary>
        public double[][] Columns(string column)
        {
            if (_columns.TryGetValue(column, out var cached)) return cached;
            var values = _table[column];
            var result = Enumerable.Range(0, RunCount).Select(_ => new double[Ticks]).ToArray();
            var filled = new int[RunCount];
            for (int i = 0; i < values.Length; i++) result[_run[i]][filled[_run[i]]++] = values[i];
            _columns[column] = result;
            return result;
        }

        public double[] PerRun(string column, Func<double[], double> summary) => Columns(column).Select(summary).ToArray();
    }

    /// <summary>The values after <paramref name="years"/> years (the row of year <paramref name="years"/>, 1-based), per run.</summary>
    internal static double[] At(double[][] columns, int years) => columns.Select(v => v[Math.Min(years, v.Length) - 1]).ToArray();

    private static (double[] Mean, double[] Low, double[] High) Band(double[][] columns)
    {
        int ticks = columns[0].Length;
        var intervals = Enumerable.Range(0, ticks).Select(t => MeanInterval.Of(columns.Select(c => c[t]))).ToArray();
        return (intervals.Select(i => i.Mean).ToArray(), intervals.Select(i => i.Lower).ToArray(), intervals.Select(i => i.Upper).ToArray());
    }

    private static double[] Years(int ticks) => Enumerable.Range(1, ticks).Select(y => (double)y).ToArray();

    /// <summary>Mean of paired differences a - b, with the 95% t interval.</summary>
    internal static MeanInterval Paired(IReadOnlyList<double> a, IReadOnlyList<double> b) => MeanInterval.Of(a.Select((x, i) => x - b[i]));

    private static MeanInterval Scale(MeanInterval m, double factor) => new(m.Mean * factor, m.Lower * factor, m.Upper * factor, m.Count);

    /// <summary>The first year index from which the External world's mean cumulative spending stays above the Internal world's, 0 if always, -1 if it ends below.</summary>
    /// <summary><see cref="Crossing"/>: the External world's mean is never above the Internal world's.</summary>
    private const int NeverAbove = -1;

    /// <summary><see cref="Crossing"/>: above for a while, below at the end.</summary>
    private const int AboveThenBelow = -2;

    /// <summary>
    /// The year index (from 0) from which the External world's mean cumulative spending stays above the Internal
    /// world's to the end, or <see cref="NeverAbove"/>, or <see cref="AboveThenBelow"/>.
    /// </summary>
    private static int Crossing(Arm external, Arm internalArm)
    {
        int years = external.Series.Ticks;
        var above = Enumerable.Range(1, years).Select(y => external.TotalSpending(y).Average() > internalArm.TotalSpending(y).Average()).ToArray();
        if (!above[^1]) return above.Any(a => a) ? AboveThenBelow : NeverAbove;
        int t = years - 1;
        while (t > 0 && above[t - 1]) t--;
        return t;
    }

    /// <summary>"X more than" / "X less than" / "as much as" for a finding with its interval and Holm-adjusted p-value.</summary>
    private static string Compare(BalancingFinding f, int digits, string unit = "wealth units", string more = "more than", string less = "less than", string same = "as much as")
    {
        var d = f.Interval;
        string amount = $"{StudyReport.Number(Math.Abs(d.Mean), digits)} {unit}";
        string interval = $"95% interval [{StudyReport.Number(d.Lower, digits)}, {StudyReport.Number(d.Upper, digits)}], Holm p {StudyReport.P(f.Test.AdjustedP)}";
        return f.Direction > 0 ? $"{amount} {more} ({interval})"
            : f.Direction < 0 ? $"{amount} {less} ({interval})"
            : $"{same} (the difference, {StudyReport.Number(d.Mean, digits)}, is not significant after the correction: {interval})";
    }

    private static string Signed(MeanInterval d, int digits) => StudyReport.Interval(d, digits);

    private static string PolarityLabel(int poles) => poles switch
    {
        0 => "no great powers",
        2 => "bipolar (2 great powers)",
        _ => $"multipolar ({poles.ToString(CultureInfo.InvariantCulture)} great powers)",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string MedianFirstHegemony(Arm arm)
    {
        var first = arm.Runs["first_hegemony_tick"].Where(t => t >= 0).Order().ToArray();
        return first.Length == 0 ? "none had a hegemon" : $"year {StudyReport.Number(Median(first) + 1, 0)}, in {first.Length} of {arm.Runs.Rows} runs";
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static string PercentInterval(MeanInterval share) =>
        double.IsNaN(share.Mean) ? "n/a"
        : double.IsNaN(share.Lower) ? StudyReport.Number(100 * share.Mean, 2) + "%"
        : $"{StudyReport.Number(100 * share.Mean, 2)}% [{StudyReport.Number(100 * Math.Max(0, share.Lower), 2)}, {StudyReport.Number(100 * share.Upper, 2)}]";
}
