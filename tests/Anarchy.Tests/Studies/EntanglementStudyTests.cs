using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Statistics;
using Anarchy.Studies;
using Anarchy.Tests.Cli;
using Region = Anarchy.Models.Waltz.Studies.EntanglementStudy.Region;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick entanglement study once for the tests of this class.</summary>
public sealed class EntanglementQuickStudy : QuickStudyRun
{
    public EntanglementQuickStudy()
        : base(new EntanglementStudy(new StudySettings()))
    {
        Paired = EntanglementStudy.Polarities.ToDictionary(p => p, p => new EntanglementStudy.PairedArm(Arm(p), Arm(EntanglementStudy.NoRestraintArm(p))));
        Tests = EntanglementStudy.Tests(Paired);
    }

    /// <summary>Each polarity's runs with restraint and without it, paired.</summary>
    public Dictionary<string, EntanglementStudy.PairedArm> Paired { get; }

    /// <summary>The Holm-adjusted tests of the findings.</summary>
    public EntanglementStudy.FindingTests Tests { get; }
}

public sealed class EntanglementStudyTests(EntanglementQuickStudy study) : IClassFixture<EntanglementQuickStudy>
{
    [Fact]
    public void ThePlannedRunsAreTheRunsTheArmsHold() =>
        // The study's progress is one line over all arms when it knows their runs in advance; they must be exact.
        Assert.Equal(study.Study.PlannedRuns(quick: true), study.Result.RunsCompleted);

    /// <summary>2 cells x 3 polarities x (share, restrained - entangled, 3 spared outcomes), and 3 comparisons of chain stands between polarities.</summary>
    private const int HolmFamily = (2 * 3 * 5) + 3;

