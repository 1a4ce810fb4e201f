using System.Text.Json;
using Anarchy.Benchmarking;
using Anarchy.Engine;
using Anarchy.Models;
using Anarchy.MonteCarlo;
using Anarchy.Output;
using Anarchy.Plots;
using Anarchy.Randomness;
using Anarchy.Tests.Output;

namespace Anarchy.Tests.Seam;

/// <summary>
/// Contract tests of the generic layers against a model they have never heard of: a biased coin tossed each tick.
/// The registry, the Monte Carlo layer with its outputs and manifest, and the plots' labels must work for it as they
/// do for the Waltz model, and the generic library must not depend on any model.
/// </summary>
public class ModelSeamTests
{
    [Fact]
    public void RegistryFindsModelsByNameAndTheFirstIsTheDefault()
    {
        var registry = new ModelRegistry(CoinModel.Definition, OtherModel.Instance);
        Assert.Same(CoinModel.Definition, registry.Default);
        Assert.Same(CoinModel.Definition, registry.Find(null));
        Assert.Same(OtherModel.Instance, registry.Find("other"));
        Assert.Equal(["coin", "other"], registry.All.Select(m => m.Name));
    }

    [Fact]
    public void AnUnknownModelIsNamedWithTheModelsThereAre()
    {
        var registry = new ModelRegistry(CoinModel.Definition, OtherModel.Instance);
        var error = Assert.Throws<UnknownModelException>(() => registry.Find("Coin"));
        Assert.Equal("model 'Coin' is not one of the models Anarchy has: coin, other", error.Message);
        Assert.Throws<ArgumentException>(() => new ModelRegistry(CoinModel.Definition, CoinModel.Definition));
        Assert.Throws<ArgumentException>(() => new ModelRegistry());
    }

