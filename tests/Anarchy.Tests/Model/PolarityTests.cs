using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Blocs, effective numbers of poles and hegemony (docs/MODEL.md, "Outputs").</summary>
public sealed class PolarityTests
{
    [Fact]
    public void Blocs_are_the_connected_components_of_the_pact_graph_labelled_by_their_smallest_member()
    {
        // Pacts 1-2, 2-0 and 3-4; state 5 alone; state 6 dead.
        var w = Create(Quiet, Enumerable.Range(0, 7).Select(i => State(i, 1, 0)).ToArray(),
            [new InitialPact(1, 2), new InitialPact(2, 0), new InitialPact(3, 4)]);
        w.Alive[6] = false;
        var blocs = Polarity.Blocs(w);
        Assert.Equal([0, 0, 0, 3, 3, 5, -1], blocs);
        Assert.Equal(2, Polarity.CountAllianceBlocs(w, blocs));
    }

    [Fact]
    public void Blocs_found_again_only_when_pacts_or_the_living_change_equal_blocs_found_afresh_every_tick()
    {
        // A violent world: pacts form, lapse and break, and states die. Each tick, the blocs the world keeps (found
        // again only when a pact or the set of living states changed) must equal the blocs found from scratch.
        var scenario = new Scenario { States = 24, Ticks = 120, Parameters = new ModelParameters { Escalation = 1, ConquestNorm = 0, DeathShare = 0.5 } };
        var world = Initialization.Create(scenario, 3);
        var ledger = WaltzSimulation.NewLedger(scenario, default);
        int reused = 0;
        for (int t = 0; t < scenario.TotalTicks; t++)
        {
            WaltzSimulation.BeginTick(world, ledger, t);
            WaltzRules.Tick(world, ledger);
            bool unchanged = world.Scratch.BlocsPactVersion == world.PactVersion && world.Scratch.BlocsLiving == world.LivingCount();
            if (unchanged) reused++;
            var kept = Polarity.Blocs(world).ToArray();
            world.Scratch.BlocsPactVersion = -1; // forget them
            Assert.Equal(Polarity.Blocs(world), kept);
        }
        Assert.True(reused > 0, "some ticks reused the blocs");
        Assert.True(world.LivingCount() < scenario.States, "states died");
    }

    [Fact]
    public void The_effective_number_of_poles_is_one_over_the_sum_of_squared_capability_shares()
    {
        // M = 2, 1, 1 (and a dead state): shares 1/2, 1/4, 1/4; sum of squares 3/8; 8/3 poles.
        var w = Create(Quiet, [State(0, 2, 0), State(1, 1, 0), State(2, 1, 0), State(3, 5, 0)]);
        w.Alive[3] = false;
        Near(8.0 / 3, Polarity.EffectivePoles(w));
    }

    [Theory]
    [InlineData(1, 2, 2.0, false)] // blocs {0} = 2 and {1, 2} = 2: two equal poles; max = half, not more
    [InlineData(0, 1, 1.6, true)]  // blocs {0, 1} = 3 and {2} = 1: 1 / (9/16 + 1/16) = 1.6; 3 > 2
    public void Bloc_poles_and_hegemony_follow_the_blocs_capability(int a, int b, double poles, bool hegemony)
    {
        var w = Create(Quiet, [State(0, 2, 0), State(1, 1, 0), State(2, 1, 0)], [new InitialPact(a, b)]);
        var blocCapability = Polarity.BlocCapability(w, Polarity.Blocs(w));
        Near(poles, Polarity.EffectiveBlocPoles(blocCapability));
        Assert.Equal(hegemony, Polarity.Hegemony(blocCapability));
    }
}
