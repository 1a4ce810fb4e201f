using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Plots;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// Is there one best balancing doctrine? (experiments/doctrines/README.md) A weak leader follows Internal, External,
/// Strategic or Adaptive balancing while every other state stays Strategic, across environments of threat
/// (revisionismAlpha), spread of interests (interestSpread) and war cost (warCost). For each environment and outcome
/// the study names the best doctrine, its paired margin over the runner-up, and the doctrines significantly worse
/// than the best; it then asks whether any doctrine is never significantly beaten, and where the ranking of two
/// doctrines reverses from one environment to another. Every verdict rests on a paired t test whose p-value is
/// adjusted by Holm's procedure over the family of all comparisons of two doctrines (every pair, outcome and
/// environment), so that the chance of any wrong verdict in the report is at most <see cref="Level"/>.
/// </summary>
public sealed class DoctrinesStudy(StudySettings settings) : WaltzStudy(settings)
{
    /// <summary>The leader's doctrines, one arm each (scenario-&lt;doctrine&gt;.json, lower case).</summary>
    public static IReadOnlyList<string> Doctrines { get; } = ["Internal", "External", "Strategic", "Adaptive"];

    /// <summary>An outcome of the leader: its runs.csv column, the direction that is better, and how it is shown.</summary>
    public sealed record Outcome(string Name, string Column, bool HigherIsBetter, int Digits, double Scale, string Meaning)
    {
        /// <summary>The value shown for a raw value (a share as a percentage).</summary>
        public double Show(double value) => Scale * value;
    }

    /// <summary>The family-wise error rate of the verdicts: a difference is significant when its Holm-adjusted p-value is below this.</summary>
    public const double Level = 0.05;

    /// <summary>The correction of the verdicts: Holm's, since each verdict is stated as a finding (confirmatory).</summary>
    public const Correction VerdictCorrection = Correction.Holm;

    /// <summary>The six outcomes, in the order of the report.</summary>
    public static IReadOnlyList<Outcome> Outcomes { get; } =
    [
        new("survival", "leader_alive", true, 1, 100, "% of runs in which the leader is alive at the end"),
        new("wealth", "leader_wealth", true, 2, 1, "the leader's wealth at the end (0 if dead; initial mean wealth per state 1, the leader's 0.5)"),
        new("wealth share", "leader_wealth_share", true, 2, 100, "% of the living states' total wealth held by the leader at the end (0 if dead)"),
        new("wars", "leader_wars", false, 2, 1, "wars the leader fought in"),
        new("entanglements", "leader_entangled", false, 2, 1, "calls the leader answered only because of the commitment"),
        new("insecurity", "leader_insecure_share", false, 1, 100, "% of its ticks the leader spent with a security ratio below 1 (lower is more secure)"),
    ];

    /// <summary>One environment: a point of the sweep.</summary>
    public sealed record Environment(double Threat, double Spread, double WarCost)
    {
        /// <summary>The mean revisionism of the other states, revisionismAlpha / (revisionismAlpha + revisionismBeta), for the scenario's <paramref name="revisionismBeta"/>.</summary>
        public double MeanRevisionism(double revisionismBeta) => Threat / (Threat + revisionismBeta);

        public string Label => $"threat {F(Threat)}, spread {F(Spread)}, war cost {F(WarCost)}";

        public string ShortLabel => $"α {F(Threat)}\ns {F(Spread)}\nc {F(WarCost)}";

        public (string Factor, double Value)[] Where => [("revisionismAlpha", Threat), ("interestSpread", Spread), ("warCost", WarCost)];
    }

    /// <summary>
    /// One comparison of the family: doctrine <paramref name="A"/> against <paramref name="B"/> on one outcome in one
    /// environment. <paramref name="Difference"/> is the paired difference A minus B with its unadjusted 95% interval,
    /// signed so that positive means A is better; <paramref name="Test"/> is the paired t test of that difference with
    /// its Holm-adjusted p-value.
    /// </summary>
    public sealed record Comparison(Outcome Outcome, Environment Environment, string A, string B, MeanInterval Difference, AdjustedTest Test)
    {
        /// <summary>+1 when A is significantly better than B after the correction, -1 when significantly worse, else 0.</summary>
        public int Direction => Test.Direction(Level);

