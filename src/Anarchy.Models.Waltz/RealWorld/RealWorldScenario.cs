namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// Scenarios that start from the international system of a given year (docs/MODEL.md, "Real-world initialisation"):
/// the COW system members with wealth and capability from COW National Material Capabilities, located at their
/// capitals on the globe, with the ATOP defence pacts in force among them, and the United States as the leader.
/// Interests, revisionism and doctrine are not in the data and keep the model's draws and defaults.
/// </summary>
public static class RealWorldScenario
{
    /// <summary>Recorded ticks of a real-world scenario unless the caller changes them (with <c>with</c>).</summary>
    public const int DefaultTicks = 50;

    /// <summary>
    /// The scenario <c>realworld-YEAR</c> (<c>realworld-YEAR-yearend</c> with <see cref="SystemMembership.EndOfYear"/>):
    /// great-circle geography, one state override per member (label, ccode, wealth, capability, location), the initial
    /// pacts with their ages, the leader and the year as <see cref="Scenario.StartYear"/>, with <paramref name="parameters"/> (default: the model's defaults),
    /// <see cref="DefaultTicks"/> ticks and 100 runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The data do not cover the year.</exception>
    public static Scenario Create(int year, RealWorldData data, ModelParameters? parameters = null, SystemMembership membership = SystemMembership.AnyDayOfYear)
    {
        parameters ??= new ModelParameters();
        return Create(RealWorldSystem.Of(year, data, membership, parameters.InitialMilitaryShare), parameters);
    }

    /// <summary>The scenario of a system built by <see cref="RealWorldSystem.Of"/> with the same <c>initialMilitaryShare</c>.</summary>
    public static Scenario Create(RealWorldSystem system, ModelParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var overrides = system.States.Select(s => new StateOverride
        {
            State = s.Index,
            Label = s.Abbreviation,
            Ccode = s.Ccode,
            Wealth = s.Wealth,
            Capability = s.Capability,
            Location = [s.Latitude, s.Longitude],
        }).ToList();
        return new Scenario
        {
            Name = system.Membership == SystemMembership.EndOfYear ? $"realworld-{system.Year}-yearend" : $"realworld-{system.Year}",
            Description = Describe(system),
            States = system.States.Count,
            Ticks = DefaultTicks,
            StartYear = system.Year,
            Runs = 100,
            Parameters = parameters ?? new ModelParameters(),
            Geography = Geography.GreatCircle,
            Leader = system.Leader,
            StateOverrides = overrides,
            Pacts = system.Pacts,
        };
    }

    private static string Describe(RealWorldSystem system)
    {
        string members = system.Membership == SystemMembership.EndOfYear ? "members on 31 December" : "members on any day of the year";
        var text = new List<string>
        {
            $"The international system of {system.Year} (data/README.md): {system.States.Count} COW system members " +
            $"({members}) in ccode order; wealth and capability from COW NMC v7.0; locations at capitals; " +
            $"{system.Pacts.Count} ATOP v5.1 defence pacts among members; leader {system.States[system.Leader].Abbreviation}.",
        };
        void List(string what, Func<RealWorldState, bool> which)
        {
            var labels = system.States.Where(which).Select(s => s.Abbreviation).ToList();
            if (labels.Count > 0) text.Add($"{what}: {string.Join(", ", labels)}.");
        }
        List("Capability at initialMilitaryShare times wealth (no military data)", s => s.CapabilityImputed);
        List("Wealth at the floor (no economic data)", s => s.WealthFloored);
        List("Location by fallback (no capital that year)", s => s.LocationFallback is not null);
        return string.Join(" ", text);
    }
}
