using Anarchy.Engine;
using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>
/// What happens to the leader in disputes (docs/MODEL.md, "The leader and Beckley's question"). The worlds are those
/// of the dispute and call tests, with the leader set to the state whose role is under test.
/// </summary>
public sealed class LeaderAccountingTests
{
    private static LeaderCounts Dispute(World w, bool recording = true)
    {
        Perception.Step(w);
        var ledger = new RunLedger(keepEvents: true) { Recording = recording };
        Disputes.Step(w, ledger);
        Assert.Equal(1L, ledger.Tick.Disputes);
        return ledger.Leader;
    }

    // Initiator 0 (M 1, u 0, r 1) against 1 (M 0.1, u 1, W 1); 1's ally 2 (M 0.1, W 0.5, so 0 prefers 1) at u2.
    // u2 = 0.05: II = -0.1, O = 0.2: entangled. u2 = 1: II = 0.85: aligned. Realised B = 0.2, P = 0.83: settled.
    private static World Called(double allyInterest, int leader, ModelParameters? p = null) => Create(p ?? Quiet,
        [State(0, 1, 0, revisionism: 1), State(1, 0.1, 1), State(2, 0.1, allyInterest, wealth: 0.5)], [new InitialPact(1, 2)], leader);

    [Fact]
    public void A_leader_that_stands_by_obligation_alone_counts_an_entanglement()
    {
        var counts = Dispute(Called(0.05, leader: 2));
        Assert.Equal((1L, 1L, 0L), (counts.Disputes, counts.Entangled, counts.Aligned));
    }

    [Fact]
    public void A_leader_that_stands_by_interest_counts_an_alignment()
    {
        var counts = Dispute(Called(1, leader: 2));
        Assert.Equal((1L, 0L, 1L), (counts.Disputes, counts.Entangled, counts.Aligned));
    }

    [Fact]
    public void A_leader_that_stays_out_counts_an_abandonment()
    {
        var counts = Dispute(Called(0.05, leader: 2, Quiet with { Looseness = 1 }));
        Assert.Equal((1L, 1L, 0L), (counts.Disputes, counts.Abandoned, counts.Entangled));
    }

    [Fact]
    public void A_targeted_leader_counts_the_dispute_but_no_stand_of_its_own()
    {
        var counts = Dispute(Called(1, leader: 1));
        Assert.Equal((1L, 1L, 0L, 0L), (counts.Disputes, counts.Targeted, counts.Aligned, counts.Entangled));
    }

    // Restraint world (see DisputesTests): 0 attacks 1; 0's ally 2 (M 3, u 0.5) favours 1 and restrains 0 for sure.
    private static World Restraint(int leader) => Create(Quiet with { Escalation = 1 },
        [State(0, 1, 0, revisionism: 1), State(1, 0.1, 0.5), State(2, 3, 0.5)], [new InitialPact(0, 2)], leader);

    [Fact]
    public void A_leader_that_objects_and_holds_its_ally_back_counts_a_restrained_ally()
    {
        var counts = Dispute(Restraint(leader: 2));
        Assert.Equal((1L, 1L, 0L), (counts.Disputes, counts.RestrainedAlly, counts.WasRestrained));
    }

    [Fact]
    public void A_leader_held_back_by_its_ally_counts_that_it_was_restrained()
    {
        var counts = Dispute(Restraint(leader: 0));
        Assert.Equal((1L, 1L, 1L, 0L), (counts.Disputes, counts.Initiated, counts.WasRestrained, counts.RestrainedAlly));
    }

    // Deterrence world (see DisputesTests): 0 attacks 1; 1's ally 2 (M 1, rep 0.1) stands and deters 0.
    private static World Deterrence(int leader)
    {
        var w = Create(Quiet with { Escalation = 1 },
            [State(0, 1, 0, revisionism: 1), State(1, 0.2, 1), State(2, 1, 1)], [new InitialPact(1, 2)], leader);
        w.Reputation[2] = 0.1;
        return w;
    }

    [Theory]
    [InlineData(2)] // the ally that stood
    [InlineData(1)] // the target, which stands by definition
    public void A_leader_that_stood_in_a_deterred_dispute_counts_a_deterrence(int leader)
    {
        var counts = Dispute(Deterrence(leader));
        Assert.Equal((1L, 1L, 0L), (counts.Disputes, counts.Deterred, counts.WasDeterred));
    }

    [Fact]
    public void A_deterred_leader_counts_that_it_was_deterred()
    {
        var counts = Dispute(Deterrence(leader: 0));
        Assert.Equal((1L, 1L, 0L), (counts.Disputes, counts.WasDeterred, counts.Deterred));
    }

    [Fact]
    public void A_leader_not_involved_counts_nothing()
    {
        // A bystander 3, far away and allied to nobody, leads.
        var w = Create(Quiet with { Escalation = 1 },
            [State(0, 1, 0, revisionism: 1), State(1, 0.2, 1), State(2, 1, 1), State(3, 5, 0.5, x: 0.5, y: 0.5)],
            [new InitialPact(1, 2)], leader: 3);
        w.Reputation[2] = 0.1;
        var counts = Dispute(w);
        Assert.Equal((0L, 0L, 0L), (counts.Disputes, counts.Deterred, counts.Aligned));
    }

    [Fact]
    public void Nothing_is_counted_for_the_leader_during_the_burn_in()
    {
        var counts = Dispute(Restraint(leader: 2), recording: false);
        Assert.Equal((0L, 0L), (counts.Disputes, counts.RestrainedAlly));
    }

    [Fact]
    public void A_one_tick_run_books_the_restraint_in_the_summary_and_the_leaders_counts()
    {
        // The restraint world run for one whole tick: economy and balancing move M0 to 0.98 and M2 to 2.88, so the
        // restraint chance min(1, 0.5 * 2.88 / 0.98) is still 1; nothing else acts.
        var scenario = Scenario(Quiet with { Escalation = 1 },
            [State(0, 1, 0, revisionism: 1), State(1, 0.1, 0.5), State(2, 3, 0.5)], [new InitialPact(0, 2)], leader: 2);
        var run = WaltzSimulation.Run(scenario, 11, new RunDetail(Series: false, Events: true));
        Assert.Equal((1L, 1L, 0L), (run.Summary.Counts.Disputes, run.Summary.Counts.Restrained, run.Summary.Counts.Wars));
        Assert.Equal((1L, 1L), (run.Summary.LeaderCounts.Disputes, run.Summary.LeaderCounts.RestrainedAlly));
        Assert.Equal("restrained", Assert.Single(run.Events, e => e.Kind == EventKinds.Dispute).Outcome);
    }
}
