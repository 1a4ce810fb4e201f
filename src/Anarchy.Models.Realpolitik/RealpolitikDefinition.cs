using Anarchy.Engine;
using Anarchy.Models.Realpolitik.Studies;
using Anarchy.Studies;
using Anarchy.View;
using Anarchy.Input;
using Anarchy.Models;

namespace Anarchy.Models.Realpolitik;

/// <summary>Cusack and Stoll's realpolitik system, as statesim codes it, as the generic layers know it.</summary>
public sealed class RealpolitikDefinition : IModelDefinition
{
    private RealpolitikDefinition()
    {
    }

    public static RealpolitikDefinition Instance { get; } = new();

    public string Name => "realpolitik";

    /// <summary>Changes whenever a rule changes the results.</summary>
    public string Version => "realpolitik-1";

    public string Summary => "Cusack and Stoll's realist state system as statesim codes it: misperceived power, minimal winning coalitions, conquest until a universal empire";

    public IReadOnlyList<IParameterDescription> Parameters => RealpolitikCatalog.All;

    public ModelTables Tables { get; } = new(RealpolitikTables.Runs, RealpolitikTables.Series, RealpolitikTables.Events, [])
    {
        SeriesDefaults = ["alive", "largest_share", "power_max", "power_median"],
        SeriesNote = "turn 0 is the initial system; turns without a crisis have no row.",
    };

    public IModelScenario ReadScenario(string? path, ScenarioOverrides overrides) => RealpolitikScenarioReader.Format.Read(path, overrides);

    public IModelScenario ParseScenario(string json, string source) => RealpolitikScenarioReader.Parse(json, source);

    public IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values) =>
        RealpolitikScenarioReader.Format.WithParameters((RealpolitikScenario)scenario, names, values);

    public IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine) => new RealpolitikModel((RealpolitikScenario)scenario);

    /// <summary>One engine: the readable implementation (the kernel option runs it too).</summary>
    public string DescribeEngine(EngineKind engine) => "reference";

    /// <summary>States placed by a force-directed layout of the initial borders, sized by power, borders as ties.</summary>
    public RunView? CreateView(IModelScenario scenario, RunKey key)
    {
        var s = (RealpolitikScenario)scenario;
        var frames = new List<ViewFrame>();
        (double[] X, double[] Y)? layout = null;
        RealpolitikSimulation.Observe(s, key.Seed, (turn, power, alive, borders) =>
        {
            layout ??= NetworkLayout.Place(borders);
            var ties = new List<(int, int)>();
            for (int i = 0; i < borders.Length; i++)
            {
                if (!alive[i]) continue;
                foreach (int j in borders[i])
                {
                    if (j > i && alive[j]) ties.Add((i, j));
                }
            }
            frames.Add(new ViewFrame(turn, power.Select((p, i) => alive[i] ? p : 0).ToArray(), (bool[])alive.Clone(),
                alive.Select(a => -1).ToArray(), ties));
        });
        return new RunView("plane", Enumerable.Range(0, s.States).Select(i => $"state {i}").ToList(), layout!.Value.X, layout.Value.Y,
            "power", "group", "border", frames);
    }

    public IReadOnlyList<string> StudyNames { get; } = ["quirks"];

    public ResearchStudy? CreateStudy(string name, StudySettings settings) => name == "quirks" ? new QuirksStudy() : null;
}
