using System.Text.Json;
using Anarchy.Engine;
using Anarchy.MonteCarlo;
using Anarchy.Sweeps;

namespace Anarchy.Studies;

/// <summary>
/// What a running study may use: its output folder, whether it runs the quick version, the threads, the report it
/// writes, and the two kinds of arms it can run into <c>arms/&lt;arm&gt;/</c> beneath its folder: sweeps (resumable,
/// with runs.* and points.*) and plain Monte Carlo runs (with series and events when asked for). An arm that was
/// interrupted stops the study with <see cref="OperationCanceledException"/>; a resumed study finishes its sweeps where
/// they stopped and keeps the completed plain arms whose scenario has not changed.
/// </summary>
public sealed class StudyContext
{
    private readonly Func<IProgress<RunProgress>?> _progress;
    private readonly long? _plannedRuns;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private IProgress<RunProgress>? _overall;
    private long _armsDone;

    /// <summary>
    /// The progress sink of the next arm: with the study's planned runs known, one sink for the whole study that counts
    /// the arms already done (kept or run) and the study's time; otherwise one per arm.
    /// </summary>
    private IProgress<RunProgress>? ArmProgress()
    {
        if (_plannedRuns is not { } planned) return _progress();
        _overall ??= _progress();
        return _overall is null ? null : new StudyProgress(_overall, _armsDone, planned, _clock);
    }

