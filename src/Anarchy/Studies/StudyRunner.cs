using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Benchmarking;
using Anarchy.MonteCarlo;
using Anarchy.Output;

namespace Anarchy.Studies;

/// <summary>How to run a study.</summary>
public sealed record StudyOptions
{
    public required string OutputPath { get; init; }
    public bool Quick { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Continue in an existing folder of the same study: completed arms are kept, interrupted sweeps resume.</summary>
    public bool Resume { get; init; }
    public bool Overwrite { get; init; }
    public string Command { get; init; } = "";
    public Action<string> Log { get; init; } = _ => { };
    /// <summary>Makes the progress sink of one arm (called once per arm), or returns null for none.</summary>
    public Func<IProgress<RunProgress>?> Progress { get; init; } = () => null;
    /// <summary>Tables every arm also writes (series, events, panels where the model has them).</summary>
    public Engine.RunDetail Detail { get; init; }
}

/// <summary>A problem with how a study was asked to run (a resume into another study's folder): exit code 2.</summary>
public sealed class StudyException : Exception
{
    public StudyException() { }
    public StudyException(string message) : base(message) { }
    public StudyException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>How a study ended.</summary>
public sealed record StudyRunResult(string OutputPath, string ReportPath, TimeSpan Elapsed, long RunsCompleted);

/// <summary>
/// Runs a <see cref="ResearchStudy"/> into its folder: <c>study.json</c> (what ran, where, its status and time),
/// <c>arms/</c> (each arm's data files and manifest), the plots, and <c>report.md</c>, written in one piece at the end
/// with a header that names the study, the version, the machine and the time taken.
/// </summary>
public static class StudyRunner
{
    public const string ReportFile = "report.md";
    public const string StudyFile = "study.json";

    public static StudyRunResult Run(ResearchStudy study, StudyOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(options);
        var problems = study.CheckInputs().ToList();
        if (problems.Count > 0) throw new StudyException(string.Join(Environment.NewLine + "error: ", problems));
        var (folder, earlier) = Prepare(study, options);
        using var _ = folder;
        var clock = Stopwatch.StartNew();
        var context = new StudyContext(folder.Path, options.Quick, options.Threads, options.Log, options.Progress, cancellation, study.PlannedRuns(options.Quick), options.Detail);
        Sessions Totals() => earlier.Add(clock.Elapsed, context.RunsCompleted);
        context.ArmFinished = () => WriteStudyFile(folder, study, options, "running", Totals());
        WriteStudyFile(folder, study, options, "running", Totals());
        try
        {
            study.Run(context);
        }
        catch (OperationCanceledException)
        {
            WriteStudyFile(folder, study, options, "interrupted", Totals());
            throw;
        }
        catch (Exception e)
        {
            RunSet.TryWriteFailed(folder, () => WriteStudyFile(folder, study, options, "failed", Totals(), e.Message));
            throw;
        }
        var totals = Totals() with { Runs = RunsInArms(folder.Path) };
        string report = Header(study, options, totals) + context.Report.Text.TrimEnd() + Environment.NewLine + Footer(study, options, context);
        AtomicFile.WriteAllText(folder.PathOf(ReportFile), report.TrimEnd() + "\n");
        WriteStudyFile(folder, study, options, "completed", totals);
        return new StudyRunResult(folder.Path, folder.PathOf(ReportFile), clock.Elapsed, context.RunsCompleted);
    }

    /// <summary>
    /// What the sessions of a study have done together: a resumed study's report and study.json count the runs and
    /// wall time of every session, from the first one's start.
    /// </summary>
    private sealed record Sessions(DateTimeOffset Started, int Count, double WallSeconds, long Runs)
    {
        public static Sessions None => new(DateTimeOffset.UtcNow, 0, 0, 0);

        public Sessions Add(TimeSpan elapsed, long runs) => this with { Count = Count + 1, WallSeconds = WallSeconds + elapsed.TotalSeconds, Runs = Runs + runs };
    }

    /// <summary>The runs whose results the arms hold (their manifests' <c>runsCompleted</c>), from every session.</summary>
    private static long RunsInArms(string folder)
    {
        string arms = Path.Combine(folder, "arms");
        if (!Directory.Exists(arms)) return 0;
        long runs = 0;
        foreach (string manifest in Directory.GetDirectories(arms).Select(d => Path.Combine(d, "manifest.json")).Where(File.Exists))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            if (document.RootElement.TryGetProperty("runsCompleted", out var r) && r.TryGetInt64(out long n)) runs += n;
        }
        return runs;
    }

