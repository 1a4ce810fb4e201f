using System.Globalization;
using Anarchy.Engine;
using Anarchy.Models.Waltz;

namespace Anarchy.Tests.Model;

/// <summary>
/// Small hand-built worlds for the mechanism tests. Every state's wealth, capability, location, interests and
/// revisionism are fixed, so the seed only selects the random stream; the tests choose probabilities of exactly 0
/// or 1 (or assert properties that hold for any stream), so their outcomes do not depend on the stream's bits.
/// </summary>
internal static class Worlds
{
    /// <summary>Relative tolerance where the test's arithmetic differs from the model's (order of operations).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// Defaults with every noise switched off (growth, interest drift, call noise, imitation noise), a
    /// one-dimensional interest space (so compatibility is 1 - |u_i - u_j|), no escalation, no chance ending of
    /// wars, an epsilon so small that it never moves a hand-computed number, and the version-1 values of the rules
    /// that the calibrated defaults switch on.
    /// </summary>
    public static ModelParameters Quiet { get; } = new()
    {
        GrowthSigma = 0,
        InterestDrift = 0,
        CallNoise = 0,
        ImitationNoise = 0,
        InterestDimensions = 1,
        Escalation = 0,
        WarEndChance = 0,
        Epsilon = 1e-300,
        // The hand-worked examples use the rules' reference values, not the calibrated defaults: no challenges, no
        // casus-foederis filter, no power projection or war diffusion, honour 0.2, opportunism 0.3, Beta(1, 4).
        Challenge = 0,
        CasusFoederis = 0,
        Projection = 0,
        Diffusion = 0,
        Honour = 0.2,
        Opportunism = 0.3,
        RevisionismBeta = 4,
    };

    /// <summary>A fully specified state with one interest dimension.</summary>
    public static StateOverride State(int index, double capability, double interest, double x = 0, double y = 0,
        double revisionism = 0, double wealth = 1, Doctrine doctrine = Doctrine.Strategic) => new()
        {
            State = index,
            Capability = capability,
            Wealth = wealth,
            Location = [x, y],
            Interests = [interest],
            Revisionism = revisionism,
            Doctrine = doctrine,
        };

    /// <summary>A scenario (one tick unless told) with the given states; checked against the scenario rules.</summary>
    public static Scenario Scenario(ModelParameters parameters, IReadOnlyList<StateOverride> states,
        IReadOnlyList<InitialPact>? pacts = null, int? leader = null, IReadOnlyList<Shock>? shocks = null, int ticks = 1)
    {
        var scenario = new Scenario
        {
            States = states.Count,
            Ticks = ticks,
            Parameters = parameters,
            StateOverrides = states,
            Pacts = pacts ?? [],
            Leader = leader,
            Shocks = shocks ?? [],
        };
        Assert.Empty(ScenarioReader.Validate(scenario));
        return scenario;
    }

    /// <summary>The initial world of <see cref="Scenario"/>.</summary>
    public static World Create(ModelParameters parameters, IReadOnlyList<StateOverride> states,
        IReadOnlyList<InitialPact>? pacts = null, int? leader = null, IReadOnlyList<Shock>? shocks = null, ulong seed = 7,
        int ticks = 1) =>
        Initialization.Create(Scenario(parameters, states, pacts, leader, shocks, ticks), seed);

    /// <summary>A ledger that records and keeps events, as after the burn-in.</summary>
    public static RunLedger Ledger() => new(keepEvents: true) { Recording = true };

    /// <summary>Starts a war between two principals (and their allies) as a dispute would, for war-resolution tests.</summary>
    public static War StartWar(World w, int initiator, int target, int[]? initiatorAllies = null, int[]? targetAllies = null)
    {
        var war = new War(w.Wars.Count, initiator, target, w.Tick, disputeId: 0) { Recorded = true };
        war.SideA.AddRange(initiatorAllies ?? []);
        war.SideB.AddRange(targetAllies ?? []);
        w.StartWar(war);
        foreach (int k in war.SideA) w.WarOf[k] = war.Id;
        foreach (int k in war.SideB) w.WarOf[k] = war.Id;
        return war;
    }

    /// <summary>Asserts |expected - actual| &lt;= 1e-12 * |expected| (relative; absolute 1e-12 where zero is expected).</summary>
    public static void Near(double expected, double actual)
    {
        double allowed = expected == 0 ? Tolerance : Tolerance * Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= allowed, string.Create(CultureInfo.InvariantCulture,
            $"expected {expected:R}, got {actual:R} (relative tolerance {Tolerance:R})"));
    }

    /// <summary>Pacts are symmetric, counted right, never with oneself, and only between living states.</summary>
    public static void AssertPactsConsistent(World w)
    {
        int n = w.N;
        for (int i = 0; i < n; i++)
        {
            int count = 0;
            Assert.False(w.Allied(i, i));
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(w.PactAge(i, j), w.PactAge(j, i));
                Assert.Equal(w.PactWeak[i * n + j], w.PactWeak[j * n + i]);
                if (!w.Allied(i, j)) continue;
                count++;
                Assert.True(w.Alive[i] && w.Alive[j], $"pact {i}-{j} involves a dead state");
            }
            Assert.Equal(count, w.PactCount[i]);
        }
    }

    /// <summary>A copy of one run's column of values, for whole-column assertions.</summary>
    public static T[] Values<T>(Column<T> column)
    {
        var values = new T[column.Length];
        for (int i = 0; i < values.Length; i++) values[i] = column[i];
        return values;
    }

    /// <summary>The events of one kind, in the order they were recorded.</summary>
    public static List<ModelEvent> EventsOf(RunLedger ledger, string kind) =>
        ledger.Events!.Where(e => e.Kind == kind).ToList();
}