        /// <summary>The same comparison seen from <see cref="B"/>: the two doctrines swapped and every sign turned.</summary>
        public Comparison Flipped() => this with
        {
            A = B,
            B = A,
            Difference = new MeanInterval(-Difference.Mean, -Difference.Upper, -Difference.Lower, Difference.Count),
            Test = Test with { Test = Test.Test with { Estimate = -Test.Test.Estimate, Null = -Test.Test.Null, Statistic = -Test.Test.Statistic } },
        };
    }

    /// <summary>
    /// The verdict of one environment on one outcome. <paramref name="Margin"/> is the paired difference best minus
    /// runner-up, signed so that positive means the best is better (for wars, entanglements and insecurity: fewer);
    /// <paramref name="AdjustedP"/> holds the Holm-adjusted p-value of the best against each other doctrine, and
    /// <paramref name="Beaten"/> lists the doctrines significantly worse than the best: adjusted p-value below
    /// <see cref="Level"/>.
    /// </summary>
    public sealed record Verdict(Environment Environment, Outcome Outcome, string Best, string RunnerUp, MeanInterval Margin, IReadOnlyDictionary<string, double> AdjustedP, IReadOnlyList<string> Beaten)
    {
        /// <summary>The best is significantly better than the runner-up (and so, in all but name, than every other doctrine).</summary>
        public bool Decisive => Beaten.Contains(RunnerUp);

        /// <summary>The Holm-adjusted p-value of the best against the runner-up.</summary>
        public double MarginP => AdjustedP[RunnerUp];
    }

    /// <summary>
    /// Doctrine <paramref name="A"/> is significantly better than <paramref name="B"/> on <paramref name="Outcome"/> in
    /// <paramref name="AWins"/> and significantly worse in <paramref name="BWins"/> (Holm-adjusted p-values
    /// <paramref name="AP"/> and <paramref name="BP"/>); the margins are paired differences A minus B and B minus A,
    /// signed so that positive is better.
    /// </summary>
    public sealed record Reversal(Outcome Outcome, string A, string B, Environment AWins, MeanInterval AMargin, double AP, Environment BWins, MeanInterval BMargin, double BP);

    /// <summary>
    /// The headline: the verdicts, the doctrines never significantly beaten (overall and per outcome), the reversals,
    /// and the whole family of comparisons behind them.
    /// </summary>
    public sealed record DoctrinesHeadline(
        IReadOnlyList<Verdict> Verdicts,
        IReadOnlyList<string> WinsEverywhere,
        IReadOnlyDictionary<string, IReadOnlyList<string>> UnbeatenByOutcome,
        IReadOnlyList<Reversal> Reversals,
        IReadOnlyList<Comparison> Comparisons)
    {
        /// <summary>The number of tests in the family (every pair of doctrines on every outcome in every environment).</summary>
        public int FamilySize => Comparisons.Count;

        /// <summary>Comparisons whose unadjusted 95% interval excludes 0 but which are not significant after the correction.</summary>
        public int UnadjustedOnly => Comparisons.Count(c => c.Test.IsSignificantUnadjusted(Level) && !c.Test.IsSignificant(Level));
    }

    public override string Name => "doctrines";
    public override IReadOnlyList<string> References { get; } =
    [
        "Waltz, Kenneth N. 1979. *Theory of International Politics*. Reading, MA: Addison-Wesley.",
        "Morrow, James D. 1991. \"Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances.\" *American Journal of Political Science* 35 (4): 904–933.",
        "Snyder, Glenn H. 1984. \"The Security Dilemma in Alliance Politics.\" *World Politics* 36 (4): 461–495.",
    ];

    public override string Title => "Doctrines: is there one best way for a weak state to balance?";
    public override string Question =>
        "Should a state always arm (Internal), always ally (External), weigh the price of each (Strategic) or imitate its most successful neighbour (Adaptive)? " +
        "For a weak state among Strategic neighbours, which doctrine gives the best survival, wealth, fewest wars and entanglements and most security, and does the answer change with the level of threat, the spread of interests and the cost of war?";
    public override string QuickDescription =>
        "Two threat levels (revisionismAlpha 0.5 and 4) instead of three, and 60 replicates per point instead of 400.";

