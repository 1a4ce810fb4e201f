using Anarchy.Models.Tribute;
using Anarchy.Models.Tribute.Studies;
using Anarchy.Studies;
using Anarchy.Sweeps;
using Anarchy.Tests.Cli;
using Anarchy.Tests.Studies;

namespace Anarchy.Tests.Tribute;

/// <summary>Runs the quick tribute study once (3,685 runs, about 6 s on two cores).</summary>
public sealed class TributeStudyFixture() : QuickStudyRun(new TributeStudy());

/// <summary>The quick study is seeded, so its numbers are the same on every machine.</summary>
public sealed class TributeStudyTests(TributeStudyFixture study) : IClassFixture<TributeStudyFixture>
{
    [Fact]
    public void The_planned_runs_are_the_runs_the_arms_hold() =>
        Assert.Equal(study.Study.PlannedRuns(quick: true), study.Result.RunsCompleted);

    [Fact]
    public void Each_rule_arm_changes_exactly_its_rule_on_the_same_seeds()
    {
        var axelrod = study.Arm(TributeStudy.Axelrod);
        Assert.Equal(80, axelrod.Rows);
        Assert.Equal(TributeCatalog.Defaults, TributeStudy.Scenario(TributeStudy.Axelrod, quick: true).Parameters);
        foreach (var v in TributeStudy.Variants)
        {
            var parameters = TributeStudy.Scenario(v.Arm, quick: true).Parameters;
            foreach (var p in TributeCatalog.All)
                Assert.Equal(p.Name == v.Parameter ? v.Value : p.Default, p.Get(parameters));
            Assert.Equal(axelrod.Text("seed"), study.Arm(v.Arm).Text("seed"));
            Assert.NotEqual(axelrod["fights"], study.Arm(v.Arm)["fights"]);
        }
    }

    [Fact]
    public void The_report_holds_its_findings_tables_and_plots()
    {
        Assert.Contains("of runs hold a cluster of three or more actors", study.Report, StringComparison.Ordinal);
        Assert.Contains("| arm | fights | payments | largest cluster |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| output | demand | destructiveness | income | activations | commitmentStep | replicate noise |", study.Report, StringComparison.Ordinal);
        foreach (string plot in new[]
        {
            "tribute-cluster-sizes.png", "tribute-clusters-over-time.png", "tribute-wealth-0.png", "tribute-commitment-next-0.png", "tribute-hegemony.png",
            "tribute-richest-share.png", "sensitivity-fights.png", "sensitivity-largest_cluster.png",
        })
        {
            Assert.True(new FileInfo(Path.Combine(study.Folder, plot)).Length > 1000, plot);
            Assert.Contains($"]({plot})", study.Report, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("NaN", study.Report, StringComparison.Ordinal);
        // The sweep wrote its Sobol indices: one row per output and factor.
        var sensitivity = ResultTable.Read(Path.Combine(study.Folder, "arms", TributeStudy.Sensitivity), "sensitivity.csv");
        Assert.Equal(TributeStudy.SweepOutputs.Count * TributeStudy.Factors.Count, sensitivity.Rows);
        Assert.Equal(16 * 7 * 30 + 1, File.ReadAllLines(Path.Combine(study.Folder, "arms", TributeStudy.Sensitivity, "runs.csv")).Length);
    }

    [Fact]
    public void The_sweep_file_in_experiments_is_the_studys_full_sweep()
    {
        string path = Path.Combine(RepositoryRoot.Path, "experiments", "tribute", "sensitivity.json");
        Assert.Equal(TributeStudy.SweepText(quick: false), File.ReadAllText(path).ReplaceLineEndings("\n"));
        var sweep = ModelSweepReader.ReadFile(TributeDefinition.Instance, path);
        Assert.Equal(128 * 7, sweep.Points().Length);
    }

    [Fact]
    public void Cohesion_counts_the_pairs_in_a_fight_by_cluster_and_side()
    {
        using var scratch = new ScratchFolder();
        // Year 1 holds two fights; at the end of year 0, actors 0, 1 and 2 form cluster 0 and 3 is in none.
        // Fight 1: 0;1 against 2;3: pairs 0-1 (cluster, same side), 0-2 and 1-2 (cluster, opposite), 0-3, 1-3 (other,
        // opposite), 2-3 (other, same). Fight 2: 3 against 0: 0-3 (other, opposite). A paid demand counts nothing.
        File.WriteAllText(scratch["events.csv"], string.Join("\n",
            "run,year,activation,kind,actor,target,outcome,payment,cost,damage_a,damage_b,side_a,side_b",
            "0,1,0,demand,0,2,fought,250,1,1,1,0;1,2;3",
            "0,1,1,demand,3,0,fought,250,1,1,1,3,0",
            "0,1,2,demand,1,0,paid,250,300,0,0,1,0") + "\n");
        File.WriteAllText(scratch["panel_actors.csv"], string.Join("\n",
            "run,year,actor,wealth,cluster,commitment_next,commitment_mean",
            "0,0,0,1,0,60,30", "0,0,1,1,0,60,30", "0,0,2,1,0,0,30", "0,0,3,1,-1,0,0") + "\n");
        var (cluster, other) = TributeStudy.Cohesion(scratch.Path);
        Assert.Equal((1, 3), (cluster.SameSide, cluster.Pairs));
        Assert.Equal((1, 4), (other.SameSide, other.Pairs));
    }
}
