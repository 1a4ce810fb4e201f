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
        var folder = Prepare(study, options);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var context = new StudyContext(folder.Path, options.Quick, options.Threads, options.Log, options.Progress, cancellation);
        WriteStudyFile(folder, study, options, "running", started, clock.Elapsed);
        try
        {
            study.Run(context);
        }
        catch (OperationCanceledException)
        {
            WriteStudyFile(folder, study, options, "interrupted", started, clock.Elapsed);
            throw;
        }
        catch
        {
            WriteStudyFile(folder, study, options, "failed", started, clock.Elapsed);
            throw;
        }
        var elapsed = clock.Elapsed;
        string report = Header(study, options, elapsed, context.RunsCompleted) + context.Report.Text;
        AtomicFile.WriteAllText(folder.PathOf(ReportFile), report.TrimEnd() + "\n");
        WriteStudyFile(folder, study, options, "completed", started, elapsed);
        return new StudyRunResult(folder.Path, folder.PathOf(ReportFile), elapsed, context.RunsCompleted);
    }

    private static OutputFolder Prepare(ResearchStudy study, StudyOptions options)
    {
        string studyFile = Path.Combine(options.OutputPath, StudyFile);
        if (options.Resume && File.Exists(studyFile))
        {
            using var stored = JsonDocument.Parse(File.ReadAllText(studyFile));
            string? name = stored.RootElement.TryGetProperty("study", out var n) ? n.GetString() : null;
            bool quick = stored.RootElement.TryGetProperty("quick", out var q) && q.GetBoolean();
            if (name != study.Name || quick != options.Quick)
                throw new StudyException($"--resume: {options.OutputPath} holds the study '{name}'{(quick ? " (quick)" : "")}, not '{study.Name}'{(options.Quick ? " (quick)" : "")}; use another --out");
            return OutputFolder.Prepare(options.OutputPath, overwrite: false, allowExisting: true);
        }
        return OutputFolder.Prepare(options.OutputPath, options.Overwrite);
    }

    private static string Header(ResearchStudy study, StudyOptions options, TimeSpan elapsed, long runs)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(study.Title).AppendLine();
        text.Append("**Question.** ").AppendLine(study.Question).AppendLine();
        if (options.Quick) text.Append("**Quick version.** ").Append(study.QuickDescription).AppendLine(" Its intervals are wider than the full version's; see the study's README for the full results.").AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Produced by `{(options.Command.Length > 0 ? options.Command : "anarchy study " + study.Name + (options.Quick ? " --quick" : ""))}` with anarchy {Manifest.ToolVersion}: {runs:N0} runs in this session, {elapsed.TotalSeconds:F1} s on {MachineDescription.Current} with {options.Threads} thread{(options.Threads == 1 ? "" : "s")}. Each arm's data and manifest are in `arms/`."));
        text.AppendLine();
        text.AppendLine("Intervals in brackets are 95% confidence intervals; each table says how they were computed.");
        text.AppendLine();
        return text.ToString();
    }

    private static void WriteStudyFile(OutputFolder folder, ResearchStudy study, StudyOptions options, string status, DateTimeOffset started, TimeSpan elapsed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("study", study.Name);
            w.WriteBoolean("quick", options.Quick);
            w.WriteString("status", status);
            w.WriteString("toolVersion", Manifest.ToolVersion);
            w.WriteString("command", options.Command);
            w.WriteNumber("threads", options.Threads);
            w.WriteString("machine", MachineDescription.Current.ToString());
            w.WriteString("started", started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("wallSeconds", Math.Round(elapsed.TotalSeconds, 3));
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(folder.PathOf(StudyFile), Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }
}
