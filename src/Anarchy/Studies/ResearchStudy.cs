using Anarchy.Engine;
using Anarchy.Models;
using Anarchy.MonteCarlo;

namespace Anarchy.Studies;

/// <summary>
/// A ready-to-run experiment that answers one research question: it runs its arms (sweeps and plain Monte Carlo
/// runs) through a <see cref="StudyContext"/>, then writes its findings into the context's report. The study knows
/// its model's questions; the context knows nothing about any model.
/// </summary>
public abstract class ResearchStudy
{
    /// <summary>The name on the command line, e.g. <c>entanglement</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The report's title.</summary>
    public abstract string Title { get; }

    /// <summary>The question the study answers, in one or two sentences.</summary>
    public abstract string Question { get; }

    /// <summary>What <c>--quick</c> changes, in one sentence for the report.</summary>
    public abstract string QuickDescription { get; }

    /// <summary>
    /// The runs the study's arms hold together, full or quick, when known before it runs: the study's progress is then
    /// one line over all its arms, with one time left; null (the default) shows each arm's progress on its own.
    /// </summary>
    public virtual long? PlannedRuns(bool quick) => null;

    /// <summary>The works the study's question and model come from, one reference each, in the report's list.</summary>
    public virtual IReadOnlyList<string> References => [];

    /// <summary>
    /// Problems with the study's inputs (a missing data folder), each naming the option, checked before anything is
    /// written; none by default.
    /// </summary>
    public virtual IEnumerable<string> CheckInputs() => [];

    /// <summary>Runs the arms and writes the report's sections and plots.</summary>
    public abstract void Run(StudyContext context);

    /// <summary>The command line an arm's manifest records, e.g. <c>anarchy study quirks --quick (arm statesim)</c>.</summary>
    protected string ArmCommand(StudyContext context, string arm)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"anarchy study {Name}{(context.Quick ? " --quick" : "")} (arm {arm})";
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> (one <paramref name="model"/> read) as a plain arm, its runs from its own master
    /// seed, with the tables <paramref name="detail"/> asks for; returns the arm's folder.
    /// </summary>
    protected string RunArm(StudyContext context, string arm, IModelDefinition model, IModelScenario scenario, RunDetail detail, EngineKind engine = EngineKind.Reference)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        return context.Runs(arm, new RunSetRequest
        {
            Model = model.CreateRunModel(scenario, engine),
            Plan = RunPlan.Replicates(scenario.Seed, scenario.Runs),
            OutputPath = context.ArmFolder(arm),
            MasterSeed = scenario.Seed,
            ScenarioJson = scenario.ToJson(),
            Detail = detail,
            Command = ArmCommand(context, arm),
            Engine = model.DescribeEngine(engine),
        });
    }
}
