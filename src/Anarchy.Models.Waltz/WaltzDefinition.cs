using System.Text.Json;
using Anarchy.Engine;
using Anarchy.Input;
using Anarchy.Models;
using Anarchy.Models.Waltz.Kernel;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Sweeps;
using Anarchy.Studies;
using Anarchy.View;

namespace Anarchy.Models.Waltz;

/// <summary>The Waltz model as the generic layers know it: name, rules' version, parameters and codebook.</summary>
public sealed class WaltzDefinition : IModelDefinition
{
    private WaltzDefinition()
    {
    }

    /// <summary>The one instance, as registered.</summary>
    public static WaltzDefinition Instance { get; } = new();

    public string Name => "waltz";

    public string Version => WaltzModel.ModelVersion;

    public string Summary => "states balance internally (arming) or externally (alliances) under anarchy; alliances may entangle or restrain";

    public IReadOnlyList<IParameterDescription> Parameters => ParameterCatalog.All;

    public ModelTables Tables { get; } = new(WaltzTables.Runs, WaltzTables.Series, WaltzTables.Events, [WaltzTables.PanelStates, WaltzTables.PanelDyads])
    {
        // Wars started, entangled and aligned stands, pacts in force, living states and the mean defence burden.
        SeriesDefaults = ["wars", "entangled", "aligned", "pacts", "alive", "mean_burden"],
        SeriesNote = "ticks count from 0 with the burn-in included.",
    };

    public IModelScenario ReadScenario(string? path, ScenarioOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var scenario = path is null ? BuiltInScenarios.Default : ScenarioReader.ReadFile(path);
        if (overrides.Runs is { } runs) scenario = scenario with { Runs = ScenarioOverrides.Checked("--runs", runs, 1, int.MaxValue) };
        if (overrides.Ticks is { } ticks) scenario = scenario with { Ticks = ScenarioOverrides.Checked("--ticks", ticks, 1, ScenarioReader.MaxTicks) };
        if (overrides.States is { } states) scenario = scenario with { States = ScenarioOverrides.Checked("--states", states, 1, ScenarioReader.MaxStates) };
        if (overrides.Seed is { } seed) scenario = scenario with { Seed = seed };
        // Parameters, then the whole scenario again: a smaller --states can orphan overrides, pacts or shocks.
        return ParameterAssignments.Apply(scenario, overrides.Assignments ?? []);
    }

    public IModelScenario ParseScenario(string json, string source) => ScenarioReader.Parse(json, source);

    public IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var s = (Scenario)scenario;
        var parameters = s.Parameters;
        for (int f = 0; f < names.Count; f++)
        {
            if (!ParameterCatalog.TryFind(names[f], out var info)) throw new InputFileException($"unknown parameter '{names[f]}'");
            parameters = info.With(parameters, values[f]);
        }
        var result = s with { Parameters = parameters };
        var problems = ScenarioReader.Validate(result).ToList();
        return problems.Count == 0 ? result : throw new InputFileException(problems);
    }

    public IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine) => new WaltzModel((Scenario)scenario, engine);

    public string DescribeEngine(EngineKind engine) =>
        engine == EngineKind.Kernel ? $"kernel (Vector{WaltzBatch.VectorWidth}, batches of {WaltzModel.KernelBatchSize})" : "reference";

    /// <summary>The kernel batches runs of different design points together (<see cref="WaltzSweepModel"/>).</summary>
    public IRunModel? CreateSweepModel(ModelSweep sweep, double[][] points, EngineKind engine)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new WaltzSweepModel((Scenario)sweep.Scenario, sweep.Factors, points, engine);
    }

    /// <summary>States where the scenario's geography puts them (the torus, or capitals for real-world starts), sized
    /// by capability and coloured by bloc (groups of states linked by pacts), pacts as ties.</summary>
    public RunView? CreateView(IModelScenario scenario, RunKey key)
    {
        var s = (Scenario)scenario;
        var frames = new List<ViewFrame>();
        double[] x = [], y = [];
        WaltzSimulation.Observe(s, key.Seed, w =>
        {
            int n = w.N;
            if (frames.Count == 0)
            {
                x = new double[n];
                y = new double[n];
                for (int i = 0; i < n; i++)
                {
                    // Location is (x, y) on the torus, or (latitude, longitude) on the earth.
                    bool earth = s.Geography == Geography.GreatCircle;
                    x[i] = earth ? w.Location[2 * i + 1] : w.Location[2 * i];
                    y[i] = earth ? w.Location[2 * i] : w.Location[2 * i + 1];
                }
            }
            var blocs = Polarity.Blocs(w);
            var size = new double[n];
            var alive = new bool[n];
            var group = new int[n];
            var ties = new List<(int, int)>();
            // Blocs are numbered by their first state, so a bloc keeps its colour while its lowest member lives; a state
            // without pacts is in no bloc.
            var members = new int[n];
            for (int i = 0; i < n; i++)
            {
                if (w.Alive[i]) members[blocs[i]]++;
            }
            for (int i = 0; i < n; i++)
            {
                alive[i] = w.Alive[i];
                size[i] = w.Alive[i] ? w.Capability[i] : 0;
                group[i] = w.Alive[i] && members[blocs[i]] > 1 ? blocs[i] : -1;
                for (int j = i + 1; j < n; j++)
                {
                    if (w.Allied(i, j)) ties.Add((i, j));
                }
            }
            frames.Add(new ViewFrame(w.Tick, size, alive, group, ties));
        });
        var names = new StateNames(s);
        return new RunView(s.Geography == Geography.GreatCircle ? "earth" : "torus", Enumerable.Range(0, s.States).Select(i => names.Label(i) is { Length: > 0 } label ? $"{label} ({i})" : $"state {i}").ToList(), x, y,
            "capability", "bloc", "pact", frames);
    }

    public IReadOnlyList<string> StudyNames => WaltzStudies.Names;

    public ResearchStudy? CreateStudy(string name, StudySettings settings) => WaltzStudies.Create(name, settings);

    /// <summary>
    /// Checks the optional <c>model</c> field of a Waltz scenario or sweep file: a file without one is the Waltz
    /// model's, and one with another name belongs to that model, whose own reader reads it.
    /// </summary>
    internal static void CheckModelField(JsonElement value, string at, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() != Instance.Name)
            problems.Add($"{at}: value {JsonInput.Truncate(value.GetRawText())} is not \"{Instance.Name}\" (a file for another model is read with that model: --model NAME)");
    }
}
