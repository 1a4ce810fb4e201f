using System.Globalization;
using Anarchy.Engine;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.MonteCarlo;
using Anarchy.Studies;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>What the Waltz studies share: running a sweep or a scenario as an arm with the chosen engine.</summary>
public abstract class WaltzStudy(StudySettings settings) : ResearchStudy
{
    protected StudySettings Settings { get; } = settings;

    /// <summary>Runs a sweep as an arm and reads its runs table.</summary>
    protected ResultTable SweepArm(StudyContext context, string arm, WaltzSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sweep);
        string text = WaltzSweepWriter.ToJson(sweep);
        var job = WaltzSweepJobs.Create(sweep, text, context.ArmFolder(arm), Settings.Engine) with
        {
            Command = ArmCommand(context, arm),
        };
        string folder = context.Sweep(arm, job);
        return ResultTable.Read(folder, "runs.csv");
    }

    /// <summary>Runs a scenario's runs as an arm (with series, and events if asked) and returns its folder.</summary>
    protected string ScenarioArm(StudyContext context, string arm, Scenario scenario, bool events = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scenario);
        var model = new WaltzModel(scenario, Settings.Engine);
        var request = new RunSetRequest
        {
            Model = model,
            Plan = RunPlan.Replicates(scenario.Seed, scenario.Runs),
            OutputPath = context.ArmFolder(arm),
            MasterSeed = scenario.Seed,
            ScenarioJson = ScenarioWriter.ToJson(scenario),
            Detail = new RunDetail(Series: true, Events: events),
            Command = ArmCommand(context, arm),
            Engine = Settings.Engine == EngineKind.Kernel ? "kernel" : "reference",
        };
        return context.Runs(arm, request);
    }

    /// <summary>The rows of a runs table where each named factor has the given value.</summary>
    protected static int[] Cell(ResultTable runs, params (string Factor, double Value)[] where)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(where);
        var columns = where.Select(w => (Values: runs[w.Factor], w.Value)).ToArray();
        return runs.Where(r => columns.All(c => c.Values[r] == c.Value));
    }

    /// <summary>The runs of a sweep arm: points times replicates.</summary>
    protected static long Count(WaltzSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return (long)sweep.Points().Length * sweep.Replicates;
    }

    protected static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
