using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>
/// Step 8 (docs/MODEL.md, "One tick", 8. War resolution). warEndChance is 0 (Quiet) unless a test says otherwise, so
/// a war ends only by collapse or a principal's death, which the numbers decide.
/// </summary>
public sealed class WarResolutionTests
{
    private static RunLedger Resolve(World w)
    {
        var ledger = Ledger();
        WarResolution.Step(w, ledger);
        AssertPactsConsistent(w);
        return ledger;
    }

    [Fact]
    public void One_tick_of_attrition_matches_the_hand_calculation()
    {
        // A = M0 = 1, B = M1 = 0.5. lossA = 0.1 * 0.5 / 1.5 = 1/30, lossB = 0.1 * 1 / 1.5 = 1/15.
        // M0 = 1 - 1/30, W0 = 1 - 1/60;  M1 = 0.5 - 0.5/15, W1 = 1 - 1/30;  severity = 1/30 + 0.5/15 = 1/15.
        // After: A/(A+B) = 0.967 / 1.433 and B/(A+B) = 0.326, both above collapseShare 0.2: the war goes on.
        var w = Create(Quiet, [State(0, 1, 0), State(1, 0.5, 1)]);
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Near(1 - 1.0 / 30, w.Capability[0]);
        Near(1 - 1.0 / 60, w.Wealth[0]);
        Near(0.5 - 0.5 / 15, w.Capability[1]);
        Near(1 - 1.0 / 30, w.Wealth[1]);
        Near(1.0 / 15, war.Severity);
        Assert.True(war.Ongoing);
        Assert.Equal(-1, war.Winner);
        Assert.Equal(0L, ledger.Tick.WarsEnded);
    }

    [Fact]
    public void An_ally_adds_its_capability_discounted_by_its_proximity_to_the_opposing_principal()
    {
        // 1's ally 2 (M 0.4) stands at (0.1, 0): B = 0.5 + 0.4 * exp(-0.4); A = 1.
        // lossA = 0.1 B / (A + B) for 0; lossB = 0.1 A / (A + B) for 1 and 2 alike, on their own capability.
        var w = Create(Quiet, [State(0, 1, 0), State(1, 0.5, 1), State(2, 0.4, 1, x: 0.1)], [new InitialPact(1, 2)]);
        var war = StartWar(w, 0, 1, targetAllies: [2]);
        Resolve(w);
        double a = 1, b = 0.5 + 0.4 * Math.Exp(-0.4);
        double lossA = 0.1 * b / (a + b), lossB = 0.1 * a / (a + b);
        Near(1 - lossA, w.Capability[0]);
        Near(0.5 * (1 - lossB), w.Capability[1]);
        Near(0.4 * (1 - lossB), w.Capability[2]);
        Near(1 - lossB / 2, w.Wealth[2]);
        Near(lossA + (0.5 + 0.4) * lossB, war.Severity);
    }

    [Theory]
    [InlineData(0.2, true)]
    [InlineData(0.0, false)]
    public void A_side_that_falls_below_collapseShare_loses_the_war(double collapseShare, bool ends)
    {
        // A = 1 against B = 10: lossA = 0.1 * 10 / 11 = 1/11, lossB = 1/110. After: A = 10/11, B = 10 * 109/110,
        // A / (A + B) = 0.084 < 0.2: the target's side wins. With collapseShare 0 the war goes on.
        var w = Create(Quiet with { CollapseShare = collapseShare }, [State(0, 1, 0), State(1, 10, 1)]);
        w.Tick = 4;
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.Equal(!ends, war.Ongoing);
        if (!ends) return;
        Assert.Equal((1, 4), (war.Winner, war.EndTick));
        Assert.Equal((-1, -1), (w.WarOf[0], w.WarOf[1]));
        Assert.Equal(1L, ledger.Tick.WarsEnded);
        var end = Assert.Single(EventsOf(ledger, EventKinds.WarEnd));
        Assert.Equal(("target_won", 1), (end.Outcome, end.Duration));
        // Reparations: 0 pays 0.2 of W0 = 1 - 1/22 to the sole winner.
        Near(0.8 * (1 - 1.0 / 22), w.Wealth[0]);
        Near(1 - 1.0 / 220 + 0.2 * (1 - 1.0 / 22), w.Wealth[1]);
    }

