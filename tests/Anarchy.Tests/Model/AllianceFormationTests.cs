using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 4 (docs/MODEL.md, "One tick", 4. Alliance formation).</summary>
public sealed class AllianceFormationTests
{
    // In every world here the last state is a threat: M 1, u 1, r 0, Internal, in the same place as everyone else.
    // Every other state has u 0, so it sees exactly one threat T = 1 * 1 * (1 - 0) * 1 = 1 (theta = 1, sigma = M),
    // any two of them have common threat 1 and reliability 1, and v_ij = M_j.
    private static World ThreatenedBy(IReadOnlyList<StateOverride> friends, ModelParameters? p = null,
        IReadOnlyList<InitialPact>? pacts = null)
    {
        var states = friends.Append(State(friends.Count, 1, 1, doctrine: Doctrine.Internal)).ToList();
        return Create(p ?? Quiet, states, pacts);
    }

    private static RunLedger Form(World w)
    {
        var ledger = Ledger();
        Perception.Step(w);
        Balancing.Step(w);
        AllianceFormation.Step(w, ledger);
        AssertPactsConsistent(w);
        return ledger;
    }

    [Fact]
    public void Two_states_threatened_by_a_common_third_form_exactly_one_pact()
    {
        // 0 and 1 (M 0.1, Strategic) are insecure (sigma 0.1). For 0: v01 = 0.1, z_1 = 1 / 1.1,
        // value = 0.1 / (0.002 * (1 + 1 / 1.1)) = 26.2 > 20, so both seek. The threat 2 is worth nothing to them
        // (c = 0, so rho = 0). The only pact is 0-1, new (age 0).
        var w = ThreatenedBy([State(0, 0.1, 0), State(1, 0.1, 0)]);
        var ledger = Form(w);
        Assert.True(w.Seeking[0] && w.Seeking[1]);
        Assert.True(w.Allied(0, 1));
        Assert.Equal(0, w.PactAge(0, 1));
        Assert.Equal(1, w.PactTotal());
        Assert.Equal(1, ledger.Tick.PactsFormed);
        var formed = Assert.Single(EventsOf(ledger, EventKinds.PactFormed));
        Assert.Equal((0, 1), (formed.State, formed.Other));
    }

    [Fact]
    public void Internal_states_drop_their_initial_pacts()
    {
        // Pacts 0-1 and 0-2 involve the Internal state 0 and are dropped; 1-2 stays.
        var w = ThreatenedBy(
            [State(0, 0.1, 0, doctrine: Doctrine.Internal), State(1, 0.1, 0, doctrine: Doctrine.External), State(2, 0.1, 0)],
            pacts: [new InitialPact(0, 1), new InitialPact(0, 2), new InitialPact(1, 2)]);
        Assert.False(w.Allied(0, 1));
        Assert.False(w.Allied(0, 2));
        Assert.True(w.Allied(1, 2));
        Assert.Equal(0, w.PactCount[0]);
        AssertPactsConsistent(w);
    }

    [Fact]
    public void Internal_states_never_form_pacts()
    {
        // As the first world, but 0 is Internal: 1 (External) seeks, yet its only possible partner is 0. 0 arms.
        var w = ThreatenedBy([State(0, 0.1, 0, doctrine: Doctrine.Internal), State(1, 0.1, 0, doctrine: Doctrine.External)]);
        var ledger = Form(w);
        Assert.True(w.Seeking[1]);
        Assert.Equal(0, w.PactTotal());
        Assert.Equal(0, ledger.Tick.PactsFormed);
        Assert.Equal(0.03 + 0.01, w.Burden[0]);
    }

