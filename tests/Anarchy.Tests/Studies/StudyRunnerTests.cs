using System.Text.Json;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Output;
using Anarchy.Studies;
using Anarchy.Sweeps;
using Anarchy.Tests.Cli;
using Anarchy.Engine;

namespace Anarchy.Tests.Studies;

public sealed class StudyRunnerTests
{
    /// <summary>A study whose body is given by the test.</summary>
    private sealed class FakeStudy(string name, Action<StudyContext> body) : ResearchStudy
    {
        public override string Name => name;
        public override string Title => "A fake study";
        public override string Question => "Does the runner write what the study says?";
        public override string QuickDescription => "Fewer of nothing.";
        public override void Run(StudyContext context) => body(context);
    }

    /// <summary>A Waltz study with one tiny sweep arm and one tiny plain arm; counts how often it ran.</summary>
    private sealed class TinyWaltzStudy() : WaltzStudy(new StudySettings { Engine = EngineKind.Reference })
    {
        public static readonly Scenario Base = new() { States = 5, Ticks = 6, Runs = 3, Seed = 3 };

        public static WaltzSweep Sweep { get; } = new()
        {
            Name = "tiny",
            Scenario = Base,
            Factors = [Factor.WithLevels("honour", 0.2, 1)],
            Design = new DesignSpec("grid"),
            Replicates = 3,
            Seed = 5,
            Outputs = ["wars", "pacts_formed"],
        };

        public int Runs { get; private set; }
        public int SweepRows { get; private set; }
        public string? PlainFolder { get; private set; }

        public override string Name => "tiny";
        public override string Title => "A tiny Waltz study";
        public override string Question => "Do arms run and resume?";
        public override string QuickDescription => "Nothing changes.";

        public override void Run(StudyContext context)
        {
            Runs++;
            SweepRows = SweepArm(context, "sweep", Sweep).Rows;
            PlainFolder = ScenarioArm(context, "plain", Base);
            context.Report.Heading("Result").Paragraph($"{SweepRows} sweep runs.");
        }
    }

    /// <summary>The tiny study with its runs declared: 6 sweep runs and 3 plain runs.</summary>
    private sealed class PlannedTinyStudy() : WaltzStudy(new StudySettings { Engine = EngineKind.Reference })
    {
        public override string Name => "tiny";
        public override string Title => "A tiny Waltz study";
        public override string Question => "Is its progress one line?";
        public override string QuickDescription => "Nothing changes.";
        public override long? PlannedRuns(bool quick) => 9;

        public override void Run(StudyContext context)
        {
            SweepArm(context, "sweep", TinyWaltzStudy.Sweep);
            ScenarioArm(context, "plain", TinyWaltzStudy.Base);
        }
    }

    /// <summary>Keeps every progress report.</summary>
    private sealed class Recorder : IProgress<Anarchy.MonteCarlo.RunProgress>
    {
        public List<Anarchy.MonteCarlo.RunProgress> Reports { get; } = [];

        public void Report(Anarchy.MonteCarlo.RunProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    [Fact]
    public void Every_arm_writes_the_series_events_and_panels_the_study_is_asked_for()
    {
        using var scratch = new ScratchFolder();
        var result = StudyRunner.Run(new TinyWaltzStudy(), Options(scratch["out"]) with { Detail = new RunDetail(Series: true, Events: true, Panel: true) });
        foreach (string arm in new[] { "sweep", "plain" })
        {
            foreach (string table in new[] { "series", "events", "panel_states", "panel_dyads" })
                Assert.True(File.Exists(Path.Combine(result.OutputPath, "arms", arm, table + ".csv")), $"{arm}/{table}.csv");
        }
        // The sweep arm's series has the point and replicate in front; a run of 6 ticks gives 6 rows.
        var series = File.ReadAllLines(Path.Combine(result.OutputPath, "arms", "sweep", "series.csv"));
        Assert.StartsWith("point,replicate,run,tick,", series[0], StringComparison.Ordinal);
        Assert.Equal(1 + 6 * 6, series.Length);

        // Resumed without them, the finished arms are kept as they are.
        var again = StudyRunner.Run(new TinyWaltzStudy(), Options(scratch["out"], resume: true));
        Assert.Equal(0, again.RunsCompleted);
    }

    [Fact]
    public void A_study_that_knows_its_runs_reports_one_progress_over_all_its_arms()
    {
        using var scratch = new ScratchFolder();
        int sinks = 0;
        var recorder = new Recorder();
        var result = StudyRunner.Run(new PlannedTinyStudy(), Options(scratch["out"]) with { Progress = () => { sinks++; return recorder; } });
        Assert.Equal(9, result.RunsCompleted);
        Assert.Equal(1, sinks); // one sink for the whole study, not one per arm
        Assert.All(recorder.Reports, r => Assert.Equal(9, r.Total));
        var done = recorder.Reports.Select(r => r.Completed).ToList();
        Assert.Equal(done.Order(), done); // never back
        Assert.Equal(9, done[^1]);
        Assert.Contains(6, done); // the plain arm's runs count after the sweep's
    }

    private static StudyOptions Options(string path, bool quick = false, bool resume = false, bool overwrite = false) =>
        new() { OutputPath = path, Quick = quick, Resume = resume, Overwrite = overwrite, Threads = 1 };

    private static JsonElement StudyJson(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, StudyRunner.StudyFile)));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void A_completed_study_writes_its_report_under_the_header_and_a_completed_study_file()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        var study = new FakeStudy("fake", c => c.Report.Heading("Findings").Paragraph("It | works.").Table(["a", "b"], [["1", "2"]]));
        var result = StudyRunner.Run(study, Options(folder) with { Command = "anarchy study fake --out x" });

