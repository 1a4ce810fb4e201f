using Anarchy.Engine;
using Anarchy.Models.Waltz;
using CsCheck;

namespace Anarchy.Tests.Simulation;

/// <summary>Invariants that must hold for any parameters and seed, checked after every tick of random small worlds.</summary>
public sealed class InvariantPropertyTests
{
    private static readonly Gen<Scenario> Scenarios =
        from states in Gen.Int[1, 12]
        from ticks in Gen.Int[1, 40]
        from doctrine in Gen.Enum<Doctrine>()
        from honour in Gen.Double[0, 2]
        from looseness in Gen.Double[0, 1]
        from chainDepth in Gen.Int[0, 4]
        from institutionalisation in Gen.Double[0, 1]
        from maxPacts in Gen.Int[0, 8]
        from escalation in Gen.Double[0, 1]
        from warCost in Gen.Double[0, 1]
        from growthSigma in Gen.Double[0, 0.3]
        from lossRate in Gen.Double[0, 1]
        from deathShare in Gen.Double[0, 1]
        from reach in Gen.Double[0, 0.8]
        from gamma in Gen.Double[0.5, 3]
        from threatMix in Gen.Double[0, 1]
        from poles in Gen.Int[0, 3]
        from seed in Gen.ULong
        select new Scenario
        {
            States = states,
            Ticks = ticks,
            Seed = seed,
            Doctrine = doctrine,
            Poles = Math.Min(poles, states),
            Pacts = states >= 3 ? [new InitialPact(0, 1), new InitialPact(1, 2)] : [],
            Shocks = states >= 1 ? [new Shock(Math.Min(5, ticks - 1), 0, 0.3, 0.8)] : [],
            Parameters = new ModelParameters
            {
                Honour = honour,
                Looseness = looseness,
                ChainDepth = chainDepth,
                Institutionalisation = institutionalisation,
                MaxPacts = maxPacts,
                Escalation = escalation,
                WarCost = warCost,
                GrowthSigma = growthSigma,
                LossRate = lossRate,
                DeathShare = deathShare,
                Reach = reach,
                Gamma = gamma,
                ThreatMix = threatMix,
            },
        };

    [Fact]
    public void NoNaNNoNegativeWealthAndPactsSymmetricBetweenLivingStatesAfterEveryTick()
    {
        Scenarios.Sample(scenario =>
        {
            Assert.Empty(ScenarioReader.Validate(scenario));
            var w = Initialization.Create(scenario, scenario.Seed);
            var ledger = new RunLedger(keepEvents: false) { Recording = true };
            for (int t = 0; t < scenario.TotalTicks; t++)
            {
                w.Tick = t;
                WaltzRules.Tick(w, ledger);
                CheckInvariants(w);
            }
        }, iter: 300);
    }