    /// <summary>The sweep of one doctrine's arm, full or quick.</summary>
    public static WaltzSweep Sweep(string doctrine, bool quick)
    {
        ArgumentNullException.ThrowIfNull(doctrine);
        string lower = doctrine.ToLowerInvariant();
        var sweep = ExperimentFiles.Sweep("doctrines/sweep.json");
        sweep = sweep with { Name = $"doctrines-{lower}", Scenario = ExperimentFiles.Scenario($"doctrines/scenario-{lower}.json") };
        if (!quick) return sweep;
        return sweep with
        {
            Factors = [Factor.WithLevels("revisionismAlpha", 0.5, 4), .. sweep.Factors.Skip(1)],
            Replicates = 60,
        };
    }

    /// <summary>The environments of a sweep, in point order (the last factor varies fastest).</summary>
    public static IReadOnlyList<Environment> Environments(WaltzSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var levels = sweep.Factors.ToDictionary(f => f.Name, f => f.Levels!);
        return [.. from t in levels["revisionismAlpha"] from s in levels["interestSpread"] from c in levels["warCost"] select new Environment(t, s, c)];
    }

    public override long? PlannedRuns(bool quick) => Doctrines.Sum(d => Count(Sweep(d, quick)));

    public override void Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arms = Doctrines.ToDictionary(d => d, d => SweepArm(context, d.ToLowerInvariant(), Sweep(d, context.Quick)));
        var sweep = Sweep(Doctrines[0], context.Quick);
        var environments = Environments(sweep);
        var headline = Headline(arms, environments);
        var report = context.Report;

        report.Heading("Design");
        var scenario = sweep.Scenario;
        var leader = scenario.StateOverrides.Single(o => o.State == scenario.Leader);
        double beta = scenario.Parameters.RevisionismBeta;
        var meanRevisionism = environments.Select(e => e.Threat).Distinct().Select(a => new Environment(a, 0, 0).MeanRevisionism(beta)).ToList();
        report.Paragraph($"{scenario.States} states for {scenario.Ticks} ticks, no great powers. The leader (state {leader.State}) is a weak state: initial wealth {F(leader.Wealth ?? 1)} (the mean is 1), " +
            $"revisionism fixed at {(leader.Revisionism is { } fixedRevisionism ? F(fixedRevisionism) : "its random draw")} in every environment, so that only the world around it varies; location and interests drawn at random. " +
            "Every other state follows the Strategic doctrine; the leader follows one doctrine per arm: " +
            "**Internal** (arms only; it never seeks or accepts a pact), **External** (seeks a pact whenever it is insecure and has room, arming only when it cannot), " +
            "**Strategic** (seeks a pact when the best pact on offer buys more capability per unit of wealth than arming, else arms) or " +
            "**Adaptive** (seeks a pact with a probability it learns by imitating its most successful neighbour). " +
            $"Each arm runs the same full-factorial sweep over the environment: threat `revisionismAlpha` {{{string.Join(", ", sweep.Factors[0].Levels!.Select(F))}}} " +
            $"with `revisionismBeta` {F(beta)} (the other states' mean revisionism {string.Join(", ", meanRevisionism.Select(m => StudyReport.Number(m)))}), " +
            $"spread of interests `interestSpread` {{{string.Join(", ", sweep.Factors[1].Levels!.Select(F))}}} around one centre (`interestBlocs` 1: small spread, compatible allies; large, incompatible) and " +
            $"cost of war `warCost` {{{string.Join(", ", sweep.Factors[2].Levels!.Select(F))}}}, {sweep.Replicates} replicates per point. " +
            "The arms share the sweep's seed, so run r of point p starts from the same world and draws the same random numbers until the leader's doctrine makes a difference: " +
            "doctrines are compared run by run (paired differences).");
        report.Paragraph("Intervals: survival per doctrine is a Wilson 95% interval; the other means per doctrine are Student-t 95% intervals over runs; " +
            "every comparison of two doctrines is a paired Student-t 95% interval of the run-by-run difference (the runs of one environment in two arms share their seeds). " +
            "These intervals are unadjusted: they show how large a difference is, not whether it is a verdict.");
        report.Paragraph($"Verdicts: every comparison of two doctrines is also a two-sided paired t test, and the p-values of the whole family are adjusted together by Holm's step-down procedure: " +
            $"{headline.FamilySize} tests ({Doctrines.Count * (Doctrines.Count - 1) / 2} pairs of doctrines × {Outcomes.Count} outcomes × {environments.Count} environments). " +
            $"A doctrine is *significantly better* (or *worse*) than another when its Holm-adjusted p-value is below {StudyReport.Number(Level)}, so the chance that even one verdict of this report is a false positive is at most {StudyReport.Number(100 * Level, 0)}% (the family-wise error rate), however the tests depend on one another. " +
            $"The price is power: {headline.UnadjustedOnly} of the {headline.FamilySize} comparisons have an unadjusted 95% interval that excludes 0 but are not significant after the correction.");

