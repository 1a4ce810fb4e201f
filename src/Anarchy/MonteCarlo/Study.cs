using Anarchy.Engine;
using Anarchy.Output;
using Anarchy.Statistics;

namespace Anarchy.MonteCarlo;

/// <summary>Everything a Monte Carlo study needs besides its model's rules.</summary>
public sealed record StudyRequest
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

/// <summary>How a study ended, where its files are, and its key outputs as means with 95% intervals.</summary>
public sealed record StudyResult(RunOutcome Outcome, string OutputPath, IReadOnlyList<(string Column, MeanInterval Interval)> KeyOutputs);

/// <summary>
/// Runs a study into an output folder: prepares the folder (refusing an existing one unless overwriting), streams
/// the runs in order, and always leaves complete files and a manifest that says whether the study completed, was
/// cancelled or failed.
/// </summary>
public static class Study
{
    public static StudyResult Run(StudyRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (request.Detail.Panel && request.Model.PanelSchemas.Count == 0)
            throw new ArgumentException($"the model '{request.Model.Name}' has no panel tables", nameof(request));
        var started = DateTimeOffset.UtcNow;
        var folder = OutputFolder.Prepare(request.OutputPath, request.Overwrite);
        using var output = new StudyOutput(folder, request.Model, request.Detail);
        Manifest Manifest(string status, long completed) => new()
        {
            Command = request.Command,
            ModelName = request.Model.Name,
            ModelVersion = request.Model.Version,
            Engine = request.Engine,
            MasterSeed = request.MasterSeed,
            RunsPlanned = request.Plan.Count,
            RunsCompleted = completed,
            Status = status,
            Threads = request.Threads,
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            ScenarioJson = request.ScenarioJson,
            Files = status == "running" ? new Dictionary<string, long>() : output.Files,
            OnlyRuns = request.OnlyRuns,
        };
        Manifest("running", 0).WriteTo(folder);

        RunOutcome outcome;
        try
        {
            outcome = MonteCarloRunner.Run(request.Model, request.Plan, request.Detail, output, request.Threads, progress, cancellation);
        }
        catch (RunFailedException)
        {
            output.Commit();
            Manifest("failed", output.RunsWritten).WriteTo(folder);
            throw;
        }
        output.Commit();
        Manifest(outcome.Cancelled ? "cancelled" : "completed", outcome.Completed).WriteTo(folder);
        var keys = request.Model.KeyOutputs.Select(c => (c, output.Summary(c))).ToList();
        return new StudyResult(outcome, folder.Path, keys);
    }
}
