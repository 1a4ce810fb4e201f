using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Output;
using Anarchy.Sweeps;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Sweeps;

/// <summary><c>anarchy sweep --panel</c>: the state-year and dyad-year tables of every run of a sweep.</summary>
public sealed class SweepPanelTests
{
    private const string Base = """{ "states": 6, "ticks": 15 }""";

    private static readonly string[] PanelFiles = ["panel_states.csv", "panel_states.parquet", "panel_dyads.csv", "panel_dyads.parquet"];
    private static readonly string[] AllFiles = [.. PanelFiles, "runs.csv", "runs.parquet", "points.csv", "points.parquet"];

    private static string Sweep(int replicates, bool commonRandomNumbers = false) =>
        SweepCommandTests.Grid
            .Replace("\"replicates\": 4", $"\"replicates\": {replicates}", StringComparison.Ordinal)
            .Replace("\"seed\": 11", $"\"seed\": 11, \"commonRandomNumbers\": {(commonRandomNumbers ? "true" : "false")}", StringComparison.Ordinal);

    [Fact]
    public void WithCommonRandomNumbersEachPointsPanelRowsAreThoseOfRunPanelOfItsScenario()
    {
        using var scratch = new ScratchFolder();
        const int replicates = 3;
        var file = scratch.Write("grid.json", Sweep(replicates, commonRandomNumbers: true));
        var sweep = CliHarness.Run("sweep", file, "--panel", "--out", scratch["sweep"]);
        Assert.Equal(0, sweep.ExitCode);
        Assert.Contains("panel_states.*, panel_dyads.*", sweep.Err, StringComparison.Ordinal);

        // With common random numbers replicate r of every point has the seed of run r of 'anarchy run --seed 11', so
        // each point's rows are those of 'run --panel' of the base scenario with the point's factor values set.
        var baseFile = scratch.Write("base.json", Base);
        var points = Table(scratch["sweep/points.csv"]);
        Assert.Equal(12, points.Count);
        int dyadRows = 0;
        foreach (var point in points)
        {
            int p = int.Parse(point["point"], CultureInfo.InvariantCulture);
            string folder = scratch[$"run{p}"];
            var run = CliHarness.Run("run", "--scenario", baseFile, "--seed", "11", "--runs", $"{replicates}", "--panel", "--out", folder,
                "--set", $"honour={point["honour"]}", "--set", $"looseness={point["looseness"]}", "--set", $"chainDepth={point["chainDepth"]}");
            Assert.Equal(0, run.ExitCode);
            foreach (var table in new[] { "panel_states", "panel_dyads" })
            {
                var expected = File.ReadAllLines(Path.Combine(folder, table + ".csv"));
                var actual = File.ReadAllLines(scratch[$"sweep/{table}.csv"]);
                Assert.Equal("point,replicate," + expected[0], actual[0]);
                var mine = actual.Skip(1).Where(l => l.StartsWith($"{p},", StringComparison.Ordinal)).Select(l => AsRunRow(l, replicates)).ToList();
                Assert.Equal(expected.Skip(1), mine);
                if (table == "panel_dyads") dyadRows += mine.Count;
                else Assert.True(mine.Count >= replicates * 6, "a row per state alive at the start of each tick");
            }
        }
        Assert.True(dyadRows > 0, "no dyad-year in the whole sweep: make the scenario livelier");
        Assert.Equal(dyadRows, File.ReadAllLines(scratch["sweep/panel_dyads.csv"]).Length - 1);
    }

