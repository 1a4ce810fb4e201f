using Anarchy.Sweeps;
using Anarchy.Engine;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>Turns a Waltz sweep into the model-independent job that <see cref="SweepRunner"/> runs.</summary>
public static class WaltzSweepJobs
{
    /// <summary>The resolved base scenario, written beside the results so that merge needs nothing else.</summary>
    public const string ScenarioFile = "scenario.json";

    /// <param name="sweep">The sweep.</param>
    /// <param name="text">The sweep file's text, kept beside the results (resume and merge compare it).</param>
    /// <param name="outPath">The output folder.</param>
    /// <param name="engine">The engine; results do not depend on it.</param>
    public static SweepJob Create(WaltzSweep sweep, string text, string outPath, EngineKind engine)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points();
        return new SweepJob
        {
            Model = new WaltzSweepModel(sweep.Scenario, sweep.Factors, points, engine),
            Points = points.Length,
            Replicates = sweep.Replicates,
            Seed = sweep.Seed,
            Factors = sweep.Factors.Select(f => f.Name).ToList(),
            Outputs = sweep.Outputs,
            OutputPath = outPath,
            SweepText = text,
            Design = sweep.Design.ToString(),
            CommonRandomNumbers = sweep.CommonRandomNumbers,
            Engine = engine == EngineKind.Kernel ? "kernel" : "reference",
            AfterFinish = sweep.Design.Type == "saltelli" ? result => SweepSensitivity.Write(sweep.Outputs, sweep.Factors, sweep.Seed, result) : null,
            ExtraFiles = new Dictionary<string, string> { [ScenarioFile] = ScenarioWriter.ToJson(sweep.Scenario) + "\n" },
        };
    }
}
