using System.Globalization;
using Anarchy.Engine;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;

namespace Anarchy.Models.Realpolitik.Studies;

/// <summary>
/// Which of statesim's coding quirks change what the model says? (experiments/quirks/README.md) The preset
/// reproduces each quirk by default and has a switch that corrects it (docs/REALPOLITIK.md). One arm runs statesim's
/// rules, one arm per quirk corrects that quirk alone, and one corrects them all; every arm runs the same seeds, so
/// each run is compared with the statesim run of the same seed (paired differences). Each outcome of each arm is
/// tested against the statesim arm by a paired t test, and the p-values of the whole family are adjusted together
/// by Holm's procedure.
/// </summary>
public sealed class QuirksStudy : ResearchStudy
{
    /// <summary>The family-wise error rate of the verdicts.</summary>
    public const double Level = 0.05;

    /// <summary>The arm with every quirk as statesim has it.</summary>
    public const string Baseline = "statesim";

    /// <summary>The arm with every quirk corrected.</summary>
    public const string AllCorrected = "all-corrected";

    /// <summary>The quirk switches (parameters of value 1 in statesim, 0 corrected), in the order of docs/REALPOLITIK.md.</summary>
    public static IReadOnlyList<string> Quirks { get; } = RealpolitikCatalog.All.Where(p => p.Group == "quirks").Select(p => p.Name).ToArray();

    /// <summary>The arms in report order: statesim, one per quirk corrected, all corrected.</summary>
    public static IReadOnlyList<string> Arms { get; } = [Baseline, .. Quirks, AllCorrected];

    /// <summary>An outcome: its runs.csv column, how it is named and shown.</summary>
    public sealed record Outcome(string Name, string Column, int Digits, double Scale, string Meaning);

    /// <summary>The outcomes compared, in report order.</summary>
    public static IReadOnlyList<Outcome> Outcomes { get; } =
    [
        new("turns", "turns", 0, 1, "turns played to the end (the universal empire, or the turn limit)"),
        new("universal empire", "universal_empire", 1, 100, "% of runs that ended with one state left"),
        new("wars", "wars", 1, 1, "crises that ended in war"),
        new("survivors", "survivors", 2, 1, "states alive at the end"),
        new("median survival", "median_survival", 0, 1, "median turn at which the initial states died (survivors counted at the end)"),
    ];

    /// <summary>One comparison: an arm against the statesim arm on one outcome, the paired difference arm minus statesim.</summary>
    public sealed record Comparison(string Arm, Outcome Outcome, MeanInterval Difference, AdjustedTest Test);

    public override string Name => "quirks";
    public override IReadOnlyList<string> References { get; } =
    [
        "Cusack, Thomas R., and Richard J. Stoll. 1990. *Exploring Realpolitik: Probing International Relations Theory with Computer Simulation*. Boulder, CO: Lynne Rienner.",
        "statesim: a Python realist state system after Cusack and Stoll, github.com/benhorvath/statesim (MIT licence), commit 3e45f15; the rules the preset docks with (docs/REALPOLITIK.md).",
    ];

    public override string Title => "Quirks: which of statesim's coding quirks change the realpolitik model's results?";
    public override string Question =>
        "statesim, the Python peer of Cusack and Stoll's realpolitik model, codes several rules otherwise than its documentation and comments say. " +
        "The preset reproduces each quirk by default; does correcting one (or all) change how long the system takes to reach a universal empire, how many wars it fights and how long states survive?";
    public override string QuickDescription => "40 runs per arm instead of 200.";

    /// <summary>Runs per arm, full or quick.</summary>
    public static int RunsPerArm(bool quick) => quick ? 40 : 200;

