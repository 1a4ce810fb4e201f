using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.MonteCarlo;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>
/// The outputs on bandwagoning and the leader: pacts formed with the strongest living state, the leader's insecure
/// ticks, its wealth, shares and pacts at the end, and cumulative spending in the series (docs/OUTPUTS.md).
/// </summary>
public sealed class LeaderOutputsTests
{
    // As in AllianceFormationTests: the last state is a threat (M 1, u 1, Internal) in the same place as everyone
    // else; every other state has u 0 and sees one threat T = 1, so its security ratio is its capability.
    private static World ThreatenedBy(IReadOnlyList<StateOverride> friends, int? leader = null)
    {
        var states = friends.Append(State(friends.Count, 1, 1, doctrine: Doctrine.Internal)).ToList();
        return Create(Quiet, states, leader: leader);
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
    public void A_pact_between_two_states_weaker_than_the_threat_is_not_with_the_strongest()
    {
        // 0 and 1 (M 0.1) both seek and ally; the strongest is the threat 2 (M 1), which is in no pact.
        var w = ThreatenedBy([State(0, 0.1, 0), State(1, 0.1, 0)]);
        Assert.Equal(2, AllianceFormation.Strongest(w));
        var ledger = Form(w);
        Assert.True(w.Allied(0, 1));
        Assert.Equal(1, ledger.Tick.PactsFormed);
        Assert.Equal(0, ledger.Tick.PactsWithStrongest);
    }

    [Fact]
    public void A_pact_with_the_strongest_state_counts_as_bandwagoning()
    {
        // 0 (M 0.1, External) is insecure and seeks. 1 (M 2) is secure (sigma 2), so it only accepts an ally worth
        // its upkeep: v10 = M0 = 0.1 >= 0.002 * 1. 1 is stronger than the threat (M 1): the strongest state.
        var w = ThreatenedBy([State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 2, 0)]);
        Assert.Equal(1, AllianceFormation.Strongest(w));
        var ledger = Form(w);
        Assert.True(w.Seeking[0]);
        Assert.False(w.Seeking[1]);
        Assert.True(w.Allied(0, 1));
        Assert.Equal(1, ledger.Tick.PactsFormed);
        Assert.Equal(1, ledger.Tick.PactsWithStrongest);
    }

    [Fact]
    public void Only_the_pacts_that_involve_the_strongest_count()
    {
        // Seekers 0 and 1 (M 0.1, External) and 2 (M 0.2); 3 (M 3) is the strongest and secure.
        // Each seeker gains at most one pact this tick, so not every pact can be with 3; whatever forms,
        // the pacts with the strongest are exactly those involving 3.
        var w = ThreatenedBy([State(0, 0.1, 0, doctrine: Doctrine.External), State(1, 0.1, 0, doctrine: Doctrine.External), State(2, 0.2, 0), State(3, 3, 0)]);
        Assert.Equal(3, AllianceFormation.Strongest(w));
        var ledger = Form(w);
        var formed = EventsOf(ledger, EventKinds.PactFormed);
        Assert.Equal(formed.Count, ledger.Tick.PactsFormed);
        Assert.Equal(formed.Count(e => e.State == 3 || e.Other == 3), ledger.Tick.PactsWithStrongest);
        Assert.InRange(ledger.Tick.PactsWithStrongest, 1, ledger.Tick.PactsFormed - 1);
    }

    [Fact]
    public void The_strongest_is_the_living_state_with_the_largest_capability_ties_to_the_lower_index()
    {
        // Wealth does not matter: 0 is the richest but the weakest.
        var w = Create(Quiet, [State(0, 0.5, 0, wealth: 9), State(1, 2, 0), State(2, 2, 0), State(3, 1.5, 0)]);
        Assert.Equal(1, AllianceFormation.Strongest(w));
        w.Alive[1] = false;
        Assert.Equal(2, AllianceFormation.Strongest(w));
        w.Alive[2] = false;
        Assert.Equal(3, AllianceFormation.Strongest(w));
        w.Capability[0] = 1.5;
        Assert.Equal(0, AllianceFormation.Strongest(w));
        w.Alive[0] = w.Alive[3] = false;
        Assert.Equal(-1, AllianceFormation.Strongest(w));
    }

