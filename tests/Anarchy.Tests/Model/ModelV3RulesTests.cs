using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>
/// The rules of model version 3 (docs/decisions/0008-model-v3.md): refusals break pacts only in wars, the autonomy
/// cost of pacts, power projection and war diffusion, each on a hand-worked world.
/// </summary>
public sealed class ModelV3RulesTests
{
    // Power projection. Capabilities 3, 1, 1, 1 (mean 1.5) at the corners (0, 0), (0.5, 0), (0, 0.5), (0.5, 0.5)
    // of the torus. With projection 1: f_0 = 3 / 1.5 = 2, the others are below the mean (f = 1). The gradient of a
    // dyad with 0 is 0.25 * 2 = 0.5: pi_01 = exp(-0.5 / 0.5) = e^-1; the others keep 0.25: pi_12 = exp(-sqrt(0.5) / 0.25).
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 0.5)] // f_0 = 2^2 = 4: pi_01 = exp(-0.5 / 1)
    public void Projection_flattens_the_gradient_of_every_dyad_with_a_state_above_the_mean_capability(double projection, double exponent)
    {
        var w = Create(Quiet with { Projection = projection },
            [State(0, 3, 0), State(1, 1, 0, x: 0.5), State(2, 1, 0, y: 0.5), State(3, 1, 0, x: 0.5, y: 0.5)]);
        Near(Math.Exp(-exponent), w.Proximity[0 * 4 + 1]);
        Near(Math.Exp(-exponent), w.Proximity[1 * 4 + 0]);
        Near(Math.Exp(-Math.Sqrt(0.5) / 0.25), w.Proximity[1 * 4 + 2]);
        Near(Math.Exp(-0.5 / 0.25), w.Proximity[2 * 4 + 3]);
    }

    // Autonomy cost. 0 and 1 (M 0.1, u 0) are threatened by 2 (M 1, u 1, Internal): both seek, and each values the
    // other at v = M = 0.1 (common threat 1, reliability 1) against a wealth of 1.
    private static World Threatened(double autonomyCost) =>
        Create(Quiet with { AutonomyCost = autonomyCost }, [State(0, 0.1, 0), State(1, 0.1, 0), State(2, 1, 1, doctrine: Doctrine.Internal)]);

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.1, true)]   // 0.1 >= 0.1 * 1: worth exactly its autonomy
    [InlineData(0.15, false)] // 0.1 < 0.15
    public void Seekers_ally_only_with_a_partner_worth_the_autonomy_a_pact_costs(double autonomyCost, bool allied)
    {
        var w = Threatened(autonomyCost);
        Perception.Step(w);
        Balancing.Step(w);
        Assert.True(w.Seeking[0] && w.Seeking[1]);
        var ledger = Ledger();
        AllianceFormation.Step(w, ledger);
        AssertPactsConsistent(w);
        Assert.Equal(allied, w.Allied(0, 1));
        Assert.Equal(allied ? 1 : 0, ledger.Tick.PactsFormed);
    }

    [Theory]
    [InlineData(0.05, -1)] // v = 0.1 >= 0.05: the pact pays, salience 1: never weak
    [InlineData(0.15, 3)]  // v = 0.1 < 0.15: weak every tick, lapses when weak > inertia 2
    public void A_pact_that_no_longer_pays_its_autonomy_cost_lapses_after_inertia(double autonomyCost, int lapseTick)
    {
        var w = Create(Quiet with { AutonomyCost = autonomyCost },
            [State(0, 0.1, 0), State(1, 0.1, 0), State(2, 1, 1, doctrine: Doctrine.Internal)], [new InitialPact(0, 1)]);
        Perception.Step(w);
        Near(0.1, Perception.PactValue(w, 0, 1));
        Assert.True(w.CommonThreat[0 * 3 + 1] * w.Compatibility[0 * 3 + 1] >= w.Parameters.LapseSalience);
        var ledger = Ledger();
        int lapsed = -1;
        for (int t = 1; t <= 10 && lapsed < 0; t++)
        {
            w.Tick = t;
            AllianceDissolution.Step(w, ledger);
            if (!w.Allied(0, 1)) lapsed = t;
        }
        Assert.Equal(lapseTick, lapsed);
        Assert.Equal(lapseTick > 0 ? 1 : 0, ledger.Tick.PactsLapsed);
    }

    // Refusals. Initiator 0 (M 1, u 0, r 1) against target 1 (M 0.1, u 1); 1's ally 2 (M 0.1, u 0.05) is called:
    // II = c21 - warCost = 0.05 - 0.15 = -0.1, O = 0.2 * (1 - 0.6) = 0.08, so it refuses. Nobody stood, P = 1 / 1.105
    // > 0.65: not deterred, so escalation decides between settled (0) and war (1).
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    public void A_refused_call_breaks_the_pact_and_costs_reputation_only_when_the_dispute_becomes_a_war(double escalation, bool war)
    {
        var w = Create(Quiet with { Looseness = 0.6, Escalation = escalation },
            [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 0.1, 0.05)], [new InitialPact(1, 2)]);
        Perception.Step(w);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        AssertPactsConsistent(w);
        var dispute = Assert.Single(EventsOf(ledger, EventKinds.Dispute));
        Assert.Equal((0, 1, war ? "war" : "settled"), (dispute.State, dispute.Other, dispute.Outcome));
        Assert.Equal("abandoned", Assert.Single(EventsOf(ledger, EventKinds.Call)).Outcome);
        Assert.Equal(1L, ledger.Tick.Abandonments);
        Assert.Equal(war ? 1L : 0L, ledger.Tick.PactsBroken);
        Assert.Equal(!war, w.Allied(1, 2));
        Assert.Equal(war ? 0.7 : 1.0, w.Reputation[2], 15);
        Assert.Equal(war ? 1 : 0, EventsOf(ledger, EventKinds.PactBroken).Count);
    }

    // Diffusion. 0 (M 1, u 0, r 1) makes war on 1 (M 0.1, u 1); the outsider 2 (M 0.5, u 0, r 0) in the same place
    // is allied to neither. Its only threat is 1: T21 = 0.1 * 1 * (1 - 0) * (1 + 0) = theta_2. Interest in joining
    // 0's side: c20 * T21 / theta_2 - warCost = 1 - 0.15 = 0.85; in joining 1's side: c21 * T20 / theta_2 - 0.15 < 0.
    [Theory]
    [InlineData(0.0, 0.3, false)] // no diffusion
    [InlineData(1.0, 0.3, true)]  // 0.85 > opportunism 0.3, chance 1
    [InlineData(1.0, 0.9, false)] // 0.85 <= 0.9
    public void An_outsider_with_enough_interest_joins_a_new_war_on_the_side_it_favours(double diffusion, double opportunism, bool joins)
    {
        var w = Create(Quiet with { Escalation = 1, Diffusion = diffusion, Opportunism = opportunism },
            [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 0.5, 0)]);
        Perception.Step(w);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        var war = Assert.Single(w.Wars);
        Assert.Equal((0, 1), (war.Initiator, war.Target));
        Assert.Equal(joins ? [0, 2] : [0], war.SideA);
        Assert.Equal([1], war.SideB);
        Assert.Equal(joins ? war.Id : -1, w.WarOf[2]);
        Assert.Equal(joins ? 1L : 0L, ledger.Tick.DiffusionJoins);
        Assert.Equal(joins ? 3L : 2L, ledger.Tick.WarStates);
        Assert.Equal(joins ? 0L : 1L, ledger.Tick.DyadicWars);
        if (joins)
        {
            var join = Assert.Single(EventsOf(ledger, EventKinds.Join));
            Assert.Equal((2, 0, "diffusion"), (join.State, join.Other, join.Outcome));
            Near(0.85, join.Value);
        }
    }
}
