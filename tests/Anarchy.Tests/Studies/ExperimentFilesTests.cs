using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>The experiment files built into the library are those under experiments/ in the repository.</summary>
public sealed class ExperimentFilesTests
{
    private static string Experiments => Path.Combine(RepositoryRoot.Path, "experiments");

    /// <summary>Calibration files (docs/CALIBRATION.md): they have a "fit" list.</summary>
    private static bool IsCalibration(string path) =>
        File.ReadAllText(Path.Combine(Experiments, path)).Contains("\"fit\"", StringComparison.Ordinal);

    /// <summary>The Waltz model's files under experiments/ (docking/ holds the realpolitik preset's, tribute/ the tribute
    /// model's).</summary>
    private static IEnumerable<string> JsonOnDisk() =>
        Directory.EnumerateFiles(Experiments, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Experiments, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("docking/", StringComparison.Ordinal) && !f.StartsWith("tribute/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void All_lists_the_entanglement_files_in_order()
    {
        var all = ExperimentFiles.All.ToList();
        Assert.Contains("entanglement/sweep.json", all);
        Assert.Contains("entanglement/scenario-unipolar.json", all);
        Assert.Contains("entanglement/scenario-bipolar.json", all);
        Assert.Contains("entanglement/scenario-multipolar.json", all);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.All(all, p => Assert.DoesNotContain('\\', p));
    }

    [Fact]
    public void Every_built_in_file_equals_the_file_on_disk()
    {
        var all = ExperimentFiles.All.ToList();
        Assert.NotEmpty(all);
        foreach (string path in all)
        {
            string disk = Path.Combine(Experiments, path);
            Assert.True(File.Exists(disk), $"experiments/{path} is built in but not in the repository");
            Assert.Equal(File.ReadAllText(disk), ExperimentFiles.Read(path));
        }
    }

    [Fact]
    public void Every_json_file_under_experiments_is_built_in()
    {
        Assert.Equal(JsonOnDisk(), ExperimentFiles.All.Where(p => p.EndsWith(".json", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_built_in_sweep_parses_with_its_scenario()
    {
        var sweeps = ExperimentFiles.All.Where(IsSweep).ToList();
        Assert.Contains("entanglement/sweep.json", sweeps);
        Assert.Contains("coldwar/sweep-collapse.json", sweeps);
        foreach (string path in sweeps)
        {
            var sweep = ExperimentFiles.Sweep(path);
            var fromDisk = WaltzSweepReaderFile(path);
            Assert.Equal(fromDisk.Name, sweep.Name);
            Assert.Equal(ScenarioWriter.ToJson(fromDisk.Scenario), ScenarioWriter.ToJson(sweep.Scenario));
            Assert.Equal(fromDisk.Points(), sweep.Points());
            Assert.Equal(fromDisk.Outputs, sweep.Outputs);
        }
    }

    [Fact]
    public void Every_built_in_scenario_parses_and_equals_the_one_read_from_disk()
    {
        foreach (string path in ExperimentFiles.All.Where(p => p.EndsWith(".json", StringComparison.Ordinal) && !IsSweep(p) && !IsCalibration(p)))
        {
            var scenario = ExperimentFiles.Scenario(path);
            Assert.Equal(ScenarioWriter.ToJson(ScenarioReader.ReadFile(Path.Combine(Experiments, path))), ScenarioWriter.ToJson(scenario));
        }
    }

    [Fact]
    public void The_entanglement_sweep_reads_its_unipolar_scenario_from_beside_it()
    {
        var sweep = ExperimentFiles.Sweep("entanglement/sweep.json");
        Assert.Equal(ScenarioWriter.ToJson(ExperimentFiles.Scenario("entanglement/scenario-unipolar.json")), ScenarioWriter.ToJson(sweep.Scenario));
        Assert.Equal(["looseness", "honour", "chainDepth", "interestSpread"], sweep.Factors.Select(f => f.Name));
        Assert.Equal(40, sweep.Replicates);
    }

    [Theory]
    [InlineData("entanglement/missing.json")]
    [InlineData("experiments/entanglement/sweep.json")]
    [InlineData("entanglement\\sweep.json")]
    [InlineData("")]
    public void A_file_that_is_not_built_in_throws_file_not_found(string path)
    {
        var e = Assert.Throws<FileNotFoundException>(() => ExperimentFiles.Read(path));
        Assert.Equal(path, e.FileName);
        Assert.Throws<FileNotFoundException>(() => ExperimentFiles.Sweep(path));
        Assert.Throws<FileNotFoundException>(() => ExperimentFiles.Scenario(path));
    }

    private static Models.Waltz.Sweeps.WaltzSweep WaltzSweepReaderFile(string path) =>
        Models.Waltz.Sweeps.WaltzSweepReader.ReadFile(Path.Combine(Experiments, path));

    /// <summary>Sweep files: those under sweeps/ and those named sweep.json or sweep-*.json in a study's folder.</summary>
    private static bool IsSweep(string path) =>
        path.EndsWith(".json", StringComparison.Ordinal) &&
        (path.StartsWith("sweeps/", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("sweep", StringComparison.Ordinal));
}
