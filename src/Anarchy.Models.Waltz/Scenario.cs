namespace Anarchy.Models.Waltz;

/// <summary>
/// Everything that defines a study of the Waltz model besides the seed of each run: the world, its parameters and
/// the events scheduled in it. Read from JSON by <see cref="ScenarioReader"/>; see docs/SCENARIOS.md.
/// </summary>
public sealed record Scenario : Anarchy.Models.IModelScenario
{
    /// <summary>Short name; the default output folder is <c>out/&lt;name&gt;</c>.</summary>
    public string Name { get; init; } = "default";

    public string Description { get; init; } = "";

    /// <summary>Number of states at the start.</summary>
    public int States { get; init; } = 32;

    /// <summary>Recorded ticks (years), after the burn-in.</summary>
    public int Ticks { get; init; } = 200;

    /// <summary>Ticks simulated before anything is recorded.</summary>
    public int BurnIn { get; init; }

    /// <summary>
    /// The calendar year of tick 0, the scenario's initial state (a real-world scenario's data year), so that tick t
    /// is year <c>StartYear + t</c> in the panel tables; null: the ticks have no calendar.
    /// </summary>
    public int? StartYear { get; init; }

    /// <summary>Master seed; run r of point p uses the seed derived from (seed, p, r).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of Monte Carlo runs (replicates).</summary>
    public int Runs { get; init; } = 100;

    /// <summary>"32 states, 200 ticks" (with the burn-in when there is one).</summary>
    public string Describe() => $"{States} states, {Ticks} ticks" + (BurnIn > 0 ? $" after a burn-in of {BurnIn}" : "");

    /// <summary>The scenario as JSON (<see cref="ScenarioWriter.ToJson"/>).</summary>
    public string ToJson() => ScenarioWriter.ToJson(this);

    public ModelParameters Parameters { get; init; } = new();

    /// <summary>The doctrine of every state without an override.</summary>
    public Doctrine Doctrine { get; init; } = Doctrine.Strategic;

    public Geography Geography { get; init; } = Geography.Torus;

    /// <summary>Number of great powers (0: none); they are states 0 .. poles-1.</summary>
    public int Poles { get; init; }

    /// <summary>Share of the total initial wealth held by the great powers together.</summary>
    public double PoleShare { get; init; } = 0.5;

    /// <summary>The leader whose disputes are tabulated; null: the state with the largest initial capability.</summary>
    public int? Leader { get; init; }

    public IReadOnlyList<StateOverride> StateOverrides { get; init; } = [];

    public IReadOnlyList<InitialPact> Pacts { get; init; } = [];

    public IReadOnlyList<Shock> Shocks { get; init; } = [];

    /// <summary>Total simulated ticks, burn-in included.</summary>
    public int TotalTicks => BurnIn + Ticks;
}

/// <summary>Fixed initial values for one state; a null field keeps the random draw.</summary>
public sealed record StateOverride
{
    public int State { get; init; }
    public string? Label { get; init; }
    /// <summary>The state's country code in the peace-science data (COW ccode), written to the panel tables; null: none.</summary>
    public int? Ccode { get; init; }
    public Doctrine? Doctrine { get; init; }
    public double? Wealth { get; init; }
    public double? Capability { get; init; }
    /// <summary>Torus: (x, y) in [0,1]. Great circle: (latitude, longitude) in degrees.</summary>
    public IReadOnlyList<double>? Location { get; init; }
    public IReadOnlyList<double>? Interests { get; init; }
    public double? Revisionism { get; init; }
}

/// <summary>A defence pact in force at tick 0.</summary>
public sealed record InitialPact(int A, int B, int Age = 0);

/// <summary>At the end of tick <see cref="Tick"/> (counted from 0, burn-in included), multiply a state's capability and wealth.</summary>
public sealed record Shock(int Tick, int State, double CapabilityFactor = 1, double WealthFactor = 1);
