using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 7 (docs/MODEL.md, "One tick", 7. Calls to allies), with callNoise = 0.</summary>
public sealed class AllyCallsTests
{
    // Initiator 0 (M 1, u 0, r 1) against target 1 (M 0.1, u 1), all in one place; 1's ally 2 (M 0.1) at u2.
    // 2's only threat is 0 (1 is its ally): T20 = 1 * 1 * (1 - c20) * (1 + 1) = theta_2, so II_2 = c21 - warCost.
    //   u2 = 1:    c21 = 1,    II = 0.85 > 0: aligned.
    //   u2 = 0.05: c21 = 0.05, II = -0.1; obligation honour * (1 - looseness) = 0.2 (looseness 0): entangled.
    private static World CallWorld(double allyInterest, ModelParameters? p = null, IReadOnlyList<InitialPact>? pacts = null,
        IReadOnlyList<StateOverride>? more = null)
    {
        var states = new List<StateOverride> { State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 0.1, allyInterest) };
        states.AddRange(more ?? []);
        var w = Create(p ?? Quiet, states, pacts ?? [new InitialPact(1, 2)]);
        Perception.Step(w);
        return w;
    }

    private static (List<int> Stood, RunLedger Ledger) Call(World w) => Call(w, []);

    private static (List<int> Stood, RunLedger Ledger) Call(World w, List<Refusal> refused)
    {
        var ledger = Ledger();
        var stood = AllyCalls.Call(w, ledger, 0, 1, 0, refused, out _);
        AssertPactsConsistent(w);
        return (stood, ledger);
    }

    [Fact]
    public void An_ally_with_no_interest_of_its_own_that_stands_by_obligation_is_entangled()
    {
        var w = CallWorld(0.05);
        var (stood, ledger) = Call(w);
        Assert.Equal([2], stood);
        Assert.Equal((1L, 1L, 1L, 0L, 0L), (ledger.Tick.Calls, ledger.Tick.Honoured, ledger.Tick.Entangled, ledger.Tick.Aligned, ledger.Tick.Abandonments));
        var call = Assert.Single(EventsOf(ledger, EventKinds.Call));
        Assert.Equal((2, 1, "entangled", 0), (call.State, call.Other, call.Outcome, call.Hop));
        Near(0.05 - 0.15, call.Value); // II + noise
        Near(0.2, call.Value2);        // obligation
        Assert.True(w.Allied(1, 2));
    }

    [Fact]
    public void An_ally_whose_interest_alone_brings_it_in_is_aligned()
    {
        var w = CallWorld(1);
        var (stood, ledger) = Call(w);
        Assert.Equal([2], stood);
        Assert.Equal((1L, 0L, 1L), (ledger.Tick.Honoured, ledger.Tick.Entangled, ledger.Tick.Aligned));
        var call = Assert.Single(EventsOf(ledger, EventKinds.Call));
        Assert.Equal("aligned", call.Outcome);
        Near(0.85, call.Value);
    }

    [Theory]
    [InlineData(0.0, true)]  // II + O = -0.1 + 0.2  > 0
    [InlineData(0.4, true)]  // -0.1 + 0.12 > 0
    [InlineData(0.6, false)] // -0.1 + 0.08 < 0
    [InlineData(1.0, false)] // no obligation at all
    public void Looseness_scales_the_obligation_down(double looseness, bool stands)
    {
        var w = CallWorld(0.05, Quiet with { Looseness = looseness });
        var (stood, _) = Call(w);
        Assert.Equal(stands, stood.Contains(2));
    }

    [Fact]
    public void An_ally_that_stays_out_abandons_its_partner_and_the_pact_breaks_only_when_the_dispute_becomes_a_war()
    {
        // looseness 0.6: II + O = -0.02 < 0. The refusal is recorded, but nothing breaks while the dispute may still
        // end short of war; once it is a war the pact 1-2 breaks and rep_2 = 1 * (1 - 0.3) = 0.7.
        var w = CallWorld(0.05, Quiet with { Looseness = 0.6 });
        var refused = new List<Refusal>();
        var (stood, ledger) = Call(w, refused);
        Assert.Empty(stood);
        Assert.Equal([new Refusal(2, 1, 0)], refused);
        Assert.True(w.Allied(1, 2));
        Assert.Equal(1.0, w.Reputation[2]);
        Assert.Equal((1L, 0L, 1L, 0L), (ledger.Tick.Calls, ledger.Tick.Honoured, ledger.Tick.Abandonments, ledger.Tick.PactsBroken));
        Assert.Equal("abandoned", Assert.Single(EventsOf(ledger, EventKinds.Call)).Outcome);
        Assert.Empty(EventsOf(ledger, EventKinds.PactBroken));

        AllyCalls.BreakRefused(w, ledger, refused, 0);
        AssertPactsConsistent(w);
        Assert.False(w.Allied(1, 2));
        Assert.Equal(1.0 * (1 - 0.3), w.Reputation[2]);
        Assert.Equal(1.0, w.Reputation[1]);
        Assert.Equal(1L, ledger.Tick.PactsBroken);
        var broken = Assert.Single(EventsOf(ledger, EventKinds.PactBroken));
        Assert.Equal((2, 1, "abandonment", 0), (broken.State, broken.Other, broken.Outcome, broken.Duration));
    }

    [Fact]
    public void An_institutionalised_old_pact_carries_a_heavier_obligation()
    {
        // looseness 0.6 (abandonment above), but institutionalisation 1 and pact age 1:
        // O = 0.2 * (1 + 1 * 1) * 0.4 = 0.16, and -0.1 + 0.16 > 0: it stands, entangled.
        var w = CallWorld(0.05, Quiet with { Looseness = 0.6, Institutionalisation = 1 }, [new InitialPact(1, 2, 1)]);
        var (stood, ledger) = Call(w);
        Assert.Equal([2], stood);
        Assert.Equal(1L, ledger.Tick.Entangled);
        Near(0.2 * 2 * 0.4, Assert.Single(EventsOf(ledger, EventKinds.Call)).Value2);
    }

    // A chain: target 1 allied to 2, and 2 allied to 3 (not to 1). 2 and 3 have u 1 and face only 0 (T = 2 = theta),
    // so II = 0.85 for both: 2 stands at hop 0, and 3, if called, at hop 1 with obligation 0.2 * chainDecay = 0.1.
    private static World Chain(int chainDepth) => CallWorld(1, Quiet with { ChainDepth = chainDepth },
        [new InitialPact(1, 2), new InitialPact(2, 3)], [State(3, 0.1, 1)]);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void An_ally_whose_principal_threat_is_the_initiator_is_called_under_any_casus_foederis(double casus)
    {
        // 2's only threat is 0, so T20 = theta_2 and T20 >= casusFoederis * theta_2 for every casusFoederis <= 1
        // (the bound is inclusive: at casusFoederis 1 the pact still applies).
        var w = CallWorld(0.05, Quiet with { CasusFoederis = casus });
        var (stood, ledger) = Call(w);
        Assert.Equal(1L, ledger.Tick.Calls);
        Assert.Equal([2], stood);
    }

    [Theory]
    [InlineData(0.0, 1L)]
    [InlineData(0.5, 1L)]
    [InlineData(0.7, 0L)]
    public void The_pact_applies_only_against_an_initiator_that_threatens_the_ally_enough(double casus, long calls)
    {
        // 2's ally 1 is attacked by 0 (M 1, u 0, r 1): T20 = 1 * (1 - c20) * (1 + eta * r0) = 1 * 1 * 2 = 2. 2 (u 1)
        // also faces 3 (M 5, u 0.4, r 0), all in one place: T23 = 5 * (1 - 0.4) * 1 = 3, its principal threat, so
        // theta_2 = 3 and T20 / theta_2 = 2 / 3. Under casusFoederis 0 and 0.5 the pact applies and 2 is called;
        // under 0.7 it does not apply: no call, no abandonment, no reputation lost.
        var w = CallWorld(1, Quiet with { CasusFoederis = casus }, more: [State(3, 5, 0.4)]);
        Near(2.0 / 3, w.Threat[2 * w.N + 0] / w.ThreatLevel[2]);
        var (_, ledger) = Call(w);
        Assert.Equal(calls, ledger.Tick.Calls);
        Assert.Equal(0L, ledger.Tick.Abandonments);
        Assert.Equal(1.0, w.Reputation[2]);
        Assert.True(w.Allied(1, 2));
    }

    [Fact]
    public void With_chainDepth_one_only_the_targets_own_allies_are_called()
    {
        var (stood, ledger) = Call(Chain(1));
        Assert.Equal([2], stood);
        Assert.Equal((1L, 0L), (ledger.Tick.Calls, ledger.Tick.Chain));
    }

    [Fact]
    public void With_chainDepth_two_an_allys_ally_is_called_and_its_stand_is_flagged_chain()
    {
        var (stood, ledger) = Call(Chain(2));
        Assert.Equal([2, 3], stood);
        Assert.Equal((2L, 2L, 1L), (ledger.Tick.Calls, ledger.Tick.Honoured, ledger.Tick.Chain));
        var calls = EventsOf(ledger, EventKinds.Call);
        Assert.Equal([(2, 1, 0), (3, 2, 1)], calls.Select(c => (c.State, c.Other, c.Hop)));
        Near(0.2 * 0.5, calls[1].Value2);
    }

    [Fact]
    public void With_chainDepth_zero_nobody_is_called()
    {
        var (stood, ledger) = Call(Chain(0));
        Assert.Empty(stood);
        Assert.Equal(0L, ledger.Tick.Calls);
    }

    [Fact]
    public void A_state_allied_to_both_principals_is_not_called()
    {
        // 2 is allied to 1 and to the initiator 0; 3 is allied to 1 only. Only 3 is called.
        // (Were 2 called: T20 = 0 as an ally, II = -0.15, O = 0.2: it would stand, entangled.)
        var w = CallWorld(1, pacts: [new InitialPact(1, 2), new InitialPact(0, 2), new InitialPact(1, 3)], more: [State(3, 0.1, 1)]);
        var (stood, ledger) = Call(w);
        Assert.Equal([3], stood);
        Assert.Equal(1L, ledger.Tick.Calls);
        Assert.Equal(3, Assert.Single(EventsOf(ledger, EventKinds.Call)).State);
        Assert.True(w.Allied(1, 2) && w.Allied(0, 2));
    }

    [Fact]
    public void An_ally_already_at_war_is_not_called()
    {
        // 2 is fighting a war of its own against a distant state 3.
        var w = CallWorld(1, more: [State(3, 0.1, 0.5, x: 0.5, y: 0.5)]);
        StartWar(w, 3, 2);
        var (stood, ledger) = Call(w);
        Assert.Empty(stood);
        Assert.Equal(0L, ledger.Tick.Calls);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void An_initiators_ally_allied_to_a_member_of_the_target_side_does_not_join(bool alliedToStoodAlly, bool joins)
    {
        // 0 (M 1, u 0, r 1) attacks 1 (M 0.1, u 1), whose ally 3 (M 0.1, u 1, W 0.5) stands (II = 0.85).
        // 0's ally 2 (M 0.1, u 0) would join (interest 0.85 > 0.3) unless it is also allied to 3, which fights on
        // the other side (docs/MODEL.md, deviation 23). Expected A = 1 + 0.1 = 1.1 against the realised
        // B = 0.1 + 0.1 = 0.2: P = 0.85, no deterrence; escalation 1: war.
        var pacts = new List<InitialPact> { new(0, 2), new(1, 3) };
        if (alliedToStoodAlly) pacts.Add(new(2, 3));
        var w = CallWorld(0, Quiet with { Escalation = 1 }, pacts, [State(3, 0.1, 1, wealth: 0.5)]);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        var war = Assert.Single(w.Wars);
        Assert.Equal([1, 3], war.SideB);
        Assert.Equal(joins ? new[] { 0, 2 } : [0], war.SideA);
        Assert.Equal(joins ? 1L : 0L, ledger.Tick.OpportunisticJoins);
        AssertPactsConsistent(w);
    }

    [Theory]
    [InlineData(0.3, true)]  // interest 0.85 > 0.3
    [InlineData(0.9, false)] // 0.85 <= 0.9
    public void An_initiators_ally_joins_its_war_opportunistically_when_its_interest_exceeds_opportunism(double opportunism, bool joins)
    {
        // 0 (M 1, u 0, r 1) attacks 1 (M 0.1, u 1); 0's ally 2 (M 0.1, u 0) faces only 1: T21 = 0.1 = theta_2,
        // interest = c20 * T21 / theta_2 - warCost = 1 - 0.15 = 0.85. Escalation 1.
        var w = CallWorld(0, Quiet with { Escalation = 1, Opportunism = opportunism }, [new InitialPact(0, 2)]);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        var war = Assert.Single(w.Wars);
        Assert.Equal(joins ? new[] { 0, 2 } : [0], war.SideA);
        Assert.Equal(joins ? 1L : 0L, ledger.Tick.OpportunisticJoins);
        Assert.Equal(joins ? war.Id : -1, w.WarOf[2]);
        if (joins)
        {
            var join = Assert.Single(EventsOf(ledger, EventKinds.Join));
            Assert.Equal((2, 0, "opportunistic"), (join.State, join.Other, join.Outcome));
            Near(0.85, join.Value);
        }
    }
}
