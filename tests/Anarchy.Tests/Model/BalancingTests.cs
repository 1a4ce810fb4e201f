using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 3 (docs/MODEL.md, "One tick", 3. Balancing).</summary>
public sealed class BalancingTests
{
    // A weak state 0 (M 0.1, u 0) shares a place with a strong, hostile, Internal state 1 (M 1, u 1, r 0):
    // theta_0 = T01 = 1 * 1 * (1 - 0) * 1 = 1, so sigma_0 = 0.1 (insecure); theta_1 = T10 = 0.1, so sigma_1 = 10 (secure).
    private static World WeakAndStrong(Doctrine doctrine, ModelParameters? p = null, IReadOnlyList<StateOverride>? more = null,
        IReadOnlyList<InitialPact>? pacts = null)
    {
        var states = new List<StateOverride> { State(0, 0.1, 0, doctrine: doctrine), State(1, 1, 1, doctrine: Doctrine.Internal) };
        states.AddRange(more ?? []);
        var w = Create(p ?? Quiet, states, pacts);
        Perception.Step(w);
        return w;
    }

    [Fact]
    public void An_insecure_Internal_state_raises_its_burden_by_one_step()
    {
        var w = WeakAndStrong(Doctrine.Internal);
        Near(0.1, w.Security[0]);
        Balancing.Step(w);
        Assert.Equal(0.03 + 0.01, w.Burden[0]);
        Assert.False(w.Seeking[0]);
        Assert.False(w.ChoseExternal[0]);
    }

    [Fact]
    public void The_burden_never_rises_above_maxBurden()
    {
        var w = WeakAndStrong(Doctrine.Internal);
        w.Burden[0] = 0.245;
        Balancing.Step(w);
        Assert.Equal(0.25, w.Burden[0]);
        Balancing.Step(w);
        Assert.Equal(0.25, w.Burden[0]);
    }

    [Fact]
    public void A_secure_state_takes_a_peace_dividend_down_to_minBurden()
    {
        var w = WeakAndStrong(Doctrine.Internal);
        Near(10, w.Security[1]);
        Balancing.Step(w);
        Assert.Equal(0.03 - 0.01, w.Burden[1]);
        w.Burden[1] = 0.01;
        Balancing.Step(w);
        Assert.Equal(0.005, w.Burden[1]);
    }

    [Fact]
    public void A_state_neither_insecure_nor_above_secureRatio_keeps_its_burden()
    {
        // 0 now has M 1.5: sigma_0 = 1.5 / 1 lies in [1, 2]. 1 faces T10 = 1.5, sigma_1 = 1 / 1.5 < 1: it arms.
        var w = Create(Quiet, [State(0, 1.5, 0), State(1, 1, 1, doctrine: Doctrine.Internal)]);
        Perception.Step(w);
        Balancing.Step(w);
        Assert.Equal(0.03, w.Burden[0]);
        Assert.False(w.Seeking[0]);
        Assert.Equal(0.03 + 0.01, w.Burden[1]);
    }

    [Fact]
    public void An_insecure_External_state_seeks_an_ally_instead_of_arming()
    {
        var w = WeakAndStrong(Doctrine.External);
        Balancing.Step(w);
        Assert.True(w.Seeking[0]);
        Assert.True(w.ChoseExternal[0]);
        Assert.Equal(0.03, w.Burden[0]);
    }

    [Fact]
    public void An_External_state_at_maxPacts_arms_instead()
    {
        // maxPacts 1 and 0 already holds a pact with a distant minor state 2 (E_0 is tiny, sigma_0 stays below 1).
        var w = WeakAndStrong(Doctrine.External, Quiet with { MaxPacts = 1 }, [State(2, 0.01, 0, x: 0.5, y: 0.5)],
            [new InitialPact(0, 2)]);
        Assert.True(w.Security[0] < 1);
        Balancing.Step(w);
        Assert.False(w.Seeking[0]);
        Assert.Equal(0.03 + 0.01, w.Burden[0]);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(0.01, false)]
    public void A_Strategic_state_allies_when_the_best_candidate_beats_arming(double candidateCapability, bool external)
    {
        // Candidate 2 shares 0's interests (rho 1) and faces only 1, as 0 does: CT02 = 1, theta_2 = 1.
        // v02 = 1 * M2 * 1 * 1;  z_2 = theta_2 / (M2 + theta_2) = 1 / (M2 + 1);  value = v02 / (0.002 * 1 * (1 + z_2)).
        // M2 = 1:    1 / (0.002 * 1.5) = 333.3  > 1 / (internalCost * depreciation) = 20: external.
        // M2 = 0.01: 0.01 / (0.002 * (1 + 1 / 1.01)) = 2.51 < 20: internal.
        var w = WeakAndStrong(Doctrine.Strategic, more: [State(2, candidateCapability, 0)]);
        double value = candidateCapability / (0.002 * (1 + 1 / (candidateCapability + 1)));
        Near(value, Balancing.BestExternalValue(w, 0));
        Balancing.Step(w);
        Assert.Equal(external, w.ChoseExternal[0]);
        Assert.Equal(external, w.Seeking[0]);
        Assert.Equal(external ? 0.03 : 0.03 + 0.01, w.Burden[0]);
    }