    [Fact]
    public void Reparations_flow_from_loser_to_winners_in_proportion_to_their_capability()
    {
        // A = 1 against B = 6 + 3 (ally 2 in the same place). lossA = 0.09, lossB = 0.01.
        // After: M = 0.91, 5.94, 2.97; A / (A + B) = 0.91 / 9.82 < 0.2: B wins.
        // W0 = 0.955 pays 0.2 * 0.955 = 0.191; winners (W 0.995 each) get 0.191 * 2/3 and 0.191 * 1/3.
        var w = Create(Quiet, [State(0, 1, 0), State(1, 6, 1), State(2, 3, 1)], [new InitialPact(1, 2)]);
        var war = StartWar(w, 0, 1, targetAllies: [2]);
        Resolve(w);
        Assert.Equal(1, war.Winner);
        Near(0.955 * 0.8, w.Wealth[0]);
        Near(0.995 + 0.191 * 2 / 3, w.Wealth[1]);
        Near(0.995 + 0.191 / 3, w.Wealth[2]);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void With_warEndChance_one_a_war_ends_in_its_first_tick_and_reparations_conserve_wealth(ulong seed)
    {
        // Equal sides (M 1, W 1): each loses 0.05 of M and 0.025 of W (W 0.975), no collapse. The war ends for
        // sure; the winner is drawn, but either way the loser keeps 0.975 * 0.8 = 0.78 and the winner has 1.17.
        var w = Create(Quiet with { WarEndChance = 1 }, [State(0, 1, 0), State(1, 1, 1)], seed: seed);
        var war = StartWar(w, 0, 1);
        Resolve(w);
        Assert.False(war.Ongoing);
        int winner = war.Winner == 0 ? war.Initiator : war.Target;
        Near(0.975 + 0.195, w.Wealth[winner]);
        Near(0.975 * 0.8, w.Wealth[1 - winner]);
    }

    [Fact]
    public void A_loser_below_deathShare_dies_its_pacts_vanish_and_the_victor_takes_its_wealth()
    {
        // 0 (M 10) attacks 1 (M 1, initial W 1, now W 0.055), allied to bystander 2.
        // lossA = 1/110, lossB = 1/11: W1 = 0.055 * (1 - 1/22) = 0.0525, W0 = 1 - 1/220. B collapses (0.084 < 0.2).
        // 1 pays 0.2 * 0.0525 = 0.0105 and keeps 0.042 < 0.05 * 1: it dies, conquered by 0, which ends with
        // W0 = (1 - 1/220) + 0.0105 + 0.042.
        var w = Create(Quiet, [State(0, 10, 0), State(1, 1, 1), State(2, 1, 1, x: 0.5)], [new InitialPact(1, 2)]);
        w.Wealth[1] = 0.055;
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.Equal(0, war.Winner);
        Assert.False(w.Alive[1]);
        Assert.Equal((0.0, 0.0, -1), (w.Wealth[1], w.Capability[1], w.WarOf[1]));
        Assert.False(w.Allied(1, 2));
        Assert.Equal((0, 0), (w.PactCount[1], w.PactCount[2]));
        Near(1 - 1.0 / 220 + 0.055 * (1 - 1.0 / 22), w.Wealth[0]);
        Assert.Equal((1L, 1L), (ledger.Tick.Deaths, ledger.Tick.Conquests));
        var death = Assert.Single(EventsOf(ledger, EventKinds.Death));
        Assert.Equal((1, 0, "conquered"), (death.State, death.Other, death.Outcome));
        Near(0.8 * 0.055 * (1 - 1.0 / 22), death.Value);
    }

    [Fact]
    public void A_principals_death_ends_its_war_and_the_other_side_wins()
    {
        // Equal sides (M 1), no collapse (collapseShare 0), no chance ending. 1 starts at W 0.051 of initial 1,
        // loses 0.025 of it: 0.049725 < 0.05: it dies, the war ends with 0 the winner; 0 takes 1's wealth
        // (no reparations: the dead pay none). W0 = 0.975 + 0.049725.
        var w = Create(Quiet with { CollapseShare = 0 }, [State(0, 1, 0), State(1, 1, 1)]);
        w.Wealth[1] = 0.051;
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.False(war.Ongoing);
        Assert.Equal(0, war.Winner);
        Assert.False(w.Alive[1]);
        Near(0.975 + 0.051 * 0.975, w.Wealth[0]);
        Assert.Equal((1L, 1L, 1L), (ledger.Tick.Deaths, ledger.Tick.Conquests, ledger.Tick.WarsEnded));
    }

    [Fact]
    public void A_member_of_the_winning_side_below_deathShare_is_not_conquered_and_survives()
    {
        // Side A: 0 (M 10, W 1) and its ally 2 (M 1, W 0.03 of initial 1); side B: 1 (M 1, W 1); all in one place.
        // A = 11, B = 1: lA = 1/120, lB = 11/120. B collapses: A wins. 1 pays 0.2 * (1 - 11/240); 0 and 2 share it
        // 10 : 1 by capability. 2 then holds 0.03 * (1 - 1/240) + pool / 11 = 0.047 < 0.05, but it won: nobody
        // conquers it, so it lives on, poor, with its pact (docs/MODEL.md, 7.8: a state dies only by conquest).
        var w = Create(Quiet, [State(0, 10, 0), State(1, 1, 1), State(2, 1, 0)], [new InitialPact(0, 2)]);
        w.Wealth[2] = 0.03;
        var war = StartWar(w, 0, 1, initiatorAllies: [2]);
        var ledger = Resolve(w);
        Assert.Equal(0, war.Winner);
        Assert.True(w.Alive[2]);
        Assert.Equal((0L, 0L), (ledger.Tick.Deaths, ledger.Tick.Conquests));
        Assert.Empty(EventsOf(ledger, EventKinds.Death));
        double pool = 0.2 * (1 - 11.0 / 240);
        Near(0.03 * (1 - 1.0 / 240) + pool / 11, w.Wealth[2]);
        Assert.True(w.Wealth[2] < 0.05);
        Assert.True(w.Allied(0, 2));
    }

    [Fact]
    public void A_state_below_deathShare_that_fought_no_war_survives()
    {
        // 1 holds 0.01 of its initial wealth 1 but fights no war this tick: economic decline alone kills no state.
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 1, x: 0.5)]);
        w.Wealth[1] = 0.01;
        var ledger = Resolve(w);
        Assert.True(w.Alive[1]);
        Assert.Equal(0.01, w.Wealth[1]);
        Assert.Equal(0L, ledger.Tick.Deaths);
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.0, true)]
    public void With_conquestNorm_one_a_defeated_state_keeps_its_sovereignty(double norm, bool dies)
    {
        // The conquest of A_loser_below_deathShare_dies...: with conquestNorm 1 the draw U < 1 always spares it (a
        // spared event names the victor that did not conquer); with 0 no draw is made and it is conquered.
        var w = Create(Quiet with { ConquestNorm = norm }, [State(0, 10, 0), State(1, 1, 1), State(2, 1, 1, x: 0.5)], [new InitialPact(1, 2)]);
        w.Wealth[1] = 0.055;
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.Equal(0, war.Winner);
        Assert.Equal(!dies, w.Alive[1]);
        Assert.Equal(dies ? 1L : 0L, ledger.Tick.Deaths);
        Assert.Equal(dies ? 0L : 1L, ledger.Tick.Spared);
        Assert.Equal(!dies, w.Allied(1, 2));
        if (!dies)
        {
            var spared = Assert.Single(EventsOf(ledger, EventKinds.Spared));
            Assert.Equal((1, 0, "spared", war.Id), (spared.State, spared.Other, spared.Outcome, spared.War));
            Near(0.8 * 0.055 * (1 - 1.0 / 22), w.Wealth[1]);
        }
    }

    [Fact]
    public void A_principal_spared_by_the_norm_fights_on()
    {
        // As A_principals_death_ends_its_war...: 1 falls below deathShare in an ongoing war, but conquestNorm 1 spares
        // it, so the war goes on and nobody dies.
        var w = Create(Quiet with { CollapseShare = 0, ConquestNorm = 1 }, [State(0, 1, 0), State(1, 1, 1)]);
        w.Wealth[1] = 0.051;
        var war = StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.True(war.Ongoing);
        Assert.True(w.Alive[1]);
        Assert.Equal((0L, 1L, 0L), (ledger.Tick.Deaths, ledger.Tick.Spared, ledger.Tick.WarsEnded));
    }

    [Fact]
    public void A_state_above_deathShare_survives_its_defeat()
    {
        // As the conquest, but 1 starts at W 1: after defeat it holds 0.8 * (1 - 1/22) = 0.76 >= 0.05.
        var w = Create(Quiet, [State(0, 10, 0), State(1, 1, 1), State(2, 1, 1, x: 0.5)], [new InitialPact(1, 2)]);
        StartWar(w, 0, 1);
        var ledger = Resolve(w);
        Assert.True(w.Alive[1]);
        Assert.True(w.Allied(1, 2));
        Assert.Equal(0L, ledger.Tick.Deaths);
    }
}