        report.Heading("Which doctrine wins where");
        report.Paragraph(WinsEverywhereSentence(headline));
        report.Table(["outcome", "best somewhere (environments)", "decisive wins", "never significantly worse than the best"],
            Outcomes.Select(o =>
            {
                var verdicts = headline.Verdicts.Where(v => v.Outcome == o).ToList();
                string best = string.Join(", ", Doctrines.Select(d => (d, n: verdicts.Count(v => v.Best == d))).Where(x => x.n > 0).Select(x => $"{x.d} ({x.n})"));
                string decisive = string.Join(", ", Doctrines.Select(d => (d, n: verdicts.Count(v => v.Best == d && v.Decisive))).Where(x => x.n > 0).Select(x => $"{x.d} ({x.n})"));
                var unbeaten = headline.UnbeatenByOutcome[o.Name];
                return (IReadOnlyList<string>)[o.Name, best, decisive.Length == 0 ? "none" : decisive, unbeaten.Count == 0 ? "none" : string.Join(", ", unbeaten)];
            }));
        report.Paragraph($"*Best somewhere*: how many of the {environments.Count} environments each doctrine has the best mean in. *Decisive*: the best is significantly better than the runner-up (Holm-adjusted p below {StudyReport.Number(Level)}). " +
            "*Never significantly worse*: in no environment is the doctrine significantly worse than that environment's best. " +
            "Entanglement is 0 for Internal by construction (a state without pacts is never called), so Internal cannot lose on that outcome.");

        int cells = environments.Count * Outcomes.Count;
        report.Paragraph($"Each doctrine over all {cells} combinations of environment and outcome:");
        report.Table(["doctrine", "best mean", "decisively best", "significantly worse than the best"],
            Doctrines.Select(d => (IReadOnlyList<string>)
            [
                d, Count(headline.Verdicts.Count(v => v.Best == d), cells), Count(headline.Verdicts.Count(v => v.Best == d && v.Decisive), cells),
                Count(headline.Verdicts.Count(v => v.Beaten.Contains(d)), cells),
            ]));
        var identical = IdenticalPairs(arms, environments);
        if (identical.Count > 0)
        {
            report.Paragraph("Doctrines that behaved identically: " + string.Join(". ", identical.Select(x => $"{x.A} and {x.B} gave the same value of every outcome in every run in {x.Environments.Count} of the {environments.Count} environments ({string.Join("; ", x.Environments.Select(e => e.Label))})")) +
                ". In those environments the two doctrines cannot be told apart by these outcomes (ties in the tables below go to the first in the order Internal, External, Strategic, Adaptive).");
        }

        report.Heading("Where the ranking reverses");
        if (headline.Reversals.Count == 0)
        {
            report.Paragraph("No pair of doctrines reverses its ranking on any outcome: wherever one doctrine is significantly better than another, it is nowhere significantly worse.");
        }
        else
        {
            report.Paragraph("Pairs of doctrines of which each is significantly better than the other (Holm-adjusted) in some environment, on the same outcome; for each, the environment with the widest margin (largest lower bound) each way. Margins are paired differences, positive = better, with unadjusted 95% intervals; *Holm p* is the adjusted p-value of that comparison.");
            report.Table(["outcome", "A", "B", "A better in", "margin A - B", "Holm p", "B better in", "margin B - A", "Holm p"],
                headline.Reversals.Select(r => (IReadOnlyList<string>)[r.Outcome.Name, r.A, r.B, r.AWins.Label, Margin(r.Outcome, r.AMargin), StudyReport.P(r.AP), r.BWins.Label, Margin(r.Outcome, r.BMargin), StudyReport.P(r.BP)]));
            report.Paragraph(string.Join(" ", headline.Reversals.GroupBy(r => r.Outcome.Name).Select(g => $"On {g.Key}, {g.Count()} pair{(g.Count() == 1 ? "" : "s")} of doctrines reverse{(g.Count() == 1 ? "s" : "")}.")));
        }

