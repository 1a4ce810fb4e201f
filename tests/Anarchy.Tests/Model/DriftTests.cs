using Anarchy.Engine;
using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 9 (docs/MODEL.md, "One tick", 9. Shocks and drift).</summary>
public sealed class DriftTests
{
    [Fact]
    public void A_scheduled_shock_multiplies_capability_and_wealth_at_its_tick_only()
    {
        // At tick 2, state 0 loses half its capability and a fifth of its wealth: M 0.8 -> 0.4, W 2 -> 1.6.
        var w = Create(Quiet, [State(0, 0.8, 0, wealth: 2), State(1, 0.5, 1)],
            shocks: [new Shock(Tick: 2, State: 0, CapabilityFactor: 0.5, WealthFactor: 0.8)], ticks: 4);
        var ledger = Ledger();
        w.Tick = 1;
        Drift.Step(w, ledger);
        Assert.Equal((0.8, 2.0), (w.Capability[0], w.Wealth[0]));
        w.Tick = 2;
        Drift.Step(w, ledger);
        Assert.Equal((0.8 * 0.5, 2 * 0.8), (w.Capability[0], w.Wealth[0]));
        Assert.Equal((0.5, 1.0), (w.Capability[1], w.Wealth[1]));
        w.Tick = 3;
        Drift.Step(w, ledger);
        Assert.Equal((0.8 * 0.5, 2 * 0.8), (w.Capability[0], w.Wealth[0]));
        var shock = Assert.Single(EventsOf(ledger, EventKinds.Shock));
        Assert.Equal((2, 0, 0.5, 0.8), (shock.Tick, shock.State, shock.Value, shock.Value2));
    }

    [Fact]
    public void A_shock_in_a_whole_run_lands_at_the_end_of_its_tick()
    {
        // Two identical far-apart states with nothing to fear: the leader 0 holds half the capability until the
        // shock at the end of tick 1 quarters its capability, leaving it 0.25 / (0.25 + 1) = 0.2; and one event.
        var scenario = Scenario(Quiet, [State(0, 1, 0), State(1, 1, 0, x: 0.5, y: 0.5)],
            leader: 0, shocks: [new Shock(Tick: 1, State: 0, CapabilityFactor: 0.25)], ticks: 3);
        var run = WaltzSimulation.Run(scenario, 7, new RunDetail(Series: true, Events: true));
        Assert.Equal(0.5, run.Series[0].LeaderCapabilityShare);
        Near(0.25 / 1.25, run.Series[1].LeaderCapabilityShare);
        var shock = Assert.Single(run.Events, e => e.Kind == EventKinds.Shock);
        Assert.Equal((1, 0), (shock.Tick, shock.State));
    }

    [Fact]
    public void Pact_ages_rise_by_one_per_tick()
    {
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 0), State(2, 1, 0)], [new InitialPact(0, 1, 5)]);
        for (int t = 0; t < 3; t++)
        {
            w.Tick = t;
            Drift.Step(w, Ledger());
        }
        Assert.Equal((8, 8), (w.PactAge(0, 1), w.PactAge(1, 0)));
        Assert.Equal(-1, w.PactAge(0, 2));
        AssertPactsConsistent(w);
    }

    [Fact]
    public void A_pact_formed_again_starts_its_age_afresh()
    {
        // Ages are read from one clock that step 9 advances; a pact's age counts from when it (last) formed.
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 0), State(2, 1, 0)], [new InitialPact(0, 1, 5)]);
        w.Tick = 0;
        Drift.Step(w, Ledger());
        w.FormPact(1, 2);
        Assert.Equal((6, 0), (w.PactAge(0, 1), w.PactAge(1, 2)));
        w.BreakPact(0, 1);
        Assert.Equal(-1, w.PactAge(1, 0));
        w.Tick = 1;
        Drift.Step(w, Ledger());
        w.FormPact(0, 1);
        Assert.Equal((0, 1), (w.PactAge(0, 1), w.PactAge(2, 1)));
        w.Tick = 2;
        Drift.Step(w, Ledger());
        Assert.Equal((1, 2), (w.PactAge(1, 0), w.PactAge(1, 2)));
        AssertPactsConsistent(w);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Interests_drift_but_stay_in_the_unit_cube(ulong seed)
    {
        // interestDrift 1 (the largest allowed) from the corners 0 and 1: 50 ticks of steps of standard deviation 1.
        var p = Quiet with { InterestDrift = 1, InterestDimensions = 2 };
        var states = Enumerable.Range(0, 4).Select(i => new StateOverride
        {
            State = i,
            Capability = 1,
            Wealth = 1,
            Revisionism = 0,
            Location = [0.1 * i, 0],
            Interests = [i % 2, i / 2],
        }).ToArray();
        var w = Create(p, states, seed: seed);
        double[] start = Values(w.Interests);
        for (int t = 0; t < 50; t++)
        {
            w.Tick = t;
            Drift.Step(w, Ledger());
            Assert.All(Values(w.Interests), u => Assert.InRange(u, 0, 1));
        }
        Assert.NotEqual(start, Values(w.Interests));
    }

    [Fact]
    public void Without_drift_interests_stay_exactly_where_they_are()
    {
        var w = Create(Quiet, [State(0, 1, 0.3), State(1, 1, 0.7)]);
        for (int t = 0; t < 5; t++)
        {
            w.Tick = t;
            Drift.Step(w, Ledger());
        }
        Assert.Equal([0.3, 0.7], Values(w.Interests));
    }
}
