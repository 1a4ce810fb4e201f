using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Beckley's question (experiments/entanglement/README.md): a leader at the hub of a network of pacts for 63 ticks;
/// its disputes by outcome, swept over treaty looseness, honour, chain depth and interest compatibility, under three
/// polarities. Finds the region where entanglement is as rare as Beckley found and restraint outnumbers it, and the
/// region where entanglement dominates. The labels of the grid's points are screened with Benjamini–Hochberg
/// adjusted p-values (false discovery rate); the findings stated about the two named cells and the polarities are
/// confirmatory, with Holm-adjusted p-values (family-wise error rate).
/// </summary>
public sealed class EntanglementStudy(WaltzStudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The polarity arms: name and scenario file.</summary>
    public static IReadOnlyList<string> Polarities { get; } = ["unipolar", "bipolar", "multipolar"];

    /// <summary>Beckley's cell: the default treaty terms (tight, honour 0.2), calls to the target's own allies only, compatible allies.</summary>
    public static (string Factor, double Value)[] BeckleyCell { get; } = [("looseness", 0), ("honour", 0.2), ("chainDepth", 1), ("interestSpread", 0.05)];

    /// <summary>The chain-ganging cell: tight treaties, strong honour, calls three hops deep, incompatible allies.</summary>
    public static (string Factor, double Value)[] ChainGangCell { get; } = [("looseness", 0), ("honour", 2), ("chainDepth", 3), ("interestSpread", 1.0)];

    /// <summary>Beckley (2015): 5 ostensible cases of entanglement in 219 US militarized disputes, 1948-2010.</summary>
    public const double BeckleyShare = 5.0 / 219;

    /// <summary>A point is "as rare as Beckley found" when the upper bound of its entanglement share is at most this.</summary>
    public const double RareShare = 0.05;

    /// <summary>The level of every verdict after its correction (the false discovery rate of the region labels, the family-wise error rate of the findings).</summary>
    public const double Level = 0.05;

    /// <summary>The names of the two cells of the findings, as the report gives them.</summary>
    public static IReadOnlyList<string> Cells { get; } = ["Beckley's cell", "the chain-ganging cell"];

    /// <summary>
    /// The verdicts of one named cell under one polarity. <paramref name="ShareTest"/> tests the entanglement share
    /// against <see cref="RareShare"/> (delta method), <paramref name="DifferenceTest"/> restrained - entangled per
    /// run against 0 (t test over runs); both are Holm-adjusted over the findings' family (<see cref="FindingTests"/>).
    /// </summary>
    public sealed record CellVerdict(string Cell, string Polarity, MeanInterval Share, AdjustedTest ShareTest, MeanInterval RestrainedMinusEntangled, AdjustedTest DifferenceTest)
    {
        /// <summary>Entanglement significantly rarer than <see cref="RareShare"/> and restraint significantly more common than entanglement.</summary>
        public bool BeckleyPattern => ShareTest.Direction(Level) < 0 && DifferenceTest.Direction(Level) > 0;

        /// <summary>Entanglement significantly more common than restraint.</summary>
        public bool EntanglementDominates => DifferenceTest.Direction(Level) < 0;
    }

    /// <summary>
    /// The confirmatory tests behind the findings: the verdicts of <see cref="Cells"/> under each polarity and the three
    /// comparisons of chain stands between polarities (Welch, later polarity minus earlier), Holm-adjusted together.
    /// </summary>
    public sealed record FindingTests(IReadOnlyList<CellVerdict> CellVerdicts, IReadOnlyList<(string From, string To, MeanInterval Difference, AdjustedTest Test)> ChainComparisons)
    {
        /// <summary>The number of tests in the family.</summary>
        public int FamilySize => (2 * CellVerdicts.Count) + ChainComparisons.Count;

        /// <summary>The verdict of one cell under one polarity.</summary>
        public CellVerdict this[string cell, string polarity] => CellVerdicts.Single(v => v.Cell == cell && v.Polarity == polarity);
    }

    public override string Name => "entanglement";
    public override string Title => "Entanglement or restraint? A hub-and-spoke leader's disputes";
    public override string Question =>
        "Beckley found 5 ostensible cases of entanglement in 219 US militarized disputes (1948-2010), and more restraint than entrapment. " +
        "Under which treaty terms, chain depths, interest compatibility and polarity does a leader at the hub of a network of pacts see entanglement that rare and restraint outnumber it, and where does entanglement dominate?";
    public override string QuickDescription =>
        "Two levels per factor (looseness 0 and 0.5, honour 0.2 and 2, chain depth 1 and 3, interest spread 0.05 and 1) and 30 replicates per point instead of 4 x 3 x 3 x 5 levels and 40 replicates.";

    /// <summary>The sweep of one polarity, full or quick.</summary>
    public static WaltzSweep Sweep(string polarity, bool quick)
    {
        var sweep = ExperimentFiles.Sweep("entanglement/sweep.json");
        sweep = sweep with { Name = $"entanglement-{polarity}", Scenario = ExperimentFiles.Scenario($"entanglement/scenario-{polarity}.json") };
        if (!quick) return sweep;
        return sweep with
        {
            Factors =
            [
                Factor.WithLevels("looseness", 0, 0.5), Factor.WithLevels("honour", 0.2, 2),
                Factor.WithLevels("chainDepth", 1, 3) with { IsInteger = true }, Factor.WithLevels("interestSpread", 0.05, 1.0),
            ],
            Replicates = 30,
        };
    }

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = Polarities.ToDictionary(p => p, p => SweepArm(context, p, Sweep(p, context.Quick)));
        var report = context.Report;
        var tests = Tests(arms);

        report.Heading("Design");
        var first = Sweep(Polarities[0], context.Quick);
        report.Paragraph($"32 states for 63 ticks (1948-2010). The leader (state 0) starts with 12 defence pacts (states 1-12), none between the spokes. " +
            $"Interests spread around one centre, so `interestSpread` sets how compatible allies are (0.05: near-identical interests; 1: as good as unrelated). " +
            $"Full-factorial grid over {string.Join(", ", first.Factors.Select(f => $"`{f.Name}` {{{string.Join(", ", f.Levels!.Select(F))}}}"))}, " +
            $"{first.Replicates} replicates per point, run under each polarity: " +
            "unipolar (the leader holds 30% of all wealth), bipolar (two great powers hold 50%), multipolar (five hold 60%). " +
            "A dispute of the leader is tabulated by what the leader did: *entangled* (stood with a called ally only because of the commitment), " +
            "*aligned* (stood out of its own interest), *abandoned* (refused a call), *restrained* (either way: it restrained an allied initiator, or an ally restrained it), *deterred* (it stood and the initiator backed down). " +
            "The first three count the leader's answers to calls, the last two disputes; one dispute can fall under more than one (the leader is called, stands, and the initiator is deterred), so the columns do not sum to the disputes.");
        report.Paragraph($"Verdicts: intervals are unadjusted 95% intervals and give the size of each number; verdicts are tests corrected for their number. " +
            $"The findings about the two named cells and the polarities (the first tables and the last section) are {tests.FamilySize} two-sided t tests — in each cell and polarity the entanglement share against {StudyReport.Number(100 * RareShare, 0)}% and restrained - entangled per run against 0, and the chain stands of each pair of polarities (Welch) — adjusted together by Holm's procedure (family-wise error rate {StudyReport.Number(100 * Level, 0)}%). " +
            $"The region of each point of the grid is a screening of many cells, adjusted by Benjamini–Hochberg (false discovery rate {StudyReport.Number(100 * Level, 0)}%; see Regions).");

        report.Heading("The leader's disputes in Beckley's cell");
        report.Paragraph($"Default treaty terms (looseness 0, honour 0.2), calls to the target's own allies only (chain depth 1), compatible allies (interest spread 0.05). " +
            "Counts are per run (63 ticks), means with 95% t intervals over runs; the entanglement share is entangled / disputes over all runs with a delta-method interval that takes the run as the unit. " +
            $"*Holm p*: the adjusted p-values of the share against {StudyReport.Number(100 * RareShare, 0)}% and of restrained - entangled against 0.");
        string[] cellHeader = ["polarity", "runs", "disputes", "entangled", "aligned", "abandoned", "restrained (either way)", "deterred", "entanglement share", $"Holm p, share vs {StudyReport.Number(100 * RareShare, 0)}%", "restrained - entangled", "Holm p, vs 0"];
        report.Table(cellHeader, Polarities.Select(p => OutcomeRow(p, arms[p], BeckleyCell, tests[Cells[0], p])));
        report.Heading("The leader's disputes in the chain-ganging cell");
        report.Paragraph("Tight treaties (looseness 0), strong honour (2), calls three hops along the chain of allies (chain depth 3), incompatible allies (interest spread 1).");
        report.Table(cellHeader, Polarities.Select(p => OutcomeRow(p, arms[p], ChainGangCell, tests[Cells[1], p])));

        var groups = Polarities.Select(p => "Beckley cell, " + p).Concat(Polarities.Select(p => "chain-ganging cell, " + p)).ToArray();
        OutcomeBars(context, arms, groups);

        report.Heading("Regions");
        var factorNames = first.Factors.Select(f => f.Name).ToArray();
        var regions = Classify(arms, factorNames);
        int regionTests = regions.Values.Sum(r => r.Count(x => !double.IsNaN(x.ShareTest.AdjustedP))) + regions.Values.Sum(r => r.Count(x => !double.IsNaN(x.DifferenceTest.AdjustedP)));
        report.Paragraph($"Each point of each polarity's grid is classified from its runs by two tests: the entanglement share against {StudyReport.Number(100 * RareShare, 0)}% (delta method; Beckley: {StudyReport.Number(100 * BeckleyShare, 1)}%) and restrained - entangled per run against 0 (t test over runs). " +
            $"**Beckley-like**: the share is significantly below {StudyReport.Number(100 * RareShare, 0)}% and restraint significantly exceeds entanglement. **Entanglement dominates**: entanglement significantly exceeds restraint. Otherwise **neither**. " +
            $"*Significantly* means a Benjamini–Hochberg adjusted p-value (q-value) below {StudyReport.Number(Level)} over the family of all {regionTests} tests of all points of all polarities: among the labels given, the expected share of wrong ones is at most {StudyReport.Number(100 * Level, 0)}% (the false discovery rate), which suits a map of many cells; a single label is not a confirmed finding. " +
            "The columns *without correction* count the labels the unadjusted 95% intervals alone would give.");
        report.Table(["polarity", "points", "Beckley-like", "entanglement dominates", "neither", "Beckley-like without correction", "entanglement dominates without correction"],
            Polarities.Select(p => (IReadOnlyList<string>)[p, regions[p].Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Count(regions[p], Region.BeckleyLike), Count(regions[p], Region.EntanglementDominates), Count(regions[p], Region.Neither),
                regions[p].Count(x => x.Unadjusted == Region.BeckleyLike).ToString(System.Globalization.CultureInfo.InvariantCulture),
                regions[p].Count(x => x.Unadjusted == Region.EntanglementDominates).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        report.Paragraph("Share of the points in each region by the level of each factor, all polarities together:");
        foreach (var factor in first.Factors)
        {
            var all = regions.Values.SelectMany(r => r).ToList();
            report.Table([factor.Name, "points", "Beckley-like", "entanglement dominates"],
                factor.Levels!.Select(level =>
                {
                    var at = all.Where(p => p.Values[factor.Name] == level).ToList();
                    return (IReadOnlyList<string>)[F(level), at.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Share(at, Region.BeckleyLike), Share(at, Region.EntanglementDominates)];
                }));
        }
        foreach (string polarity in Polarities) ShareHeatmap(context, polarity, arms[polarity], first);

        report.Heading("Chain-ganging across the system");
        report.Paragraph("Stands by allies anywhere in the system (not only the leader's) per run, in the chain-ganging cell and averaged over the whole grid; a *chain* stand is one at hop 1 or more, that is by an ally of an ally. Means with 95% t intervals over runs.");
        report.Table(["polarity", "chain stands, chain-ganging cell", "entangled stands, chain-ganging cell", "chain stands, whole grid", "wars, whole grid"],
            Polarities.Select(p =>
            {
                var runs = arms[p];
                var cell = Cell(runs, ChainGangCell);
                var all = Enumerable.Range(0, runs.Rows).ToArray();
                return (IReadOnlyList<string>)[p, StudyReport.CountInterval(MeanInterval.Of(runs.Values("chain", cell)), 1), StudyReport.CountInterval(MeanInterval.Of(runs.Values("entangled", cell)), 1),
                    StudyReport.CountInterval(MeanInterval.Of(runs.Values("chain", all)), 1), StudyReport.CountInterval(MeanInterval.Of(runs.Values("wars", all)), 1)];
            }));

        report.Heading("What this shows and what it does not");
        report.Bullets(Findings(arms, regions, first, tests));
    }

    /// <summary>The findings, each computed from the results, and the caveats.</summary>
    private static List<string> Findings(Dictionary<string, ResultTable> arms, Dictionary<string, List<PointRegion>> regions, WaltzSweep sweep, FindingTests tests)
    {
        var all = regions.Values.SelectMany(r => r).ToList();
        var findings = new List<string>();
        var beckley = Polarities.Select(p => tests[Cells[0], p]).ToList();
        string holm = $"Holm-adjusted over the {tests.FamilySize} tests of the findings";
        findings.Add(beckley.All(b => b.BeckleyPattern)
            ? $"In Beckley's cell the leader's entanglement share is at most {StudyReport.Number(100 * beckley.Max(b => b.Share.Mean), 1)}% under every polarity, significantly below {StudyReport.Number(100 * RareShare, 0)}%, and restraint outnumbers entanglement by {StudyReport.Number(beckley.Min(b => b.RestrainedMinusEntangled.Mean), 1)} to {StudyReport.Number(beckley.Max(b => b.RestrainedMinusEntangled.Mean), 1)} disputes a run, significantly ({holm}): the model reproduces Beckley's pattern there."
            : $"In Beckley's cell the model does not reproduce Beckley's pattern under every polarity ({holm}): see the first table.");
        var chainGang = Polarities.Select(p => tests[Cells[1], p]).ToList();
        findings.Add(chainGang.All(c => c.EntanglementDominates)
            ? $"In the chain-ganging cell entanglement significantly outnumbers restraint under every polarity ({holm}), by {StudyReport.Number(chainGang.Min(c => -c.RestrainedMinusEntangled.Mean), 1)} to {StudyReport.Number(chainGang.Max(c => -c.RestrainedMinusEntangled.Mean), 1)} disputes a run."
            : $"In the chain-ganging cell entanglement significantly outnumbers restraint under {chainGang.Count(c => c.EntanglementDominates)} of the {chainGang.Count} polarities ({holm}).");
        var spread = sweep.Factors.Single(f => f.Name == "interestSpread").Levels!;
        var compatible = all.Where(p => p.Values["interestSpread"] == spread.Min()).ToList();
        findings.Add($"With the most compatible allies (interest spread {F(spread.Min())}) {Share(compatible, Region.BeckleyLike)} of the points are Beckley-like and {Share(compatible, Region.EntanglementDominates)} have entanglement dominating.");
        var rarely = sweep.Factors.Select(f => Condition(f, f.Levels!.Where(level =>
            {
                var points = all.Where(p => p.Values[f.Name] == level).ToList();
                return points.Count > 0 && points.Count(p => p.Region == Region.EntanglementDominates) <= 0.01 * points.Count;
            }).ToList())).Where(c => c is not null).ToList();
        if (rarely.Count > 0)
            findings.Add($"Entanglement dominates at no more than 1% of the points with {string.Join(", with ", rarely)}" +
                (rarely.Count > 1 ? ": where any one of these holds, it almost never dominates, whatever the other factors." : ", whatever the other factors."));
        if (sweep.Factors.Single(f => f.Name == "looseness").Levels!.Contains(1))
            findings.Add("With looseness 1 a treaty carries no obligation, so entanglement is impossible there by construction.");
        var chain = Polarities.Select(p => MeanInterval.Of(arms[p]["chain"])).ToList();
        string counts = string.Join(", ", chain.Select(c => StudyReport.Number(c.Mean, 0)));
        int Step(string from, string to) => tests.ChainComparisons.Single(c => c.From == from && c.To == to).Test.Direction(Level);
        findings.Add(Step(Polarities[0], Polarities[1]) > 0 && Step(Polarities[1], Polarities[2]) > 0
            ? $"Chain stands (by allies of allies) across the system rise from unipolar to bipolar to multipolar ({counts} a run over the grid, each step significant by Welch's test, {holm}): chain-ganging grows with the number of great powers."
            : Step(Polarities[0], Polarities[1]) > 0 && Step(Polarities[0], Polarities[2]) > 0
            ? $"Chain stands (by allies of allies) across the system are higher with two or five great powers than with one ({counts} a run over the grid, unipolar, bipolar, multipolar; Welch, {holm}); bipolar and multipolar are not told apart."
            : $"Chain stands across the system by polarity (unipolar, bipolar, multipolar): {counts} a run over the grid; they do not rise significantly with each step in the number of great powers (Welch, {holm}).");
        findings.Add("The model's leader is a generic great power with 12 initial pacts among 32 states, not the United States; its disputes count every role it plays (initiator, target, called ally, objecting ally), so their number is not comparable with the 219 MIDs one to one. The comparison is of shares and of which outcome is more common.");
        findings.Add("Restraint is a mechanism here (an ally whose compatibility with the target exceeds `restrainC` objects), not coded from the record: the study shows when the mechanism makes restraint outnumber entanglement, not that the historical cases worked this way.");
        return findings;
    }

    private enum Region { BeckleyLike, EntanglementDominates, Neither }

    /// <summary>A point's region after the correction, the region its unadjusted intervals alone would give, and its two tests.</summary>
    private sealed record PointRegion(IReadOnlyDictionary<string, double> Values, Region Region, Region Unadjusted, AdjustedTest ShareTest, AdjustedTest DifferenceTest);

    private static IReadOnlyList<string> OutcomeRow(string polarity, ResultTable runs, (string Factor, double Value)[] cell, CellVerdict verdict)
    {
        var rows = Cell(runs, cell);
        MeanInterval Mean(string column) => MeanInterval.Of(runs.Values(column, rows));
        var restrained = Restrained(runs, rows);
        var entangled = runs.Values("leader_entangled", rows);
        var share = MeanInterval.Ratio(entangled, runs.Values("leader_disputes", rows));
        var difference = MeanInterval.Of(restrained.Select((r, i) => r - entangled[i]));
        return
        [
            polarity, rows.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudyReport.CountInterval(Mean("leader_disputes"), 1), StudyReport.CountInterval(Mean("leader_entangled")),
            StudyReport.CountInterval(Mean("leader_aligned")), StudyReport.CountInterval(Mean("leader_abandoned")),
            StudyReport.CountInterval(MeanInterval.Of(restrained), 1), StudyReport.CountInterval(Mean("leader_deterred")),
            PercentInterval(share), StudyReport.P(verdict.ShareTest.AdjustedP), StudyReport.Interval(difference, 1), StudyReport.P(verdict.DifferenceTest.AdjustedP),
        ];
    }

    /// <summary>Restraint either way, per run: the leader restrained an ally, or an ally restrained the leader.</summary>
    internal static double[] Restrained(ResultTable runs, IReadOnlyList<int> rows)
    {
        var a = runs.Values("leader_restrained_ally", rows);
        var b = runs.Values("leader_was_restrained", rows);
        return a.Select((x, i) => x + b[i]).ToArray();
    }

    /// <summary>The headline statistics of one cell of one arm, for the report and the tests.</summary>
    public static (MeanInterval EntanglementShare, MeanInterval RestrainedMinusEntangled) Headline(ResultTable runs, (string Factor, double Value)[] cell)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = Cell(runs, cell);
        var restrained = Restrained(runs, rows);
        var entangled = runs.Values("leader_entangled", rows);
        return (MeanInterval.Ratio(entangled, runs.Values("leader_disputes", rows)), MeanInterval.Of(restrained.Select((r, i) => r - entangled[i])));
    }

    /// <summary>
    /// The two tests of a cell's runs: the entanglement share against <see cref="RareShare"/> (delta method) and
    /// restrained - entangled per run against 0 (t test over runs), with their unadjusted intervals.
    /// </summary>
    private static (MeanInterval Share, TTest ShareTest, MeanInterval Difference, TTest DifferenceTest) CellTests(ResultTable runs, int[] rows)
    {
        var entangled = runs.Values("leader_entangled", rows);
        var disputes = runs.Values("leader_disputes", rows);
        var restrained = Restrained(runs, rows);
        var difference = restrained.Select((r, i) => r - entangled[i]).ToArray();
        return (MeanInterval.Ratio(entangled, disputes), TTest.Ratio(entangled, disputes, RareShare), MeanInterval.Of(difference), TTest.OneSample(difference));
    }

    /// <summary>
    /// The confirmatory tests of the findings, Holm-adjusted together: in <see cref="BeckleyCell"/> and
    /// <see cref="ChainGangCell"/> under each polarity, the entanglement share against <see cref="RareShare"/> and
    /// restrained - entangled against 0; and the chain stands over the whole grid of each pair of polarities (Welch).
    /// </summary>
    public static FindingTests Tests(IReadOnlyDictionary<string, ResultTable> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var cells = new List<(string Cell, string Polarity, MeanInterval Share, MeanInterval Difference)>();
        var tests = new List<TTest>();
        foreach (var (name, cell) in Cells.Zip([BeckleyCell, ChainGangCell]))
        {
            foreach (string polarity in Polarities)
            {
                var c = CellTests(arms[polarity], Cell(arms[polarity], cell));
                cells.Add((name, polarity, c.Share, c.Difference));
                tests.Add(c.ShareTest);
                tests.Add(c.DifferenceTest);
            }
        }
        var steps = new List<(string From, string To, MeanInterval Difference)>();
        for (int i = 0; i < Polarities.Count; i++)
        {
            for (int j = i + 1; j < Polarities.Count; j++)
            {
                var later = arms[Polarities[j]]["chain"];
                var earlier = arms[Polarities[i]]["chain"];
                steps.Add((Polarities[i], Polarities[j], MeanInterval.Difference(later, earlier)));
                tests.Add(TTest.Welch(later, earlier));
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.Holm);
        var verdicts = cells.Select((c, k) => new CellVerdict(c.Cell, c.Polarity, c.Share, adjusted[2 * k], c.Difference, adjusted[(2 * k) + 1])).ToList();
        var chain = steps.Select((c, k) => (c.From, c.To, c.Difference, adjusted[(2 * cells.Count) + k])).ToList();
        return new FindingTests(verdicts, chain);
    }

    /// <summary>The region of every point of every polarity, with Benjamini–Hochberg adjusted p-values over all of their tests together.</summary>
    private static Dictionary<string, List<PointRegion>> Classify(Dictionary<string, ResultTable> arms, string[] factors)
    {
        var points = new List<(string Polarity, IReadOnlyDictionary<string, double> Values, MeanInterval Share, MeanInterval Difference)>();
        var tests = new List<TTest>();
        foreach (string polarity in Polarities)
        {
            var runs = arms[polarity];
            var point = runs["point"];
            foreach (var group in Enumerable.Range(0, runs.Rows).GroupBy(r => point[r]))
            {
                var rows = group.ToArray();
                var c = CellTests(runs, rows);
                points.Add((polarity, factors.ToDictionary(f => f, f => runs[f][rows[0]]), c.Share, c.Difference));
                tests.Add(c.ShareTest);
                tests.Add(c.DifferenceTest);
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.BenjaminiHochberg);
        var result = Polarities.ToDictionary(p => p, _ => new List<PointRegion>());
        for (int k = 0; k < points.Count; k++)
        {
            var (share, difference) = (adjusted[2 * k], adjusted[(2 * k) + 1]);
            var region = share.Direction(Level) < 0 && difference.Direction(Level) > 0 ? Region.BeckleyLike
                : difference.Direction(Level) < 0 ? Region.EntanglementDominates
                : Region.Neither;
            var unadjusted = points[k].Share.Upper <= RareShare && points[k].Difference.Lower > 0 ? Region.BeckleyLike
                : points[k].Difference.Upper < 0 ? Region.EntanglementDominates
                : Region.Neither;
            result[points[k].Polarity].Add(new PointRegion(points[k].Values, region, unadjusted, share, difference));
        }
        return result;
    }

    /// <summary>Levels of a factor in words: "x &lt;= 0.3" for the lowest levels, "x &gt;= 2" for the highest, else a list; null for none.</summary>
    private static string? Condition(Factor factor, List<double> levels)
    {
        if (levels.Count == 0) return null;
        var all = factor.Levels!.Order().ToList();
        levels = [.. levels.Order()];
        if (levels.Count == all.Count) return $"any {factor.Name}";
        if (levels.Count > 1 && levels.SequenceEqual(all.Take(levels.Count))) return $"{factor.Name} <= {F(levels[^1])}";
        if (levels.Count > 1 && levels.SequenceEqual(all.Skip(all.Count - levels.Count))) return $"{factor.Name} >= {F(levels[0])}";
        return $"{factor.Name} {string.Join(" or ", levels.Select(F))}";
    }

    private static string Count(List<PointRegion> points, Region region) =>
        points.Count(p => p.Region == region).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Share(List<PointRegion> points, Region region) =>
        points.Count == 0 ? "n/a" : StudyReport.Number(100.0 * points.Count(p => p.Region == region) / points.Count, 0) + "%";

    private static string PercentInterval(MeanInterval share) =>
        double.IsNaN(share.Mean) ? "n/a"
        : double.IsNaN(share.Lower) ? StudyReport.Number(100 * share.Mean, 1) + "%"
        : $"{StudyReport.Number(100 * share.Mean, 1)}% [{StudyReport.Number(100 * Math.Max(0, share.Lower), 1)}, {StudyReport.Number(100 * share.Upper, 1)}]";

    private static void OutcomeBars(StudyContext context, Dictionary<string, ResultTable> arms, string[] groups)
    {
        var cells = Polarities.Select(p => (arms[p], BeckleyCell)).Concat(Polarities.Select(p => (arms[p], ChainGangCell))).ToArray();
        BarSeries Series(string label, Func<ResultTable, int[], double[]> values)
        {
            var intervals = cells.Select(c => MeanInterval.Of(values(c.Item1, Cell(c.Item1, c.Item2)))).ToArray();
            return new BarSeries(label, intervals.Select(i => i.Mean).ToArray(), intervals.Select(i => i.Lower).ToArray(), intervals.Select(i => i.Upper).ToArray());
        }
        string path = ReportPlots.GroupedBars(context.Folder, "leader-outcomes.png", "The leader's disputes by outcome",
            ["Mean per run of 63 ticks with 95% t intervals over runs; one dispute can count under several outcomes.", "Beckley cell: default treaties, chain depth 1, compatible allies. Chain-ganging cell: tight, honour 2, chain depth 3, incompatible allies."],
            "cell and polarity", "per run (calls answered or disputes)",
            groups.Select(g => g.Replace(", ", "\n", StringComparison.Ordinal)).ToArray(),
            [
                Series("entangled", (t, r) => t.Values("leader_entangled", r)),
                Series("aligned", (t, r) => t.Values("leader_aligned", r)),
                Series("abandoned", (t, r) => t.Values("leader_abandoned", r)),
                Series("restrained (either way)", Restrained),
                Series("deterred", (t, r) => t.Values("leader_deterred", r)),
            ]);
        context.Report.Image(Path.GetFileName(path), "The leader's disputes by outcome in the two cells, by polarity.");
    }

    private static void ShareHeatmap(StudyContext context, string polarity, ResultTable runs, WaltzSweep sweep)
    {
        var loose = sweep.Factors.Single(f => f.Name == "looseness").Levels!;
        var spread = sweep.Factors.Single(f => f.Name == "interestSpread").Levels!;
        var cells = new double[spread.Count, loose.Count];
        for (int y = 0; y < spread.Count; y++)
        {
            for (int x = 0; x < loose.Count; x++)
            {
                var rows = Cell(runs, ("looseness", loose[x]), ("interestSpread", spread[y]), ("chainDepth", 3), ("honour", 2));
                var share = MeanInterval.Ratio(runs.Values("leader_entangled", rows), runs.Values("leader_disputes", rows));
                cells[y, x] = 100 * share.Mean;
            }
        }
        string path = ReportPlots.Heatmap(context.Folder, $"entanglement-share-{polarity}.png",
            $"Share of the leader's disputes in which it was entangled ({polarity})",
            ["Chain depth 3, honour 2; each cell pools the runs of one point (entangled / disputes, %)."],
            "looseness (0: tight treaty, 1: no obligation)", "interest spread (allies' incompatibility)",
            loose.Select(F).ToArray(), spread.Select(F).ToArray(), cells, "entanglement share, %");
        context.Report.Image(Path.GetFileName(path), $"Entanglement share by treaty looseness and allies' interest spread, {polarity}, chain depth 3 and honour 2.");
    }
}