        Assert.Equal(Path.GetFullPath(folder), result.OutputPath);
        Assert.Equal(Path.Combine(Path.GetFullPath(folder), "report.md"), result.ReportPath);
        Assert.Equal(0, result.RunsCompleted);
        string report = File.ReadAllText(result.ReportPath);
        Assert.StartsWith("# A fake study\n\n**Question.** Does the runner write what the study says?\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Produced by `anarchy study fake --out x` with anarchy ", report, StringComparison.Ordinal);
        Assert.Contains("with 1 thread.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("**Quick version.**", report, StringComparison.Ordinal);
        Assert.Contains("## Findings\n\nIt | works.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n## Reproducing this report\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Master seeds of the arms: none;", report, StringComparison.Ordinal);
        Assert.DoesNotContain("## References", report, StringComparison.Ordinal);

        var json = StudyJson(folder);
        Assert.Equal("fake", json.GetProperty("study").GetString());
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("quick").GetBoolean());
        Assert.Equal(1, json.GetProperty("threads").GetInt32());
        Assert.Equal("anarchy study fake --out x", json.GetProperty("command").GetString());
    }

    [Fact]
    public void A_quick_study_says_so_in_its_header_and_study_file()
    {
        using var scratch = new ScratchFolder();
        var result = StudyRunner.Run(new FakeStudy("fake", _ => { }), Options(scratch["out"], quick: true));
        string report = File.ReadAllText(result.ReportPath);
        Assert.Contains("**Quick version.** Fewer of nothing.", report, StringComparison.Ordinal);
        Assert.Contains("Produced by `anarchy study fake --quick`", report, StringComparison.Ordinal);
        Assert.True(StudyJson(scratch["out"]).GetProperty("quick").GetBoolean());
    }

    [Fact]
    public void A_non_empty_folder_is_refused_without_overwrite_and_left_as_it_was()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        bool ran = false;
        var study = new FakeStudy("fake", _ => ran = true);

        Assert.Throws<OutputFolderExistsException>(() => StudyRunner.Run(study, Options(folder)));
        Assert.False(ran);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));

        // Not a folder anarchy wrote: --overwrite refuses it too, and keeps the user's file.
        var refused = Assert.Throws<OutputFolderException>(() => StudyRunner.Run(study, Options(folder, overwrite: true)));
        Assert.Contains("no manifest.json or study.json", refused.Message, StringComparison.Ordinal);
        Assert.False(ran);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_replaces_a_studys_own_folder_but_names_and_keeps_a_file_anarchy_did_not_write()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        int runs = 0;
        var study = new FakeStudy("fake", _ => runs++);
        StudyRunner.Run(study, Options(folder));
        StudyRunner.Run(study, Options(folder, overwrite: true));
        Assert.Equal(2, runs);

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        var refused = Assert.Throws<OutputFolderException>(() => StudyRunner.Run(study, Options(folder, overwrite: true)));
        Assert.Contains("notes.txt", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, runs);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public void Resuming_into_another_studys_folder_is_refused()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        StudyRunner.Run(new FakeStudy("first", _ => { }), Options(folder));
        bool ran = false;
        var e = Assert.Throws<StudyException>(() => StudyRunner.Run(new FakeStudy("second", _ => ran = true), Options(folder, resume: true)));
        Assert.Contains("'first'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'second'", e.Message, StringComparison.Ordinal);
        Assert.False(ran);
        Assert.Equal("first", StudyJson(folder).GetProperty("study").GetString());
    }

    [Fact]
    public void Resuming_the_quick_version_into_the_full_versions_folder_is_refused()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        StudyRunner.Run(new FakeStudy("same", _ => { }), Options(folder));
        Assert.Throws<StudyException>(() => StudyRunner.Run(new FakeStudy("same", _ => { }), Options(folder, quick: true, resume: true)));
    }

    [Fact]
    public void Resume_into_a_missing_folder_starts_afresh()
    {
        using var scratch = new ScratchFolder();
        var result = StudyRunner.Run(new FakeStudy("fake", _ => { }), Options(scratch["new"], resume: true));
        Assert.True(File.Exists(result.ReportPath));
        Assert.Equal("completed", StudyJson(scratch["new"]).GetProperty("status").GetString());
    }

    [Fact]
    public void An_interrupted_study_is_marked_interrupted_and_writes_no_report()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        var study = new FakeStudy("fake", c =>
        {
            c.Report.Paragraph("never written");
            throw new OperationCanceledException("stop");
        });
        Assert.Throws<OperationCanceledException>(() => StudyRunner.Run(study, Options(folder)));
        Assert.Equal("interrupted", StudyJson(folder).GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(folder, StudyRunner.ReportFile)));
    }

    [Fact]
    public void A_failing_study_is_marked_failed_and_the_exception_passes_through()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        var study = new FakeStudy("fake", _ => throw new InvalidDataException("broken"));
        var e = Assert.Throws<InvalidDataException>(() => StudyRunner.Run(study, Options(folder)));
        Assert.Equal("broken", e.Message);
        Assert.Equal("failed", StudyJson(folder).GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(folder, StudyRunner.ReportFile)));
    }

    [Fact]
    public void A_study_runs_its_arms_into_arm_folders()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        var study = new TinyWaltzStudy();
        var result = StudyRunner.Run(study, Options(folder));

        Assert.Equal(2 * 3 + 3, result.RunsCompleted); // 2 points x 3 replicates, then 3 plain runs
        Assert.Equal(6, study.SweepRows);
        string sweep = Path.Combine(Path.GetFullPath(folder), "arms", "sweep");
        Assert.True(File.Exists(Path.Combine(sweep, "runs.csv")));
        Assert.True(File.Exists(Path.Combine(sweep, "points.csv")));
        Assert.Equal(WaltzSweepWriter.ToJson(TinyWaltzStudy.Sweep), File.ReadAllText(Path.Combine(sweep, SweepRunner.SweepFile)));
        Assert.Equal(Path.Combine(Path.GetFullPath(folder), "arms", "plain"), study.PlainFolder);
        Assert.True(File.Exists(Path.Combine(study.PlainFolder!, "runs.csv")));
        Assert.True(File.Exists(Path.Combine(study.PlainFolder!, "series.csv")));
        Assert.Equal(1 + 3, File.ReadAllLines(Path.Combine(study.PlainFolder!, "runs.csv")).Length);

        string report = File.ReadAllText(result.ReportPath);
        Assert.Contains("9 runs in ", report, StringComparison.Ordinal);
        Assert.DoesNotContain("sessions", report, StringComparison.Ordinal);
        Assert.Contains("6 sweep runs.", report, StringComparison.Ordinal);
        // The arms' master seeds, in the order they ran: the sweep's seed, then the scenario's.
        Assert.Contains("Master seeds of the arms: `sweep` 5, `plain` 3;", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_keeps_completed_arms_without_running_them_again()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        StudyRunner.Run(new TinyWaltzStudy(), Options(folder));
        string sweep = Path.Combine(folder, "arms", "sweep"), plain = Path.Combine(folder, "arms", "plain");
        var before = Stamps(sweep, plain);
        string sweepManifest = File.ReadAllText(Path.Combine(sweep, "manifest.json"));
        string plainManifest = File.ReadAllText(Path.Combine(plain, "manifest.json"));
        string runs = File.ReadAllText(Path.Combine(sweep, "runs.csv"));

        var study = new TinyWaltzStudy();
        var logged = new List<string>();
        var result = StudyRunner.Run(study, Options(folder, resume: true) with { Log = logged.Add });

        Assert.Equal(1, study.Runs);
        Assert.Equal(0, result.RunsCompleted);
        Assert.Equal(6, study.SweepRows);
        Assert.Contains("arm 'sweep': already complete, kept", logged);
        Assert.Contains("arm 'plain': already complete, kept", logged);
        Assert.Equal(before, Stamps(sweep, plain));
        Assert.Equal(sweepManifest, File.ReadAllText(Path.Combine(sweep, "manifest.json")));
        Assert.Equal(plainManifest, File.ReadAllText(Path.Combine(plain, "manifest.json")));
        Assert.Equal(runs, File.ReadAllText(Path.Combine(sweep, "runs.csv")));
        Assert.Contains("9 runs in ", File.ReadAllText(result.ReportPath), StringComparison.Ordinal); // both sessions together
        Assert.Contains("over 2 sessions (resumed)", File.ReadAllText(result.ReportPath), StringComparison.Ordinal);
        Assert.Equal("completed", StudyJson(folder).GetProperty("status").GetString());
        Assert.Equal(2, StudyJson(folder).GetProperty("sessions").GetInt32());
        Assert.Equal(9, StudyJson(folder).GetProperty("runs").GetInt64());
    }

    [Fact]
    public void A_study_interrupted_before_an_arm_starts_resumes_to_the_same_results()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"], fresh = scratch["fresh"];
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            var interrupted = new TinyWaltzStudy();
            Assert.ThrowsAny<OperationCanceledException>(() => StudyRunner.Run(interrupted, Options(folder), cancelled.Token));
            Assert.Null(interrupted.PlainFolder); // the plain arm after the interrupted sweep never started
        }
        Assert.Equal("interrupted", StudyJson(folder).GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(folder, StudyRunner.ReportFile)));
        Assert.False(Directory.Exists(Path.Combine(folder, "arms", "sweep"))); // a cancelled study starts no further arm

        var resumed = StudyRunner.Run(new TinyWaltzStudy(), Options(folder, resume: true));
        StudyRunner.Run(new TinyWaltzStudy(), Options(fresh));
        Assert.Equal("completed", StudyJson(folder).GetProperty("status").GetString());
        Assert.True(File.Exists(resumed.ReportPath));
        Assert.Equal(
            File.ReadAllText(Path.Combine(fresh, "arms", "sweep", "runs.csv")),
            File.ReadAllText(Path.Combine(folder, "arms", "sweep", "runs.csv")));
        Assert.Equal(
            File.ReadAllText(Path.Combine(fresh, "arms", "plain", "runs.csv")),
            File.ReadAllText(Path.Combine(folder, "arms", "plain", "runs.csv")));
    }

    [Fact]
    public void A_changed_plain_arm_is_run_again_on_resume()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["out"];
        StudyRunner.Run(new FakeStudy("arms", c => new Arms(EngineKind.Reference).Plain(c, TinyWaltzStudy.Base)), Options(folder));
        var changed = TinyWaltzStudy.Base with { Runs = 4 };
        var result = StudyRunner.Run(new FakeStudy("arms", c => new Arms(EngineKind.Reference).Plain(c, changed)), Options(folder, resume: true));
        Assert.Equal(4, result.RunsCompleted);
        Assert.Equal(1 + 4, File.ReadAllLines(Path.Combine(folder, "arms", "plain", "runs.csv")).Length);
    }

    /// <summary>Exposes the Waltz study helpers to a fake study's body.</summary>
    private sealed class Arms(EngineKind engine) : WaltzStudy(new StudySettings { Engine = engine })
    {
        public override string Name => "arms";
        public override string Title => "";
        public override string Question => "";
        public override string QuickDescription => "";
        public override void Run(StudyContext context) { }
        public string Plain(StudyContext context, Scenario scenario) => ScenarioArm(context, "plain", scenario);
    }

    private static Dictionary<string, DateTime> Stamps(params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(f))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc, StringComparer.Ordinal);

    [Fact]
    public void Resume_refuses_a_folder_that_is_not_a_study_an_unreadable_study_file_and_overwrite_at_once()
    {
        using var scratch = new ScratchFolder();
        string other = scratch["other"];
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        var notStudy = Assert.Throws<StudyException>(() => StudyRunner.Run(new TinyWaltzStudy(), Options(other, resume: true)));
        Assert.Contains("holds no study.json", notStudy.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(other).Select(Path.GetFileName));

        string broken = scratch["broken"];
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, StudyRunner.StudyFile), "{\"study\": \"tiny\", \"quick\": \"yes\"}");
        var unreadable = Assert.Throws<StudyException>(() => StudyRunner.Run(new TinyWaltzStudy(), Options(broken, resume: true)));
        Assert.Contains("cannot be read", unreadable.Message, StringComparison.Ordinal);

        var both = Assert.Throws<StudyException>(() => StudyRunner.Run(new TinyWaltzStudy(), Options(scratch["new"], resume: true, overwrite: true)));
        Assert.Contains("--resume and --overwrite", both.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["new"]));
    }
}
