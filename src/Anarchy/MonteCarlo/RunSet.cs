using Anarchy.Engine;
using Anarchy.Output;
using Anarchy.Statistics;

namespace Anarchy.MonteCarlo;

/// <summary>Everything a run set (the runs of one scenario, as <c>anarchy run</c> makes them) needs besides its
/// model's rules. A research study (<see cref="Studies.ResearchStudy"/>) is a set of such run sets and sweeps.</summary>
public sealed record RunSetRequest
{
    public required IRunModel Model { get; init; }
    public required RunPlan Plan { get; init; }
    public required string OutputPath { get; init; }
    public required ulong MasterSeed { get; init; }
    /// <summary>The fully resolved scenario as JSON, recorded in the manifest.</summary>
    public required string ScenarioJson { get; init; }
    public RunDetail Detail { get; init; }
    public bool Overwrite { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Command { get; init; } = "";
    public string Engine { get; init; } = "reference";
    public IReadOnlyList<long>? OnlyRuns { get; init; }
}

/// <summary>How a run set ended, where its files are, and its key outputs as means with 95% intervals.</summary>
public sealed record RunSetResult(RunOutcome Outcome, string OutputPath, IReadOnlyList<(string Column, MeanInterval Interval)> KeyOutputs);

/// <summary>
/// Runs a run set into an output folder: prepares the folder (refusing an existing one unless overwriting), streams
/// the runs in order, and always leaves complete files and a manifest that says whether the run set completed, was
/// cancelled or failed.
/// </summary>
public static class RunSet
{
    public static RunSetResult Run(RunSetRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (request.Detail.Panel && request.Model.PanelSchemas.Count == 0)
            throw new ArgumentException($"the model '{request.Model.Name}' has no panel tables", nameof(request));
        var started = DateTimeOffset.UtcNow;
        using var folder = OutputFolder.Prepare(request.OutputPath, request.Overwrite);
        var output = new RunSetOutput(folder, request.Model, request.Detail);
        Manifest Manifest(string status, long completed, string? reason = null) => new()
        {
            Command = request.Command,
            ModelName = request.Model.Name,
            ModelVersion = request.Model.Version,
            Engine = request.Engine,
            MasterSeed = request.MasterSeed,
            RunsPlanned = request.Plan.Count,
            RunsCompleted = completed,
            Status = status,
            Reason = reason,
            Threads = request.Threads,
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            ScenarioJson = request.ScenarioJson,
            Files = status is "running" or "failed" ? new Dictionary<string, long>() : output.Files,
            OnlyRuns = request.OnlyRuns,
        };

        RunOutcome outcome;
        try
        {
            Manifest("running", 0).WriteTo(folder);
            outcome = MonteCarloRunner.Run(request.Model, request.Plan, request.Detail, output, request.Threads, progress, cancellation);
            output.Commit();
            Manifest(outcome.Cancelled ? "cancelled" : "completed", outcome.Completed).WriteTo(folder);
        }
        catch (RunFailedException e)
        {
            // A run failed: the runs before it are complete and kept, as a cancelled study's are.
            long written = output.RunsWritten;
            var files = output.Files;
            try
            {
                output.Commit();
            }
            catch (Exception commit) when (OutputWriteException.IsWriteFailure(commit))
            {
                output.Dispose();
                written = 0;
                files = new Dictionary<string, long>();
            }
            TryWriteFailed(folder, () => (Manifest("failed", written, e.Message) with { Files = files }).WriteTo(folder));
            throw;
        }
        catch (Exception e)
        {
            // Whatever failed, the unfinished files go first (freeing the space a full disk needs for the manifest),
            // then the manifest says why.
            output.Dispose();
            var failure = e is OutputWriteException || !OutputWriteException.IsWriteFailure(e)
                ? e
                : new OutputWriteException($"writing the output in '{folder.Path}' failed: {OutputWriteException.Describe(e)}; the unfinished files were removed and manifest.json says \"failed\"", e);
            TryWriteFailed(folder, () => Manifest("failed", 0, failure.Message).WriteTo(folder));
            if (ReferenceEquals(failure, e)) throw;
            throw failure;
        }
        output.Dispose();
        var keys = request.Model.KeyOutputs.Select(c => (c, output.Summary(c))).ToList();
        return new RunSetResult(outcome, folder.Path, keys);
    }

    /// <summary>Writes a failed manifest if the disk still lets it; the original error matters more than this one.</summary>
    internal static void TryWriteFailed(OutputFolder folder, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            // The disk may be full: give back the lock's reserve and try once more.
            folder.ReleaseReserve();
            TryOnce(write);
        }
    }

    private static void TryOnce(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            // Nothing more can be recorded.
        }
    }
}