        report.Heading("The best doctrine per environment");
        report.Paragraph("For each outcome and environment: the doctrine with the best mean, the runner-up, the paired margin best minus runner-up (positive = better; units as in the outcome tables below; unadjusted 95% interval), " +
            $"the Holm-adjusted p-value of the best against each other doctrine, and the doctrines significantly worse than the best (adjusted p below {StudyReport.Number(Level)}).");
        foreach (var outcome in Outcomes)
        {
            report.Heading($"{Capital(outcome.Name)}: best doctrine", 3);
            report.Table(["threat (alpha)", "interest spread", "war cost", "best", "runner-up", "margin [95% CI]", "Holm p, best against", "significantly worse than the best"],
                headline.Verdicts.Where(v => v.Outcome == outcome).Select(v => (IReadOnlyList<string>)
                [
                    F(v.Environment.Threat), F(v.Environment.Spread), F(v.Environment.WarCost), v.Best + (v.Decisive ? " (decisive)" : ""), v.RunnerUp,
                    Margin(outcome, v.Margin), string.Join("; ", Doctrines.Where(d => d != v.Best).Select(d => $"{d} {StudyReport.P(v.AdjustedP[d])}")),
                    v.Beaten.Count == 0 ? "none" : string.Join(", ", v.Beaten),
                ]));
        }

        report.Heading("Outcomes by doctrine and environment");
        report.Paragraph("Means per run with 95% intervals (survival: Wilson; the others: Student-t over runs).");
        foreach (var outcome in Outcomes)
        {
            report.Heading($"{Capital(outcome.Name)}: {outcome.Meaning}", 3);
            report.Table(["threat (alpha)", "interest spread", "war cost", .. Doctrines],
                environments.Select(e => (IReadOnlyList<string>)[F(e.Threat), F(e.Spread), F(e.WarCost), .. Doctrines.Select(d => Mean(outcome, Paired(arms[d], e, outcome.Column)))]));
        }

        Bars(context, arms, environments, Outcomes[0], "survival.png", "The leader's survival by doctrine and environment", "survival, % of runs");
        Bars(context, arms, environments, Outcomes[1], "wealth.png", "The leader's final wealth by doctrine and environment", "wealth at the end (0 if dead)");
        Bars(context, arms, environments, Outcomes[5], "insecurity.png", "The leader's insecurity by doctrine and environment", "insecure ticks, %");
        ExternalVersusInternal(context, arms, environments);