    [Fact]
    public void StudiesOfAnyModelWriteItsTablesAndNameItInTheManifest()
    {
        using var dir = new TempDirectory();
        string folder = Path.Combine(dir.Path, "coin");
        var model = new CoinModel(bias: 0.3, ticks: 50);
        var result = RunSet.Run(new RunSetRequest
        {
            Model = model,
            Plan = RunPlan.Replicates(7, 40),
            OutputPath = folder,
            MasterSeed = 7,
            ScenarioJson = "{\"model\": \"coin\"}",
            Detail = new RunDetail(Series: true, Events: false),
            Threads = 2,
        });
        Assert.Equal(40, result.Outcome.Completed);

        string[] runs = File.ReadAllLines(Path.Combine(folder, "runs.csv"));
        Assert.Equal("run,point,replicate,seed,heads", runs[0]);
        Assert.Equal(41, runs.Length);
        // Each run's row is its own function of its seed, whatever the thread that ran it.
        foreach (string line in runs.Skip(1))
        {
            string[] cells = line.Split(',');
            var key = new RunKey(long.Parse(cells[0]), long.Parse(cells[1]), long.Parse(cells[2]), ulong.Parse(cells[3]));
            Assert.Equal(CoinModel.Heads(key.Seed, 0.3, 50).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4]);
        }
        // 2000 tosses at 0.3: the share of heads is within 4.3 standard errors (sd 0.0102) of the bias.
        double share = runs.Skip(1).Sum(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)) / 2000;
        Assert.InRange(share, 0.3 - 0.044, 0.3 + 0.044);
        Assert.Equal(1 + 40 * 50, File.ReadAllLines(Path.Combine(folder, "series.csv")).Length);

        Assert.Equal("coin", Manifest.ReadModel(folder));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        Assert.Equal("coin-1", manifest.RootElement.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public void ADefinitionReadsItsScenarioAndMakesItsRuns()
    {
        using var dir = new TempDirectory();
        var coin = CoinModel.Definition;
        var scenario = coin.ReadScenario(null, new ScenarioOverrides(Runs: 3, Ticks: 20, Seed: 5));
        Assert.Equal("20 tosses", scenario.Describe());
        var result = RunSet.Run(new RunSetRequest
        {
            Model = coin.CreateRunModel(scenario, EngineKind.Reference),
            Plan = RunPlan.Replicates(scenario.Seed, scenario.Runs),
            OutputPath = Path.Combine(dir.Path, "o"),
            MasterSeed = scenario.Seed,
            ScenarioJson = scenario.ToJson(),
            Threads = 1,
        });
        Assert.Equal(3, result.Outcome.Completed);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir.Path, "o", "runs.csv")).Length);
    }

    [Fact]
    public void RunsPerSecondAreMeasuredForAnyModel()
    {
        var coin = CoinModel.Definition;
        var report = RunThroughput.Measure(new RunThroughputOptions { Model = coin, Ticks = 50, Threads = 2, Budget = TimeSpan.FromMilliseconds(20) });
        Assert.Equal("coin", report.Model);
        Assert.Equal("coin-1", report.Version);
        Assert.Equal([1, 2], report.Results.Select(r => r.Threads));
        foreach (var r in report.Results)
        {
            Assert.Null(r.States);
            Assert.Equal("50 tosses", r.Workload);
            Assert.True(r.Runs >= r.Threads && r.Seconds >= 0.02, $"{r.Runs} runs in {r.Seconds} s");
            Assert.Equal(r.Runs / r.Seconds, r.RunsPerSecond, 1e-9);
        }
        Assert.Equal(1, report.Results[0].ThreadScaling);
        Assert.Empty(coin.StudyNames);
        Assert.Null(coin.CreateStudy("anything", new Anarchy.Studies.StudySettings()));
    }

    [Fact]
    public void AFolderWithoutAManifestNamesNoModel()
    {
        using var dir = new TempDirectory();
        Assert.Null(Manifest.ReadModel(dir.Path));
        File.WriteAllText(Path.Combine(dir.Path, "manifest.json"), "{\"tool\": \"anarchy\"}");
        Assert.Null(Manifest.ReadModel(dir.Path));
        File.WriteAllText(Path.Combine(dir.Path, "manifest.json"), "not json");
        Assert.Null(Manifest.ReadModel(dir.Path));
    }

    [Fact]
    public void PlotLabelsComeFromTheModelsCodebook()
    {
        var coin = CoinModel.Definition;
        Assert.Equal("bias (parameter, probability)", PlotLabels.Factor(coin, "bias"));
        Assert.Equal("ticks (parameter)", PlotLabels.Factor(coin, "ticks"));
        Assert.Equal("looseness (parameter)", PlotLabels.Factor(coin, "looseness"));
        Assert.Equal("bias: chance of heads at each toss", PlotLabels.FactorMeaning(coin, "bias"));
        Assert.Equal("heads (tosses)", PlotLabels.Output(coin.Tables.Runs, "heads"));
        Assert.Equal("heads: tosses that came up heads", PlotLabels.OutputMeaning(coin.Tables.Runs, "heads"));
        // A unit that only repeats the column's name is left out: "tosses", not "tosses (tosses)".
        var counted = new TableSchema("runs", [new("tosses", ColumnKind.Int64, "tosses", "tosses made"), new("long_runs", ColumnKind.Int64, "long runs", "runs of five")]);
        Assert.Equal("tosses", PlotLabels.Output(counted, "tosses"));
        Assert.Equal("long_runs", PlotLabels.Output(counted, "long_runs"));
    }

    [Fact]
    public void TheGenericLibraryDependsOnNoModel()
    {
        var core = typeof(ModelRegistry).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Anarchy.Models", StringComparison.Ordinal));
        Assert.DoesNotContain(core.GetTypes(), t => t.Namespace?.StartsWith("Anarchy.Models.", StringComparison.Ordinal) == true);
    }

    /// <summary>A coin with chance <c>bias</c> of heads, tossed once a tick: one summary column, one series column.</summary>
    private sealed class CoinModel(double bias, int ticks) : IRunModel
    {
        private static readonly TableSchema Runs = new("runs",
        [
            new("run", ColumnKind.Int64, "", "run number"),
            new("point", ColumnKind.Int64, "", "design point"),
            new("replicate", ColumnKind.Int64, "", "replicate at the point"),
            new("seed", ColumnKind.Int64, "", "the run's seed"),
            new("heads", ColumnKind.Int64, "tosses", "tosses that came up heads"),
        ]);

        private static readonly TableSchema Series = new("series",
        [
            new("run", ColumnKind.Int64, "", "run number"),
            new("tick", ColumnKind.Int64, "ticks", "tick"),
            new("head", ColumnKind.Int64, "", "1 for heads"),
        ]);

        private static readonly TableSchema Events = new("events", [new("run", ColumnKind.Int64, "", "run number")]);

        /// <summary>After the schemas, which it holds.</summary>
        public static IModelDefinition Definition { get; } = new CoinDefinition();

        public string Name => Definition.Name;

        public string Version => Definition.Version;

        public TableSchema RunSchema => Runs;

        public TableSchema SeriesSchema => Series;

        public TableSchema EventSchema => Events;

        public IReadOnlyList<string> KeyOutputs => ["heads"];

        public static long Heads(ulong seed, double bias, int ticks)
        {
            var stream = new RandomStream(seed);
            long heads = 0;
            for (int t = 0; t < ticks; t++) heads += stream.Uniform((uint)t, 1, 0) < bias ? 1 : 0;
            return heads;
        }

        public RunRows Execute(RunKey key, RunDetail detail)
        {
            var stream = new RandomStream(key.Seed);
            var series = new List<Cell[]>();
            for (int t = 0; t < ticks && detail.Series; t++)
                series.Add([key.Run, t, stream.Uniform((uint)t, 1, 0) < bias ? 1 : 0]);
            return new RunRows([key.Run, key.Point, key.Replicate, (long)key.Seed, Heads(key.Seed, bias, ticks)], series, []);
        }

        private sealed class CoinDefinition : IModelDefinition
        {
            public string Name => "coin";

            public string Version => "coin-1";

            public string Summary => "a biased coin tossed once a tick";

            public IReadOnlyList<IParameterDescription> Parameters { get; } =
            [
                new Parameter("bias", "coin", "probability", 0, 1, false, "chance of heads at each toss", 0.5),
                new Parameter("ticks", "coin", "1", 1, 1000, true, "tosses per run", 100),
            ];

            public ModelTables Tables { get; } = new(Runs, Series, Events, []);

            public IModelScenario ReadScenario(string? path, ScenarioOverrides overrides) =>
                new CoinScenario(overrides.Runs ?? 10, overrides.Seed ?? 1, overrides.Ticks ?? 100);

            public IModelScenario ParseScenario(string json, string source) => new CoinScenario(10, 1, 100);

            public IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values) => scenario;

            public IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine) => new CoinModel(0.5, ((CoinScenario)scenario).Ticks);

            public string DescribeEngine(EngineKind engine) => "reference";
        }

        private sealed record CoinScenario(int Runs, ulong Seed, int Ticks) : IModelScenario
        {
            public string Name => "coin";

            public string Describe() => $"{Ticks} tosses";

            public string ToJson() => $"{{\"model\": \"coin\", \"ticks\": {Ticks}}}";
        }
    }

    private sealed class OtherModel : IModelDefinition
    {
        public static OtherModel Instance { get; } = new();

        public string Name => "other";

        public string Version => "other-1";

        public string Summary => "another model";

        public IReadOnlyList<IParameterDescription> Parameters => [];

        public ModelTables Tables => CoinModel.Definition.Tables;

        public IModelScenario ReadScenario(string? path, ScenarioOverrides overrides) => throw new NotSupportedException();

        public IModelScenario ParseScenario(string json, string source) => throw new NotSupportedException();

        public IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values) => throw new NotSupportedException();

        public IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine) => throw new NotSupportedException();

        public string DescribeEngine(EngineKind engine) => "none";
    }

    private sealed record Parameter(string Name, string Group, string Unit, double Min, double Max, bool IsInteger, string Meaning, double Default)
        : IParameterDescription;
}
