using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 1 (docs/MODEL.md, "One tick", 1. Economy), with growthSigma = 0 so no draw matters.</summary>
public sealed class EconomyTests
{
    // State 0 (W 2, M 0.5) holds pacts with 1 and 2; state 3 (W 0.5, M 0.2) holds none. Burden s = 0.03 for all.
    private static World FourStates(ModelParameters p) => Create(p,
        [
            State(0, 0.5, 0, wealth: 2),
            State(1, 0.1, 0, wealth: 1),
            State(2, 0.1, 0, wealth: 1),
            State(3, 0.2, 0, wealth: 0.5),
        ],
        [new InitialPact(0, 1), new InitialPact(0, 2)]);

    [Fact]
    public void Wealth_after_one_tick_is_growth_less_crowding_out_less_pact_upkeep()
    {
        // rate = growth - crowdingOut * s - pactUpkeep * pacts = 0.03 - 0.5 * 0.03 - 0.002 * pacts
        // state 0 (2 pacts): 0.011 -> W = 2 * 1.011 = 2.022;  states 1, 2 (1 pact): 0.013 -> W = 1.013;
        // state 3 (no pact): 0.015 -> W = 0.5 * 1.015 = 0.5075.
        var w = FourStates(Quiet);
        Economy.Step(w, Ledger());
        Near(2.022, w.Wealth[0]);
        Near(1.013, w.Wealth[1]);
        Near(1.013, w.Wealth[2]);
        Near(0.5075, w.Wealth[3]);
        Near(0.011, w.GrowthRate[0]);
        Near(0.015, w.GrowthRate[3]);
    }

    [Fact]
    public void Capability_depreciates_and_grows_by_the_burden_times_the_new_wealth()
    {
        // M <- (1 - 0.05) M + s W / internalCost, with the new W:
        // state 0: 0.95 * 0.5 + 0.03 * 2.022 = 0.53566;  state 3: 0.95 * 0.2 + 0.03 * 0.5075 = 0.205225.
        var w = FourStates(Quiet);
        Economy.Step(w, Ledger());
        Near(0.53566, w.Capability[0]);
        Near(0.205225, w.Capability[3]);
    }

    [Fact]
    public void A_costlier_arms_industry_and_faster_depreciation_enter_the_capability_update()
    {
        // depreciation 0.1, internalCost 2, s = 0.1, no pacts, M = W = 1:
        // rate = 0.03 - 0.5 * 0.1 = -0.02 -> W = 0.98;  M = 0.9 * 1 + 0.1 * 0.98 / 2 = 0.949.
        var p = Quiet with { Depreciation = 0.1, InternalCost = 2 };
        var w = Create(p, [State(0, 1, 0, wealth: 1)]);
        w.Burden[0] = 0.1;
        Economy.Step(w, Ledger());
        Near(0.98, w.Wealth[0]);
        Near(0.949, w.Capability[0]);
    }

    [Fact]
    public void Spending_on_each_channel_accumulates_while_recording()
    {
        // Internal spending: s * W(after) summed = 0.03 * (2.022 + 1.013 + 1.013 + 0.5075) = 0.03 * 4.5555 = 0.136665.
        // External spending: pactUpkeep * pacts * W(before) = 0.002 * (2 * 2 + 1 * 1 + 1 * 1) = 0.012.
        var w = FourStates(Quiet);
        var ledger = Ledger();
        Economy.Step(w, ledger);
        Near(0.136665, ledger.InternalSpending);
        Near(0.012, ledger.ExternalSpending);

        // A second tick adds on: wealth is now 2.022, 1.013, 1.013, 0.5075 and the rates are the same.
        double internalBefore = ledger.InternalSpending, externalBefore = ledger.ExternalSpending;
        Economy.Step(w, ledger);
        Near(internalBefore + 0.03 * (2.022 * 1.011 + 2 * 1.013 * 1.013 + 0.5075 * 1.015), ledger.InternalSpending);
        Near(externalBefore + 0.002 * (2 * 2.022 + 1.013 + 1.013), ledger.ExternalSpending);
    }

    [Fact]
    public void Nothing_is_spent_on_the_books_during_the_burn_in()
    {
        var w = FourStates(Quiet);
        var ledger = new RunLedger(keepEvents: false) { Recording = false };
        Economy.Step(w, ledger);
        Assert.Equal(0.0, ledger.InternalSpending);
        Assert.Equal(0.0, ledger.ExternalSpending);
        Near(2.022, w.Wealth[0]); // the economy itself still runs
    }

    [Fact]
    public void A_dead_state_neither_grows_nor_arms()
    {
        var w = FourStates(Quiet);
        w.Alive[3] = false;
        Economy.Step(w, Ledger());
        Assert.Equal(0.5, w.Wealth[3]);
        Assert.Equal(0.2, w.Capability[3]);
    }
}