    [Fact]
    public void EachRunsPanelRowsAreThoseOfTheWaltzModelRunAtThePointsScenarioAndTheRunsSeed()
    {
        using var scratch = new ScratchFolder();
        const int replicates = 2;
        var file = scratch.Write("grid.json", Sweep(replicates));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--out", scratch["sweep"]).ExitCode);

        // Every point has seeds of its own here: run each of the sweep's runs alone, by the reference engine, with the
        // seed and factor values its runs.csv row records, and write its panel as 'anarchy run --panel' does.
        var runs = Table(scratch["sweep/runs.csv"]);
        Assert.Equal(12 * replicates, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => r["seed"]).Distinct().Count());
        Directory.CreateDirectory(scratch["expected"]);
        using (var states = new TableOutput(scratch["expected"], WaltzTables.PanelStates))
        using (var dyads = new TableOutput(scratch["expected"], WaltzTables.PanelDyads))
        {
            foreach (var row in runs)
            {
                var scenario = ParameterAssignments.Apply(ScenarioReader.Parse(Base, "base"),
                    [$"honour={row["honour"]}", $"looseness={row["looseness"]}", $"chainDepth={row["chainDepth"]}"]);
                var key = new RunKey(Long(row["run"]), Long(row["point"]), Long(row["replicate"]), ulong.Parse(row["seed"], CultureInfo.InvariantCulture));
                var rows = new WaltzModel(scenario, EngineKind.Reference).Execute(key, new RunDetail(false, false, Panel: true));
                foreach (var r in rows.Panels[0]) states.WriteRow(r);
                foreach (var r in rows.Panels[1]) dyads.WriteRow(r);
            }
            states.Commit();
            dyads.Commit();
        }
        foreach (var table in new[] { "panel_states", "panel_dyads" })
        {
            var expected = File.ReadAllLines(scratch[$"expected/{table}.csv"]);
            var actual = File.ReadAllLines(scratch[$"sweep/{table}.csv"]);
            Assert.Equal(expected.Length, actual.Length);
            Assert.Equal("point,replicate," + expected[0], actual[0]);
            for (int line = 1; line < actual.Length; line++)
            {
                var cells = actual[line].Split(',', 4);
                long run = Long(cells[2]);
                Assert.Equal(run / replicates, Long(cells[0]));  // the point and replicate of the run, as in runs.csv
                Assert.Equal(run % replicates, Long(cells[1]));
                Assert.Equal(expected[line], cells[2] + "," + cells[3]);
            }
        }
    }

    [Fact]
    public void TheThreadCountAndTheEngineDoNotChangeThePanelFilesAndTheManifestListsThem()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Sweep(4));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--threads", "1", "--out", scratch["one"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--threads", "3", "--out", scratch["three"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--threads", "2", "--engine", "reference", "--out", scratch["reference"]).ExitCode);
        foreach (var name in AllFiles)
        {
            Assert.Equal(File.ReadAllBytes(scratch["one/" + name]), File.ReadAllBytes(scratch["three/" + name]));
            Assert.Equal(File.ReadAllBytes(scratch["one/" + name]), File.ReadAllBytes(scratch["reference/" + name]));
        }

        // Rows in point, replicate, tick, state order; the manifest says the sweep has panels and counts their rows.
        var states = File.ReadAllLines(scratch["one/panel_states.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        var keys = states.Select(c => (Long(c[0]), Long(c[1]), Long(c[3]), Long(c[5]))).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => (long)i), states.Select(c => Long(c[2])).Distinct());
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["one/manifest.json"]));
        Assert.True(manifest.RootElement.GetProperty("panel").GetBoolean());
        var files = manifest.RootElement.GetProperty("files");
        foreach (var table in new[] { "panel_states", "panel_dyads" })
        {
            long rows = File.ReadAllLines(scratch[$"one/{table}.csv"]).Length - 1;
            Assert.Equal(rows, files.GetProperty(table + ".csv").GetInt64());
            Assert.Equal(rows, files.GetProperty(table + ".parquet").GetInt64());
        }

        // The files are anarchy's: --overwrite without --panel removes them and the panel journal.
        Assert.Equal(0, CliHarness.Run("sweep", file, "--overwrite", "--out", scratch["one"]).ExitCode);
        Assert.All(PanelFiles.Append("panel_journal.bin"), name => Assert.False(File.Exists(scratch["one/" + name]), name));
        using var plain = JsonDocument.Parse(File.ReadAllText(scratch["one/manifest.json"]));
        Assert.False(plain.RootElement.GetProperty("panel").GetBoolean());
    }

    [Fact]
    public void ShardsRunWithPanelMergeToTheFilesOfOneSweepAndAMixWithoutPanelsIsRefused()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Sweep(4));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--threads", "2", "--out", scratch["single"]).ExitCode);
        for (int k = 1; k <= 3; k++)
        {
            Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--shard", $"{k}/3", "--threads", "1", "--out", scratch[$"s{k}"]).ExitCode);
            // A shard has the panel rows of its own points only.
            var points = File.ReadAllLines(scratch[$"s{k}/panel_states.csv"]).Skip(1).Select(l => Long(l.Split(',')[0])).Distinct();
            Assert.Equal(Enumerable.Range(4 * (k - 1), 4).Select(p => (long)p), points);
        }

        var merged = CliHarness.Run("merge", scratch["s3"], scratch["s1"], scratch["s2"], "--out", scratch["merged"]);
        Assert.Equal(0, merged.ExitCode);
        Assert.Contains("panel_states.*, panel_dyads.*", merged.Err, StringComparison.Ordinal);
        foreach (var name in AllFiles)
            Assert.Equal(File.ReadAllBytes(scratch["single/" + name]), File.ReadAllBytes(scratch["merged/" + name]));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(scratch["merged/manifest.json"])))
        {
            Assert.True(manifest.RootElement.GetProperty("panel").GetBoolean());
            Assert.Equal(File.ReadAllLines(scratch["single/panel_dyads.csv"]).Length - 1, manifest.RootElement.GetProperty("files").GetProperty("panel_dyads.parquet").GetInt64());
        }

        // Shard 2 without panels: the merged panel would lack its runs, so the merge is refused and writes nothing.
        Assert.Equal(0, CliHarness.Run("sweep", file, "--shard", "2/3", "--out", scratch["plain2"]).ExitCode);
        var mixed = CliHarness.Run("merge", scratch["s1"], scratch["plain2"], scratch["s3"], "--out", scratch["mixed"]);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("some shards have panel tables", mixed.Err, StringComparison.Ordinal);
        Assert.Contains("plain2", mixed.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["mixed"]));

        // Shards all without panels still merge, with no panel files.
        for (int k = 1; k <= 3; k += 2)
            Assert.Equal(0, CliHarness.Run("sweep", file, "--shard", $"{k}/3", "--out", scratch[$"plain{k}"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("merge", scratch["plain1"], scratch["plain2"], scratch["plain3"], "--out", scratch["plain"]).ExitCode);
        Assert.All(PanelFiles, name => Assert.False(File.Exists(scratch["plain/" + name]), name));
        Assert.Equal(File.ReadAllBytes(scratch["single/runs.csv"]), File.ReadAllBytes(scratch["plain/runs.csv"]));
    }

    [Fact]
    public void ResumingWithAndWithoutPanelAsTheSweepStartedIsRequired()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Sweep(2));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--out", scratch["panel"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["plain"]).ExitCode);
        byte[] before = File.ReadAllBytes(scratch["panel/panel_states.csv"]);

        var without = CliHarness.Run("sweep", file, "--resume", "--out", scratch["panel"]);
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("was started with --panel; resume it with --panel too", without.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(scratch["panel/panel_states.csv"]));
        var with = CliHarness.Run("sweep", file, "--resume", "--panel", "--out", scratch["plain"]);
        Assert.Equal(2, with.ExitCode);
        Assert.Contains("was started without --panel", with.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch["plain/panel_states.csv"]));

        // Resuming a finished sweep as it started writes the same files again.
        Assert.Equal(0, CliHarness.Run("sweep", file, "--resume", "--panel", "--out", scratch["panel"]).ExitCode);
        Assert.Equal(before, File.ReadAllBytes(scratch["panel/panel_states.csv"]));
    }

    [Fact]
    public void JournalsCutOffAtDifferentRunsResumeToTheSameFiles()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Sweep(4));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--out", scratch["whole"]).ExitCode);
        byte[] runJournal = File.ReadAllBytes(scratch["whole/journal.bin"]);
        byte[] panelJournal = File.ReadAllBytes(scratch["whole/panel_journal.bin"]);
        var runRecords = SweepCommandTests.JournalRecords(runJournal);
        var panelRecords = SweepCommandTests.JournalRecords(panelJournal);
        Assert.Equal(48, runRecords.Count);
        var ends = panelRecords.Select((r, i) => (r, i)).Where(x => IsEndOfRun(panelJournal, x.r)).Select(x => x.i).ToList();
        Assert.Equal(48, ends.Count); // one end-of-run record per run
        Assert.Equal(panelRecords.Count - 1, ends[^1]);

        // As after kill -9 between a run's two appends: the panel journal holds run 10 and half of run 11 (ending in
        // a torn record), the run journal only runs 0 to 9. And as after a power loss that kept more of the run
        // journal than of the panel journal: 20 runs against 12 and a torn record.
        var cases = new[] { (Runs: 10, PanelRuns: 11, Extra: (ends[11] - ends[10]) / 2), (Runs: 20, PanelRuns: 12, Extra: 1) };
        foreach (var (runs, panelRuns, extra) in cases)
        {
            string folder = scratch[$"cut-{runs}-{panelRuns}"];
            Directory.CreateDirectory(folder);
            foreach (var name in new[] { "sweep.json", "scenario.json" }) File.Copy(scratch["whole/" + name], Path.Combine(folder, name));
            File.WriteAllBytes(Path.Combine(folder, "journal.bin"), runJournal.AsSpan(0, runRecords[runs - 1].End).ToArray());
            var torn = panelRecords[ends[panelRuns - 1] + extra];
            File.WriteAllBytes(Path.Combine(folder, "panel_journal.bin"), panelJournal.AsSpan(0, torn.End - 3).ToArray());

            var resumed = CliHarness.Run("sweep", file, "--panel", "--resume", "--out", folder);
            Assert.Equal(0, resumed.ExitCode);
            Assert.Contains($"48 runs done", resumed.Err, StringComparison.Ordinal);
            foreach (var name in AllFiles)
                Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(Path.Combine(folder, name)));
            // No run is journalled twice or lost: both journals equal the uninterrupted sweep's.
            Assert.Equal(runJournal, File.ReadAllBytes(Path.Combine(folder, "journal.bin")));
            Assert.Equal(panelJournal, File.ReadAllBytes(Path.Combine(folder, "panel_journal.bin")));
        }
    }

    [Fact]
    public async Task APanelSweepKilledMidWriteResumesToTheSameFiles()
    {
        using var scratch = new ScratchFolder();
        const int planned = 12 * 100;
        var file = scratch.Write("grid.json", Sweep(100));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--out", scratch["whole"]).ExitCode);
        byte[] wholePanels = File.ReadAllBytes(scratch["whole/panel_journal.bin"]);

        // A separate process, killed with SIGKILL while it writes: no handler runs, nothing is flushed on exit.
        string cli = typeof(Anarchy.Cli.CliApp).Assembly.Location;
        string journal = scratch["killed/panel_journal.bin"];
        using (var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "sweep", file, "--panel", "--out", scratch["killed"], "--threads", "1"])
        { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && !process.HasExited && (!File.Exists(journal) || new FileInfo(journal).Length < 200_000)) await Task.Delay(10);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await stderr;
            await stdout;
        }
        Assert.False(File.Exists(scratch["killed/runs.csv"]), "the process finished before it could be killed; make the sweep larger");
        // No panel file appears before it is complete.
        Assert.All(PanelFiles, name => Assert.False(File.Exists(scratch["killed/" + name]), name));
        var atKill = File.ReadAllBytes(journal);
        var records = SweepCommandTests.JournalRecords(atKill);
        Assert.NotEmpty(records);
        Assert.Equal(wholePanels.AsSpan(0, records[^1].End).ToArray(), atKill.AsSpan(0, records[^1].End).ToArray());
        long runsAtKill = SweepCommandTests.JournalRecords(File.ReadAllBytes(scratch["killed/journal.bin"])).Count;
        Assert.InRange(runsAtKill, 1, planned - 1);

        var resumed = CliHarness.Run("sweep", file, "--panel", "--resume", "--out", scratch["killed"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{planned} runs done", resumed.Err, StringComparison.Ordinal);
        foreach (var name in AllFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["killed/" + name]));
        Assert.Equal(wholePanels, File.ReadAllBytes(journal));
    }

    [Fact]
    public void ACancelledPanelSweepLeavesNoPanelFileAndResumesToTheSameFiles()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Sweep(100));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--out", scratch["whole"]).ExitCode);

        string journal = scratch["resumed/journal.bin"];
        using (var cancel = new CancellationTokenSource())
        {
            var watcher = new Thread(() =>
            {
                while (!cancel.IsCancellationRequested && (!File.Exists(journal) || new FileInfo(journal).Length < 20_000)) Thread.Sleep(2);
                cancel.Cancel();
            });
            watcher.Start();
            var first = CliHarness.Run(cancel.Token, "sweep", file, "--panel", "--out", scratch["resumed"], "--threads", "1");
            cancel.Cancel();
            watcher.Join();
            Assert.Equal(130, first.ExitCode);
            Assert.Contains("--panel --resume", first.Err, StringComparison.Ordinal);
        }
        Assert.All(PanelFiles.Append("runs.csv"), name => Assert.False(File.Exists(scratch["resumed/" + name]), name));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--panel", "--resume", "--threads", "2", "--out", scratch["resumed"]).ExitCode);
        foreach (var name in AllFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["resumed/" + name]));
    }

    [Fact]
    public void ASweepOfAModelWithoutPanelTablesRefusesPanelAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var model = new WaltzSweepModel(new Scenario { States = 4, Ticks = 3 }, [new Factor("honour", 0, 1)], [[0.5]], EngineKind.Reference);
        var job = new SweepJob
        {
            Model = new Simulation.WithoutPanels(model),
            Points = 1,
            Replicates = 2,
            Seed = 1,
            Factors = ["honour"],
            Outputs = ["wars"],
            OutputPath = scratch["o"],
            SweepText = "{}",
            Panel = true,
        };
        var error = Assert.Throws<ArgumentException>(() => SweepRunner.Run(job));
        Assert.Contains("no panel tables", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));

        // The Waltz sweep model has them: run's two tables with point and replicate in front.
        var schemas = SweepPanels.Schemas(model);
        Assert.Equal(["panel_states", "panel_dyads"], schemas.Select(t => t.Name));
        Assert.Equal(["point", "replicate", .. WaltzTables.PanelStates.Columns.Select(c => c.Name)], schemas[0].Columns.Select(c => c.Name));
        Assert.Equal(["point", "replicate", .. WaltzTables.PanelDyads.Columns.Select(c => c.Name)], schemas[1].Columns.Select(c => c.Name));
        Assert.All(schemas.SelectMany(t => t.Columns.Take(2)), c => Assert.Equal(ColumnKind.Int64, c.Kind));
    }

    /// <summary>
    /// The record that closes a run's rows in panel_journal.bin: a row of one integer cell, -1. The panel journal
    /// writes integers compactly: the cell count (int32), then kind byte 3 and the zigzag varint of -1, the byte 1.
    /// </summary>
    private static bool IsEndOfRun(byte[] bytes, SweepCommandTests.JournalRecord record)
    {
        var payload = bytes.AsSpan(record.PayloadStart, record.PayloadLength);
        return payload.Length == 6 && BinaryPrimitives.ReadInt32LittleEndian(payload) == 1 && payload[4] == 3 && payload[5] == 1;
    }

    /// <summary>A sweep panel line as the run's: without point and replicate, and run numbered within the point.</summary>
    private static string AsRunRow(string line, int replicates)
    {
        var cells = line.Split(',', 4);
        long run = Long(cells[2]);
        Assert.Equal(run / replicates, Long(cells[0]));
        Assert.Equal(run % replicates, Long(cells[1]));
        return (run % replicates).ToString(CultureInfo.InvariantCulture) + "," + cells[3];
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Table(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