    /// <summary>The scenario of an arm: statesim's settings with the arm's quirks corrected.</summary>
    public static RealpolitikScenario Scenario(string arm, bool quick)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (!Arms.Contains(arm, StringComparer.Ordinal)) throw new ArgumentException($"unknown arm '{arm}'", nameof(arm));
        var parameters = RealpolitikCatalog.Defaults;
        foreach (var quirk in RealpolitikCatalog.All.Where(p => p.Group == "quirks"))
        {
            if (arm == AllCorrected || arm == quirk.Name) parameters = quirk.With(parameters, 0);
        }
        return new RealpolitikScenario
        {
            Name = $"quirks-{arm}",
            Description = arm == Baseline ? "statesim's rules, every quirk reproduced" : arm == AllCorrected ? "every quirk corrected" : $"statesim's rules with {arm} corrected",
            Runs = RunsPerArm(quick),
            Seed = 20261207,
            Parameters = parameters,
        };
    }

    public override long? PlannedRuns(bool quick) => (long)Arms.Count * RunsPerArm(quick);

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = Arms.ToDictionary(a => a, a => ResultTable.Read(RunArm(context, a), "runs.csv"), StringComparer.Ordinal);
        var comparisons = Compare(arms);
        var report = context.Report;
        var baseline = Scenario(Baseline, context.Quick);

        report.Heading("Design");
        report.Paragraph($"statesim's settings (config.yaml: {baseline.Describe()}), {RunsPerArm(context.Quick)} runs per arm. " +
            $"The `{Baseline}` arm reproduces every quirk; each of the {Quirks.Count} quirk arms corrects one quirk (its switch set to 0, docs/REALPOLITIK.md describes each); `{AllCorrected}` corrects all of them. " +
            "Every arm runs the same seeds: run r of each arm starts from its own network and powers drawn with the same seed as run r of the statesim arm, so the arms are compared run by run (paired differences); a correction that changes the draws early makes the pairs no more alike than independent runs, which costs power but not validity.");
        report.Paragraph($"Verdicts: each outcome of each arm against the statesim arm is a two-sided paired t test, and the {comparisons.Count} p-values are adjusted together by Holm's procedure; " +
            $"a difference is *significant* when its adjusted p-value is below {StudyReport.Number(Level)}, so the chance of any false verdict in this report is at most {StudyReport.Number(100 * Level, 0)}%. " +
            "The intervals are unadjusted 95% intervals (Wilson for the share of empires, Student-t otherwise).");

        report.Heading("Outcomes by arm");
        report.Table(["arm", .. Outcomes.Select(o => o.Name)],
            Arms.Select(a => (IReadOnlyList<string>)[a, .. Outcomes.Select(o => Mean(o, arms[a][o.Column]))]));
        report.Paragraph(string.Join(" ", Outcomes.Select(o => $"*{Capital(o.Name)}*: {o.Meaning}.")));

        report.Heading("Which corrections matter");
        report.Paragraph(Verdict(comparisons));
        report.Table(["arm", .. Outcomes.Select(o => o.Name + " (arm − statesim)")],
            Arms.Skip(1).Select(a => (IReadOnlyList<string>)[a, .. Outcomes.Select(o => Cell(comparisons.Single(c => c.Arm == a && c.Outcome == o)))]));
        report.Paragraph($"Each cell: the mean paired difference with its unadjusted 95% interval and the Holm-adjusted p-value; **bold** where it is below {StudyReport.Number(Level)}.");
        Heatmap(context, comparisons);
        TurnsPlot(context, arms);
    }

    /// <summary>Runs one arm (kept when complete) and returns its folder.</summary>
    private string RunArm(StudyContext context, string arm) =>
        RunArm(context, arm, RealpolitikDefinition.Instance, Scenario(arm, context.Quick), new RunDetail(Series: false, Events: false));

    /// <summary>
    /// Every arm other than statesim against it on every outcome: the paired difference (runs matched by seed, checked)
    /// and its paired t test, Holm-adjusted over the family.
    /// </summary>
    public static IReadOnlyList<Comparison> Compare(IReadOnlyDictionary<string, ResultTable> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var baseSeeds = arms[Baseline].Text("seed");
        var pairs = new List<(string Arm, Outcome Outcome, MeanInterval Difference)>();
        var tests = new List<TTest>();
        foreach (string arm in Arms.Skip(1))
        {
            if (!arms[arm].Text("seed").SequenceEqual(baseSeeds, StringComparer.Ordinal))
                throw new InvalidOperationException($"the arm '{arm}' does not hold the statesim arm's seeds in the same order, so its runs cannot be paired");
            foreach (var outcome in Outcomes)
            {
                double[] a = arms[arm][outcome.Column], b = arms[Baseline][outcome.Column];
                pairs.Add((arm, outcome, MeanInterval.Of(a.Select((x, i) => x - b[i]))));
                tests.Add(TTest.Paired(a, b));
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.Holm);
        return pairs.Select((p, k) => new Comparison(p.Arm, p.Outcome, p.Difference, adjusted[k])).ToList();
    }

    private static string Verdict(IReadOnlyList<Comparison> comparisons)
    {
        var significant = comparisons.Where(c => c.Test.IsSignificant(Level)).ToList();
        if (significant.Count == 0)
            return "No correction changes any outcome significantly: at this sample size statesim's quirks do not show in its results.";
        var byArm = significant.GroupBy(c => c.Arm).Select(g =>
            $"`{g.Key}` ({string.Join(", ", g.Select(c => $"{c.Outcome.Name} {(c.Difference.Mean > 0 ? "up" : "down")} by {StudyReport.Number(Math.Abs(c.Outcome.Scale * c.Difference.Mean), Math.Max(c.Outcome.Digits, 1))}"))})");
        var identical = Arms.Skip(1).Where(a => comparisons.Where(c => c.Arm == a).All(c => c.Difference.Lower == 0 && c.Difference.Upper == 0)).ToList();
        var unchanged = Arms.Skip(1).Where(a => significant.All(c => c.Arm != a) && !identical.Contains(a)).ToList();
        return $"Significant changes: {string.Join("; ", byArm)}. " +
            (unchanged.Count == 0 ? "" : $"No significant change from {string.Join(", ", unchanged.Select(a => $"`{a}`"))}. ") +
            (identical.Count == 0 ? "" : $"Identical to the statesim arm in every run and outcome (the corrected rule is never exercised at these settings): {string.Join(", ", identical.Select(a => $"`{a}`"))}.");
    }

    private static string Mean(Outcome outcome, double[] values)
    {
        if (outcome.Column == "universal_empire")
            return StudyReport.Percent(Proportion.Wilson((long)values.Sum(), values.Length), outcome.Digits);
        return StudyReport.Interval(MeanInterval.Of(values), outcome.Digits);
    }

    private static string Cell(Comparison c)
    {
        var d = c.Difference;
        string text = StudyReport.Interval(new MeanInterval(c.Outcome.Scale * d.Mean, c.Outcome.Scale * d.Lower, c.Outcome.Scale * d.Upper, d.Count), Math.Max(c.Outcome.Digits, 1)) +
            $", p {StudyReport.P(c.Test.AdjustedP)}";
        return c.Test.IsSignificant(Level) ? $"**{text}**" : text;
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The paired t statistic of every arm against statesim on every outcome.</summary>
    private static void Heatmap(StudyContext context, IReadOnlyList<Comparison> comparisons)
    {
        var arms = Arms.Skip(1).ToArray();
        var cells = new double[Outcomes.Count, arms.Length];
        for (int o = 0; o < Outcomes.Count; o++)
        {
            for (int a = 0; a < arms.Length; a++)
            {
                var t = comparisons.Single(c => c.Arm == arms[a] && c.Outcome == Outcomes[o]).Test.Test;
                cells[Outcomes.Count - 1 - o, a] = double.IsFinite(t.Statistic) ? t.Statistic : 0;
            }
        }
        string path = ReportPlots.Heatmap(context.Folder, "quirks-t.png", "Each correction against statesim's rules",
            ["Paired t statistic of the arm minus the statesim arm, runs matched by seed; positive: the outcome is larger with the correction.",
                "Beyond about ±2 the unadjusted 95% interval excludes 0 (verdicts: Holm-adjusted)."],
            "arm (quirk corrected)", "outcome", arms, Outcomes.Select(o => o.Name).Reverse().ToArray(), cells, "t statistic");
        context.Report.Image(Path.GetFileName(path), "Each correction against statesim's rules on each outcome: paired t statistic.");
    }

    /// <summary>Mean turns to the end by arm with 95% intervals.</summary>
    private static void TurnsPlot(StudyContext context, Dictionary<string, ResultTable> arms)
    {
        var means = Arms.Select(a => MeanInterval.Of(arms[a]["turns"])).ToArray();
        string path = ReportPlots.GroupedBars(context.Folder, "quirks-turns.png", "Turns to the end of the run by arm",
            [string.Create(CultureInfo.InvariantCulture, $"Mean turns played with 95% Student-t intervals, {arms[Baseline].Rows} runs per arm; each arm corrects the quirk it names.")],
            "arm", "turns", Arms, [new BarSeries("turns", means.Select(m => m.Mean).ToArray(), means.Select(m => m.Lower).ToArray(), means.Select(m => m.Upper).ToArray())]);
        context.Report.Image(Path.GetFileName(path), "Mean turns to the end of the run (the universal empire, or the turn limit) by arm.");
    }
}
