using Anarchy.Engine;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>Turns a Waltz sweep into the model-independent job that <see cref="SweepRunner"/> runs.</summary>
public static class WaltzSweepJobs
{
    /// <summary>The resolved base scenario, written beside the results so that merge needs nothing else.</summary>
    public const string ScenarioFile = ModelSweepReader.ScenarioFile;

    /// <param name="sweep">The sweep.</param>
    /// <param name="text">The sweep file's text, kept beside the results (resume and merge compare it).</param>
    /// <param name="outPath">The output folder.</param>
    /// <param name="engine">The engine; results do not depend on it.</param>
    public static SweepJob Create(WaltzSweep sweep, string text, string outPath, EngineKind engine) =>
        ModelSweepReader.Job(WaltzSweepReader.Generic(sweep), text, outPath, engine);
}
