using System.Text.Json;

namespace Anarchy.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public void RunWithNoOptionsWritesRunsCsvRunsParquetAndACompletedManifest()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--out", scratch["default"]);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(scratch["default/runs.csv"]);
        Assert.Equal(101, lines.Length); // header + the default scenario's 100 runs
        Assert.True(new FileInfo(scratch["default/runs.parquet"]).Length > 0);
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["default/manifest.json"]));
        Assert.Equal("completed", manifest.RootElement.GetProperty("status").GetString());
        Assert.Equal(100, manifest.RootElement.GetProperty("runsCompleted").GetInt64());
        Assert.Equal("default", manifest.RootElement.GetProperty("scenario").GetProperty("name").GetString());
        Assert.Contains("survivors", result.Out, StringComparison.Ordinal);
        Assert.Contains("95% CI", result.Out, StringComparison.Ordinal);
        Assert.Contains(scratch["default"], result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeedGivesByteIdenticalRunsCsvWithOneAndTwoThreads()
    {
        using var scratch = new ScratchFolder();
        var one = CliHarness.Run("run", "--runs", "12", "--ticks", "60", "--states", "16", "--threads", "1", "--series", "--events", "--out", scratch["one"]);
        var two = CliHarness.Run("run", "--runs", "12", "--ticks", "60", "--states", "16", "--threads", "2", "--series", "--events", "--out", scratch["two"]);

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        foreach (var file in new[] { "runs.csv", "series.csv", "events.csv", "runs.parquet" })
            Assert.Equal(File.ReadAllBytes(scratch["one/" + file]), File.ReadAllBytes(scratch["two/" + file]));
    }

    [Fact]
    public void TheKernelAndTheReferenceEngineWriteIdenticalFiles()
    {
        using var scratch = new ScratchFolder();
        string[] args = ["run", "--runs", "21", "--ticks", "50", "--states", "14", "--set", "chainDepth=3", "--series", "--events"];
        Assert.Equal(0, CliHarness.Run([.. args, "--out", scratch["kernel"]]).ExitCode);
        Assert.Equal(0, CliHarness.Run([.. args, "--engine", "reference", "--out", scratch["reference"]]).ExitCode);

        foreach (var file in new[] { "runs.csv", "series.csv", "events.csv", "runs.parquet", "events.parquet" })
            Assert.Equal(File.ReadAllBytes(scratch["reference/" + file]), File.ReadAllBytes(scratch["kernel/" + file]));
    }

    [Fact]
    public void OnlyRerunsExactlyTheChosenRun()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "6", "--ticks", "40", "--states", "12", "--out", scratch["all"]).ExitCode);
        var single = CliHarness.Run("run", "--runs", "6", "--ticks", "40", "--states", "12", "--only", "4", "--series", "--events", "--out", scratch["one"]);

        Assert.Equal(0, single.ExitCode);
        var all = File.ReadAllLines(scratch["all/runs.csv"]);
        var one = File.ReadAllLines(scratch["one/runs.csv"]);
        Assert.Equal(2, one.Length);
        Assert.Equal(all[0], one[0]);
        Assert.Equal(all[1 + 4], one[1]);
        Assert.All(File.ReadAllLines(scratch["one/series.csv"]).Skip(1), line => Assert.StartsWith("4,", line, StringComparison.Ordinal));
    }

    [Fact]
    public void AnExistingOutputFolderIsRefusedUnlessOverwriteIsGiven()
    {
        using var scratch = new ScratchFolder();
        var args = new[] { "run", "--runs", "2", "--ticks", "5", "--states", "4", "--out", scratch["o"] };
        Assert.Equal(0, CliHarness.Run(args).ExitCode);

        var refused = CliHarness.Run(args);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Err, StringComparison.Ordinal);

        Assert.Equal(0, CliHarness.Run([.. args, "--overwrite"]).ExitCode);
    }

    [Fact]
    public void CancellationKeepsTheFinishedRunsInOrderAndSaysSoInTheManifest()
    {
        using var scratch = new ScratchFolder();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        var result = CliHarness.Run(cancel.Token, "run", "--runs", "1000000", "--ticks", "50", "--states", "12", "--out", scratch["c"]);

        Assert.Equal(130, result.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["c/manifest.json"]));
        Assert.Equal("cancelled", manifest.RootElement.GetProperty("status").GetString());
        long completed = manifest.RootElement.GetProperty("runsCompleted").GetInt64();
        var lines = File.ReadAllLines(scratch["c/runs.csv"]);
        Assert.Equal(completed, lines.Length - 1);
        Assert.True(completed < 1_000_000);
        for (int r = 0; r < completed; r++)
            Assert.StartsWith(r + ",", lines[r + 1], StringComparison.Ordinal); // a prefix of the study, in run order
        Assert.Empty(Directory.GetFiles(scratch["c"], "*.tmp"));
    }

    [Fact]
    public void ParamsListsEveryParameterWithItsDefault()
    {
        var result = CliHarness.Run("params");
        Assert.Equal(0, result.ExitCode);
        foreach (var p in Anarchy.Models.Waltz.ParameterCatalog.All)
            Assert.Contains(p.Name, result.Out, StringComparison.Ordinal);
    }
}
