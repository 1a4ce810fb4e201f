using Anarchy.Models.Realpolitik;
using Anarchy.Models.Realpolitik.Studies;
using Anarchy.Studies;
using Anarchy.Tests.Studies;

namespace Anarchy.Tests.Realpolitik;

/// <summary>Runs the quick quirks study once (40 runs in each of 9 arms, about 4 s on two cores).</summary>
public sealed class QuirksStudyFixture : QuickStudyRun
{
    public QuirksStudyFixture()
        : base(new QuirksStudy())
    {
        Arms = QuirksStudy.Arms.ToDictionary(a => a, Arm, StringComparer.Ordinal);
        Comparisons = QuirksStudy.Compare(Arms);
    }

    public Dictionary<string, ResultTable> Arms { get; }
    public IReadOnlyList<QuirksStudy.Comparison> Comparisons { get; }

    public QuirksStudy.Comparison Of(string arm, string column) => Comparisons.Single(c => c.Arm == arm && c.Outcome.Column == column);
}

/// <summary>
/// The quick study is seeded, so its numbers are the same on every machine; the assertions on effects state the
/// margin by which they hold.
/// </summary>
public sealed class QuirksStudyTests(QuirksStudyFixture study) : IClassFixture<QuirksStudyFixture>
{
    [Fact]
    public void The_planned_runs_are_the_runs_the_arms_hold() =>
        Assert.Equal(study.Study.PlannedRuns(quick: true), study.Result.RunsCompleted);

    [Fact]
    public void Each_arm_corrects_exactly_its_quirk()
    {
        var defaults = RealpolitikCatalog.Defaults;
        foreach (var quirk in RealpolitikCatalog.All.Where(p => p.Group == "quirks"))
        {
            Assert.Equal(1, quirk.Get(defaults));
            Assert.Equal(0, quirk.Get(QuirksStudy.Scenario(quirk.Name, quick: true).Parameters));
            Assert.Equal(0, quirk.Get(QuirksStudy.Scenario(QuirksStudy.AllCorrected, quick: true).Parameters));
            foreach (string other in QuirksStudy.Quirks.Where(q => q != quirk.Name))
                Assert.Equal(1, quirk.Get(QuirksStudy.Scenario(other, quick: true).Parameters));
        }
        Assert.Equal(defaults, QuirksStudy.Scenario(QuirksStudy.Baseline, quick: true).Parameters);
        Assert.Equal(7, QuirksStudy.Quirks.Count);
    }

    [Fact]
    public void The_arms_share_their_seeds_and_the_report_holds_its_tables_and_plots()
    {
        foreach (var (arm, runs) in study.Arms)
        {
            Assert.Equal(40, runs.Rows);
            Assert.Equal(study.Arms[QuirksStudy.Baseline].Text("seed"), runs.Text("seed"));
        }
        Assert.Contains("| arm | turns | universal empire | wars | survivors | median survival |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| uniformActor | ", study.Report, StringComparison.Ordinal);
        foreach (string plot in new[] { "quirks-t.png", "quirks-turns.png" })
        {
            Assert.True(new FileInfo(Path.Combine(study.Folder, plot)).Length > 1000, plot);
            Assert.Contains($"]({plot})", study.Report, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("NaN", study.Report, StringComparison.Ordinal);
        Assert.Contains("## References\n\n- Cusack, Thomas R., and Richard J. Stoll. 1990.", study.Report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Master seeds of the arms: `statesim` 20261207, `uniformActor` 20261207,", study.Report, StringComparison.Ordinal);
        Assert.Equal(QuirksStudy.Outcomes.Count * (QuirksStudy.Arms.Count - 1), study.Comparisons.Count);
    }

    [Fact]
    public void A_correction_whose_rule_these_settings_never_exercise_leaves_every_run_as_it_was()
    {
        // victorySigma is 1, where statesim's scale 1/sqrt(pi s) equals the intended 1/(s sqrt(pi)) bit for bit;
        // no run of 40 reaches the 999th turn, so the last turn statesim skips is never played.
        foreach (string arm in new[] { "victoryScale", "shortTurnCount" })
        {
            foreach (var outcome in QuirksStudy.Outcomes)
                Assert.Equal(study.Arms[QuirksStudy.Baseline][outcome.Column], study.Arms[arm][outcome.Column]);
        }
        Assert.Contains("Identical to the statesim arm in every run and outcome", study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Drawing_the_acting_state_by_power_shortens_the_road_to_empire()
    {
        // statesim draws the acting state uniformly; by power, strong states act more often and conquer sooner.
        // The quick study measures 153 fewer turns (interval -166 to -140); the test allows anything below -50.
        var turns = study.Of("uniformActor", "turns");
        Assert.True(turns.Test.IsSignificant(QuirksStudy.Level));
        Assert.True(turns.Difference.Upper < -50, $"turns difference {turns.Difference}");
        Assert.Contains("Significant changes: `uniformActor`", study.Report, StringComparison.Ordinal);
    }
}
