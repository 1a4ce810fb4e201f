using Anarchy.Models;

namespace Anarchy.Models.Tribute;

/// <summary>A scenario of the tribute model: how many actors, years, runs, the seed and the parameters.</summary>
public sealed record TributeScenario : ICatalogScenario<TributeScenario, TributeParameters>
{
    public string Name { get; init; } = "tribute";
    public string Description { get; init; } = "";
    /// <summary>Actors on the ring (Axelrod: 10).</summary>
    public int Actors { get; init; } = 10;
    /// <summary>Years played (Axelrod: 1000).</summary>
    public int Years { get; init; } = 1000;
    public int Runs { get; init; } = 100;
    public ulong Seed { get; init; } = 1;
    public TributeParameters Parameters { get; init; } = new();

    public string Describe() => $"{Actors} actors on a ring, {Years} years";

    public string ToJson() => TributeScenarioReader.Format.ToJson(this);

    public TributeScenario With(string? name = null, string? description = null, int? runs = null, ulong? seed = null, TributeParameters? parameters = null) =>
        this with { Name = name ?? Name, Description = description ?? Description, Runs = runs ?? Runs, Seed = seed ?? Seed, Parameters = parameters ?? Parameters };
}

/// <summary>Reads and validates tribute scenario files, listing every problem with its field, value and range.</summary>
public static class TributeScenarioReader
{
    public const int MaxActors = 4096, MaxYears = 10_000_000;

    /// <summary>The file's fields: actors and years besides the common ones.</summary>
    public static CatalogScenarioFormat<TributeScenario, TributeParameters> Format { get; } = new()
    {
        Model = "tribute",
        Catalog = TributeCatalog.All,
        Sizes =
        [
            new("actors", "--states", 2, MaxActors, s => s.Actors, (s, v) => s with { Actors = v }),
            new("years", "--ticks", 1, MaxYears, s => s.Years, (s, v) => s with { Years = v }),
        ],
        Default = () => new TributeScenario(),
        ExampleAssignment = "demand=300",
        Check = Check,
    };

    /// <summary>The constraints between fields: the initial wealth's range must not be reversed.</summary>
    internal static void Check(TributeScenario s, List<string> problems)
    {
        if (s.Parameters.WealthMin > s.Parameters.WealthMax)
            problems.Add($"parameters.wealthMin: value {s.Parameters.WealthMin} must not exceed wealthMax ({s.Parameters.WealthMax})");
    }
}