    /// <summary>An arm's progress as part of the study's.</summary>
    private sealed class StudyProgress(IProgress<RunProgress> study, long before, long planned, System.Diagnostics.Stopwatch clock) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => study.Report(new RunProgress(Math.Min(planned, before + value.Completed), planned, clock.Elapsed));
    }
    private readonly Action<string> _log;

    internal StudyContext(string folder, bool quick, int threads, Action<string> log, Func<IProgress<RunProgress>?> progress, CancellationToken cancellation, long? plannedRuns = null, RunDetail detail = default)
    {
        _plannedRuns = plannedRuns;
        Detail = detail;
        Folder = folder;
        Quick = quick;
        Threads = threads;
        _log = log;
        _progress = progress;
        Cancellation = cancellation;
    }

    /// <summary>The tables every arm writes besides what the study asks of it (<c>--series</c>, <c>--events</c>,
    /// <c>--panel</c>; panels only for a model that has them).</summary>
    public RunDetail Detail { get; }

    /// <summary>The study's output folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Whether the reduced version runs.</summary>
    public bool Quick { get; }

    public int Threads { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>The findings, written as report.md below the study's header when the study ends.</summary>
    public StudyReport Report { get; } = new();

    /// <summary>Runs completed in this session whose results are kept, over all arms.</summary>
    public long RunsCompleted { get; private set; }

    /// <summary>Each arm's master seed, in the order the arms ran (for the report's reproducibility section).</summary>
    public IReadOnlyList<(string Arm, ulong Seed)> ArmSeeds => _armSeeds;
    private readonly List<(string Arm, ulong Seed)> _armSeeds = [];

    private void RecordSeed(string arm, ulong seed)
    {
        if (!_armSeeds.Any(a => a.Arm == arm)) _armSeeds.Add((arm, seed));
    }

    /// <summary>Called after each arm has finished (the runner records progress in study.json).</summary>
    internal Action? ArmFinished { get; set; }

    /// <summary>The folder of an arm's data files.</summary>
    public string ArmFolder(string arm) => Path.Combine(Folder, "arms", arm);

    /// <summary>The folder relative to the report, for links.</summary>
    public static string ArmLink(string arm) => "arms/" + arm;

    /// <summary>Tells the person running the study what happens next.</summary>
    public void Log(string message) => _log(message);

    /// <summary>Runs a sweep arm (resuming it if it was interrupted) and returns its folder.</summary>
    /// <exception cref="OperationCanceledException">The sweep was interrupted; its finished runs are kept.</exception>
    public string Sweep(string arm, SweepJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        job = job with
        {
            Series = job.Series || Detail.Series,
            Events = job.Events || Detail.Events,
            Panel = job.Panel || (Detail.Panel && job.Model.PanelSchemas.Count > 0),
        };
        Cancellation.ThrowIfCancellationRequested();
        RecordSeed(arm, job.Seed);
        string folder = ArmFolder(arm);
        if (IsCompleted(folder, "sweep.json", job.SweepText) && SameTables(folder, job))
        {
            _log($"arm '{arm}': already complete, kept");
            _armsDone += (long)job.Points * job.Replicates;
            return folder;
        }
        string stored = Path.Combine(folder, "sweep.json");
        if (File.Exists(stored) && File.ReadAllText(stored) != job.SweepText)
            throw new StudyException($"--resume: arm '{arm}' in {folder} holds a different sweep (the study's files changed since it ran); use --overwrite or another --out");
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        _log($"arm '{arm}': {job.Points} points x {job.Replicates} replicates = {(long)job.Points * job.Replicates} runs");
        var result = SweepRunner.Run(job with { OutputPath = folder, Resume = true, Threads = Threads }, ArmProgress(), Cancellation);
        RunsCompleted += result.RunsThisSession;
        if (!result.Completed) throw new OperationCanceledException($"arm '{arm}' was interrupted after {result.RunsCompleted} of {result.RunsPlanned} runs");
        _armsDone += result.RunsPlanned;
        ArmFinished?.Invoke();
        return folder;
    }

    /// <summary>Runs a plain Monte Carlo arm (replacing an incomplete one) and returns its folder.</summary>
    /// <exception cref="OperationCanceledException">The runs were interrupted.</exception>
    public string Runs(string arm, RunSetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Detail;
        request = request with
        {
            Detail = new RunDetail(asked.Series || Detail.Series, asked.Events || Detail.Events, asked.Panel || (Detail.Panel && request.Model.PanelSchemas.Count > 0)),
        };
        Cancellation.ThrowIfCancellationRequested();
        RecordSeed(arm, request.MasterSeed);
        string folder = ArmFolder(arm);
        if (IsCompleted(folder, null, request.ScenarioJson) && HasTables(folder, request))
        {
            _log($"arm '{arm}': already complete, kept");
            _armsDone += request.Plan.Count;
            return folder;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        _log($"arm '{arm}': {request.Plan.Count} runs");
        var result = RunSet.Run(request with { OutputPath = folder, Overwrite = true, Threads = Threads }, ArmProgress(), Cancellation);
        // An interrupted plain arm is run again from the start on resume, so only a finished one's runs count.
        if (result.Outcome.Cancelled) throw new OperationCanceledException($"arm '{arm}' was interrupted after {result.Outcome.Completed} runs");
        RunsCompleted += result.Outcome.Completed;
        _armsDone += request.Plan.Count;
        ArmFinished?.Invoke();
        return folder;
    }

    /// <summary>
    /// Whether an arm's folder holds a completed result of the same input: the sweep file beside it (sweeps) or the
    /// scenario in its manifest (plain runs) equals <paramref name="input"/>.
    /// </summary>
    private static bool IsCompleted(string folder, string? inputFile, string input)
    {
        string manifestPath = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifestPath)) return false;
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var root = manifest.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "completed") return false;
            if (inputFile is not null)
                return File.Exists(Path.Combine(folder, inputFile)) && File.ReadAllText(Path.Combine(folder, inputFile)) == input;
            return root.TryGetProperty("scenario", out var scenario) && Same(scenario, input);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a finished sweep arm holds the series, events and panels the job asks for (a table more does
    /// no harm: a study resumed without --series keeps the arms that have them).</summary>
    private static bool SameTables(string folder, SweepJob job)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var (series, events, panel) = SweepRunner.DetailOf(manifest.RootElement);
        return (series || !job.Series) && (events || !job.Events) && (panel || !job.Panel);
    }

    /// <summary>Whether a finished plain arm holds every table the request asks for (a table more does no harm).</summary>
    private static bool HasTables(string folder, RunSetRequest request) =>
        (!request.Detail.Series || File.Exists(Path.Combine(folder, "series.csv")))
        && (!request.Detail.Events || File.Exists(Path.Combine(folder, "events.csv")))
        && (!request.Detail.Panel || request.Model.PanelSchemas.All(p => File.Exists(Path.Combine(folder, p.Name + ".csv"))));

    private static bool Same(JsonElement stored, string json)
    {
        using var given = JsonDocument.Parse(json);
        return JsonElement.DeepEquals(stored, given.RootElement);
    }
}