    [Fact]
    public void TheReportHasItsTablesAndPlots()
    {
        string report = File.ReadAllText(study.Result.ReportPath);
        Assert.StartsWith("# Entanglement or restraint?", report, StringComparison.Ordinal);
        Assert.Contains("## The leader's disputes in Beckley's cell", report, StringComparison.Ordinal);
        Assert.Contains("## What restraint spared the leader", report, StringComparison.Ordinal);
        Assert.Contains("## Regions", report, StringComparison.Ordinal);
        Assert.Contains("**Counterfactual without restraint.**", report, StringComparison.Ordinal);
        Assert.Contains("A leader whose every dispute counts as restrained is a symptom, not a finding.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", report, StringComparison.Ordinal);
        foreach (string polarity in EntanglementStudy.Polarities)
        {
            Assert.Contains($"| {polarity} | 30 |", report, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(study.Folder, $"entanglement-share-{polarity}.png")).Length > 10_000);
            Assert.Contains($"{polarity}, chain depth 3 and honour 2, with 95% intervals; one colour scale for all polarities.", report, StringComparison.Ordinal);
            Assert.Equal(16 * 30, study.Arm(polarity).Rows);
            Assert.Equal(16 * 30, study.Arm(EntanglementStudy.NoRestraintArm(polarity)).Rows);
        }
        Assert.True(new FileInfo(Path.Combine(study.Folder, "leader-outcomes.png")).Length > 10_000);
        // Each polarity's grid twice: with restraint and without it.
        Assert.Equal(2 * 3 * 16 * 30, study.Result.RunsCompleted);
    }

    // The verdicts of the two named cells are the tests of the cells' runs: the headline intervals of the arm with
    // restraint, Holm-adjusted p-values no smaller than the raw ones, and the patterns as the label logic gives them
    // from the adjusted directions. No finding is asserted: the numbers move with the model's defaults.
    [Theory]
    [InlineData(0, "unipolar")]
    [InlineData(0, "bipolar")]
    [InlineData(0, "multipolar")]
    [InlineData(1, "unipolar")]
    [InlineData(1, "bipolar")]
    [InlineData(1, "multipolar")]
    public void TheCellVerdictsAreTheTestsOfTheCellsRuns(int cellIndex, string polarity)
    {
        var cell = cellIndex == 0 ? EntanglementStudy.BeckleyCell : EntanglementStudy.ChainGangCell;
        var (share, difference) = EntanglementStudy.Headline(study.Arm(polarity), cell);
        Assert.Equal(30, share.Count);
        var verdict = study.Tests[EntanglementStudy.Cells[cellIndex], polarity];
        Assert.Equal(share, verdict.Share);
        Assert.Equal(difference, verdict.RestrainedMinusEntangled);
        AdjustedTest[] tests = [verdict.ShareTest, verdict.DifferenceTest, .. verdict.Spared.Select(e => e.Test)];
        Assert.All(tests, t => Assert.True(double.IsNaN(t.Test.P) || t.AdjustedP >= t.Test.P));
        Assert.Equal(EntanglementStudy.RareShare, verdict.ShareTest.Test.Null);
        int D(AdjustedTest t) => EntanglementStudy.Direction(t, adjusted: true);
        Assert.Equal(EntanglementStudy.Label(D(verdict.ShareTest), D(verdict.DifferenceTest), D(verdict.SparedWars.Test), D(verdict.SparedEntanglements.Test)) == Region.BeckleyLike, verdict.BeckleyPattern);
        Assert.Equal(EntanglementStudy.LabelByCounts(D(verdict.ShareTest), D(verdict.DifferenceTest)) == Region.BeckleyLike, verdict.BeckleyPatternByCounts);
        Assert.Equal(D(verdict.DifferenceTest) < 0, verdict.EntanglementDominates);
        // The cell's row of the report shows the same runs and Holm p-values.
        string row = $"| {polarity} | 30 | ";
        string table = study.Report[study.Report.IndexOf(cellIndex == 0 ? "## The leader's disputes in Beckley's cell" : "## The leader's disputes in the chain-ganging cell", StringComparison.Ordinal)..];
        string line = table.Split('\n').First(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.EndsWith($"| {StudyReport.P(verdict.ShareTest.AdjustedP)} | {StudyReport.Interval(difference, 1)} | {StudyReport.P(verdict.DifferenceTest.AdjustedP)} |", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFindingsAreOneHolmFamilyAndTheRegionsAreScreenedWithBenjaminiHochberg()
    {
        Assert.Equal(HolmFamily, study.Tests.FamilySize);
        Assert.All(study.Tests.CellVerdicts, v =>
        {
            Assert.Equal((Correction.Holm, HolmFamily), (v.ShareTest.Correction, v.ShareTest.FamilySize));
            Assert.Equal((Correction.Holm, HolmFamily), (v.DifferenceTest.Correction, v.DifferenceTest.FamilySize));
            Assert.Equal(EntanglementStudy.SparedOutcomes, v.Spared.Select(e => e.Outcome));
            Assert.All(v.Spared, e => Assert.Equal((Correction.Holm, HolmFamily), (e.Test.Correction, e.Test.FamilySize)));
        });
        Assert.All(study.Tests.ChainComparisons, c => Assert.Equal(HolmFamily, c.Test.FamilySize));
        // The chain comparisons are later polarity minus earlier, over the whole grid with restraint.
        Assert.Equal(3, study.Tests.ChainComparisons.Count);
        foreach (var c in study.Tests.ChainComparisons)
        {
            Assert.True(EntanglementStudy.Polarities.ToList().IndexOf(c.From) < EntanglementStudy.Polarities.ToList().IndexOf(c.To));
            Assert.Equal(study.Arm(c.To)["chain"].Average() - study.Arm(c.From)["chain"].Average(), c.Difference.Mean, 9);
        }
        Assert.Contains($"are {HolmFamily} two-sided t tests", study.Report, StringComparison.Ordinal);
        Assert.Contains("| polarity | runs | disputes | entangled | aligned | abandoned | restrained (either way) | deterred | entanglement share | Holm p, share vs 5% | restrained - entangled | Holm p, vs 0 |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| polarity | pairs | leader restrained an ally | an ally restrained the leader | restrained share of disputes | leader disputes, with / without restraint | leader wars, with / without restraint | wars spared per 100 of its restraint events | wars spared | Holm p, wars | entanglements spared | Holm p, entanglements | disputes taken part in spared | Holm p, taken part |", study.Report, StringComparison.Ordinal);
        // 16 points x 3 polarities x 4 tests (share, restrained - entangled, wars spared, entanglements spared) in one
        // Benjamini–Hochberg family.
        Assert.Contains("Benjamini–Hochberg adjusted p-value (q-value) below 0.05 over the family of all 192 tests", study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRegionTableKeepsTheCountBasedLabelBesideTheCounterfactualOne()
    {
        const string header = "| polarity | points | Beckley-like | entanglement dominates | neither | Beckley-like by counts | by counts only | Beckley-like without correction | entanglement dominates without correction |";
        var lines = study.Report.Split('\n');
        int at = Array.IndexOf(lines, header);
        Assert.True(at >= 0, "the regions table");
        foreach (var (polarity, k) in EntanglementStudy.Polarities.Select((p, k) => (p, k)))
        {
            var cells = lines[at + 2 + k].Trim('|', ' ').Split(" | ");
            Assert.Equal(polarity, cells[0]);
            int[] n = cells[1..].Select(int.Parse).ToArray();
            Assert.Equal(16, n[0]);
            Assert.Equal(n[0], n[1] + n[2] + n[3]);
            // The points Beckley-like only by counts are among those Beckley-like by counts.
            Assert.InRange(n[5], 0, n[4]);
        }
    }

    [Fact]
    public void TheArmsWithoutRestraintAreTheSameSweepWithRestrainCOne()
    {
        foreach (string polarity in EntanglementStudy.Polarities)
        {
            var with = EntanglementStudy.Sweep(polarity, quick: true);
            var without = EntanglementStudy.NoRestraintSweep(polarity, quick: true);
            Assert.Equal(EntanglementStudy.NoRestraintC, without.Scenario.Parameters.RestrainC);
            Assert.NotEqual(EntanglementStudy.NoRestraintC, with.Scenario.Parameters.RestrainC);
            // Nothing else changes: the same parameters but restrainC, scenario, points, replicates and master seed,
            // so replicate r of point p runs from the same seed in both arms.
            Assert.Equal(with.Scenario.Parameters, without.Scenario.Parameters with { RestrainC = with.Scenario.Parameters.RestrainC });
            Assert.Equal(ScenarioWriter.ToJson(with.Scenario),
                ScenarioWriter.ToJson(without.Scenario with { Name = with.Scenario.Name, Description = with.Scenario.Description, Parameters = with.Scenario.Parameters }));
            Assert.Equal(with.Points(), without.Points());
            Assert.Equal((with.Replicates, with.Seed, with.CommonRandomNumbers), (without.Replicates, without.Seed, without.CommonRandomNumbers));
        }
    }

    [Theory]
    [InlineData("unipolar")]
    [InlineData("bipolar")]
    [InlineData("multipolar")]
    public void TheArmWithoutRestraintHasNoRestraintEvents(string polarity)
    {
        var without = study.Arm(EntanglementStudy.NoRestraintArm(polarity));
        Assert.All(without["leader_restrained_ally"], x => Assert.Equal(0, x));
        Assert.All(without["leader_was_restrained"], x => Assert.Equal(0, x));
        Assert.All(without["restrained"], x => Assert.Equal(0, x));
        // The arm with restraint is the comparison: restraint happens there.
        Assert.True(study.Arm(polarity)["restrained"].Sum() > 0);
    }

    [Theory]
    [InlineData("unipolar")]
    [InlineData("bipolar")]
    [InlineData("multipolar")]
    public void TheArmsArePairedRunByRunOnTheSameSeeds(string polarity)
    {
        var with = study.Arm(polarity);
        var without = study.Arm(EntanglementStudy.NoRestraintArm(polarity));
        var pairs = study.Paired[polarity];
        string[] keys = ["point", "replicate", "looseness", "honour", "chainDepth", "interestSpread"];
        for (int r = 0; r < with.Rows; r++)
        {
            int s = pairs.Partner(r);
            Assert.Equal(with.Text("seed")[r], without.Text("seed")[s]);
            Assert.All(keys, k => Assert.Equal(with[k][r], without[k][s]));
        }
        // Every run of the arm without restraint is some run's partner, and the replicates of a point differ in seed.
        Assert.Equal(without.Rows, Enumerable.Range(0, with.Rows).Select(pairs.Partner).Distinct().Count());
        Assert.Equal(with.Rows, with.Text("seed").Distinct().Count());
    }

    // The counterfactual effect by hand from the two arms' runs tables: pair each run of the cell with the run of the
    // same point and replicate without restraint (checking the seed), take without - with per pair, and compare the
    // mean and the unadjusted paired t test with the study's verdict.
    [Theory]
    [InlineData(0, "unipolar")]
    [InlineData(0, "multipolar")]
    [InlineData(1, "bipolar")]
    public void WhatRestraintSparedTheLeaderIsThePairedDifferenceOfTheArms(int cellIndex, string polarity)
    {
        var cell = cellIndex == 0 ? EntanglementStudy.BeckleyCell : EntanglementStudy.ChainGangCell;
        var with = study.Arm(polarity);
        var without = study.Arm(EntanglementStudy.NoRestraintArm(polarity));
        var rows = EntanglementStudy.CellRows(with, cell);
        Assert.Equal(30, rows.Length);
        var verdict = study.Tests[EntanglementStudy.Cells[cellIndex], polarity];
        foreach (string outcome in EntanglementStudy.SparedOutcomes)
        {
            var differences = rows.Select(r =>
            {
                int s = Enumerable.Range(0, without.Rows).Single(x => without["point"][x] == with["point"][r] && without["replicate"][x] == with["replicate"][r]);
                Assert.Equal(with.Text("seed")[r], without.Text("seed")[s]);
                return without[outcome][s] - with[outcome][r];
            }).ToArray();
            var effect = verdict.Spared.Single(e => e.Outcome == outcome);
            Assert.Equal(differences.Average(), effect.Spared.Mean, 12);
            Assert.Equal(30, effect.Spared.Count);
            var paired = TTest.OneSample(differences);
            Assert.Equal(paired.P, effect.Test.Test.P, 12);
            Assert.True(effect.Test.AdjustedP >= effect.Test.Test.P || double.IsNaN(paired.P));
            // The same as the paired test of the two columns, and the arms' own means differ by the same amount.
            Assert.Equal(paired.P, TTest.Paired(rows.Select(r => without[outcome][pairs(r)]).ToArray(), with.Values(outcome, rows)).P, 12);
            Assert.Equal(MeanInterval.Of(rows.Select(r => without[outcome][pairs(r)])).Mean - MeanInterval.Of(with.Values(outcome, rows)).Mean, effect.Spared.Mean, 9);
        }

        int pairs(int r) => study.Paired[polarity].Partner(r);
    }

    [Fact]
    public void PairingMatchesPointAndReplicateAndRefusesAnotherSeed()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("with.csv", "point,replicate,seed,leader_wars\n0,0,11,1\n0,1,12,2\n1,0,13,0\n");
        scratch.Write("without.csv", "point,replicate,seed,leader_wars\n1,0,13,4\n0,1,12,2\n0,0,11,5\n");
        scratch.Write("reseeded.csv", "point,replicate,seed,leader_wars\n1,0,13,4\n0,1,99,2\n0,0,11,5\n");
        scratch.Write("short.csv", "point,replicate,seed,leader_wars\n0,0,11,5\n0,1,12,2\n");
        var with = ResultTable.Read(scratch.Path, "with.csv");
        var paired = new EntanglementStudy.PairedArm(with, ResultTable.Read(scratch.Path, "without.csv"));
        Assert.Equal([2, 1, 0], Enumerable.Range(0, 3).Select(paired.Partner));
        Assert.Equal([4.0, 0, 4], paired.Spared("leader_wars", [0, 1, 2]));
        Assert.Throws<StudyException>(() => new EntanglementStudy.PairedArm(with, ResultTable.Read(scratch.Path, "reseeded.csv")));
        Assert.Throws<StudyException>(() => new EntanglementStudy.PairedArm(with, ResultTable.Read(scratch.Path, "short.csv")));
    }

    // Directions: share of entanglement vs 5%, restrained - entangled vs 0, wars spared vs 0, entanglements spared vs 0.
    [Theory]
    [InlineData(-1, 1, 1, 0, Region.BeckleyLike, Region.BeckleyLike)] // rare, outnumbered, restraint spares wars
    [InlineData(-1, 1, 0, 1, Region.BeckleyLike, Region.BeckleyLike)] // spares entanglements
    [InlineData(-1, 1, 0, 0, Region.Neither, Region.BeckleyLike)] // restraint outnumbers entanglement but spares nothing: trivial
    [InlineData(-1, 1, -1, -1, Region.Neither, Region.BeckleyLike)] // restraint raises the leader's wars and entanglements
    [InlineData(-1, 0, 1, 0, Region.BeckleyLike, Region.Neither)] // spares wars, though it does not outnumber entanglement
    [InlineData(0, 1, 1, 1, Region.Neither, Region.Neither)] // entanglement not significantly rare
    [InlineData(1, -1, 0, 0, Region.EntanglementDominates, Region.EntanglementDominates)]
    [InlineData(0, -1, 1, 1, Region.EntanglementDominates, Region.EntanglementDominates)]
    [InlineData(0, 0, 0, 0, Region.Neither, Region.Neither)]
    public void APointIsBeckleyLikeOnlyWhenRestraintSparesTheLeaderWarsOrEntanglements(int share, int difference, int wars, int entanglements, Region expected, Region byCounts)
    {
        Assert.Equal(expected, EntanglementStudy.Label(share, difference, wars, entanglements));
        Assert.Equal(byCounts, EntanglementStudy.LabelByCounts(share, difference));
    }

    [Fact]
    public void TheCellVerdictsUseTheAdjustedTestsAndKeepTheCountBasedPattern()
    {
        var rare = Adjusted(0.01, EntanglementStudy.RareShare, 0.001, 0.002);
        var outnumbered = Adjusted(50, 0, 0.001, 0.002);
        var nothing = Adjusted(0.1, 0, 0.6, 1);
        var warsSpared = Adjusted(3, 0, 0.001, 0.003);
        var significantBeforeOnly = Adjusted(3, 0, 0.01, 0.2);
        EntanglementStudy.CellVerdict Verdict(AdjustedTest wars, AdjustedTest entanglements) =>
            new("Beckley's cell", "unipolar", rare.Interval(), rare, outnumbered.Interval(), outnumbered,
                [new("leader_wars", wars.Interval(), wars), new("leader_entangled", entanglements.Interval(), entanglements), new("leader_participated", nothing.Interval(), nothing)]);

        var trivial = Verdict(nothing, nothing);
        Assert.True(trivial.BeckleyPatternByCounts);
        Assert.False(trivial.BeckleyPattern);
        Assert.False(trivial.EntanglementDominates);
        var matters = Verdict(warsSpared, nothing);
        Assert.True(matters.BeckleyPattern && matters.BeckleyPatternByCounts);
        Assert.True(Verdict(nothing, warsSpared).BeckleyPattern);
        // Significant before the correction only: not Beckley-like after it, Beckley-like without it.
        Assert.False(Verdict(significantBeforeOnly, nothing).BeckleyPattern);
        Assert.Equal(0, EntanglementStudy.Direction(significantBeforeOnly, adjusted: true));
        Assert.Equal(1, EntanglementStudy.Direction(significantBeforeOnly, adjusted: false));
        Assert.Equal(-1, EntanglementStudy.Direction(rare, adjusted: false));
        Assert.Equal(0, EntanglementStudy.Direction(nothing, adjusted: false));
        var family = new EntanglementStudy.FindingTests([trivial, matters], []);
        Assert.Equal(2 * 5, family.FamilySize);
    }

    /// <summary>A constructed test of 30 runs of an estimate against a null value, with the given raw and adjusted p-values.</summary>
    private static AdjustedTest Adjusted(double estimate, double nullValue, double p, double adjustedP)
    {
        double se = Math.Abs(estimate - nullValue) / 4;
        return new AdjustedTest(new TTest(estimate, nullValue, se, 29, (estimate - nullValue) / se, p, 30), adjustedP, Correction.Holm, 33);
    }
}
