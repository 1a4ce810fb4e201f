using Anarchy.Models;

namespace Anarchy.Models.Realpolitik;

/// <summary>A scenario of the realpolitik preset: how many states, turns, runs, the seed and the parameters.</summary>
public sealed record RealpolitikScenario : ICatalogScenario<RealpolitikScenario, RealpolitikParameters>
{
    public string Name { get; init; } = "realpolitik";
    public string Description { get; init; } = "";
    /// <summary>States on the graph of borders at the start (statesim <c>network_n</c>).</summary>
    public int States { get; init; } = 98;
    /// <summary>The turn limit (statesim <c>niter</c>; with the default quirk, turns 1 to Turns - 1 are played).</summary>
    public int Turns { get; init; } = 1000;
    public int Runs { get; init; } = 100;
    public ulong Seed { get; init; } = 1;
    public RealpolitikParameters Parameters { get; init; } = new();

    public string Describe() => $"{States} states of degree {Parameters.Degree}, up to {Turns} turns";

    public string ToJson() => RealpolitikScenarioReader.Format.ToJson(this);

    public RealpolitikScenario With(string? name = null, string? description = null, int? runs = null, ulong? seed = null, RealpolitikParameters? parameters = null) =>
        this with { Name = name ?? Name, Description = description ?? Description, Runs = runs ?? Runs, Seed = seed ?? Seed, Parameters = parameters ?? Parameters };
}

/// <summary>Reads and validates realpolitik scenario files, listing every problem with its field, value and range.</summary>
public static class RealpolitikScenarioReader
{
    public const int MaxStates = 4096, MaxTurns = 1_000_000;

    /// <summary>The file's fields: states and turns besides the common ones.</summary>
    public static CatalogScenarioFormat<RealpolitikScenario, RealpolitikParameters> Format { get; } = new()
    {
        Model = "realpolitik",
        Catalog = RealpolitikCatalog.All,
        Sizes =
        [
            new("states", "--states", 2, MaxStates, s => s.States, (s, v) => s with { States = v }),
            new("turns", "--ticks", 1, MaxTurns, s => s.Turns, (s, v) => s with { Turns = v }),
        ],
        Default = () => new RealpolitikScenario(),
        ExampleAssignment = "victorySigma=3",
        Check = Check,
    };

    public static RealpolitikScenario ReadFile(string path) => Format.ReadFile(path);

    public static RealpolitikScenario Parse(string json, string source) => Format.Parse(json, source);

    /// <summary>The constraints between fields: a regular graph needs an even n d and d below n.</summary>
    internal static void Check(RealpolitikScenario s, List<string> problems)
    {
        int d = s.Parameters.Degree;
        if (d >= s.States) problems.Add($"parameters.degree: value {d} must be below states ({s.States})");
        else if ((long)s.States * d % 2 != 0) problems.Add($"states and degree: {s.States} states of degree {d} make an odd number of border ends; one of them must be even");
    }

    /// <summary>Applies <c>NAME=VALUE</c> assignments, listing every bad one.</summary>
    public static RealpolitikScenario Apply(RealpolitikScenario scenario, IEnumerable<string> assignments) => Format.Apply(scenario, assignments);
}
