using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick cold-war study once, into a folder under the system temp folder deleted afterwards.</summary>
public sealed class ColdWarStudyFixture : QuickStudyRun
{
    public ColdWarStudyFixture()
        : base(new ColdWarStudy(new WaltzStudySettings()))
    {
        Arms = ColdWarStudy.ReadArms(Folder);
        Headline = ColdWarStudy.Headline(Arms);
    }

    public Dictionary<string, ResultTable> Arms { get; }
    public ColdWarHeadline Headline { get; }
}

/// <summary>
/// The quick study is deterministic (fixed seeds, results independent of threads and engine), so these assertions
/// cannot fail by chance; the margins stated with each say how far the model could move before the finding flips.
/// </summary>
public sealed class ColdWarStudyTests(ColdWarStudyFixture study) : IClassFixture<ColdWarStudyFixture>
{
    [Fact]
    public void The_report_holds_its_tables_and_plots()
    {
        Assert.True(File.Exists(study.Result.ReportPath));
        foreach (string plot in new[] { "leader-pacts.png", "system-pacts.png", "leader-pacts-by-point.png", "leader-after-collapse.png" })
        {
            Assert.True(new FileInfo(Path.Combine(study.Folder, plot)).Length > 1000, plot);
            Assert.Contains($"]({plot})", study.Report, StringComparison.Ordinal);
        }
        Assert.Contains("## Do the leader's pacts lapse after the collapse?", study.Report, StringComparison.Ordinal);
        Assert.Contains("| institutionalisation | inertia | lapseSalience | leader's pacts before |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| institutionalisation | inertia | lapseSalience | disputes, collapse |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| institutionalisation | inertia | lapseSalience | extra pacts at the end |", study.Report, StringComparison.Ordinal);
        Assert.Contains("## What this shows and what it does not", study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_arms_split_one_history_at_the_collapse()
    {
        // The before arm (ticks 0-40) and the collapse arm (burn-in 41) at Waltz's cell run the same seeds as the
        // history arm that records every tick at institutionalisation 0; the leader's pacts counted from its events
        // must equal the before arm's at tick 40 and the collapse arm's at tick 99, run by run.
        var folder = Path.Combine(study.Folder, "arms", "history-collapse-inst0");
        var scenario = ColdWarStudy.History(collapse: true, institutionalisation: 0, quick: true);
        var perTick = ColdWarStudy.LeaderPactsPerTick(ResultTable.Read(folder, "events.csv"), scenario);
        foreach (var (arm, tick) in new[] { ("before", ColdWarStudy.ShockTick), ("collapse", ColdWarStudy.LastTick) })
        {
            var runs = study.Arms[arm];
            var rows = runs.Where(r => ColdWarStudy.WaltzCell.All(c => runs[c.Factor][r] == c.Value));
            Assert.Equal(scenario.Runs, rows.Length);
            Assert.Equal(perTick.Select(r => r[tick]), runs.Values("leader_pacts", rows));
        }
    }

    [Fact]
    public void Without_institutions_the_collapse_costs_the_leader_pacts_and_institutionalisation_keeps_them()
    {
        // Waltz's cell (institutionalisation 0, inertia 2, lapse salience 0.5): with 60 paired replicates the 95%
        // interval of collapse - control has a half-width of about 0.5 pacts; the quick study gives about -1.3, so
        // the upper bound lies below 0 with a margin of about 0.8 pacts.
        Assert.True(study.Headline.WaltzPactsEffect.Upper < 0, $"collapse - control in Waltz's cell: {study.Headline.WaltzPactsEffect}");
        // Institutionalisation 1 removes that loss: the difference of the two effects (about +1.3, half-width about
        // 0.5) lies above 0, and the leader's loss at institutionalisation 1 is smaller than half a pact.
        Assert.True(study.Headline.InstitutionalisationOnEffect.Lower > 0, $"institutionalisation 1 minus 0: {study.Headline.InstitutionalisationOnEffect}");
        Assert.True(study.Headline.InstitutionalisedPactsEffect.Lower > -0.5, $"collapse - control at institutionalisation 1: {study.Headline.InstitutionalisedPactsEffect}");
    }

    [Fact]
    public void Pacts_that_outlive_the_threat_do_not_drag_the_leader_into_more_wars()
    {
        // The model's answer to the second question: after the collapse the leader fights fewer wars than without it,
        // also when institutionalisation keeps all its pacts. Quick study: about -0.8 (Waltz's cell) and -1.2
        // (institutionalisation 1) wars per run, each 95% interval with a half-width of about 0.6-0.8, upper bounds
        // below 0 with a margin of about 0.2-0.4 wars.
        Assert.True(study.Headline.WaltzWarsEffect.Upper < 0, $"wars, collapse - control, Waltz's cell: {study.Headline.WaltzWarsEffect}");
        var institutionalised = ColdWarStudy.Effect(study.Arms, ColdWarStudy.InstitutionalisedCell, "leader_wars");
        Assert.True(institutionalised.Upper < 0, $"wars, collapse - control, institutionalisation 1: {institutionalised}");
        // Within the collapse arm, institutionalisation 1 against 0 adds no detectable wars: its 95% interval
        // (about -0.1 +- 0.7) lies below one war per run.
        Assert.True(study.Headline.InstitutionalisedWarsDrag.Upper < 1, $"extra wars at institutionalisation 1: {study.Headline.InstitutionalisedWarsDrag}");
    }
}

public sealed class ColdWarSweepFileTests
{
    [Fact]
    public void The_three_sweep_files_differ_only_in_their_scenario()
    {
        // The split of each run at the collapse relies on the same grid, replicates and seeds in all three arms.
        var sweeps = ColdWarStudy.Periods.Select(p => ColdWarStudy.Sweep(p, quick: false)).ToList();
        foreach (var sweep in sweeps)
        {
            Assert.True(sweep.CommonRandomNumbers);
            Assert.Equal(sweeps[0].Seed, sweep.Seed);
            Assert.Equal(sweeps[0].Replicates, sweep.Replicates);
            Assert.Equal(sweeps[0].Factors.Select(f => (f.Name, string.Join(",", f.Levels!))), sweep.Factors.Select(f => (f.Name, string.Join(",", f.Levels!))));
            Assert.Equal(sweeps[0].Scenario.Seed, sweep.Scenario.Seed);
            Assert.Equal(sweeps[0].Scenario.Pacts, sweep.Scenario.Pacts);
            Assert.Equal(sweeps[0].Scenario.Parameters, sweep.Scenario.Parameters);
        }
        Assert.Equal(ColdWarStudy.ShockTick + 1, sweeps[0].Scenario.TotalTicks);
        Assert.Empty(sweeps[0].Scenario.Shocks);
        Assert.Equal(ColdWarStudy.ShockTick + 1, sweeps[1].Scenario.BurnIn);
        Assert.Equal(ColdWarStudy.LastTick + 1, sweeps[1].Scenario.TotalTicks);
        Assert.Equal(ColdWarStudy.ShockTick, Assert.Single(sweeps[1].Scenario.Shocks).Tick);
        Assert.Equal(ScenarioWriter.ToJson(sweeps[1].Scenario with { Name = "x", Description = "", Shocks = [] }), ScenarioWriter.ToJson(sweeps[2].Scenario with { Name = "x", Description = "" }));
    }
}
