using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Beckley's question (experiments/entanglement/README.md): a leader at the hub of a network of pacts for 63 ticks;
/// its disputes by outcome, swept over treaty looseness, honour, chain depth and interest compatibility, under three
/// polarities. Every polarity's grid is run twice on the same seeds, with restraint and without it
/// (<c>restrainC</c> = 1), so that what restraint spared the leader (wars, entanglements, disputes it took part in)
/// is a paired difference, not a count of restraint events. Finds the region where entanglement is as rare as Beckley
/// found and restraint significantly spares the leader wars or entanglements, and the region where entanglement
/// dominates. The labels of the grid's points are screened with Benjamini–Hochberg adjusted p-values (false discovery
/// rate); the findings stated about the two named cells and the polarities are confirmatory, with Holm-adjusted
/// p-values (family-wise error rate).
/// </summary>
public sealed class EntanglementStudy(StudySettings settings) : WaltzStudy(settings)
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

    /// <summary>
    /// <c>restrainC</c> in the arms without restraint. An ally objects when its compatibility with the target is above
    /// <c>restrainC</c>, and compatibility is at most 1, so at 1 nobody ever objects and no dispute is restrained.
    /// </summary>
    public const double NoRestraintC = 1;

    /// <summary>The names of the two cells of the findings, as the report gives them.</summary>
    public static IReadOnlyList<string> Cells { get; } = ["Beckley's cell", "the chain-ganging cell"];

    /// <summary>
    /// The leader's outcomes per run whose paired difference, without restraint minus with it, is what restraint
    /// spared the leader: wars it fought, calls it answered only because of the commitment, disputes it took part in.
    /// </summary>
    public static IReadOnlyList<string> SparedOutcomes { get; } = ["leader_wars", "leader_entangled", "leader_participated"];

    /// <summary>The outcomes of <see cref="SparedOutcomes"/> in words, in the same order.</summary>
    private static readonly string[] SparedNames = ["wars", "entanglements", "disputes taken part in"];

    /// <summary>The name of a polarity's arm without restraint.</summary>
    public static string NoRestraintArm(string polarity) => polarity + "-no-restraint";

    /// <summary>A point's region: see <see cref="Label"/> and <see cref="LabelByCounts"/>.</summary>
    public enum Region
    {
        /// <summary>Entanglement rare and restraint sparing the leader wars or entanglements (or, by counts, outnumbering entanglement).</summary>
        BeckleyLike,

        /// <summary>Entanglement more common than restraint.</summary>
        EntanglementDominates,

        /// <summary>Neither.</summary>
        Neither,
    }

    /// <summary>
    /// The region of a point from the directions of its tests (+1 significantly above the null value, -1 below, 0
    /// neither): <see cref="Region.BeckleyLike"/> when the entanglement share is below <see cref="RareShare"/> and
    /// switching restraint off raises the leader's wars or its entanglements (what restraint spared it is above 0);
    /// otherwise <see cref="Region.EntanglementDominates"/> when restrained - entangled is below 0; otherwise
    /// <see cref="Region.Neither"/>. That restraint events outnumber entanglements does not by itself make a point
    /// Beckley-like: restraint must have changed something.
    /// </summary>
    public static Region Label(int share, int restrainedMinusEntangled, int sparedWars, int sparedEntanglements) =>
        share < 0 && (sparedWars > 0 || sparedEntanglements > 0) ? Region.BeckleyLike
        : restrainedMinusEntangled < 0 ? Region.EntanglementDominates
        : Region.Neither;

    /// <summary>
    /// The count-based region, kept for comparison: <see cref="Region.BeckleyLike"/> when the entanglement share is
    /// below <see cref="RareShare"/> and restrained - entangled is above 0, whether or not restraint spared the
    /// leader anything; <see cref="Region.EntanglementDominates"/> and <see cref="Region.Neither"/> as in <see cref="Label"/>.
    /// </summary>
    public static Region LabelByCounts(int share, int restrainedMinusEntangled) =>
        share < 0 && restrainedMinusEntangled > 0 ? Region.BeckleyLike
        : restrainedMinusEntangled < 0 ? Region.EntanglementDominates
        : Region.Neither;

    /// <summary>The direction of a test at <see cref="Level"/>, after its correction or (<paramref name="adjusted"/> false) before it.</summary>
    public static int Direction(AdjustedTest test, bool adjusted) =>
        adjusted ? test.Direction(Level) : test.IsSignificantUnadjusted(Level) ? test.Test.Sign : 0;

    /// <summary>
    /// A polarity's runs with restraint (<see cref="With"/>) and the same runs without it (<see cref="Without"/>), paired:
    /// row r of <see cref="With"/> and row <see cref="Partner"/>(r) of <see cref="Without"/> are the same point and
    /// replicate, run from the same seed.
    /// </summary>
    public sealed class PairedArm
    {
        private readonly int[] _partner;

        /// <exception cref="StudyException">A run has no partner of the same point and replicate, or its partner ran from another seed.</exception>
        public PairedArm(ResultTable with, ResultTable without)
        {
            ArgumentNullException.ThrowIfNull(with);
            ArgumentNullException.ThrowIfNull(without);
            if (with.Rows != without.Rows)
                throw new StudyException($"{with.Rows} runs with restraint but {without.Rows} without: the arms are not paired");
            var index = new Dictionary<(double Point, double Replicate), int>();
            var (point, replicate) = (without["point"], without["replicate"]);
            for (int r = 0; r < without.Rows; r++) index[(point[r], replicate[r])] = r;
            (point, replicate) = (with["point"], with["replicate"]);
            var (seed, seedWithout) = (with.Text("seed"), without.Text("seed"));
            _partner = new int[with.Rows];
            for (int r = 0; r < with.Rows; r++)
            {
                if (!index.TryGetValue((point[r], replicate[r]), out int s))
                    throw new StudyException($"the runs without restraint have no run of point {point[r]}, replicate {replicate[r]}");
                if (seedWithout[s] != seed[r])
                    throw new StudyException($"point {point[r]}, replicate {replicate[r]} ran from seed {seed[r]} with restraint and {seedWithout[s]} without: the arms are not paired");
                _partner[r] = s;
            }
            With = with;
            Without = without;
        }

        public ResultTable With { get; }

        public ResultTable Without { get; }

        /// <summary>The row of <see cref="Without"/> paired with row <paramref name="row"/> of <see cref="With"/>.</summary>
        public int Partner(int row) => _partner[row];

        /// <summary>What restraint spared the leader in each run of <paramref name="rows"/> (rows of <see cref="With"/>): the value of <paramref name="column"/> without restraint minus with it.</summary>
        public double[] Spared(string column, IReadOnlyList<int> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var (with, without) = (With[column], Without[column]);
            return rows.Select(r => without[_partner[r]] - with[r]).ToArray();
        }
    }

    /// <summary>What restraint spared the leader in one outcome (<see cref="SparedOutcomes"/>): the paired difference per run, without minus with restraint, and its test against 0.</summary>
    public sealed record Effect(string Outcome, MeanInterval Spared, AdjustedTest Test);

    /// <summary>
    /// The verdicts of one named cell under one polarity. <paramref name="ShareTest"/> tests the entanglement share
    /// against <see cref="RareShare"/> (delta method), <paramref name="DifferenceTest"/> restrained - entangled per
    /// run against 0 (t test over runs), each of <paramref name="Spared"/> (one per <see cref="SparedOutcomes"/>) what
    /// restraint spared the leader against 0 (paired t test); all are Holm-adjusted over the findings' family
    /// (<see cref="FindingTests"/>).
    /// </summary>
    public sealed record CellVerdict(string Cell, string Polarity, MeanInterval Share, AdjustedTest ShareTest, MeanInterval RestrainedMinusEntangled, AdjustedTest DifferenceTest, IReadOnlyList<Effect> Spared)
    {
        /// <summary>What restraint spared the leader in wars.</summary>
        public Effect SparedWars => Spared.Single(e => e.Outcome == "leader_wars");

        /// <summary>What restraint spared the leader in entanglements.</summary>
        public Effect SparedEntanglements => Spared.Single(e => e.Outcome == "leader_entangled");

        /// <summary>Entanglement significantly rarer than <see cref="RareShare"/> and restraint significantly sparing the leader wars or entanglements (<see cref="Label"/>).</summary>
        public bool BeckleyPattern =>
            Label(ShareTest.Direction(Level), DifferenceTest.Direction(Level), SparedWars.Test.Direction(Level), SparedEntanglements.Test.Direction(Level)) == Region.BeckleyLike;

        /// <summary>The count-based pattern (<see cref="LabelByCounts"/>): entanglement significantly rarer than <see cref="RareShare"/> and restraint significantly more common than entanglement.</summary>
        public bool BeckleyPatternByCounts => LabelByCounts(ShareTest.Direction(Level), DifferenceTest.Direction(Level)) == Region.BeckleyLike;

        /// <summary>Entanglement significantly more common than restraint.</summary>
        public bool EntanglementDominates => DifferenceTest.Direction(Level) < 0;
    }

    /// <summary>
    /// The confirmatory tests behind the findings: the verdicts of <see cref="Cells"/> under each polarity and the three
    /// comparisons of chain stands between polarities (Welch, later polarity minus earlier), Holm-adjusted together.
    /// </summary>
    public sealed record FindingTests(IReadOnlyList<CellVerdict> CellVerdicts, IReadOnlyList<(string From, string To, MeanInterval Difference, AdjustedTest Test)> ChainComparisons)
    {
        /// <summary>The number of tests in the family: per cell and polarity the share, restrained - entangled and one per spared outcome; and the chain comparisons.</summary>
        public int FamilySize => CellVerdicts.Sum(v => 2 + v.Spared.Count) + ChainComparisons.Count;

        /// <summary>The verdict of one cell under one polarity.</summary>
        public CellVerdict this[string cell, string polarity] => CellVerdicts.Single(v => v.Cell == cell && v.Polarity == polarity);
    }

    public override string Name => "entanglement";
    public override IReadOnlyList<string> References { get; } =
    [
        "Beckley, Michael. 2015. \"The Myth of Entanglement: How the United States Resists Being Dragged into Wars.\" *International Security* 39 (4): 7–48.",
        "Snyder, Glenn H. 1984. \"The Security Dilemma in Alliance Politics.\" *World Politics* 36 (4): 461–495.",
        "Kim, Tongfi. 2011. \"Why Alliances Entangle but Seldom Entrap States.\" *Security Studies* 20 (3): 350–377.",
        "Waltz, Kenneth N. 1979. *Theory of International Politics*. Reading, MA: Addison-Wesley.",
    ];

    public override string Title => "Entanglement or restraint? A hub-and-spoke leader's disputes";
    public override string Question =>
        "Beckley found 5 ostensible cases of entanglement in 219 US militarized disputes (1948-2010), and more restraint than entrapment. " +
        "Under which treaty terms, chain depths, interest compatibility and polarity does a leader at the hub of a network of pacts see entanglement that rare and restraint that actually spares it wars or entanglements, and where does entanglement dominate?";
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

    /// <summary>
    /// The sweep of one polarity without restraint: <see cref="Sweep"/> with <c>restrainC</c> =
    /// <see cref="NoRestraintC"/> and nothing else changed, so the same points and replicates run from the same seeds.
    /// </summary>
    public static WaltzSweep NoRestraintSweep(string polarity, bool quick)
    {
        var sweep = Sweep(polarity, quick);
        var scenario = sweep.Scenario with
        {
            Name = sweep.Scenario.Name + "-no-restraint",
            Description = sweep.Scenario.Description + " Restraint switched off (restrainC = 1: no ally objects).",
            Parameters = sweep.Scenario.Parameters with { RestrainC = NoRestraintC },
        };
        return sweep with
        {
            Name = sweep.Name + "-no-restraint",
            Description = sweep.Description + " Counterfactual arm: restraint switched off (restrainC = 1), the same seeds.",
            Scenario = scenario,
        };
    }

    public override long? PlannedRuns(bool quick) => Polarities.Sum(p => Count(Sweep(p, quick)) + Count(NoRestraintSweep(p, quick)));

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = Polarities.ToDictionary(p => p, p => new PairedArm(
            SweepArm(context, p, Sweep(p, context.Quick)),
            SweepArm(context, NoRestraintArm(p), NoRestraintSweep(p, context.Quick))));
        var report = context.Report;
        var tests = Tests(arms);
        var first = Sweep(Polarities[0], context.Quick);
        double restrainC = first.Scenario.Parameters.RestrainC;
        int points = first.Points().Length;
        string pct = StudyReport.Number(100 * RareShare, 0);

        report.Heading("Design");
        report.Paragraph($"32 states for 63 ticks (1948-2010). The leader (state 0) starts with 12 defence pacts (states 1-12), none between the spokes. " +
            $"Interests spread around one centre, so `interestSpread` sets how compatible allies are (0.05: near-identical interests; 1: as good as unrelated). " +
            $"Full-factorial grid over {string.Join(", ", first.Factors.Select(f => $"`{f.Name}` {{{string.Join(", ", f.Levels!.Select(F))}}}"))}, " +
            $"{first.Replicates} replicates per point, run under each polarity: " +
            "unipolar (the leader holds 30% of all wealth), bipolar (two great powers hold 50%), multipolar (five hold 60%). " +
            "A dispute of the leader is tabulated by what the leader did: *entangled* (stood with a called ally only because of the commitment), " +
            "*aligned* (stood out of its own interest), *abandoned* (refused a call), *restrained* (either way: it restrained an allied initiator, or an ally restrained it), *deterred* (it stood and the initiator backed down). " +
            "The first three count the leader's answers to calls, the last two disputes; one dispute can fall under more than one (the leader is called, stands, and the initiator is deterred), so the columns do not sum to the disputes.");
        report.Paragraph($"**Counterfactual without restraint.** Every polarity's grid is run a second time with restraint switched off (`restrainC` = {F(NoRestraintC)} instead of {F(restrainC)}: an ally objects only when its compatibility with the target is above `restrainC`, and compatibility is at most 1, so nobody objects) and nothing else changed. " +
            $"Replicate r of point p has the same seed in both arms (common random numbers), and a restraint draw takes no number from any other decision's stream, so the two runs of a pair share every draw until the first objection that restrained. " +
            $"What restraint *spared* the leader in a run is the paired difference, without minus with restraint, in the wars it fought (`leader_wars`), the calls it answered only because of the commitment (`leader_entangled`) and the disputes it took part in as initiator, target, an ally that stood or a joiner (`leader_participated`); positive means restraint kept the leader out. " +
            $"{Polarities.Count} polarities × 2 arms × {points} points × {first.Replicates} replicates = {(2 * Polarities.Count * points * first.Replicates).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} runs.");
        report.Paragraph($"Verdicts: intervals are unadjusted 95% intervals and give the size of each number; verdicts are tests corrected for their number. " +
            $"The findings about the two named cells and the polarities (the first tables and the last section) are {tests.FamilySize} two-sided t tests — in each cell and polarity the entanglement share against {pct}%, restrained - entangled per run against 0 and the wars, entanglements and disputes taken part in that restraint spared the leader against 0 (paired), and the chain stands of each pair of polarities (Welch) — adjusted together by Holm's procedure (family-wise error rate {StudyReport.Number(100 * Level, 0)}%). " +
            $"The region of each point of the grid is a screening of many cells, adjusted by Benjamini–Hochberg (false discovery rate {StudyReport.Number(100 * Level, 0)}%; see Regions).");

        report.Heading("The leader's disputes in Beckley's cell");
        report.Paragraph($"Default treaty terms (looseness 0, honour 0.2), calls to the target's own allies only (chain depth 1), compatible allies (interest spread 0.05). " +
            "Counts are per run (63 ticks) with restraint, means with 95% t intervals over runs; the entanglement share is entangled / disputes over all runs with a delta-method interval that takes the run as the unit. " +
            $"*Holm p*: the adjusted p-values of the share against {pct}% and of restrained - entangled against 0.");
        string[] cellHeader = ["polarity", "runs", "disputes", "entangled", "aligned", "abandoned", "restrained (either way)", "deterred", "entanglement share", $"Holm p, share vs {pct}%", "restrained - entangled", "Holm p, vs 0"];
        report.Table(cellHeader, Polarities.Select(p => OutcomeRow(p, arms[p].With, BeckleyCell, tests[Cells[0], p])));
        report.Heading("The leader's disputes in the chain-ganging cell");
        report.Paragraph("Tight treaties (looseness 0), strong honour (2), calls three hops along the chain of allies (chain depth 3), incompatible allies (interest spread 1).");
        report.Table(cellHeader, Polarities.Select(p => OutcomeRow(p, arms[p].With, ChainGangCell, tests[Cells[1], p])));

        var groups = Polarities.Select(p => "Beckley cell, " + p).Concat(Polarities.Select(p => "chain-ganging cell, " + p)).ToArray();
        OutcomeBars(context, arms.ToDictionary(a => a.Key, a => a.Value.With), groups);

        report.Heading("What restraint spared the leader");
        var beckleyRows = Polarities.ToDictionary(p => p, p => Cell(arms[p].With, BeckleyCell));
        var beckleyRestrained = Polarities.Select(p => RestrainedShare(arms[p].With, beckleyRows[p]).Mean).ToList();
        var byLeader = Polarities.Select(p => MeanInterval.Ratio(arms[p].With.Values("leader_restrained_ally", beckleyRows[p]), Restrained(arms[p].With, beckleyRows[p])).Mean).ToList();
        var disputesWith = Polarities.Select(p => MeanInterval.Of(arms[p].With.Values("leader_disputes", beckleyRows[p])).Mean).ToList();
        var disputesWithout = Polarities.Select(p => MeanInterval.Of(arms[p].Without.Values("leader_disputes", beckleyRows[p].Select(arms[p].Partner))).Mean).ToList();
        report.Paragraph($"Why restraint is so common: an ally of a state that starts a dispute objects whenever its compatibility with the target is above `restrainC` ({F(restrainC)}). " +
            $"The closer interests cluster, the more pairs of states are that compatible; with interest spread 0.05 around one centre nearly every pair is, so the leader objects to nearly every dispute any of its allies starts, whoever the target. " +
            "The ally then stands down with chance min(1, rho × M_leader / M_ally) (rho: the ally's compatibility with the leader times the leader's reputation; M: capability), which is 1 whenever the leader, so weighted, is stronger than the ally, as the hub is stronger than its spokes. " +
            $"So a dispute an ally starts ends *restrained* by the leader whenever the leader, so weighted, is the stronger, whatever the dispute is about, and restraint can outnumber entanglement by construction: in Beckley's cell {StudyReport.Number(100 * beckleyRestrained.Min(), 0)}% to {StudyReport.Number(100 * beckleyRestrained.Max(), 0)}% of the leader's disputes end restrained, by polarity, {StudyReport.Number(100 * byLeader.Min(), 0)}% to {StudyReport.Number(100 * byLeader.Max(), 0)}% of them by the leader's objection to an ally's dispute. " +
            $"An objection makes the dispute one of the leader's, so objections also count in the denominator of the entanglement share: in Beckley's cell the leader has {StudyReport.Number(disputesWith.Min(), 1)} to {StudyReport.Number(disputesWith.Max(), 1)} disputes a run with restraint and {StudyReport.Number(disputesWithout.Min(), 1)} to {StudyReport.Number(disputesWithout.Max(), 1)} without. " +
            "A leader whose every dispute counts as restrained is a symptom, not a finding. " +
            "Whether restraint matters is what it changes: a restrained dispute might otherwise have been settled, deterred, or become a war the leader stayed out of, and then restraint spared the leader nothing. " +
            "The counterfactual switches restraint off everywhere, so it measures all that restraint, by anyone, spared the leader: " +
            "the disputes its allies would have started (by the rules such a dispute calls the target's allies and never a state allied to the initiator, so the leader would be drawn in only as an opportunistic joiner or by diffusion), " +
            "the disputes it would have started itself (an ally holding one back spares it a dispute that could have become its own war), " +
            "and the disputes between others that their own allies held back, to which the leader could have been called on the target's side; with all that follows from them in the rest of the run. " +
            "The tables give, beside the restraint counts, what switching restraint off on the same seeds changes in the leader's wars, entanglements and disputes taken part in. " +
            $"*Holm p*: adjusted over the {tests.FamilySize} tests of the findings.");
        report.Paragraph("Not reported: how often the leader's objection decided a dispute against a target it is no more compatible with than with the ally it restrained. The runs record neither the target of an objection nor the compatibilities at the time.");
        string[] sparedHeader = ["polarity", "pairs", "leader restrained an ally", "an ally restrained the leader", "restrained share of disputes",
            "leader disputes, with / without restraint", "leader wars, with / without restraint",
            "wars spared per 100 of its restraint events", "wars spared", "Holm p, wars", "entanglements spared", "Holm p, entanglements", "disputes taken part in spared", "Holm p, taken part"];
        report.Paragraph("Beckley's cell:");
        report.Table(sparedHeader, Polarities.Select(p => SparedRow(p, arms[p], BeckleyCell, tests[Cells[0], p])));
        report.Paragraph("The chain-ganging cell:");
        report.Table(sparedHeader, Polarities.Select(p => SparedRow(p, arms[p], ChainGangCell, tests[Cells[1], p])));
        report.Paragraph(WhatTheCounterfactualShows(arms, tests));

        report.Heading("Regions");
        var factorNames = first.Factors.Select(f => f.Name).ToArray();
        var regions = Classify(arms, factorNames);
        int regionTests = regions.Values.Sum(r => r.Sum(x => x.Tests.Count(t => !double.IsNaN(t.AdjustedP))));
        report.Paragraph($"Each point of each polarity's grid is classified from its paired runs by four tests: the entanglement share against {pct}% (delta method; Beckley: {StudyReport.Number(100 * BeckleyShare, 1)}%), restrained - entangled per run against 0 (t test over runs), and the wars and the entanglements restraint spared the leader against 0 (paired t tests). " +
            $"**Beckley-like**: the share is significantly below {pct}% and restraint significantly spares the leader wars or entanglements (switching it off raises them). **Entanglement dominates**: entanglement significantly exceeds restraint. Otherwise **neither**. " +
            $"*Beckley-like by counts* is the earlier, count-based label, kept for comparison: the share significantly below {pct}% and restraint significantly more common than entanglement, whether or not it spared the leader anything; *by counts only* are the points it calls Beckley-like that the counterfactual does not, where restraint outnumbers entanglement trivially. " +
            $"*Significantly* means a Benjamini–Hochberg adjusted p-value (q-value) below {StudyReport.Number(Level)} over the family of all {regionTests} tests of all points of all polarities: among the labels given, the expected share of wrong ones is at most {StudyReport.Number(100 * Level, 0)}% (the false discovery rate), which suits a map of many cells; a single label is not a confirmed finding. " +
            "The columns *without correction* count the labels the unadjusted tests at 5% alone would give.");
        report.Table(["polarity", "points", "Beckley-like", "entanglement dominates", "neither", "Beckley-like by counts", "by counts only", "Beckley-like without correction", "entanglement dominates without correction"],
            Polarities.Select(p => (IReadOnlyList<string>)[p, Int(regions[p].Count),
                Int(regions[p].Count(x => x.Region == Region.BeckleyLike)), Int(regions[p].Count(x => x.Region == Region.EntanglementDominates)), Int(regions[p].Count(x => x.Region == Region.Neither)),
                Int(regions[p].Count(x => x.ByCounts == Region.BeckleyLike)), Int(regions[p].Count(x => x.ByCounts == Region.BeckleyLike && x.Region != Region.BeckleyLike)),
                Int(regions[p].Count(x => x.Unadjusted == Region.BeckleyLike)), Int(regions[p].Count(x => x.Unadjusted == Region.EntanglementDominates))]));
        report.Paragraph("Share of the points in each region by the level of each factor, all polarities together:");
        foreach (var factor in first.Factors)
        {
            var all = regions.Values.SelectMany(r => r).ToList();
            report.Table([factor.Name, "points", "Beckley-like", "Beckley-like by counts", "entanglement dominates"],
                factor.Levels!.Select(level =>
                {
                    var at = all.Where(p => p.Values[factor.Name] == level).ToList();
                    return (IReadOnlyList<string>)[F(level), Int(at.Count),
                        Share(at, p => p.Region == Region.BeckleyLike), Share(at, p => p.ByCounts == Region.BeckleyLike), Share(at, p => p.Region == Region.EntanglementDominates)];
                }));
        }
        // One colour scale for the three polarities, so that a colour means the same share in each.
        var shares = Polarities.ToDictionary(p => p, p => ShareCells(arms[p].With, first));
        double top = shares.Values.SelectMany(c => c.Cast<MeanInterval>()).Select(m => m.Mean).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        foreach (string polarity in Polarities) ShareHeatmap(context, polarity, shares[polarity], first, (0, Math.Max(top, 1e-9)));

        report.Heading("Chain-ganging across the system");
        report.Paragraph("Stands by allies anywhere in the system (not only the leader's) per run, with restraint, in the chain-ganging cell and averaged over the whole grid; a *chain* stand is one at hop 1 or more, that is by an ally of an ally. Means with 95% t intervals over runs.");
        report.Table(["polarity", "chain stands, chain-ganging cell", "entangled stands, chain-ganging cell", "chain stands, whole grid", "wars, whole grid"],
            Polarities.Select(p =>
            {
                var runs = arms[p].With;
                var cell = Cell(runs, ChainGangCell);
                var all = Enumerable.Range(0, runs.Rows).ToArray();
                return (IReadOnlyList<string>)[p, StudyReport.CountInterval(MeanInterval.Of(runs.Values("chain", cell)), 1), StudyReport.CountInterval(MeanInterval.Of(runs.Values("entangled", cell)), 1),
                    StudyReport.CountInterval(MeanInterval.Of(runs.Values("chain", all)), 1), StudyReport.CountInterval(MeanInterval.Of(runs.Values("wars", all)), 1)];
            }));

        report.Heading("What this shows and what it does not");
        report.Bullets(Findings(arms, regions, first, tests));
    }

    /// <summary>What the counterfactual shows in the two named cells, computed from the verdicts.</summary>
    private static string WhatTheCounterfactualShows(Dictionary<string, PairedArm> arms, FindingTests tests)
    {
        string Sentence(string cell, (string Factor, double Value)[] where)
        {
            var verdicts = Polarities.Select(p => tests[cell, p]).ToList();
            var perEvent = Polarities.Select(p => 100 * WarsSparedPerRestraint(arms[p], Cell(arms[p].With, where)).Mean);
            int byCounts = verdicts.Count(v => v.BeckleyPatternByCounts), beckley = verdicts.Count(v => v.BeckleyPattern);
            int wars = verdicts.Count(v => v.SparedWars.Test.Direction(Level) > 0), entanglements = verdicts.Count(v => v.SparedEntanglements.Test.Direction(Level) > 0);
            return $"in {cell} restraint significantly spares the leader wars under {wars} and entanglements under {entanglements} of the {verdicts.Count} polarities " +
                $"(wars spared {Range(verdicts.Select(v => v.SparedWars.Spared.Mean))}, entanglements spared {Range(verdicts.Select(v => v.SparedEntanglements.Spared.Mean))} a run; wars spared per 100 of the leader's restraint events {Range(perEvent)}); " +
                $"the count-based Beckley pattern holds under {byCounts} and the pattern with restraint that matters under {beckley}";
        }
        return $"What the counterfactual shows (Holm-adjusted over the {tests.FamilySize} tests of the findings): {Sentence(Cells[0], BeckleyCell)}; {Sentence(Cells[1], ChainGangCell)}. " +
            "Where restraint outnumbers entanglement but switching it off does not raise the leader's wars or entanglements, the restraint counted is the mechanical kind described above.";
    }

    /// <summary>"a to b" for the smallest and largest of some means, two decimals.</summary>
    private static string Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        string low = StudyReport.Number(list.Min()), high = StudyReport.Number(list.Max());
        return low == high ? low : $"{low} to {high}";
    }

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The findings, each computed from the results, and the caveats.</summary>
    private static List<string> Findings(Dictionary<string, PairedArm> arms, Dictionary<string, List<PointRegion>> regions, WaltzSweep sweep, FindingTests tests)
    {
        var all = regions.Values.SelectMany(r => r).ToList();
        var findings = new List<string>();
        var beckley = Polarities.Select(p => tests[Cells[0], p]).ToList();
        string holm = $"Holm-adjusted over the {tests.FamilySize} tests of the findings";
        string spared = $"wars spared {Range(beckley.Select(b => b.SparedWars.Spared.Mean))}, entanglements spared {Range(beckley.Select(b => b.SparedEntanglements.Spared.Mean))} a run";
        findings.Add(beckley.All(b => b.BeckleyPattern)
            ? $"In Beckley's cell the leader's entanglement share is at most {StudyReport.Number(100 * beckley.Max(b => b.Share.Mean), 1)}% under every polarity, significantly below {StudyReport.Number(100 * RareShare, 0)}%, and restraint matters: switching it off on the same seeds raises the leader's wars or entanglements significantly under every polarity ({spared}; {holm}). The model reproduces Beckley's pattern there, not only by counting restraint events."
            : beckley.All(b => b.BeckleyPatternByCounts)
            ? $"In Beckley's cell entanglement is rare (at most {StudyReport.Number(100 * beckley.Max(b => b.Share.Mean), 1)}% of the leader's disputes) and restraint events outnumber it by {Range(beckley.Select(b => b.RestrainedMinusEntangled.Mean))} a run under every polarity, significantly, but switching restraint off raises the leader's wars or entanglements significantly under only {beckley.Count(b => b.BeckleyPattern)} of the {beckley.Count} polarities ({spared}; {holm}). Where it does not, the restraint counted is the mechanical kind and the count-based pattern is trivial."
            : $"In Beckley's cell the model does not reproduce Beckley's pattern under every polarity: by counts under {beckley.Count(b => b.BeckleyPatternByCounts)}, with restraint that spares the leader under {beckley.Count(b => b.BeckleyPattern)} of the {beckley.Count} ({spared}; {holm}); see the first tables.");
        var chainGang = Polarities.Select(p => tests[Cells[1], p]).ToList();
        findings.Add(chainGang.All(c => c.EntanglementDominates)
            ? $"In the chain-ganging cell entanglement significantly outnumbers restraint under every polarity ({holm}), by {StudyReport.Number(chainGang.Min(c => -c.RestrainedMinusEntangled.Mean), 1)} to {StudyReport.Number(chainGang.Max(c => -c.RestrainedMinusEntangled.Mean), 1)} disputes a run."
            : $"In the chain-ganging cell entanglement significantly outnumbers restraint under {chainGang.Count(c => c.EntanglementDominates)} of the {chainGang.Count} polarities ({holm}).");
        int byCounts = all.Count(p => p.ByCounts == Region.BeckleyLike), trivial = all.Count(p => p.ByCounts == Region.BeckleyLike && p.Region != Region.BeckleyLike);
        findings.Add($"Of the {byCounts} points that the count-based label calls Beckley-like, {trivial} ({(byCounts == 0 ? "n/a" : StudyReport.Number(100.0 * trivial / byCounts, 0) + "%")}) are so only by counts: restraint outnumbers entanglement there without significantly sparing the leader a war or an entanglement. " +
            $"{all.Count(p => p.Region == Region.BeckleyLike)} of the {all.Count} points are Beckley-like with restraint that matters (Benjamini–Hochberg, see Regions).");
        var spread = sweep.Factors.Single(f => f.Name == "interestSpread").Levels!;
        var compatible = all.Where(p => p.Values["interestSpread"] == spread.Min()).ToList();
        findings.Add($"With the most compatible allies (interest spread {F(spread.Min())}) {Share(compatible, p => p.Region == Region.BeckleyLike)} of the points are Beckley-like ({Share(compatible, p => p.ByCounts == Region.BeckleyLike)} by counts) and {Share(compatible, p => p.Region == Region.EntanglementDominates)} have entanglement dominating.");
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
        var chain = Polarities.Select(p => MeanInterval.Of(arms[p].With["chain"])).ToList();
        string counts = string.Join(", ", chain.Select(c => StudyReport.Number(c.Mean, 0)));
        int Step(string from, string to) => tests.ChainComparisons.Single(c => c.From == from && c.To == to).Test.Direction(Level);
        findings.Add(Step(Polarities[0], Polarities[1]) > 0 && Step(Polarities[1], Polarities[2]) > 0
            ? $"Chain stands (by allies of allies) across the system rise from unipolar to bipolar to multipolar ({counts} a run over the grid, each step significant by Welch's test, {holm}): chain-ganging grows with the number of great powers."
            : Step(Polarities[0], Polarities[1]) > 0 && Step(Polarities[0], Polarities[2]) > 0
            ? $"Chain stands (by allies of allies) across the system are higher with two or five great powers than with one ({counts} a run over the grid, unipolar, bipolar, multipolar; Welch, {holm}); bipolar and multipolar are not told apart."
            : $"Chain stands across the system by polarity (unipolar, bipolar, multipolar): {counts} a run over the grid; they do not rise significantly with each step in the number of great powers (Welch, {holm}).");
        findings.Add("The model's leader is a generic great power with 12 initial pacts among 32 states, not the United States; its disputes count every role it plays (initiator, target, called ally, objecting ally), so their number is not comparable with the 219 MIDs one to one. The comparison is of shares and of which outcome is more common.");
        findings.Add("Restraint is a mechanism here (an ally whose compatibility with the target exceeds `restrainC` objects), not coded from the record, and its count is inflated by construction where interests are clustered (see What restraint spared the leader). " +
            "The counterfactual measures what restraint changed for the leader in these runs; it does not show that the historical cases worked this way.");
        return findings;
    }

    /// <summary>A point's region with the counterfactual and by counts after the correction, the region its unadjusted tests alone would give, and its four tests (share, restrained - entangled, wars spared, entanglements spared).</summary>
    private sealed record PointRegion(IReadOnlyDictionary<string, double> Values, Region Region, Region ByCounts, Region Unadjusted, IReadOnlyList<AdjustedTest> Tests);

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
            polarity, Int(rows.Length),
            StudyReport.CountInterval(Mean("leader_disputes"), 1), StudyReport.CountInterval(Mean("leader_entangled")),
            StudyReport.CountInterval(Mean("leader_aligned")), StudyReport.CountInterval(Mean("leader_abandoned")),
            StudyReport.CountInterval(MeanInterval.Of(restrained), 1), StudyReport.CountInterval(Mean("leader_deterred")),
            PercentInterval(share), StudyReport.P(verdict.ShareTest.AdjustedP), StudyReport.Interval(difference, 1), StudyReport.P(verdict.DifferenceTest.AdjustedP),
        ];
    }

    private static List<string> SparedRow(string polarity, PairedArm arm, (string Factor, double Value)[] cell, CellVerdict verdict)
    {
        var rows = Cell(arm.With, cell);
        var row = new List<string>
        {
            polarity, Int(rows.Length),
            StudyReport.CountInterval(MeanInterval.Of(arm.With.Values("leader_restrained_ally", rows)), 1),
            StudyReport.CountInterval(MeanInterval.Of(arm.With.Values("leader_was_restrained", rows)), 1),
            PercentInterval(RestrainedShare(arm.With, rows)), WithWithout(arm, rows, "leader_disputes", 1), WithWithout(arm, rows, "leader_wars", 2),
            Hundred(WarsSparedPerRestraint(arm, rows)),
        };
        foreach (var effect in verdict.Spared)
        {
            row.Add(StudyReport.Interval(effect.Spared));
            row.Add(StudyReport.P(effect.Test.AdjustedP));
        }
        return row;
    }

    /// <summary>The mean per run of a column with restraint and in the paired runs without it: "with / without".</summary>
    private static string WithWithout(PairedArm arm, int[] rows, string column, int digits) =>
        $"{StudyReport.Number(MeanInterval.Of(arm.With.Values(column, rows)).Mean, digits)} / {StudyReport.Number(MeanInterval.Of(arm.Without.Values(column, rows.Select(arm.Partner))).Mean, digits)}";

    /// <summary>Restraint either way, per run: the leader restrained an ally, or an ally restrained the leader.</summary>
    internal static double[] Restrained(ResultTable runs, IReadOnlyList<int> rows)
    {
        var a = runs.Values("leader_restrained_ally", rows);
        var b = runs.Values("leader_was_restrained", rows);
        return a.Select((x, i) => x + b[i]).ToArray();
    }

    /// <summary>The share of the leader's disputes that ended restrained (either way), over the runs of <paramref name="rows"/>, with its delta-method interval.</summary>
    private static MeanInterval RestrainedShare(ResultTable runs, IReadOnlyList<int> rows) =>
        MeanInterval.Ratio(Restrained(runs, rows), runs.Values("leader_disputes", rows));

    /// <summary>Wars restraint spared the leader per restraint event (either way), over the runs of <paramref name="rows"/>, with its delta-method interval.</summary>
    private static MeanInterval WarsSparedPerRestraint(PairedArm arm, IReadOnlyList<int> rows) =>
        MeanInterval.Ratio(arm.Spared("leader_wars", rows), Restrained(arm.With, rows));

    /// <summary>A ratio per 100 with its interval, one decimal.</summary>
    private static string Hundred(MeanInterval ratio) =>
        StudyReport.Interval(new MeanInterval(100 * ratio.Mean, 100 * ratio.Lower, 100 * ratio.Upper, ratio.Count), 1);

    /// <summary>The headline statistics of one cell of one arm, for the report and the tests.</summary>
    public static (MeanInterval EntanglementShare, MeanInterval RestrainedMinusEntangled) Headline(ResultTable runs, (string Factor, double Value)[] cell)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = Cell(runs, cell);
        var restrained = Restrained(runs, rows);
        var entangled = runs.Values("leader_entangled", rows);
        return (MeanInterval.Ratio(entangled, runs.Values("leader_disputes", rows)), MeanInterval.Of(restrained.Select((r, i) => r - entangled[i])));
    }

    /// <summary>The rows of one cell of a runs table (each factor at the given level).</summary>
    public static int[] CellRows(ResultTable runs, (string Factor, double Value)[] cell) => Cell(runs, cell);

    /// <summary>
    /// The tests of a cell's paired runs: the entanglement share against <see cref="RareShare"/> (delta method),
    /// restrained - entangled per run against 0 (t test over runs), and what restraint spared the leader in each of
    /// <paramref name="spared"/> against 0 (paired t test), with their unadjusted intervals; all with restraint but
    /// the paired differences.
    /// </summary>
    private static List<(MeanInterval Interval, TTest Test)> CellTests(PairedArm arm, int[] rows, IReadOnlyList<string> spared)
    {
        var runs = arm.With;
        var entangled = runs.Values("leader_entangled", rows);
        var disputes = runs.Values("leader_disputes", rows);
        var restrained = Restrained(runs, rows);
        var difference = restrained.Select((r, i) => r - entangled[i]).ToArray();
        var tests = new List<(MeanInterval, TTest)> { (MeanInterval.Ratio(entangled, disputes), TTest.Ratio(entangled, disputes, RareShare)), (MeanInterval.Of(difference), TTest.OneSample(difference)) };
        foreach (string outcome in spared)
        {
            var d = arm.Spared(outcome, rows);
            tests.Add((MeanInterval.Of(d), TTest.OneSample(d)));
        }
        return tests;
    }

    /// <summary>
    /// The confirmatory tests of the findings, Holm-adjusted together: in <see cref="BeckleyCell"/> and
    /// <see cref="ChainGangCell"/> under each polarity, the entanglement share against <see cref="RareShare"/>,
    /// restrained - entangled against 0 and what restraint spared the leader in each of <see cref="SparedOutcomes"/>
    /// against 0 (paired); and the chain stands over the whole grid of each pair of polarities (Welch), with restraint.
    /// </summary>
    public static FindingTests Tests(IReadOnlyDictionary<string, PairedArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var cells = new List<(string Cell, string Polarity, List<(MeanInterval Interval, TTest Test)> Tests)>();
        var tests = new List<TTest>();
        foreach (var (name, cell) in Cells.Zip([BeckleyCell, ChainGangCell]))
        {
            foreach (string polarity in Polarities)
            {
                var c = CellTests(arms[polarity], Cell(arms[polarity].With, cell), SparedOutcomes);
                cells.Add((name, polarity, c));
                tests.AddRange(c.Select(t => t.Test));
            }
        }
        var steps = new List<(string From, string To, MeanInterval Difference)>();
        for (int i = 0; i < Polarities.Count; i++)
        {
            for (int j = i + 1; j < Polarities.Count; j++)
            {
                var later = arms[Polarities[j]].With["chain"];
                var earlier = arms[Polarities[i]].With["chain"];
                steps.Add((Polarities[i], Polarities[j], MeanInterval.Difference(later, earlier)));
                tests.Add(TTest.Welch(later, earlier));
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.Holm);
        var verdicts = new List<CellVerdict>();
        int k = 0;
        foreach (var c in cells)
        {
            var effects = SparedOutcomes.Select((outcome, o) => new Effect(outcome, c.Tests[2 + o].Interval, adjusted[k + 2 + o])).ToList();
            verdicts.Add(new CellVerdict(c.Cell, c.Polarity, c.Tests[0].Interval, adjusted[k], c.Tests[1].Interval, adjusted[k + 1], effects));
            k += c.Tests.Count;
        }
        var chain = steps.Select((c, s) => (c.From, c.To, c.Difference, adjusted[k + s])).ToList();
        return new FindingTests(verdicts, chain);
    }

    /// <summary>The region of every point of every polarity, with Benjamini–Hochberg adjusted p-values over all of their tests together.</summary>
    private static Dictionary<string, List<PointRegion>> Classify(Dictionary<string, PairedArm> arms, string[] factors)
    {
        string[] spared = ["leader_wars", "leader_entangled"];
        var points = new List<(string Polarity, IReadOnlyDictionary<string, double> Values)>();
        var tests = new List<TTest>();
        foreach (string polarity in Polarities)
        {
            var runs = arms[polarity].With;
            var point = runs["point"];
            foreach (var group in Enumerable.Range(0, runs.Rows).GroupBy(r => point[r]))
            {
                var rows = group.ToArray();
                points.Add((polarity, factors.ToDictionary(f => f, f => runs[f][rows[0]])));
                tests.AddRange(CellTests(arms[polarity], rows, spared).Select(t => t.Test));
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, Correction.BenjaminiHochberg);
        var result = Polarities.ToDictionary(p => p, _ => new List<PointRegion>());
        for (int k = 0; k < points.Count; k++)
        {
            var t = adjusted.Skip(4 * k).Take(4).ToList();
            Region Of(bool corrected) => Label(Direction(t[0], corrected), Direction(t[1], corrected), Direction(t[2], corrected), Direction(t[3], corrected));
            result[points[k].Polarity].Add(new PointRegion(points[k].Values, Of(true), LabelByCounts(Direction(t[0], true), Direction(t[1], true)), Of(false), t));
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

    private static string Share(List<PointRegion> points, Func<PointRegion, bool> predicate) =>
        points.Count == 0 ? "n/a" : StudyReport.Number(100.0 * points.Count(predicate) / points.Count, 0) + "%";

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

    /// <summary>The entanglement share (%) of each cell of chain depth 3 and honour 2, by interest spread (rows) and
    /// looseness (columns), as a ratio estimate with its 95% interval.</summary>
    private static MeanInterval[,] ShareCells(ResultTable runs, WaltzSweep sweep)
    {
        var loose = sweep.Factors.Single(f => f.Name == "looseness").Levels!;
        var spread = sweep.Factors.Single(f => f.Name == "interestSpread").Levels!;
        var cells = new MeanInterval[spread.Count, loose.Count];
        for (int y = 0; y < spread.Count; y++)
        {
            for (int x = 0; x < loose.Count; x++)
            {
                var rows = Cell(runs, ("looseness", loose[x]), ("interestSpread", spread[y]), ("chainDepth", 3), ("honour", 2));
                var share = MeanInterval.Ratio(runs.Values("leader_entangled", rows), runs.Values("leader_disputes", rows));
                cells[y, x] = new MeanInterval(100 * share.Mean, 100 * share.Lower, 100 * share.Upper, share.Count);
            }
        }
        return cells;
    }

    private static void ShareHeatmap(StudyContext context, string polarity, MeanInterval[,] shares, WaltzSweep sweep, (double, double) scale)
    {
        var loose = sweep.Factors.Single(f => f.Name == "looseness").Levels!;
        var spread = sweep.Factors.Single(f => f.Name == "interestSpread").Levels!;
        var cells = new double[spread.Count, loose.Count];
        var labels = new string[spread.Count, loose.Count];
        for (int y = 0; y < spread.Count; y++)
        {
            for (int x = 0; x < loose.Count; x++)
            {
                var share = shares[y, x];
                cells[y, x] = share.Mean;
                labels[y, x] = double.IsFinite(share.Mean)
                    ? $"{StudyReport.Number(share.Mean, 1)}\n[{StudyReport.Number(Math.Max(0, share.Lower), 1)}, {StudyReport.Number(share.Upper, 1)}]"
                    : "";
            }
        }
        string path = ReportPlots.Heatmap(context.Folder, $"entanglement-share-{polarity}.png",
            $"Share of the leader's disputes in which it was entangled ({polarity})",
            ["Chain depth 3, honour 2; each cell pools the runs of one point (entangled / disputes, %) with its 95% ratio interval (delta method).",
                "One colour scale for the three polarities."],
            "looseness (0: tight treaty, 1: no obligation)", "interest spread (allies' incompatibility)",
            loose.Select(F).ToArray(), spread.Select(F).ToArray(), cells, "entanglement share, %", scale, labels);
        context.Report.Image(Path.GetFileName(path), $"Entanglement share by treaty looseness and allies' interest spread, {polarity}, chain depth 3 and honour 2, with 95% intervals; one colour scale for all polarities.");
    }
}
