using System.Diagnostics;
using System.Text.Json;
using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.MonteCarlo;
using Anarchy.Output;

namespace Anarchy.Tests.Cli;

/// <summary>
/// What a command may do to the files around it: never touch a file it did not write, lock its output folder, and
/// leave an honest folder after any fault (docs: README, "Output folders" and "Exit codes").
/// </summary>
public sealed class OutputHardeningTests
{
    private const string TinySweep = """
        {
          "name": "tiny",
          "scenario": { "states": 6, "ticks": 8 },
          "factors": [ { "name": "honour", "levels": [0.2, 0.5, 0.8] } ],
          "design": { "type": "grid" },
          "replicates": 4,
          "seed": 3,
          "outputs": ["wars"]
        }
        """;

    private static readonly string Cli = typeof(Anarchy.Cli.CliApp).Assembly.Location;

    /// <summary>Every file under a folder with its bytes, by relative path.</summary>
    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertUnchanged(SortedDictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (name, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[name]), $"{name} changed");
    }

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static JsonElement Manifest(string folder, string name = "manifest.json")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name)));
        return document.RootElement.Clone();
    }

    private static void Shards(ScratchFolder scratch)
    {
        var file = scratch.Write("tiny.json", TinySweep);
        for (int k = 1; k <= 3; k++)
            Assert.Equal(0, CliHarness.Run("sweep", file, "--shard", $"{k}/3", "--out", scratch[$"sh/g{k}"]).ExitCode);
    }

    [Theory]
    [InlineData("sh/g1", "is the shard folder")]
    [InlineData("sh/g1/inner", "lies inside the shard folder")]
    [InlineData("sh", "contains the shard folder")]
    public void Merge_refuses_an_output_that_is_inside_or_holds_one_of_its_inputs_and_leaves_the_shards_as_they_were(string output, string relation)
    {
        using var scratch = new ScratchFolder();
        Shards(scratch);
        var before = Snapshot(scratch["sh"]);

        var merge = CliHarness.Run("merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", scratch[output], "--overwrite");

        Assert.Equal(2, merge.ExitCode);
        Assert.Contains(relation, merge.Err, StringComparison.Ordinal);
        AssertUnchanged(before, scratch["sh"]);
        Assert.Equal(0, CliHarness.Run("merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", scratch["merged"]).ExitCode);
        Assert.Equal(1 + 12, File.ReadAllLines(scratch["merged/runs.csv"]).Length);
    }

    [Fact]
    public void Overwrite_refuses_a_folder_anarchy_did_not_write_and_removes_nothing()
    {
        using var scratch = new ScratchFolder();
        string p = scratch["p"];
        Directory.CreateDirectory(Path.Combine(p, ".git"));
        File.WriteAllText(Path.Combine(p, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(p, "keep.txt"), "k\n");
        var before = Snapshot(p);

        var run = CliHarness.Run("run", "--runs", "2", "--ticks", "5", "--states", "4", "--out", p, "--overwrite");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("was not written by anarchy", run.Err, StringComparison.Ordinal);
        AssertUnchanged(before, p);
        Assert.Equal([".git", "keep.txt"], Entries(p));
        var sweep = CliHarness.Run("sweep", scratch.Write("tiny.json", TinySweep), "--out", p, "--overwrite");
        Assert.Equal(2, sweep.ExitCode);
        AssertUnchanged(before, p);
    }

    [Fact]
    public void Overwrite_of_anarchys_own_folder_names_foreign_entries_keeps_them_and_otherwise_replaces_only_its_files()
    {
        using var scratch = new ScratchFolder();
        string o = scratch["o"];
        string[] args = ["run", "--runs", "3", "--ticks", "5", "--states", "4", "--series", "--out", o];
        Assert.Equal(0, CliHarness.Run(args).ExitCode);
        Assert.Equal(0, CliHarness.Run(["plot", o]).ExitCode);
        Assert.Equal(0, CliHarness.Run([.. args, "--overwrite"]).ExitCode); // its own files only, plots included
        Assert.Equal(["manifest.json", "runs.csv", "runs.parquet", "series.csv", "series.parquet"], Entries(o));

        File.WriteAllText(Path.Combine(o, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(o, "analysis"));
        var before = Snapshot(o);
        var refused = CliHarness.Run([.. args, "--overwrite"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("2 entries anarchy did not write (analysis/, notes.txt)", refused.Err, StringComparison.Ordinal);
        AssertUnchanged(before, o);
    }

    [Fact]
    public void Sweep_and_merge_overwrite_name_foreign_files_and_keep_them()
    {
        using var scratch = new ScratchFolder();
        Shards(scratch);
        string file = scratch["tiny.json"];
        Assert.Equal(0, CliHarness.Run("merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", scratch["m"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", scratch["m"], "--overwrite").ExitCode);
        File.WriteAllText(scratch["m/mine.R"], "x <- 1");
        var merge = CliHarness.Run("merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", scratch["m"], "--overwrite");
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("mine.R", merge.Err, StringComparison.Ordinal);
        Assert.Equal("x <- 1", File.ReadAllText(scratch["m/mine.R"]));

        File.WriteAllText(scratch["sh/g1/mine.R"], "y <- 2");
        var sweep = CliHarness.Run("sweep", file, "--shard", "1/3", "--out", scratch["sh/g1"], "--overwrite");
        Assert.Equal(2, sweep.ExitCode);
        Assert.Contains("mine.R", sweep.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch["sh/g1/journal.bin"]));
    }

    [Fact]
    public void Plot_never_replaces_a_picture_it_did_not_write_but_replaces_its_own()
    {
        using var scratch = new ScratchFolder();
        string run = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--runs", "3", "--ticks", "5", "--states", "4", "--series", "--out", run).ExitCode);
        Directory.CreateDirectory(scratch["figures"]);
        File.WriteAllText(scratch["figures/series-wars.png"], "my own picture");

        var refused = CliHarness.Run("plot", run, "--out", scratch["figures"], "--output", "wars");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("was not written by anarchy", refused.Err, StringComparison.Ordinal);
        Assert.Equal("my own picture", File.ReadAllText(scratch["figures/series-wars.png"]));

        File.Delete(scratch["figures/series-wars.png"]);
        Assert.Equal(0, CliHarness.Run("plot", run, "--out", scratch["figures"], "--output", "wars").ExitCode);
        Assert.Equal(0, CliHarness.Run("plot", run, "--out", scratch["figures"], "--output", "wars").ExitCode);
        Assert.Equal(["series-wars.png"], PlotRecord.Read(scratch["figures"]));
    }

    [Fact]
    public void A_second_writer_is_refused_at_once_naming_the_process_that_holds_the_folder()
    {
        using var scratch = new ScratchFolder();
        string o = scratch["o"];
        using var child = Process.Start(new ProcessStartInfo("dotnet", [Cli, "run", "--runs", "100000000", "--ticks", "1", "--states", "4", "--threads", "1", "--out", o])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            WaitFor(() => File.Exists(Path.Combine(o, "manifest.json")), TimeSpan.FromSeconds(60), child);
            var clock = Stopwatch.StartNew();
            var second = CliHarness.Run("run", "--runs", "2", "--ticks", "5", "--states", "4", "--out", o, "--overwrite");
            Assert.Equal(2, second.ExitCode);
            Assert.Contains($"in use by another anarchy command (process {child.Id} ", second.Err, StringComparison.Ordinal);
            var resume = CliHarness.Run("sweep", scratch.Write("tiny.json", TinySweep), "--out", o, "--resume");
            Assert.Equal(2, resume.ExitCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the second writer should be refused before it runs anything");
            Assert.Equal("running", Manifest(o).GetProperty("status").GetString());
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        // The lock went with the process: the folder can be taken over.
        Assert.Equal(0, CliHarness.Run("run", "--runs", "2", "--ticks", "5", "--states", "4", "--out", o, "--overwrite").ExitCode);
        Assert.DoesNotContain(FolderLock.FileName, Entries(o));
    }

    [Fact]
    public void A_plan_of_two_billion_runs_starts_at_once_in_bounded_memory_and_stops_cleanly_on_sigterm()
    {
        using var scratch = new ScratchFolder();
        string o = scratch["huge"];
        using var child = Process.Start(new ProcessStartInfo("dotnet", [Cli, "run", "--runs", "2000000000", "--ticks", "1", "--states", "4", "--threads", "1", "--out", o])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = new System.Text.StringBuilder();
        child.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        child.BeginErrorReadLine();
        WaitFor(() => File.Exists(Path.Combine(o, "manifest.json")), TimeSpan.FromSeconds(60), child);
        Thread.Sleep(1500);
        long peakKb = PeakResidentKb(child.Id);
        Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var stopping = Stopwatch.StartNew();
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(10)), "the process did not stop within 10 s of SIGTERM");

        Assert.Equal(130, child.ExitCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(peakKb, 1, 300 * 1024);
        var manifest = Manifest(o);
        Assert.Equal("cancelled", manifest.GetProperty("status").GetString());
        Assert.Equal(2_000_000_000, manifest.GetProperty("runsPlanned").GetInt64());
        long completed = manifest.GetProperty("runsCompleted").GetInt64();
        Assert.True(completed > 0, "no run finished before SIGTERM");
        Assert.Equal(completed + 1, File.ReadLines(Path.Combine(o, "runs.csv")).LongCount());
        child.WaitForExit(); // drains the redirected stream
        lock (stderr) Assert.Contains("Cancelled after", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_cancelled_before_any_run_finished_says_so_rather_than_printing_a_table()
    {
        using var scratch = new ScratchFolder();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = CliHarness.Run(cancel.Token, "run", "--runs", "5", "--ticks", "5", "--states", "4", "--out", scratch["o"]);
        Assert.Equal(130, result.ExitCode);
        Assert.Contains("No run finished, so there is nothing to summarise.", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a (1 run)", result.Out + result.Err, StringComparison.Ordinal);
        Assert.Equal(0, Manifest(scratch["o"]).GetProperty("runsCompleted").GetInt64());
    }

    [Fact]
    public void A_file_size_limit_is_a_clean_failure_with_exit_code_3_not_a_killed_process()
    {
        using var scratch = new ScratchFolder();
        string o = scratch["limited"];
        // 10,000 blocks of 1 KiB: the runtime starts, the events table does not fit. The .NET runtime maps its
        // compiled code through a file that the limit caps too unless W^X mapping is off (README, "Exit codes").
        var info = new ProcessStartInfo("bash", ["-c", "ulimit -f 10000 && DOTNET_EnableWriteXorExecute=0 exec dotnet \"$0\" run --runs 3000 --ticks 50 --events --threads 1 --out \"$1\"", Cli, o])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        using var child = Process.Start(info)!;
        string err = child.StandardError.ReadToEnd();
        child.WaitForExit();

        Assert.Equal(3, child.ExitCode);
        Assert.Contains("file-size limit", err, StringComparison.Ordinal);
        Assert.Equal(["manifest.json"], Entries(o));
        var manifest = Manifest(o);
        Assert.Equal("failed", manifest.GetProperty("status").GetString());
        Assert.Contains("file-size limit", manifest.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_removes_the_unfinished_files_and_records_the_failure()
    {
        // A real full file system needs a mount, so root; CI runs as root. Elsewhere the file-size limit above and
        // the writer tests cover the same path.
        if (Environment.UserName != "root" || !OperatingSystem.IsLinux()) return;
        using var scratch = new ScratchFolder();
        string mount = scratch["small"];
        Directory.CreateDirectory(mount);
        Assert.Equal(0, Shell($"mount -t tmpfs -o size=2m tmpfs '{mount}'"));
        try
        {
            var run = CliHarness.Run("run", "--runs", "3000", "--ticks", "50", "--events", "--threads", "1", "--out", Path.Combine(mount, "r"));
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("No space left on device", run.Err, StringComparison.Ordinal);
            Assert.Equal(["manifest.json"], Entries(Path.Combine(mount, "r")));
            Assert.Equal("failed", Manifest(Path.Combine(mount, "r")).GetProperty("status").GetString());

            // A sweep keeps its journal of finished runs, so it can be resumed once there is room.
            Directory.Delete(Path.Combine(mount, "r"), recursive: true);
            File.WriteAllBytes(Path.Combine(mount, "filler"), new byte[1_900_000]);
            var sweep = CliHarness.Run("sweep", scratch.Write("tiny.json", TinySweep.Replace("\"replicates\": 4", "\"replicates\": 400", StringComparison.Ordinal)),
                "--out", Path.Combine(mount, "s"), "--threads", "1");
            Assert.Equal(3, sweep.ExitCode);
            var manifest = Manifest(Path.Combine(mount, "s"));
            Assert.Equal("failed", manifest.GetProperty("status").GetString());
            Assert.Contains("--resume", manifest.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Entries(Path.Combine(mount, "s")), e => e.EndsWith(".tmp", StringComparison.Ordinal));
        }
        finally
        {
            Shell($"umount '{mount}'");
        }
    }

    [Fact]
    public void A_run_that_fails_after_the_start_leaves_a_failed_manifest_with_the_reason_and_the_runs_before_it()
    {
        using var scratch = new ScratchFolder();
        var scenario = BuiltInScenarios.Default with { States = 4, Ticks = 3, Runs = 20 };
        var request = new RunSetRequest
        {
            Model = new FailingAt(new WaltzModel(scenario, EngineKind.Reference), 7),
            Plan = RunPlan.Replicates(scenario.Seed, scenario.Runs),
            OutputPath = scratch["o"],
            MasterSeed = scenario.Seed,
            ScenarioJson = "{}",
            Threads = 1,
        };
        var error = Assert.Throws<RunFailedException>(() => RunSet.Run(request));
        Assert.Contains("run 7 broke", error.Message, StringComparison.Ordinal);
        var manifest = Manifest(scratch["o"]);
        Assert.Equal("failed", manifest.GetProperty("status").GetString());
        Assert.Contains("run 7 broke", manifest.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, manifest.GetProperty("runsCompleted").GetInt64());
        Assert.Equal(1 + 7, File.ReadAllLines(scratch["o/runs.csv"]).Length);
        Assert.DoesNotContain(Entries(scratch["o"]), e => e.StartsWith('.'));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("merge")]
    public void An_empty_output_path_is_an_input_error_in_words(string command)
    {
        using var scratch = new ScratchFolder();
        string[] args = command switch
        {
            "run" => ["run", "--runs", "2", "--ticks", "3", "--out", ""],
            "sweep" => ["sweep", scratch.Write("tiny.json", TinySweep), "--out", ""],
            _ => ["merge", scratch["nowhere"], "--out", ""],
        };
        if (command == "merge")
        {
            Shards(scratch);
            args = ["merge", scratch["sh/g1"], scratch["sh/g2"], scratch["sh/g3"], "--out", ""];
        }
        var result = CliHarness.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the output folder path is empty", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_corrupt_file_in_the_data_folder_exits_2_naming_it()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch["empty"]);
        var missing = CliHarness.Run("realworld", "1950", "--data", scratch["empty"], "--out", scratch["x.json"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cow_states.csv", missing.Err, StringComparison.Ordinal);

        string data = Path.Combine(RepositoryRoot.Path, "data");
        Directory.CreateDirectory(scratch["corrupt"]);
        foreach (var f in Directory.GetFiles(data, "*.csv")) File.Copy(f, Path.Combine(scratch["corrupt"], Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(scratch["corrupt"], "cow_nmc.csv"), "stateabb,ccode,year\n\"USA,2,1950\n");
        var corrupt = CliHarness.Run("realworld", "1950", "--data", scratch["corrupt"], "--out", scratch["x.json"]);
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("cow_nmc.csv", corrupt.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch["x.json"]));
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, Process child)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (child.HasExited) Assert.Fail($"the child exited early with {child.ExitCode}");
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting for the child");
            Thread.Sleep(20);
        }
    }

    /// <summary>The process's peak resident memory (VmHWM) in KiB.</summary>
    private static long PeakResidentKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>A model whose run <paramref name="failing"/> throws, as a defect in a model would.</summary>
    private sealed class FailingAt(IRunModel inner, long failing) : IRunModel
    {
        public string Name => inner.Name;
        public string Version => inner.Version;
        public TableSchema RunSchema => inner.RunSchema;
        public TableSchema SeriesSchema => inner.SeriesSchema;
        public TableSchema EventSchema => inner.EventSchema;
        public IReadOnlyList<string> KeyOutputs => inner.KeyOutputs;

        public RunRows Execute(RunKey key, RunDetail detail) =>
            key.Run == failing ? throw new InvalidOperationException($"run {failing} broke") : inner.Execute(key, detail);
    }
}
