using System.Globalization;
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
        var one = CliHarness.Run("run", "--runs", "12", "--ticks", "60", "--states", "16", "--threads", "1", "--series", "--events", "--panel", "--out", scratch["one"]);
        var two = CliHarness.Run("run", "--runs", "12", "--ticks", "60", "--states", "16", "--threads", "2", "--series", "--events", "--panel", "--out", scratch["two"]);

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        foreach (var file in new[] { "runs.csv", "series.csv", "events.csv", "runs.parquet", "panel_states.csv", "panel_dyads.parquet" })
            Assert.Equal(File.ReadAllBytes(scratch["one/" + file]), File.ReadAllBytes(scratch["two/" + file]));
    }

    [Fact]
    public void TheKernelAndTheReferenceEngineWriteIdenticalFiles()
    {
        using var scratch = new ScratchFolder();
        string[] args = ["run", "--runs", "21", "--ticks", "50", "--states", "14", "--set", "chainDepth=3", "--series", "--events", "--panel"];
        Assert.Equal(0, CliHarness.Run([.. args, "--out", scratch["kernel"]]).ExitCode);
        Assert.Equal(0, CliHarness.Run([.. args, "--engine", "reference", "--out", scratch["reference"]]).ExitCode);

        foreach (var file in new[] { "runs.csv", "series.csv", "events.csv", "runs.parquet", "events.parquet" }.Concat(PanelFiles))
            Assert.Equal(File.ReadAllBytes(scratch["reference/" + file]), File.ReadAllBytes(scratch["kernel/" + file]));
    }

    private static readonly string[] PanelFiles = ["panel_states.csv", "panel_states.parquet", "panel_dyads.csv", "panel_dyads.parquet"];

    [Fact]
    public void RunWithPanelWritesPanelStatesAndPanelDyadsAndListsThemInTheManifest()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--runs", "5", "--ticks", "30", "--states", "12", "--set", "escalation=0.8", "--panel", "--out", scratch["p"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("panel_states.*, panel_dyads.*", result.Err, StringComparison.Ordinal);
        var states = File.ReadAllLines(scratch["p/panel_states.csv"]);
        var dyads = File.ReadAllLines(scratch["p/panel_dyads.csv"]);
        Assert.Equal("run,tick,year,state,label,ccode,capability,wealth,burden,pacts,at_war,alive", states[0]);
        Assert.Equal("run,tick,year,state_a,state_b,label_a,label_b,ccode_a,ccode_b,pact,pact_age,dispute,war", dyads[0]);
        // A row per state alive at the start of the tick: the states alive at the end of the tick before.
        var stateYears = states.Skip(1).Select(l => l.Split(',')).GroupBy(c => (Run: c[0], Tick: int.Parse(c[1], CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(5 * 30, stateYears.Count);
        foreach (var ((run, tick), rows) in stateYears)
            Assert.Equal(tick == 0 ? 12 : stateYears[(run, tick - 1)].Count(c => c[^1] == "1"), rows.Count);
        Assert.True(dyads.Length > 1);
        Assert.All(states.Skip(1).Concat(dyads.Skip(1)), l => Assert.Equal("-1", l.Split(',')[2])); // no startYear: no year
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["p/manifest.json"]));
        var files = manifest.RootElement.GetProperty("files");
        Assert.Equal(states.Length - 1, files.GetProperty("panel_states.csv").GetInt64());
        Assert.Equal(states.Length - 1, files.GetProperty("panel_states.parquet").GetInt64());
        Assert.Equal(dyads.Length - 1, files.GetProperty("panel_dyads.csv").GetInt64());
        Assert.Equal(dyads.Length - 1, files.GetProperty("panel_dyads.parquet").GetInt64());
        Assert.All(PanelFiles, file => Assert.True(new FileInfo(scratch["p/" + file]).Length > 0));
    }

    [Fact]
    public void ThePanelChangesNoOtherFile()
    {
        using var scratch = new ScratchFolder();
        string[] args = ["run", "--runs", "9", "--ticks", "40", "--states", "12", "--series", "--events"];
        Assert.Equal(0, CliHarness.Run([.. args, "--out", scratch["plain"]]).ExitCode);
        Assert.Equal(0, CliHarness.Run([.. args, "--panel", "--out", scratch["panel"]]).ExitCode);

        foreach (var file in new[] { "runs.csv", "series.csv", "events.csv", "runs.parquet", "series.parquet", "events.parquet" })
            Assert.Equal(File.ReadAllBytes(scratch["plain/" + file]), File.ReadAllBytes(scratch["panel/" + file]));
        Assert.All(PanelFiles, file => Assert.False(File.Exists(scratch["plain/" + file])));
    }

    [Fact]
    public void OnlyRerunsExactlyTheChosenRun()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "6", "--ticks", "40", "--states", "12", "--panel", "--out", scratch["all"]).ExitCode);
        var single = CliHarness.Run("run", "--runs", "6", "--ticks", "40", "--states", "12", "--only", "4", "--series", "--events", "--panel", "--out", scratch["one"]);

        Assert.Equal(0, single.ExitCode);
        var all = File.ReadAllLines(scratch["all/runs.csv"]);
        var one = File.ReadAllLines(scratch["one/runs.csv"]);
        Assert.Equal(2, one.Length);
        Assert.Equal(all[0], one[0]);
        Assert.Equal(all[1 + 4], one[1]);
        Assert.All(File.ReadAllLines(scratch["one/series.csv"]).Skip(1), line => Assert.StartsWith("4,", line, StringComparison.Ordinal));
        foreach (var table in new[] { "panel_states.csv", "panel_dyads.csv" })
        {
            var rowsOfRun4 = File.ReadAllLines(scratch["all/" + table]).Where(l => l.StartsWith("4,", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rowsOfRun4);
            Assert.Equal(rowsOfRun4, File.ReadAllLines(scratch["one/" + table]).Skip(1));
        }
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
        string folder = scratch["c"];
        string[] study = ["--ticks", "50", "--states", "12", "--threads", "1"];

        // Cancel once the hidden temporary runs.csv has received its first bytes. Its writer holds 64 KiB of text
        // before anything reaches the file, far more than one row, so by then at least one run has finished and been
        // written, however fast or slow the machine.
        long bytesAtCancel = 0;
        CliResult result;
        using (var cancel = new CancellationTokenSource())
        {
            var watcher = new Thread(() =>
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
                while (!cancel.IsCancellationRequested && DateTime.UtcNow < deadline)
                {
                    var temporary = Directory.Exists(folder) ? Directory.GetFiles(folder, ".runs.csv.*.tmp") : [];
                    long length = temporary.Length == 1 ? new FileInfo(temporary[0]).Length : 0;
                    if (length > 0)
                    {
                        bytesAtCancel = length;
                        break;
                    }
                    Thread.Sleep(2);
                }
                cancel.Cancel();
            });
            watcher.Start();
            result = CliHarness.Run(cancel.Token, ["run", "--runs", "1000000", .. study, "--out", folder]);
            cancel.Cancel();
            watcher.Join();
        }

        Assert.True(bytesAtCancel > 0, "runs.csv received no rows within 120 s");
        Assert.Equal(130, result.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["c/manifest.json"]));
        Assert.Equal("cancelled", manifest.RootElement.GetProperty("status").GetString());
        long completed = manifest.RootElement.GetProperty("runsCompleted").GetInt64();
        Assert.InRange(completed, 1, 999_999);
        Assert.Contains($"Cancelled after {completed} of 1000000 runs", result.Err, StringComparison.Ordinal);
        var lines = File.ReadAllLines(scratch["c/runs.csv"]);
        Assert.Equal(completed, lines.Length - 1);
        Assert.True(new FileInfo(scratch["c/runs.csv"]).Length >= bytesAtCancel, "rows written before the cancel were lost");
        Assert.Empty(Directory.GetFiles(scratch["c"], "*.tmp"));

        // The finished rows are intact: both files equal those of an uncancelled study of exactly that many runs.
        var whole = CliHarness.Run(["run", "--runs", completed.ToString(CultureInfo.InvariantCulture), .. study, "--out", scratch["whole"]]);
        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(File.ReadAllLines(scratch["whole/runs.csv"]), lines);
        Assert.Equal(File.ReadAllBytes(scratch["whole/runs.parquet"]), File.ReadAllBytes(scratch["c/runs.parquet"]));
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
