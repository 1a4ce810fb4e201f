using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 5 (docs/MODEL.md, "One tick", 5. Alliance dissolution).</summary>
public sealed class AllianceDissolutionTests
{
    /// <summary>Ticks of dissolution until the pact 0-1 lapses, or -1 within 50.</summary>
    private static int TicksUntilLapse(World w, RunLedger ledger)
    {
        for (int t = 1; t <= 50; t++)
        {
            w.Tick = t;
            AllianceDissolution.Step(w, ledger);
            AssertPactsConsistent(w);
            if (!w.Allied(0, 1)) return t;
        }
        return -1;
    }

    [Theory]
    [InlineData(2.0, 0.0, 0, 3)] // weak > 2 at the third weak tick: a lapse after inertia
    [InlineData(0.0, 0.0, 0, 1)]
    [InlineData(5.0, 0.0, 0, 6)]
    [InlineData(2.0, 0.5, 4, 5)] // weak > 2 + 0.5 * 4 = 4
    [InlineData(2.0, 1.0, 3, 6)] // weak > 2 + 1 * 3 = 5
    public void A_pact_of_low_salience_lapses_after_inertia_plus_institutionalisation_times_age_weak_ticks(
        double inertia, double institutionalisation, int age, int lapseTick)
    {
        // Two allies alone in the world: neither faces any threat, so CT01 = 0 and salience 0 < lapseSalience.
        var p = Quiet with { Inertia = inertia, Institutionalisation = institutionalisation };
        var w = Create(p, [State(0, 1, 0), State(1, 1, 0)], [new InitialPact(0, 1, age)]);
        Perception.Step(w);
        Assert.Equal(0.0, w.CommonThreat[0 * 2 + 1]);
        var ledger = Ledger();
        Assert.Equal(lapseTick, TicksUntilLapse(w, ledger));
        Assert.Equal(1, ledger.Tick.PactsLapsed);
        var lapse = Assert.Single(EventsOf(ledger, EventKinds.PactLapsed));
        Assert.Equal((lapseTick, 0, 1, age), (lapse.Tick, lapse.State, lapse.Other, lapse.Duration));
        Assert.Equal(0, w.PactCount[0]);
    }

    [Fact]
    public void Institutionalisation_keeps_an_old_pact_alive_longer()
    {
        // Age 4: with institutionalisation 0 it lapses at weak tick 3; with 0.5 the threshold is 2 + 2 = 4, so tick 5.
        int Lapse(double inst)
        {
            var w = Create(Quiet with { Institutionalisation = inst }, [State(0, 1, 0), State(1, 1, 0)], [new InitialPact(0, 1, 4)]);
            Perception.Step(w);
            return TicksUntilLapse(w, Ledger());
        }
        Assert.Equal(3, Lapse(0));
        Assert.Equal(5, Lapse(0.5));
    }

    [Fact]
    public void A_salient_pact_resets_its_weak_counter_and_survives()
    {
        // 0 and 1 (u 0) both face 2 (u 1): CT01 = 1, c01 = 1, salience 1 >= 0.2.
        var w = Create(Quiet, [State(0, 0.1, 0), State(1, 0.1, 0), State(2, 1, 1)], [new InitialPact(0, 1)]);
        Perception.Step(w);
        w.PactWeak[0 * 3 + 1] = w.PactWeak[1 * 3 + 0] = 2;
        var ledger = Ledger();
        AllianceDissolution.Step(w, ledger);
        Assert.True(w.Allied(0, 1));
        Assert.Equal(0, w.PactWeak[0 * 3 + 1]);
        Assert.Equal(0, w.PactWeak[1 * 3 + 0]);
        Assert.Equal(0, ledger.Tick.PactsLapsed);
    }

    [Fact]
    public void A_common_threat_is_not_salient_enough_when_the_allies_interests_diverge()
    {
        // 0 (u 0) and 1 (u 0.85) both face only 2 (u 1): CT01 = 1 but c01 = 0.15, salience 0.15 < 0.2.
        var w = Create(Quiet, [State(0, 0.1, 0), State(1, 0.1, 0.85), State(2, 1, 1)], [new InitialPact(0, 1)]);
        Perception.Step(w);
        Near(1.0, w.CommonThreat[0 * 3 + 1]);
        AllianceDissolution.Step(w, Ledger());
        Assert.Equal(1, w.PactWeak[0 * 3 + 1]);
        Assert.Equal(1, w.PactWeak[1 * 3 + 0]);
    }
}
