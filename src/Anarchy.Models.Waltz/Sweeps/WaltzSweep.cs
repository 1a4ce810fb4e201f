using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>
/// A sweep of the Waltz model, read from a sweep file (docs/SWEEPS.md): a base scenario, factors, a design,
/// replicates per point, a master seed, and the outputs to summarise per point.
/// </summary>
public sealed record WaltzSweep
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required Scenario Scenario { get; init; }
    public required IReadOnlyList<Factor> Factors { get; init; }
    public required DesignSpec Design { get; init; }
    public required int Replicates { get; init; }
    public required ulong Seed { get; init; }
    public bool CommonRandomNumbers { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>The design's points: one row per point, one column per factor, in the design's order.</summary>
    public double[][] Points() => SweepFields.Points(Factors, Design, Seed);
}

/// <summary>Reads and validates sweep files of the Waltz model through the generic reader
/// (<see cref="ModelSweepReader"/>); every problem names its field, the value and what is allowed, and every design
/// point is checked before the first run.</summary>
public static class WaltzSweepReader
{
    /// <summary>Most points a design may have.</summary>
    public const int MaxPoints = SweepLimits.MaxPoints;

    /// <summary>Fewest base samples of a Saltelli design: the Sobol estimators divide by N - 1.</summary>
    public const int MinSaltelliSamples = SweepLimits.MinSaltelliSamples;

    public static WaltzSweep ReadFile(string path) => Typed(ModelSweepReader.ReadFile(WaltzDefinition.Instance, path));

    /// <summary>Parses a sweep; a scenario given as a path is read relative to <paramref name="directory"/>.</summary>
    public static WaltzSweep Parse(string json, string directory, string source = "sweep") => Parse(json, directory, source, null);

    /// <summary>As <see cref="Parse(string, string, string)"/>, with the base scenario given instead of read from the file
    /// (a merge reads the scenario the shards recorded).</summary>
    public static WaltzSweep Parse(string json, string directory, string source, Scenario? scenarioOverride) =>
        Typed(ModelSweepReader.Parse(WaltzDefinition.Instance, json, directory, source, scenarioOverride));

    /// <summary>The sweep with its scenario as the Waltz model's own record.</summary>
    public static WaltzSweep Typed(ModelSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new WaltzSweep
        {
            Name = sweep.Name,
            Description = sweep.Description,
            Scenario = (Scenario)sweep.Scenario,
            Factors = sweep.Factors,
            Design = sweep.Design,
            Replicates = sweep.Replicates,
            Seed = sweep.Seed,
            CommonRandomNumbers = sweep.CommonRandomNumbers,
            Outputs = sweep.Outputs,
        };
    }

    /// <summary>The sweep as the generic layers take it.</summary>
    public static ModelSweep Generic(WaltzSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new ModelSweep
        {
            Model = WaltzDefinition.Instance,
            Name = sweep.Name,
            Description = sweep.Description,
            Scenario = sweep.Scenario,
            Factors = sweep.Factors,
            Design = sweep.Design,
            Replicates = sweep.Replicates,
            Seed = sweep.Seed,
            CommonRandomNumbers = sweep.CommonRandomNumbers,
            Outputs = sweep.Outputs,
        };
    }
}