    [Fact]
    public void EventCountsAgreeWithTheRunSummary()
    {
        Scenarios.Sample(scenario =>
        {
            var result = WaltzSimulation.Run(scenario, scenario.Seed, new RunDetail(Series: true, Events: true));
            var c = result.Summary.Counts;
            int Count(string kind, string? outcome = null) =>
                result.Events.Count(e => e.Kind == kind && (outcome is null || e.Outcome == outcome));

            Assert.Equal(c.Disputes, Count(EventKinds.Dispute));
            Assert.Equal(c.Restrained, Count(EventKinds.Dispute, "restrained"));
            Assert.Equal(c.Deterred, Count(EventKinds.Dispute, "deterred"));
            Assert.Equal(c.Settled, Count(EventKinds.Dispute, "settled"));
            Assert.Equal(c.Wars, Count(EventKinds.Dispute, "war"));
            Assert.Equal(c.Wars, Count(EventKinds.WarStart));
            Assert.Equal(c.Disputes, c.Restrained + c.Deterred + c.Settled + c.Wars);
            Assert.Equal(c.Calls, Count(EventKinds.Call));
            Assert.Equal(c.Entangled, Count(EventKinds.Call, "entangled"));
            Assert.Equal(c.Aligned, Count(EventKinds.Call, "aligned"));
            Assert.Equal(c.Abandonments, Count(EventKinds.Call, "abandoned"));
            Assert.Equal(c.Calls, c.Honoured + c.Abandonments);
            Assert.Equal(c.Honoured, c.Entangled + c.Aligned);
            Assert.Equal(c.Chain, result.Events.Count(e => e.Kind == EventKinds.Call && e.Hop >= 1 && e.Outcome != "abandoned"));
            Assert.Equal(c.OpportunisticJoins, Count(EventKinds.Join, "opportunistic"));
            Assert.Equal(c.DiffusionJoins, Count(EventKinds.Join, "diffusion"));
            Assert.Equal(c.OpportunisticJoins + c.DiffusionJoins, Count(EventKinds.Join));
            Assert.Equal(c.PactsBroken, Count(EventKinds.PactBroken, "abandonment"));
            Assert.True(c.PactsBroken <= c.Abandonments);
            Assert.Equal(c.WarStates, result.Events.Where(e => e.Kind == EventKinds.WarStart)
                .Sum(e => e.SideA.Split(';').Length + e.SideB.Split(';').Length));
            Assert.Equal(c.PactsFormed, Count(EventKinds.PactFormed));
            Assert.Equal(c.PactsLapsed, Count(EventKinds.PactLapsed));
            Assert.Equal(c.Deaths, Count(EventKinds.Death));
            Assert.Equal(c.Conquests, Count(EventKinds.Death, "conquered"));
            Assert.Equal(c.Disputes, result.Series.Sum(s => s.Counts.Disputes));
            Assert.Equal(scenario.States - c.Deaths, result.Summary.Survivors);
            // No state dies twice, and the survivors are the states alive after the last tick.
            Assert.Equal(c.Deaths, result.Events.Where(e => e.Kind == EventKinds.Death).Select(e => e.State).Distinct().Count());
            Assert.Equal(result.Series[^1].Alive, result.Summary.Survivors);
            var l = result.Summary.LeaderCounts;
            Assert.True(l.Entangled + l.Aligned + l.Abandoned <= l.Disputes);
            Assert.True(l.Initiated + l.Targeted <= l.Disputes);
        }, iter: 300);
    }

    private static void CheckInvariants(World w)
    {
        int n = w.N;
        for (int i = 0; i < n; i++)
        {
            Assert.True(double.IsFinite(w.Wealth[i]) && w.Wealth[i] >= 0, $"wealth of {i}: {w.Wealth[i]}");
            Assert.True(double.IsFinite(w.Capability[i]) && w.Capability[i] >= 0, $"capability of {i}: {w.Capability[i]}");
            Assert.InRange(w.Burden[i], w.Parameters.MinBurden, w.Parameters.MaxBurden);
            Assert.InRange(w.ExternalProbability[i], 0, 1);
            Assert.InRange(w.Reputation[i], 0, 1);
            for (int d = 0; d < w.K; d++) Assert.InRange(w.Interests[i * w.K + d], 0, 1);
            Assert.False(double.IsNaN(w.Security[i]));
            int pacts = 0;
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(w.PactAge(i, j), w.PactAge(j, i));
                Assert.True(double.IsFinite(w.CommonThreat[i * n + j]));
                if (!w.Allied(i, j)) continue;
                pacts++;
                Assert.NotEqual(i, j);
                Assert.True(w.Alive[i] && w.Alive[j], $"pact {i}-{j} with a dead state");
                Assert.False(w.Enemies(i, j));
            }
            Assert.Equal(pacts, w.PactCount[i]);
            if (!w.Alive[i]) Assert.Equal(-1, w.WarOf[i]);
            if (w.Doctrine[i] == Doctrine.Internal) Assert.Equal(0, w.PactCount[i]);
        }
        foreach (var war in w.Wars)
        {
            Assert.True(double.IsFinite(war.Severity) && war.Severity >= 0);
            if (!war.Ongoing) continue;
            Assert.True(w.Alive[war.Initiator] && w.Alive[war.Target], "an ongoing war has a dead principal");
            foreach (int k in war.SideA.Concat(war.SideB))
                if (w.Alive[k]) Assert.Equal(war.Id, w.WarOf[k]);
        }
    }
}