    [Fact]
    public void A_state_at_maxPacts_is_not_a_candidate()
    {
        // maxPacts 1. Seeker 0 (External, M 0.1). 1 and 2 (M 1.5, secure) already hold pact 1-2, so are full.
        // 3 (M 1.2, W 2, sigma 1.2: not seeking) accepts: v30 = 0.1 >= 0.002 * 2.
        // Scores: 0-1 would be min(1.5 / 1, 0.1 / 1) = 0.1, better than 0-3 = min(1.2 / 1, 0.1 / 2) = 0.05,
        // so without the limit 0 would ally with 1. With it, only 0-3 forms.
        var w = ThreatenedBy(
            [State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 1.5, 0), State(2, 1.5, 0), State(3, 1.2, 0, wealth: 2)],
            Quiet with { MaxPacts = 1 }, [new InitialPact(1, 2)]);
        Form(w);
        Assert.True(w.Allied(0, 3));
        Assert.False(w.Allied(0, 1));
        Assert.False(w.Allied(0, 2));
        Assert.Equal(1, w.PactCount[1]);
        Assert.Equal(1, w.PactCount[0]);
    }

    [Fact]
    public void MaxPacts_limits_only_new_pacts()
    {
        var w = ThreatenedBy([State(0, 0.1, 0), State(1, 0.1, 0), State(2, 0.1, 0)], Quiet with { MaxPacts = 1 },
            [new InitialPact(0, 1), new InitialPact(0, 2)]);
        Assert.Equal(2, w.PactCount[0]);
        AssertPactsConsistent(w);
    }

    [Fact]
    public void Each_seeker_gains_at_most_one_pact_per_tick_and_candidates_go_by_score()
    {
        // Seekers 0 (M 0.1) and 1 (M 0.2), External; 2 (M 1.5, Strategic, secure) accepts anyone worth its upkeep.
        // Candidates and scores min(v_ij / W_i, v_ji / W_j), all W = 1:
        //   1-2: min(1.5, 0.2) = 0.2;   0-1: min(0.2, 0.1) = 0.1;   0-2: min(1.5, 0.1) = 0.1.
        // 1-2 forms first; 0-1 is skipped (seeker 1 has gained a pact); 0-2 forms: 2, not a seeker, gains two.
        var w = ThreatenedBy(
            [State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 0.2, 0, doctrine: Doctrine.External), State(2, 1.5, 0)]);
        var ledger = Form(w);
        Assert.True(w.Allied(1, 2));
        Assert.True(w.Allied(0, 2));
        Assert.False(w.Allied(0, 1));
        Assert.Equal([1, 1, 2, 0], Values(w.PactCount));
        Assert.Equal(2, ledger.Tick.PactsFormed);
        Assert.Equal([(1, 2), (0, 2)], EventsOf(ledger, EventKinds.PactFormed).Select(e => (e.State, e.Other)));
    }

    [Fact]
    public void Pact_counts_update_as_pairs_are_taken_so_a_partner_filled_this_tick_takes_no_more()
    {
        // The world above with maxPacts 1: 1-2 forms first and fills both; 0-1 and 0-2 are then skipped, as 1 and 2
        // are full, and 0 stays alone this tick.
        var w = ThreatenedBy(
            [State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 0.2, 0, doctrine: Doctrine.External), State(2, 1.5, 0)],
            Quiet with { MaxPacts = 1 });
        var ledger = Form(w);
        Assert.True(w.Allied(1, 2));
        Assert.Equal([0, 1, 1, 0], Values(w.PactCount));
        Assert.Equal(1, ledger.Tick.PactsFormed);
    }

    [Fact]
    public void A_partner_that_is_not_seeking_refuses_an_ally_worth_less_than_its_upkeep()
    {
        // Seeker 0 (M 0.1, W 1); 1 (M 1.5, W 100) values 0 at v10 = 0.1 < 0.002 * 100 = 0.2: no pact.
        var w = ThreatenedBy([State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 1.5, 0, wealth: 100)]);
        Form(w);
        Assert.True(w.Seeking[0]);
        Assert.Equal(0, w.PactTotal());
    }

    [Fact]
    public void States_fighting_each_other_do_not_ally()
    {
        // The first world with External states (a Strategic one would not even seek, as its only candidate is
        // ineligible), but 0 and 1 fight on opposite sides of a war: both seek, yet no pact forms.
        var w = ThreatenedBy([State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 0.1, 0, doctrine: Doctrine.External)]);
        StartWar(w, 0, 1);
        Form(w);
        Assert.True(w.Seeking[0] && w.Seeking[1]);
        Assert.Equal(0, w.PactTotal());
    }

    [Fact]
    public void Pacts_are_symmetric_and_counted_on_both_sides()
    {
        var w = ThreatenedBy([State(0, 0.1, 0), State(1, 0.1, 0)]);
        Form(w);
        Assert.Equal(w.PactAge(0, 1), w.PactAge(1, 0));
        Assert.True(w.Allied(1, 0));
        Assert.Equal(1, w.PactCount[0]);
        Assert.Equal(1, w.PactCount[1]);
        Assert.Equal(0, w.PactCount[2]);
    }
}