    [Fact]
    public void A_dead_strongest_state_is_skipped_even_with_the_largest_capability()
    {
        var w = Create(Quiet, [State(0, 5, 0), State(1, 1, 0), State(2, 1, 0)]);
        w.Alive[0] = false;
        Assert.Equal(1, AllianceFormation.Strongest(w));
    }

    [Fact]
    public void EndTick_counts_the_ticks_the_living_leader_is_insecure()
    {
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 0), State(2, 1, 0)], leader: 1);
        Assert.Equal(1, w.Leader);
        var ledger = Ledger();

        w.Security[1] = 0.5;
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((1, 1), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));

        w.Security[1] = 1; // a ratio of exactly 1 is secure
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((2, 1), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));

        w.Security[0] = 0.1; // another state's insecurity is not the leader's
        w.Security[1] = 3;
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((3, 1), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));

        w.Security[1] = 0.99;
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((4, 2), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));
        Assert.Equal(0.5, WaltzSimulation.Summarise(w, ledger, 0, 0, 0).LeaderInsecureShare);

        w.Alive[1] = false; // a dead leader's ticks count neither way
        w.Security[1] = 0;
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((4, 2), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));
        Assert.Equal(0.5, WaltzSimulation.Summarise(w, ledger, 0, 0, 0).LeaderInsecureShare);
    }

    [Fact]
    public void EndTick_in_the_burn_in_counts_nothing()
    {
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 0)], leader: 0);
        var ledger = new RunLedger(keepEvents: false) { Recording = false };
        w.Security[0] = 0.2;
        WaltzSimulation.EndTick(w, ledger, null);
        Assert.Equal((0, 0), (ledger.LeaderAliveTicks, ledger.LeaderInsecureTicks));
        Assert.Equal(0, WaltzSimulation.Summarise(w, ledger, 0, 0, 0).LeaderInsecureShare);
    }

    [Fact]
    public void EndTick_records_the_cumulative_spending_in_the_series_row()
    {
        var w = Create(Quiet, [State(0, 1, 0), State(1, 1, 0)], leader: 0);
        var ledger = Ledger();
        var series = new List<SeriesRow>();
        ledger.InternalSpending = 0.25;
        ledger.ExternalSpending = 0.5;
        WaltzSimulation.EndTick(w, ledger, series);
        ledger.InternalSpending += 0.125;
        WaltzSimulation.EndTick(w, ledger, series);
        Assert.Equal([0.25, 0.375], series.Select(s => s.SpendingInternal));
        Assert.Equal([0.5, 0.5], series.Select(s => s.SpendingExternal));
    }

    [Fact]
    public void The_summary_reports_the_leaders_wealth_shares_and_pacts_at_the_end()
    {
        // Wealth 1, 3, 2, 4 (total 10); capability 0.5, 1.5, 1, 2 (total 5); leader 1 holds pacts with 0 and 2.
        var w = Create(Quiet,
            [State(0, 0.5, 0, wealth: 1), State(1, 1.5, 0, wealth: 3), State(2, 1, 0, wealth: 2), State(3, 2, 0, wealth: 4)],
            [new InitialPact(0, 1), new InitialPact(1, 2)], leader: 1);
        var s = WaltzSimulation.Summarise(w, Ledger(), 0, 0, 0);
        Assert.Equal(1, s.Leader);
        Assert.True(s.LeaderAlive);
        Assert.Equal(3.0, s.LeaderWealth);
        Near(0.3, s.LeaderWealthShare);
        Near(0.3, s.LeaderCapabilityShare);
        Assert.Equal(2, s.LeaderPacts);
        Assert.Equal(0, s.LeaderInsecureShare); // no recorded ticks

        // Shares are of the living states only.
        w.Alive[3] = false;
        s = WaltzSimulation.Summarise(w, Ledger(), 0, 0, 0);
        Near(0.5, s.LeaderWealthShare);
        Near(0.5, s.LeaderCapabilityShare);
    }

    [Fact]
    public void A_dead_leader_has_no_wealth_share_or_pacts_in_the_summary()
    {
        var w = Create(Quiet, [State(0, 1, 0, wealth: 2), State(1, 1, 0, wealth: 3)], [new InitialPact(0, 1)], leader: 0);
        w.Alive[0] = false;
        var s = WaltzSimulation.Summarise(w, Ledger(), 0, 0, 0);
        Assert.False(s.LeaderAlive);
        Assert.Equal((0.0, 0.0, 0.0, 0), (s.LeaderWealth, s.LeaderWealthShare, s.LeaderCapabilityShare, s.LeaderPacts));
    }

    [Fact]
    public void The_runs_table_carries_the_leader_outputs_of_the_summary()
    {
        var scenario = new Scenario { States = 10, Ticks = 40, Leader = 2 };
        var key = new RunKey(0, 0, 0, RunPlan.SeedOf(scenario.Seed, 0, 0));
        var summary = WaltzSimulation.Run(scenario, key.Seed, default).Summary;
        var row = new WaltzModel(scenario, EngineKind.Reference).Execute(key, default).Summary;
        var runs = WaltzTables.Runs;
        double Value(string column)
        {
            var cell = row[runs.IndexOf(column)];
            return cell.Kind == Anarchy.Output.ColumnKind.Int64 ? cell.AsInt64 : cell.AsDouble;
        }
        Assert.Equal(summary.LeaderWealth, Value("leader_wealth"));
        Assert.Equal(summary.LeaderWealthShare, Value("leader_wealth_share"));
        Assert.Equal(summary.LeaderCapabilityShare, Value("leader_capability_share"));
        Assert.Equal(summary.LeaderPacts, Value("leader_pacts"));
        Assert.Equal(summary.LeaderInsecureShare, Value("leader_insecure_share"));
        Assert.Equal(summary.Counts.PactsWithStrongest, Value("pacts_with_strongest"));
        Assert.Equal(summary.Counts.PactsFormed, Value("pacts_formed"));
    }

    /// <summary>
    /// Over runs of the default scenario: series spending is cumulative (non-decreasing, the last row equal to the
    /// run's totals), the per-tick counts add up to the run's, pacts with the strongest never exceed pacts formed,
    /// and the leader's shares are shares.
    /// </summary>
    [Fact]
    public void Series_spending_is_cumulative_and_bandwagoning_is_part_of_pact_formation_in_default_runs()
    {
        var scenario = BuiltInScenarios.Default with { BurnIn = 10, Ticks = 100 };
        var plan = RunPlan.Replicates(scenario.Seed, 16);
        long bandwagoning = 0;
        for (int r = 0; r < plan.Count; r++)
        {
            var result = WaltzSimulation.Run(scenario, plan[r].Seed, new RunDetail(Series: true, Events: false));
            var s = result.Summary;
            var series = result.Series;
            Assert.Equal(scenario.Ticks, series.Count);
            Assert.True(series[0].SpendingInternal > 0);
            for (int t = 1; t < series.Count; t++)
            {
                Assert.True(series[t].SpendingInternal >= series[t - 1].SpendingInternal, $"run {r}, tick {series[t].Tick}: internal spending fell");
                Assert.True(series[t].SpendingExternal >= series[t - 1].SpendingExternal, $"run {r}, tick {series[t].Tick}: external spending fell");
            }
            Assert.Equal(s.InternalSpending, series[^1].SpendingInternal);
            Assert.Equal(s.ExternalSpending, series[^1].SpendingExternal);

            Assert.All(series, row => Assert.InRange(row.Counts.PactsWithStrongest, 0, row.Counts.PactsFormed));
            Assert.InRange(s.Counts.PactsWithStrongest, 0, s.Counts.PactsFormed);
            Assert.Equal(series.Sum(row => row.Counts.PactsWithStrongest), s.Counts.PactsWithStrongest);
            bandwagoning += s.Counts.PactsWithStrongest;

            Assert.InRange(s.LeaderWealthShare, 0, 1);
            Assert.InRange(s.LeaderCapabilityShare, 0, 1);
            Assert.InRange(s.LeaderInsecureShare, 0, 1);
            Assert.Equal(series[^1].LeaderCapabilityShare, s.LeaderCapabilityShare);
            if (s.LeaderAlive) Assert.True(s.LeaderWealth > 0);
        }
        Assert.True(bandwagoning > 0, "no pact with the strongest state in 16 default runs (about 1 in 250 new pacts is one)");
    }
}