    private static (OutputFolder Folder, Sessions Earlier) Prepare(ResearchStudy study, StudyOptions options)
    {
        if (options.Resume && options.Overwrite)
            throw new StudyException("--resume and --overwrite: choose one (continue the study in its folder, or replace the folder)");
        string studyFile = Path.Combine(options.OutputPath, StudyFile);
        if (options.Resume && !File.Exists(studyFile) && Directory.Exists(options.OutputPath) && Directory.EnumerateFileSystemEntries(options.OutputPath).Any())
            throw new StudyException($"--resume: {options.OutputPath} holds no {StudyFile}, so it is not a study's folder; use another --out");
        if (options.Resume && File.Exists(studyFile))
        {
            try
            {
                return Resume(study, options, studyFile);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new StudyException($"--resume: {studyFile} cannot be read ({e.Message}); use --overwrite or another --out", e);
            }
        }
        return (OutputFolder.Prepare(options.OutputPath, options.Overwrite), Sessions.None);
    }

    private static (OutputFolder Folder, Sessions Earlier) Resume(ResearchStudy study, StudyOptions options, string studyFile)
    {
        using var stored = JsonDocument.Parse(File.ReadAllText(studyFile));
        var root = stored.RootElement;
        string? name = root.TryGetProperty("study", out var n) ? n.GetString() : null;
        bool quick = root.TryGetProperty("quick", out var q) && q.GetBoolean();
        if (name != study.Name || quick != options.Quick)
            throw new StudyException($"--resume: {options.OutputPath} holds the study '{name}'{(quick ? " (quick)" : "")}, not '{study.Name}'{(options.Quick ? " (quick)" : "")}; use another --out");
        string? version = root.TryGetProperty("toolVersion", out var v) ? v.GetString() : null;
        if (version != Manifest.ToolVersion)
            throw new StudyException($"--resume: {options.OutputPath} was started by anarchy {version}, this is {Manifest.ToolVersion}; a resumed study would mix results of two versions: use --overwrite or another --out");
        var earlier = new Sessions(
            root.TryGetProperty("started", out var st) && DateTimeOffset.TryParse(st.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.UtcNow,
            root.TryGetProperty("sessions", out var c) ? c.GetInt32() : 1,
            root.TryGetProperty("wallSeconds", out var w) ? w.GetDouble() : 0,
            root.TryGetProperty("runs", out var r) ? r.GetInt64() : 0);
        return (OutputFolder.Prepare(options.OutputPath, overwrite: false, allowExisting: true), earlier);
    }

    private static string Header(ResearchStudy study, StudyOptions options, Sessions totals)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(study.Title).AppendLine();
        text.Append("**Question.** ").AppendLine(study.Question).AppendLine();
        if (options.Quick) text.Append("**Quick version.** ").Append(study.QuickDescription).AppendLine(" Its intervals are wider than the full version's; see the study's README for the full results.").AppendLine();
        string sessions = totals.Count > 1 ? $" over {totals.Count} sessions (resumed)" : "";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Produced by `{(options.Command.Length > 0 ? options.Command : "anarchy study " + study.Name + (options.Quick ? " --quick" : ""))}` with anarchy {Manifest.ToolVersion}: {totals.Runs:N0} runs in {totals.WallSeconds:F1} s{sessions} on {MachineDescription.Current} with {options.Threads} thread{(options.Threads == 1 ? "" : "s")}. Each arm's data and manifest are in `arms/`."));
        text.AppendLine();
        text.AppendLine("Intervals in brackets are 95% confidence intervals; each table says how they were computed. Intervals of counts are cut at 0.");
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>How to reproduce the report (the command, each arm's master seed) and the works it draws on.</summary>
    private static string Footer(ResearchStudy study, StudyOptions options, StudyContext context)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("## Reproducing this report").AppendLine();
        string command = "anarchy study " + study.Name + (options.Quick ? " --quick" : "");
        string seeds = string.Join(", ", context.ArmSeeds.Select(a => string.Create(CultureInfo.InvariantCulture, $"`{a.Arm}` {a.Seed}")));
        text.AppendLine($"Every number above comes from seeded runs: `{command}` with anarchy {Manifest.ToolVersion} gives the same report on any machine and thread count (only the header's times differ). " +
            $"Master seeds of the arms: {(seeds.Length > 0 ? seeds : "none")}; each run's seed derives from its arm's master seed, point and replicate (docs/decisions/0001-random-numbers.md) and is in the arm's runs table.");
        if (study.References.Count > 0)
        {
            text.AppendLine().AppendLine("## References").AppendLine();
            foreach (string reference in study.References) text.Append("- ").AppendLine(reference);
        }
        return text.ToString();
    }

    private static void WriteStudyFile(OutputFolder folder, ResearchStudy study, StudyOptions options, string status, Sessions totals, string? reason = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Manifest.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("study", study.Name);
            w.WriteBoolean("quick", options.Quick);
            w.WriteString("status", status);
            if (reason is not null) w.WriteString("reason", reason);
            w.WriteString("toolVersion", Manifest.ToolVersion);
            w.WriteString("command", options.Command);
            w.WriteNumber("threads", options.Threads);
            w.WriteString("machine", MachineDescription.Current.ToString());
            w.WriteString("started", totals.Started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("sessions", totals.Count);
            w.WriteNumber("runs", totals.Runs);
            w.WriteNumber("wallSeconds", Math.Round(totals.WallSeconds, 3));
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(folder.PathOf(StudyFile), Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }
}
