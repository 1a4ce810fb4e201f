using Anarchy.Engine;
using Anarchy.Models.Tribute.Studies;
using Anarchy.Studies;
using Anarchy.View;

namespace Anarchy.Models.Tribute;

/// <summary>Axelrod's tribute model as the generic layers know it.</summary>
public sealed class TributeDefinition : IModelDefinition
{
    private TributeDefinition()
    {
    }

    public static TributeDefinition Instance { get; } = new();

    public string Name => "tribute";

    /// <summary>Changes whenever a rule changes the results.</summary>
    public string Version => "tribute-1";

    public string Summary => "Axelrod's tribute model: actors on a ring demand tribute, pay or fight, and commitments grow into clusters that act as new political actors";

    public IReadOnlyList<IParameterDescription> Parameters => TributeCatalog.All;

    public ModelTables Tables { get; } = new(TributeTables.Runs, TributeTables.Series, TributeTables.Events, [TributeTables.PanelActors])
    {
        SeriesDefaults = ["total_wealth", "richest_share", "largest_cluster", "mean_commitment"],
        SeriesNote = "year 0 is the initial system; each row is a year's end, after income.",
    };

    public IModelScenario ReadScenario(string? path, ScenarioOverrides overrides) => TributeScenarioReader.Format.Read(path, overrides);

    public IModelScenario ParseScenario(string json, string source) => TributeScenarioReader.Format.Parse(json, source);

    public IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values) =>
        TributeScenarioReader.Format.WithParameters((TributeScenario)scenario, names, values);

    public IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine) => new TributeModel((TributeScenario)scenario);

    /// <summary>One engine: the readable implementation (the kernel option runs it too).</summary>
    public string DescribeEngine(EngineKind engine) => "reference";

    /// <summary>Actors round the ring, sized by wealth, coloured by cluster; ties join actors of mutual commitment at
    /// or above the cluster threshold.</summary>
    public RunView? CreateView(IModelScenario scenario, RunKey key)
    {
        var s = (TributeScenario)scenario;
        int n = s.Actors, threshold = s.Parameters.ClusterThreshold;
        var frames = new List<ViewFrame>();
        TributeSimulation.Observe(s, key.Seed, (year, wealth, commitment) =>
        {
            var clusters = TributeSimulation.Clusters(wealth, commitment, n, threshold);
            var ties = new List<(int, int)>();
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    if (Math.Min(commitment[i * n + j], commitment[j * n + i]) >= threshold) ties.Add((i, j));
                }
            }
            frames.Add(new ViewFrame(year, (double[])wealth.Clone(), Enumerable.Repeat(true, n).ToArray(), clusters.Group, ties));
        });
        var angle = Enumerable.Range(0, n).Select(i => 2 * Math.PI * i / n - Math.PI / 2).ToArray();
        return new RunView("plane", Enumerable.Range(0, n).Select(i => $"actor {i}").ToList(),
            angle.Select(a => 0.5 + 0.42 * Math.Cos(a)).ToArray(), angle.Select(a => 0.5 + 0.42 * Math.Sin(a)).ToArray(),
            "wealth", $"cluster (neighbours all committed to each other at least {threshold}%; a tie joins any two so committed)", "commitment tie", frames);
    }

    public IReadOnlyList<string> StudyNames { get; } = ["tribute"];

    public ResearchStudy? CreateStudy(string name, StudySettings settings) => name == "tribute" ? new TributeStudy() : null;
}