    [Theory]
    [InlineData(1.0, 1UL)]
    [InlineData(1.0, 2UL)]
    [InlineData(1.0, 3UL)]
    [InlineData(0.0, 1UL)]
    [InlineData(0.0, 2UL)]
    [InlineData(0.0, 3UL)]
    public void An_Adaptive_state_balances_externally_with_probability_p(double p, ulong seed)
    {
        // p = 1: a uniform draw in (0, 1) is always below p; p = 0: never. Whatever the stream.
        var w = Create(Quiet, [State(0, 0.1, 0, doctrine: Doctrine.Adaptive), State(1, 1, 1, doctrine: Doctrine.Internal)], seed: seed);
        w.ExternalProbability[0] = p;
        Perception.Step(w);
        Balancing.Step(w);
        Assert.Equal(p == 1, w.Seeking[0]);
        Assert.Equal(p == 1 ? 0.03 : 0.03 + 0.01, w.Burden[0]);
    }

    [Fact]
    public void An_Adaptive_state_with_p_three_tenths_seeks_allies_in_about_three_tenths_of_its_insecure_ticks()
    {
        // Monte Carlo over 2000 ticks (one independent draw per tick): the count is Binomial(2000, 0.3), mean 600,
        // standard deviation 20.5. The band of 6 standard deviations, [477, 723], fails for a sound generator with
        // probability about 2e-9, whatever its bits.
        var w = Create(Quiet, [State(0, 0.1, 0, doctrine: Doctrine.Adaptive), State(1, 1, 1, doctrine: Doctrine.Internal)]);
        Perception.Step(w);
        int seeking = 0;
        for (int t = 0; t < 2000; t++)
        {
            w.Tick = t;
            w.ExternalProbability[0] = 0.3; // undo the imitation of the previous tick
            Balancing.Step(w);
            if (w.Seeking[0]) seeking++;
        }
        Assert.InRange(seeking, 477, 723);
    }

    // Adaptive state 0 at (0, 0) with p 0.5 sees its two nearest neighbours: 1 at (0.1, 0) and 2 at (0, 0.15);
    // 3 at (0.3, 0) is further away. Nobody balances: every security ratio is set to 1.5.
    private static World Neighbourhood(Doctrine neighbour1, double[] growth)
    {
        var w = Create(Quiet with { Neighbours = 2 },
            [
                State(0, 1, 0, doctrine: Doctrine.Adaptive),
                State(1, 1, 0, x: 0.1, doctrine: neighbour1),
                State(2, 1, 0, y: 0.15, doctrine: Doctrine.Adaptive),
                State(3, 1, 0, x: 0.3, doctrine: Doctrine.External),
            ]);
        w.ExternalProbability[0] = 0.5;
        w.ExternalProbability[2] = 0.9;
        w.Security.Fill(1.5);
        for (int i = 0; i < growth.Length; i++) w.GrowthRate[i] = growth[i];
        return w;
    }

    [Fact]
    public void Adaptive_imitation_moves_p_toward_the_most_successful_neighbour_by_imitationRate()
    {
        // Growth: 1: 0.01, 2: 0.05, 3: 0.10 (not a neighbour). Best neighbour 2 (p 0.9): p0 = 0.5 + 0.1 * (0.9 - 0.5) = 0.54.
        var w = Neighbourhood(Doctrine.Internal, [0, 0.01, 0.05, 0.10]);
        Balancing.Step(w);
        Assert.Equal(0.5 + 0.1 * (0.9 - 0.5), w.ExternalProbability[0]);
    }

    [Theory]
    [InlineData(Doctrine.External, 1.0)]
    [InlineData(Doctrine.Internal, 0.0)]
    [InlineData(Doctrine.Strategic, 0.0)] // it chose no external balancing this tick (it did not balance at all)
    public void A_non_adaptive_neighbour_counts_as_its_fixed_or_chosen_p(Doctrine doctrine, double target)
    {
        // Best neighbour is now 1 (growth 0.05 against 2's 0.01): p0 = 0.5 + 0.1 * (target - 0.5).
        var w = Neighbourhood(doctrine, [0, 0.05, 0.01, 0.10]);
        Balancing.Step(w);
        Assert.Equal(0.5 + 0.1 * (target - 0.5), w.ExternalProbability[0]);
    }

    [Fact]
    public void Adaptive_states_update_at_once_from_the_old_values()
    {
        // 0 (p 0.2) and 1 (p 0.8) are each other's only neighbour: 0.2 + 0.1 * 0.6 = 0.26 and 0.8 - 0.1 * 0.6 = 0.74.
        // In sequence 1 would have moved toward 0.26 instead, to 0.746.
        var w = Create(Quiet with { Neighbours = 1 },
            [State(0, 1, 0, doctrine: Doctrine.Adaptive), State(1, 1, 0, x: 0.1, doctrine: Doctrine.Adaptive), State(2, 1, 0, x: 0.5, y: 0.5)]);
        w.ExternalProbability[0] = 0.2;
        w.ExternalProbability[1] = 0.8;
        w.Security.Fill(1.5);
        Balancing.Step(w);
        Assert.Equal(0.2 + 0.1 * (0.8 - 0.2), w.ExternalProbability[0]);
        Assert.Equal(0.8 + 0.1 * (0.2 - 0.8), w.ExternalProbability[1]);
        Assert.Equal(0.5, w.ExternalProbability[2]); // not Adaptive: untouched
    }
}