        report.Heading("What this shows and what it does not");
        report.Bullets(
        [
            WinsEverywhereSentence(headline),
            headline.Reversals.Count == 0
                ? "No ranking of two doctrines reverses between environments on any outcome in this sample."
                : $"{headline.Reversals.Count} reversal{(headline.Reversals.Count == 1 ? "" : "s")} (a pair of doctrines whose order on one outcome flips between environments; table above): which doctrine is better depends on the environment, not only on the doctrine.",
            .. headline.Reversals.Where(r => r.Outcome.Name == "survival").Select(r =>
                $"Survival: {r.A} keeps the leader alive in {Margin(r.Outcome, r.AMargin)} percentage points more runs than {r.B} in the environment with {r.AWins.Label}, " +
                $"but {r.B} does so in {Margin(r.Outcome, r.BMargin)} more than {r.A} in the environment with {r.BWins.Label} (paired 95% intervals; Holm-adjusted p {StudyReport.P(r.AP)} and {StudyReport.P(r.BP)})."),
            .. Doctrines.Select(d => $"{d} is significantly worse than the best doctrine in {Count(headline.Verdicts.Count(v => v.Beaten.Contains(d)), headline.Verdicts.Count)} of the combinations of environment and outcome, and decisively best in {Count(headline.Verdicts.Count(v => v.Best == d && v.Decisive), headline.Verdicts.Count)}."),
            "Internal cannot be entangled by construction (it holds no pacts), and it pays no pact upkeep: on entanglements it wins by definition, and its wealth carries no upkeep.",
            "The leader is a weak state among Strategic neighbours, and only its own doctrine changes: the study says which doctrine serves one state in a given world, not what happens when every state adopts it. " +
                "A doctrine is applied only in ticks in which the leader is insecure, so a leader that is seldom insecure hardly uses it: the weak leader (half the mean wealth, no great powers) is chosen so that the choice is exercised, and a great-power leader is not studied here.",
            "The environments are three factors at two or three levels; other parameters (the cost of arming, pact upkeep, honour, chain depth) stay at their defaults and could move the boundaries.",
            $"Verdicts are corrected for the number of comparisons (Holm over all {headline.FamilySize} paired tests, family-wise error rate {StudyReport.Number(100 * Level, 0)}%), so a doctrine called significantly worse is so with that confidence for the whole report at once. " +
                $"The correction is conservative: {headline.UnadjustedOnly} differences whose unadjusted interval excludes 0 are not called, and a doctrine never significantly worse may still be somewhat worse where the sample is too small to tell.",
        ]);
    }

    /// <summary>
    /// Computes the family of comparisons (a paired t test of every pair of doctrines on every outcome in every
    /// environment, Holm-adjusted together), and from it the verdicts, the doctrines never significantly beaten and
    /// the reversals, from the arms' runs tables.
    /// </summary>
    public static DoctrinesHeadline Headline(IReadOnlyDictionary<string, ResultTable> arms, IReadOnlyList<Environment> environments)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(environments);
        foreach (var e in environments)
        {
            var seeds = Seeds(arms[Doctrines[0]], e);
            foreach (string d in Doctrines.Skip(1))
            {
                if (!Seeds(arms[d], e).SequenceEqual(seeds, StringComparer.Ordinal))
                    throw new InvalidOperationException($"the {d} arm's runs in {e.Label} do not share their seeds with the {Doctrines[0]} arm's, so they cannot be paired");
            }
        }

        // The family: every pair of doctrines on every outcome in every environment.
        var goodness = new Dictionary<(Outcome, Environment, string), double[]>();
        var pairs = new List<(Outcome Outcome, Environment Environment, string A, string B, MeanInterval Difference)>();
        var tests = new List<TTest>();
        foreach (var outcome in Outcomes)
        {
            foreach (var e in environments)
            {
                foreach (string d in Doctrines)
                    goodness[(outcome, e, d)] = Paired(arms[d], e, outcome.Column).Select(v => outcome.HigherIsBetter ? v : -v).ToArray();
                for (int i = 0; i < Doctrines.Count; i++)
                {
                    for (int j = i + 1; j < Doctrines.Count; j++)
                    {
                        double[] a = goodness[(outcome, e, Doctrines[i])], b = goodness[(outcome, e, Doctrines[j])];
                        pairs.Add((outcome, e, Doctrines[i], Doctrines[j], Diff(a, b)));
                        tests.Add(TTest.Paired(a, b));
                    }
                }
            }
        }
        var adjusted = MultipleComparisons.Adjust(tests, VerdictCorrection);
        var comparisons = pairs.Select((p, k) => new Comparison(p.Outcome, p.Environment, p.A, p.B, p.Difference, adjusted[k])).ToList();
        var lookup = new Dictionary<(Outcome, Environment, string, string), Comparison>();
        foreach (var c in comparisons)
        {
            lookup[(c.Outcome, c.Environment, c.A, c.B)] = c;
            lookup[(c.Outcome, c.Environment, c.B, c.A)] = c.Flipped();
        }

        var verdicts = new List<Verdict>();
        var reversals = new List<Reversal>();
        foreach (var outcome in Outcomes)
        {
            foreach (var e in environments)
            {
                var ranked = Doctrines.OrderByDescending(d => goodness[(outcome, e, d)].Average()).ToList();
                string best = ranked[0];
                var others = Doctrines.Where(d => d != best).ToList();
                var beaten = others.Where(d => lookup[(outcome, e, best, d)].Direction > 0).ToList();
                var p = others.ToDictionary(d => d, d => lookup[(outcome, e, best, d)].Test.AdjustedP, StringComparer.Ordinal);
                verdicts.Add(new Verdict(e, outcome, best, ranked[1], lookup[(outcome, e, best, ranked[1])].Difference, p, beaten));
            }
            for (int i = 0; i < Doctrines.Count; i++)
            {
                for (int j = i + 1; j < Doctrines.Count; j++)
                {
                    string a = Doctrines[i], b = Doctrines[j];
                    var ab = environments.Select(e => lookup[(outcome, e, a, b)]).ToList();
                    var aWins = ab.Where(c => c.Direction > 0).OrderByDescending(c => c.Difference.Lower).ToList();
                    var bWins = ab.Where(c => c.Direction < 0).Select(c => c.Flipped()).OrderByDescending(c => c.Difference.Lower).ToList();
                    if (aWins.Count > 0 && bWins.Count > 0)
                    {
                        reversals.Add(new Reversal(outcome, a, b, aWins[0].Environment, aWins[0].Difference, aWins[0].Test.AdjustedP,
                            bWins[0].Environment, bWins[0].Difference, bWins[0].Test.AdjustedP));
                    }
                }
            }
        }
        var unbeaten = Outcomes.ToDictionary(o => o.Name,
            o => (IReadOnlyList<string>)Doctrines.Where(d => !verdicts.Any(v => v.Outcome == o && v.Beaten.Contains(d))).ToList());
        var everywhere = Doctrines.Where(d => unbeaten.Values.All(u => u.Contains(d))).ToList();
        return new DoctrinesHeadline(verdicts, everywhere, unbeaten, reversals, comparisons);
    }

    /// <summary>
    /// The values of a column in one environment of an arm, ordered by replicate, so that the i-th value of two arms
    /// comes from runs with the same seed (checked).
    /// </summary>
    public static double[] Paired(ResultTable runs, Environment environment, string column)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(environment);
        var rows = Cell(runs, environment.Where).OrderBy(r => runs["replicate"][r]).ToArray();
        return runs.Values(column, rows);
    }

    private static string[] Seeds(ResultTable runs, Environment environment)
    {
        var text = runs.Text("seed");
        return [.. Cell(runs, environment.Where).OrderBy(r => runs["replicate"][r]).Select(r => text[r])];
    }

    /// <summary>The paired 95% interval of mean(a - b); the two arms must hold the same runs (same seeds) in the same order.</summary>
    private static MeanInterval Diff(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new InvalidOperationException($"arms with {a.Length} and {b.Length} runs in one environment cannot be paired");
        return MeanInterval.Of(a.Select((x, i) => x - b[i]));
    }

    private static string Count(int n, int of) => $"{n} ({StudyReport.Number(100.0 * n / of, 0)}%)";

    /// <summary>Pairs of doctrines whose runs gave the same value of every outcome in every run of an environment, with those environments.</summary>
    private static List<(string A, string B, List<Environment> Environments)> IdenticalPairs(Dictionary<string, ResultTable> arms, IReadOnlyList<Environment> environments)
    {
        var result = new List<(string, string, List<Environment>)>();
        for (int i = 0; i < Doctrines.Count; i++)
        {
            for (int j = i + 1; j < Doctrines.Count; j++)
            {
                string a = Doctrines[i], b = Doctrines[j];
                var same = environments.Where(e => Outcomes.All(o => Paired(arms[a], e, o.Column).SequenceEqual(Paired(arms[b], e, o.Column)))).ToList();
                if (same.Count > 0) result.Add((a, b, same));
            }
        }
        return result;
    }

    private static string WinsEverywhereSentence(DoctrinesHeadline headline)
    {
        if (headline.WinsEverywhere.Count > 0)
        {
            return $"{string.Join(" and ", headline.WinsEverywhere)} {(headline.WinsEverywhere.Count == 1 ? "is" : "are")} never significantly worse than the best doctrine, on any of the {Outcomes.Count} outcomes in any environment " +
                $"(Holm-adjusted over {headline.FamilySize} comparisons: no environment shows {(headline.WinsEverywhere.Count == 1 ? "it" : "them")} worse with a family-wise error rate of {StudyReport.Number(100 * Level, 0)}%, which is not the same as being best everywhere).";
        }
        var counts = Doctrines.Select(d => (d, n: Outcomes.Count(o => !headline.UnbeatenByOutcome[o.Name].Contains(d)))).ToList();
        return "No doctrine wins everywhere: every doctrine is significantly worse than the best in at least one environment on at least one outcome (" +
            string.Join("; ", counts.Select(c => $"{c.d} on {c.n} of the {Outcomes.Count} outcomes")) + ").";
    }

    private static string Mean(Outcome outcome, double[] values)
    {
        if (outcome.Column == "leader_alive")
            return StudyReport.Percent(Proportion.Wilson((long)values.Sum(), values.Length), outcome.Digits);
        var m = MeanInterval.Of(values);
        return StudyReport.Interval(new MeanInterval(outcome.Show(m.Mean), outcome.Show(m.Lower), outcome.Show(m.Upper), m.Count), outcome.Digits);
    }

    private static string Margin(Outcome outcome, MeanInterval m)
    {
        // The mean of the paired differences can differ from the difference of the means by rounding; show an exact tie as 0.
        double Clean(double x) => Math.Abs(x) < 1e-9 ? 0 : outcome.Show(x);
        return StudyReport.Interval(new MeanInterval(Clean(m.Mean), Clean(m.Lower), Clean(m.Upper), m.Count), outcome.Digits);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void Bars(StudyContext context, Dictionary<string, ResultTable> arms, IReadOnlyList<Environment> environments, Outcome outcome, string file, string title, string yLabel)
    {
        var series = Doctrines.Select(d =>
        {
            var values = environments.Select(e => Paired(arms[d], e, outcome.Column)).ToArray();
            if (outcome.Column == "leader_alive")
            {
                var p = values.Select(v => Proportion.Wilson((long)v.Sum(), v.Length)).ToArray();
                return new BarSeries(d, p.Select(x => 100 * x.Estimate).ToArray(), p.Select(x => 100 * x.Lower).ToArray(), p.Select(x => 100 * x.Upper).ToArray());
            }
            var m = values.Select(v => MeanInterval.Of(v)).ToArray();
            return new BarSeries(d, m.Select(x => outcome.Show(x.Mean)).ToArray(), m.Select(x => outcome.Show(x.Lower)).ToArray(), m.Select(x => outcome.Show(x.Upper)).ToArray());
        }).ToArray();
        string path = ReportPlots.GroupedBars(context.Folder, file, title,
            [$"Mean per run with 95% intervals ({(outcome.Column == "leader_alive" ? "Wilson" : "Student-t")}); α: threat (revisionismAlpha), s: interest spread, c: war cost."],
            "environment", yLabel, environments.Select(e => e.ShortLabel).ToArray(), series);
        context.Report.Image(Path.GetFileName(path), $"{Capital(outcome.Name)} of the leader by doctrine in each environment.");
    }

    /// <summary>
    /// The two boilerplate positions against each other: External minus Internal on every outcome in every
    /// environment, as the paired t statistic (the mean difference over its standard error), signed so that positive
    /// means External does better. Beyond about ±2 the unadjusted 95% interval excludes 0; the report's verdicts use
    /// the Holm-adjusted p-values instead.
    /// </summary>
    private static void ExternalVersusInternal(StudyContext context, Dictionary<string, ResultTable> arms, IReadOnlyList<Environment> environments)
    {
        var cells = new double[Outcomes.Count, environments.Count];
        for (int o = 0; o < Outcomes.Count; o++)
        {
            var outcome = Outcomes[o];
            for (int e = 0; e < environments.Count; e++)
            {
                var a = Paired(arms["External"], environments[e], outcome.Column);
                var b = Paired(arms["Internal"], environments[e], outcome.Column);
                var d = a.Select((x, i) => (outcome.HigherIsBetter ? 1 : -1) * (x - b[i])).ToArray();
                var moments = new RunningMoments();
                foreach (double x in d) moments.Add(x);
                double se = moments.StandardDeviation / Math.Sqrt(d.Length);
                // A mean within rounding of 0 (identical runs but for the order of summation) counts as 0.
                cells[Outcomes.Count - 1 - o, e] = se > 0 && Math.Abs(moments.Mean) > 1e-12 ? moments.Mean / se : 0;
            }
        }
        string path = ReportPlots.Heatmap(context.Folder, "external-vs-internal.png", "Always ally (External) against always arm (Internal)",
            ["Paired t statistic of External minus Internal per run; positive: External does better (more survival or wealth; fewer wars, entanglements, insecure ticks).",
                "Beyond about ±2 the unadjusted 95% interval excludes 0 (verdicts: Holm-adjusted). α: threat (revisionismAlpha), s: interest spread, c: war cost."],
            "environment", "outcome", environments.Select(e => e.ShortLabel).ToArray(), Outcomes.Select(o => o.Name).Reverse().ToArray(), cells, "t statistic (positive: External better)");
        context.Report.Image(Path.GetFileName(path), "External against Internal on each outcome in each environment: paired t statistic, positive where always allying does better than always arming.");
    }
}
