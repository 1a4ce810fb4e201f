using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>
/// Step 6 (docs/MODEL.md, "One tick", 6. Disputes). The initiator has revisionism 1 (a uniform draw in (0, 1) is
/// always below it) and everybody else 0, so exactly the intended state acts, whatever the stream; each test runs
/// under several seeds to show it.
/// </summary>
public sealed class DisputesTests
{
    private static RunLedger Disputed(World w)
    {
        Perception.Step(w);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        AssertPactsConsistent(w);
        return ledger;
    }

    private static ModelEvent TheDispute(RunLedger ledger) => Assert.Single(EventsOf(ledger, EventKinds.Dispute));

    // A bully 0 (M 1, u 0, r 1) and a weak, hostile neighbour 1 (M 0.1, u 1) in one place:
    // P = 1 / (1 + 0.1) = 0.909 > 0.65, so 0 targets 1; 1 (P = 0.091) targets nobody.
    private static World Bully(double escalation, ulong seed) =>
        Create(Quiet with { Escalation = escalation }, [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1)], seed: seed);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void With_escalation_zero_an_undeterred_dispute_is_settled(ulong seed)
    {
        var w = Bully(0, seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 1L, 0L), (ledger.Tick.Disputes, ledger.Tick.Settled, ledger.Tick.Wars));
        Assert.Empty(w.Wars);
        var dispute = TheDispute(ledger);
        Assert.Equal((0, 1, "settled"), (dispute.State, dispute.Other, dispute.Outcome));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void With_escalation_one_an_undeterred_dispute_becomes_a_war(ulong seed)
    {
        var w = Bully(1, seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 0L, 1L), (ledger.Tick.Disputes, ledger.Tick.Settled, ledger.Tick.Wars));
        var war = Assert.Single(w.Wars);
        Assert.Equal((0, 1), (war.Initiator, war.Target));
        Assert.Equal([0], war.SideA);
        Assert.Equal([1], war.SideB);
        Assert.Equal((0, 0), (w.WarOf[0], w.WarOf[1]));
        Assert.Equal("war", TheDispute(ledger).Outcome);
        Assert.Single(EventsOf(ledger, EventKinds.WarStart));
    }

    // Restraint: 0 (M 1, u 0, r 1) targets 1 (M 0.1, u 0.5); 0's ally 2 (M 3) sits at u2.
    // u2 = 0.5: c21 = 1 > restrainC = 0.8, so 2 objects, with chance min(1, rho02 * M2 / M0) = min(1, 0.5 * 3 / 1) = 1.
    // (2 is not hostile to 1, c21 >= 0.5, so 0's expected strength is its own: P = 1 / 1.1.)
    private static World Restraint(double allyInterest, ulong seed, int? leader = null) => Create(Quiet with { Escalation = 1 },
        [State(0, 1, 0, revisionism: 1), State(1, 0.1, 0.5), State(2, 3, allyInterest)], [new InitialPact(0, 2)], leader, seed: seed);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void An_ally_that_favours_the_target_restrains_the_initiator(ulong seed)
    {
        var w = Restraint(0.5, seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 1L, 0L), (ledger.Tick.Disputes, ledger.Tick.Restrained, ledger.Tick.Wars));
        Assert.Equal("restrained", TheDispute(ledger).Outcome);
        var objection = Assert.Single(EventsOf(ledger, EventKinds.Objection));
        Assert.Equal((2, 0, "restrained", 1.0), (objection.State, objection.Other, objection.Outcome, objection.Value));
        Assert.Equal(0L, ledger.Tick.Calls); // a restrained dispute calls nobody
        Assert.True(w.Allied(0, 2));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void An_ally_that_does_not_favour_the_target_does_not_object(ulong seed)
    {
        // u2 = 0.25: c21 = 0.75 <= 0.8. No objection; with escalation 1 the dispute becomes a war.
        var w = Restraint(0.25, seed);
        var ledger = Disputed(w);
        Assert.Empty(EventsOf(ledger, EventKinds.Objection));
        Assert.Equal((0L, 1L), (ledger.Tick.Restrained, ledger.Tick.Wars));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void An_objecting_ally_without_reputation_restrains_nobody(ulong seed)
    {
        // rep_2 = 0: rho02 = 0, the chance is 0, and the objection is ignored.
        var w = Restraint(0.5, seed);
        w.Reputation[2] = 0;
        var ledger = Disputed(w);
        var objection = Assert.Single(EventsOf(ledger, EventKinds.Objection));
        Assert.Equal(("ignored", 0.0), (objection.Outcome, objection.Value));
        Assert.Equal((0L, 1L), (ledger.Tick.Restrained, ledger.Tick.Wars));
    }

    [Fact]
    public void An_objecting_ally_restrains_with_chance_rho_times_its_capability_over_the_initiators()
    {
        // M2 = 1: chance min(1, 0.5 * 1 / 1) = 0.5. Monte Carlo over 2000 ticks: Binomial(2000, 0.5), mean 1000,
        // standard deviation 22.4; the band of 6 standard deviations, [866, 1134], fails for a sound generator with
        // probability about 2e-9. The disputes not restrained are settled (escalation 0).
        var w = Create(Quiet, [State(0, 1, 0, revisionism: 1), State(1, 0.1, 0.5), State(2, 1, 0.5)], [new InitialPact(0, 2)]);
        Perception.Step(w);
        var ledger = new RunLedger(keepEvents: false) { Recording = true };
        for (int t = 0; t < 2000; t++)
        {
            w.Tick = t;
            Disputes.Step(w, ledger);
        }
        Assert.Equal(2000L, ledger.Tick.Disputes);
        Assert.Equal(2000L, ledger.Tick.Restrained + ledger.Tick.Settled);
        Assert.InRange(ledger.Tick.Restrained, 866L, 1134L);
    }

    // Deterrence: 0 (M 1, u 0, r 1) targets 1 (M 0.2, u 1), allied to 2 (M 1, u 1) whose reputation is 0.1.
    // Expected: B = 0.2 + rho12 * M2 * pi20 = 0.2 + 0.1 * 1 = 0.3, P = 1 / 1.3 = 0.77 > 0.65: 0 targets 1
    // (not 2: B = 1 + rho21 * M1 = 1.2, P = 0.45).
    // 2 is called: T20 = 1 * 1 * (1 - 0) * (1 + 1) = 2 = theta_2, II = c21 * 2 / 2 - 0.15 = 0.85 > 0: it stands.
    // Realised: B = 0.2 + M2 * pi20 = 1.2, P = 1 / 2.2 = 0.45 <= 0.65: deterred (escalation 1 would have meant war).
    private static World Deterrence(ulong seed, double allyX = 0, int? leader = null)
    {
        var w = Create(Quiet with { Escalation = 1 },
            [State(0, 1, 0, revisionism: 1), State(1, 0.2, 1), State(2, 1, 1, x: allyX)], [new InitialPact(1, 2)], leader, seed: seed);
        w.Reputation[2] = 0.1;
        return w;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void An_initiator_whose_target_gains_a_standing_ally_is_deterred(ulong seed)
    {
        var w = Deterrence(seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 1L, 1L, 1L, 0L), (ledger.Tick.Disputes, ledger.Tick.Deterred, ledger.Tick.Calls, ledger.Tick.Aligned, ledger.Tick.Wars));
        Assert.Equal("deterred", TheDispute(ledger).Outcome);
        Assert.Empty(w.Wars);
        Assert.All(Values(w.WarOf), x => Assert.Equal(-1, x));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void A_distant_ally_that_stands_does_not_deter_and_fights_on_the_target_side(ulong seed)
    {
        // 2 at (0.5, 0): pi20 = exp(-2) = 0.135. It still stands (0 is its only threat: II = 0.85), but the realised
        // B = 0.2 + 1 * 0.135 = 0.335 leaves P = 1 / 1.335 = 0.75 > 0.65: war, 2 on the target's side.
        var w = Deterrence(seed, allyX: 0.5);
        var ledger = Disputed(w);
        Assert.Equal((0L, 1L), (ledger.Tick.Deterred, ledger.Tick.Wars));
        var war = Assert.Single(w.Wars);
        Assert.Equal([1, 2], war.SideB);
        Assert.Equal(war.Id, w.WarOf[2]);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Deterrence_weighs_the_initiators_expected_allies_so_a_target_without_allies_cannot_deter(ulong seed)
    {
        // 0 (M 1, u 0, r 1) has an ally 2 (M 1, u 0.2) hostile to the target 1 (M 0.8, u 1): c21 = 0.2 < 0.5.
        // A = M0 + rho02 * M2 * pi21 = 1 + 0.8 * 1 * 1 = 1.8; B = 0.8; P = 1.8 / 2.6 = 0.69 > 0.65: 0 targets 1.
        // Nobody stands for 1, so the realised P is the same 0.69: not deterred, settled (escalation 0). Against the
        // initiator alone (1 / 1.8 = 0.56) it would have counted as deterred (docs/MODEL.md, deviation 22).
        var w = Create(Quiet, [State(0, 1, 0, revisionism: 1), State(1, 0.8, 1), State(2, 1, 0.2)], [new InitialPact(0, 2)], seed: seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 0L, 1L), (ledger.Tick.Disputes, ledger.Tick.Deterred, ledger.Tick.Settled));
    }

    [Fact]
    public void Targets_out_of_reach_are_not_chosen()
    {
        // 1 at (0.5, 0): pi = exp(-2) = 0.135 <= reach 0.2. Nothing else to target: no dispute.
        var w = Create(Quiet, [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1, x: 0.5)]);
        Perception.Step(w);
        Assert.Equal(-1, Disputes.ChooseTarget(w, 0));
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        Assert.Equal(0L, ledger.Tick.Disputes);
    }

    [Fact]
    public void A_target_exactly_at_reach_is_out_of_reach_and_one_just_inside_is_not()
    {
        // 1 at (0.3, 0): pi = exp(-1.2) = 0.301. Reach = pi: not chosen (pi must exceed reach); reach just below: chosen.
        StateOverride[] states = [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1, x: 0.3)];
        double pi = Create(Quiet, states).Proximity[0 * 2 + 1];
        var atReach = Create(Quiet with { Reach = pi }, states);
        var inside = Create(Quiet with { Reach = Math.BitDecrement(pi) }, states);
        Perception.Step(atReach);
        Perception.Step(inside);
        Assert.Equal(-1, Disputes.ChooseTarget(atReach, 0));
        Assert.Equal(1, Disputes.ChooseTarget(inside, 0));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public void The_target_maximises_win_chance_times_wealth_and_is_never_an_ally(bool alliedToRichOne, int target)
    {
        // 1 (W 1) and 2 (W 5) are equally weak (M 0.1, u 1): P = 1 / 1.1 for both, so the richer 2 is preferred
        // (P * W = 4.5 against 0.9), unless it is 0's ally.
        var w = Create(Quiet, [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 0.1, 1, wealth: 5)],
            alliedToRichOne ? [new InitialPact(0, 2)] : []);
        Perception.Step(w);
        Assert.Equal(target, Disputes.ChooseTarget(w, 0));
    }

    [Fact]
    public void A_target_with_win_chance_at_or_below_winThreshold_is_not_chosen()
    {
        // M1 = 0.5: P = 1 / 1.5 = 0.667 > 0.65 is a target; with winThreshold 0.7 it is not.
        StateOverride[] states = [State(0, 1, 0, revisionism: 1), State(1, 0.5, 1)];
        var w = Create(Quiet, states);
        var cautious = Create(Quiet with { WinThreshold = 0.7 }, states);
        Perception.Step(w);
        Perception.Step(cautious);
        Assert.Equal(1, Disputes.ChooseTarget(w, 0));
        Assert.Equal(-1, Disputes.ChooseTarget(cautious, 0));
    }

    [Fact]
    public void An_initiator_counts_only_allies_hostile_to_the_target_and_a_defender_counts_all()
    {
        // 0 (M 1, u 0) with allies 3 (M 0.5, u 0.2, at (0.1, 0)) and 4 (M 0.5, u 0.9); target 1 (u 1) at the origin.
        // c31 = 0.2 < 0.5: counted, rho03 * M3 * pi31 = 0.8 * 0.5 * exp(-0.4).
        // c41 = 0.9: not counted when 0 initiates; counted when 0 defends: rho04 * M4 * pi41 = 0.1 * 0.5 * 1.
        var w = Create(Quiet,
            [State(0, 1, 0), State(1, 0.1, 1), State(2, 0.1, 0.5, x: 0.5, y: 0.5), State(3, 0.5, 0.2, x: 0.1), State(4, 0.5, 0.9)],
            [new InitialPact(0, 3), new InitialPact(0, 4)]);
        Perception.Step(w);
        double hostile = 0.8 * 0.5 * Math.Exp(-0.4);
        Near(1 + hostile, Disputes.ExpectedStrength(w, 0, 1, initiating: true));
        Near(1 + hostile + 0.1 * 0.5, Disputes.ExpectedStrength(w, 0, 1, initiating: false));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Of_two_acts_against_one_target_the_second_is_dropped_once_the_first_is_a_war(ulong seed)
    {
        // 0 and 1 (M 1, u 0, r 1; P against each other 0.5) both target 2 (M 0.1, u 1). Whichever the random order
        // puts first goes to war (escalation 1); the other act is dropped because its target is at war.
        var w = Create(Quiet with { Escalation = 1 },
            [State(0, 1, 0, revisionism: 1), State(1, 1, 0, revisionism: 1), State(2, 0.1, 1)], seed: seed);
        var ledger = Disputed(w);
        Assert.Equal((1L, 1L), (ledger.Tick.Disputes, ledger.Tick.Wars));
        var war = Assert.Single(w.Wars);
        Assert.Equal(2, war.Target);
        Assert.Contains(war.Initiator, new[] { 0, 1 });
        Assert.Equal(-1, w.WarOf[1 - war.Initiator]);
    }

    [Fact]
    public void A_target_at_war_is_not_chosen_and_a_state_at_war_starts_no_dispute()
    {
        // The bully world plus a distant state 2. With 1 at war (against 2), 0 has no target; with 0 at war, it does
        // not act although 1 would be a target.
        StateOverride[] states = [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 1, 0.5, x: 0.5, y: 0.5)];
        var targetAtWar = Create(Quiet with { Escalation = 1 }, states);
        StartWar(targetAtWar, 2, 1);
        var initiatorAtWar = Create(Quiet with { Escalation = 1 }, states);
        StartWar(initiatorAtWar, 0, 2);

        Assert.Equal(0L, Disputed(targetAtWar).Tick.Disputes);
        Assert.Equal(-1, Disputes.ChooseTarget(targetAtWar, 0));
        Assert.Equal(0L, Disputed(initiatorAtWar).Tick.Disputes);
        Assert.Equal(1, Disputes.ChooseTarget(initiatorAtWar, 0));
    }

    [Fact]
    public void A_state_with_revisionism_zero_never_acts()
    {
        var w = Create(Quiet with { Escalation = 1 }, [State(0, 1, 0, revisionism: 0), State(1, 0.1, 1)]);
        var ledger = Disputed(w);
        Assert.Equal(1, Disputes.ChooseTarget(w, 0));
        Assert.Equal(0L, ledger.Tick.Disputes);
    }

    // A weak revisionist 1 (M 0.1, u 1, r 1) beside a strong status-quo state 0 (M 1, u 0, r 0): 1 has no target
    // (P = 0.1 / 1.1 = 0.09), and 0, its only neighbour, is its principal threat.
    private static World Challenger(double challenge, ulong seed) =>
        Create(Quiet with { Challenge = challenge, Escalation = 1 }, [State(0, 1, 0), State(1, 0.1, 1, revisionism: 1)], seed: seed);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_state_does_not_challenge_a_principal_threat_it_allied_with_since_perception(ulong seed)
    {
        // As above, but 0 and 1 form a pact after step 2 (as step 4 would): 0 is still 1's principal threat as
        // perceived, yet a state does not pick a quarrel with its new ally, so nothing happens.
        var w = Challenger(1, seed);
        Perception.Step(w);
        Assert.Equal(0, w.PrincipalThreat[1]);
        w.FormPact(0, 1);
        var ledger = Ledger();
        Disputes.Step(w, ledger);
        Assert.Equal((0L, 0L, 0L), (ledger.Tick.Disputes, ledger.Tick.Challenges, ledger.Tick.Wars));
        Assert.Empty(EventsOf(ledger, EventKinds.Dispute));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void With_challenge_one_a_state_without_a_target_challenges_its_principal_threat_and_is_deterred(ulong seed)
    {
        // challenge * r1 = 1: the draw always succeeds. The dispute 1 -> 0 ends deterred: P(0.1, 1) = 0.09 <= 0.65.
        var w = Challenger(1, seed);
        var ledger = Disputed(w);
        Assert.Equal(-1, w.Target[1]);
        Assert.Equal(0, w.PrincipalThreat[1]);
        Assert.Equal((1L, 1L, 1L, 0L), (ledger.Tick.Disputes, ledger.Tick.Challenges, ledger.Tick.Deterred, ledger.Tick.Wars));
        var dispute = TheDispute(ledger);
        Assert.Equal((1, 0, "deterred", 1.0), (dispute.State, dispute.Other, dispute.Outcome, dispute.Value));
    }

    [Fact]
    public void With_challenge_zero_nobody_challenges()
    {
        var w = Challenger(0, 1);
        var ledger = Disputed(w);
        Assert.Equal(0L, ledger.Tick.Disputes);
    }

    [Fact]
    public void A_state_that_acts_on_a_target_does_not_also_challenge()
    {
        // The bully 0 (r 1) acts on 1; with challenge 1 it would also challenge its principal threat, which is 1: one
        // dispute only, an ordinary one (value empty), and 1 (r 0) never challenges.
        var w = Create(Quiet with { Challenge = 1 }, [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1)]);
        var ledger = Disputed(w);
        Assert.Equal((1L, 0L), (ledger.Tick.Disputes, ledger.Tick.Challenges));
        Assert.True(double.IsNaN(TheDispute(ledger).Value));
    }
}
