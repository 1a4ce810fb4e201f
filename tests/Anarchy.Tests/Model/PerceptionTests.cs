using Anarchy.Models.Waltz;
using static Anarchy.Tests.Model.Worlds;

namespace Anarchy.Tests.Model;

/// <summary>Step 2 (docs/MODEL.md, "Derived quantities").</summary>
public sealed class PerceptionTests
{
    // Three states in one place (proximity 1), one interest dimension:
    //   0: M 0.4, u 0.2, r 0      1: M 1.0, u 0.5, r 0.5      2: M 0.6, u 0.9, r 0.2
    // c01 = 0.7, c02 = 0.3, c12 = 0.6;  T_ij = M_j * 1 * (1 - c_ij) * (1 + r_j):
    //   T01 = 1.0 * 0.3 * 1.5 = 0.45    T02 = 0.6 * 0.7 * 1.2 = 0.504
    //   T10 = 0.4 * 0.3 * 1.0 = 0.12    T12 = 0.6 * 0.4 * 1.2 = 0.288
    //   T20 = 0.4 * 0.7 * 1.0 = 0.28    T21 = 1.0 * 0.4 * 1.5 = 0.6
    private static World Triangle(ModelParameters p, IReadOnlyList<InitialPact>? pacts = null) => Create(p,
        [
            State(0, 0.4, 0.2, revisionism: 0),
            State(1, 1.0, 0.5, revisionism: 0.5),
            State(2, 0.6, 0.9, revisionism: 0.2),
        ],
        pacts);

    [Fact]
    public void Proximity_compatibility_and_common_threat_are_symmetric_bit_for_bit()
    {
        // The rules read v_ji from i's row (Perception.PactValueToPartner), which holds only if these three
        // matrices are symmetric to the bit: on the torus and on the globe (projection makes gradients differ), after
        // ticks that moved interests, capabilities and pacts.
        var torus = new Scenario { States = 24, Ticks = 30, Parameters = new ModelParameters { Projection = 0.5, InterestDrift = 0.05 } };
        var globe = Anarchy.Models.Waltz.RealWorld.RealWorldScenario.Create(1913, Anarchy.Tests.RealWorld.ReferenceData.Data) with { Ticks = 10 };
        foreach (var scenario in new[] { torus, globe })
        {
            var world = Initialization.Create(scenario, 5);
            var ledger = WaltzSimulation.NewLedger(scenario, default);
            for (int t = 0; t < scenario.TotalTicks; t++)
            {
                WaltzSimulation.BeginTick(world, ledger, t);
                WaltzRules.Tick(world, ledger);
                WaltzSimulation.EndTick(world, ledger, null);
                // What step 2 perceived stands until the next tick's step 2 (interests drift in step 9, after it).
                int n = world.N;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(world.Proximity[i * n + j]), BitConverter.DoubleToInt64Bits(world.Proximity[j * n + i]));
                        Assert.Equal(BitConverter.DoubleToInt64Bits(world.Compatibility[i * n + j]), BitConverter.DoubleToInt64Bits(world.Compatibility[j * n + i]));
                        Assert.Equal(BitConverter.DoubleToInt64Bits(world.CommonThreat[i * n + j]), BitConverter.DoubleToInt64Bits(world.CommonThreat[j * n + i]));
                    }
                }
            }
            Assert.True(ledger.Total.PactsFormed + ledger.Total.PactsLapsed > 0, "pacts changed during the test");
        }
    }

    [Fact]
    public void Proximity_is_exp_of_minus_torus_distance_over_the_loss_gradient()
    {
        // (0.05, 0.05) and (0.95, 0.95) are 0.1 apart on each axis across the edge: d = sqrt(0.02).
        var w = Create(Quiet, [State(0, 1, 0, x: 0.05, y: 0.05), State(1, 1, 0, x: 0.95, y: 0.95), State(2, 1, 0, x: 0.05, y: 0.55)]);
        Near(Math.Exp(-Math.Sqrt(0.02) / 0.25), w.Proximity[0 * 3 + 1]);
        Near(Math.Exp(-0.5 / 0.25), w.Proximity[0 * 3 + 2]);
        Assert.Equal(w.Proximity[0 * 3 + 1], w.Proximity[1 * 3 + 0]);
    }

    [Fact]
    public void Compatibility_is_one_minus_interest_distance_over_root_k()
    {
        // k = 2: u0 = (0.1, 0.2), u1 = (0.4, 0.6): distance 0.5, c = 1 - 0.5 / sqrt(2).
        var p = Quiet with { InterestDimensions = 2 };
        var w = Create(p,
            [
                new StateOverride { State = 0, Capability = 1, Wealth = 1, Location = [0, 0], Interests = [0.1, 0.2], Revisionism = 0 },
                new StateOverride { State = 1, Capability = 1, Wealth = 1, Location = [0, 0], Interests = [0.4, 0.6], Revisionism = 0 },
            ]);
        Perception.Step(w);
        Near(1 - 0.5 / Math.Sqrt(2), w.Compatibility[0 * 2 + 1]);
        Near(1 - 0.5 / Math.Sqrt(2), w.Compatibility[1 * 2 + 0]);
        Assert.Equal(1.0, w.Compatibility[0]);
    }

    [Fact]
    public void Threat_is_capability_times_proximity_times_hostility()
    {
        var w = Triangle(Quiet);
        Perception.Step(w);
        Near(0.7, w.Compatibility[0 * 3 + 1]);
        Near(0.45, w.Threat[0 * 3 + 1]);
        Near(0.504, w.Threat[0 * 3 + 2]);
        Near(0.12, w.Threat[1 * 3 + 0]);
        Near(0.288, w.Threat[1 * 3 + 2]);
        Near(0.28, w.Threat[2 * 3 + 0]);
        Near(0.6, w.Threat[2 * 3 + 1]);
        Assert.Equal(0.0, w.Threat[0]);
    }

    [Fact]
    public void Threat_falls_with_distance_as_proximity_does()
    {
        // As the triangle, with 1 moved to (0.1, 0) and 2 to (0, 0.2): T01 = 0.45 * exp(-0.4), T02 = 0.504 * exp(-0.8),
        // T12 = 0.288 * exp(-sqrt(0.05) / 0.25).
        var w = Create(Quiet,
            [
                State(0, 0.4, 0.2, revisionism: 0),
                State(1, 1.0, 0.5, x: 0.1, revisionism: 0.5),
                State(2, 0.6, 0.9, y: 0.2, revisionism: 0.2),
            ]);
        Perception.Step(w);
        Near(0.45 * Math.Exp(-0.4), w.Threat[0 * 3 + 1]);
        Near(0.504 * Math.Exp(-0.8), w.Threat[0 * 3 + 2]);
        Near(0.288 * Math.Exp(-Math.Sqrt(0.05) / 0.25), w.Threat[1 * 3 + 2]);
    }

    [Fact]
    public void Allies_pose_no_threat_to_each_other()
    {
        var w = Triangle(Quiet, [new InitialPact(0, 1)]);
        Perception.Step(w);
        Assert.Equal(0.0, w.Threat[0 * 3 + 1]);
        Assert.Equal(0.0, w.Threat[1 * 3 + 0]);
        Near(0.504, w.Threat[0 * 3 + 2]);
        Near(0.6, w.Threat[2 * 3 + 1]);
    }

    [Fact]
    public void A_dead_state_threatens_nobody()
    {
        var w = Triangle(Quiet);
        w.Alive[2] = false;
        Perception.Step(w);
        Assert.Equal(0.0, w.Threat[0 * 3 + 2]);
        Near(0.45, w.ThreatLevel[0]);
    }

    [Theory]
    [InlineData(0.0, 0.504)]          // principal threat only: max(0.45, 0.504)
    [InlineData(0.5, 0.504 + 0.225)]  // max + 0.5 * (sum - max) = 0.504 + 0.5 * 0.45
    [InlineData(1.0, 0.954)]          // every threat: 0.45 + 0.504
    public void The_threat_level_is_the_principal_threat_plus_threatMix_of_the_rest(double threatMix, double expected)
    {
        var w = Triangle(Quiet with { ThreatMix = threatMix });
        Perception.Step(w);
        Near(expected, w.ThreatLevel[0]);
    }

    [Fact]
    public void Expected_support_weighs_each_ally_by_reliability_capability_and_proximity()
    {
        // Pact 0-1 with rep_1 = 0.5: E_0 = c01 * rep_1 * M1 * pi01 = 0.7 * 0.5 * 1.0 * 1 = 0.35.
        // E_1 = c10 * rep_0 * M0 = 0.7 * 1 * 0.4 = 0.28.
        var w = Triangle(Quiet, [new InitialPact(0, 1)]);
        w.Reputation[1] = 0.5;
        Perception.Step(w);
        Near(0.35, w.ExpectedSupport[0]);
        Near(0.28, w.ExpectedSupport[1]);
        Assert.Equal(0.0, w.ExpectedSupport[2]);
    }

    [Fact]
    public void Expected_support_loses_strength_with_distance()
    {
        // 1 at (0.1, 0): E_0 = 0.7 * 1 * 1.0 * exp(-0.4).
        var w = Create(Quiet,
            [State(0, 0.4, 0.2), State(1, 1.0, 0.5, x: 0.1, revisionism: 0.5), State(2, 0.6, 0.9, revisionism: 0.2)],
            [new InitialPact(0, 1)]);
        Perception.Step(w);
        Near(0.7 * Math.Exp(-0.4), w.ExpectedSupport[0]);
    }

    [Fact]
    public void The_security_ratio_is_own_plus_allied_strength_over_the_threat_level()
    {
        // No pacts: sigma_0 = 0.4 / 0.504;  sigma_2 = 0.6 / max(0.28, 0.6) = 1.
        var w = Triangle(Quiet);
        Perception.Step(w);
        Near(0.4 / 0.504, w.Security[0]);
        Near(1.0, w.Security[2]);

        // Pact 0-1 (rep 0.5): sigma_0 = (0.4 + 0.35) / 0.504;  sigma_1 = (1.0 + 0.28) / T12 = 1.28 / 0.288.
        var allied = Triangle(Quiet, [new InitialPact(0, 1)]);
        allied.Reputation[1] = 0.5;
        Perception.Step(allied);
        Near((0.4 + 0.35) / 0.504, allied.Security[0]);
        Near(1.28 / 0.288, allied.Security[1]);
    }

    [Fact]
    public void Common_threat_is_the_cosine_similarity_of_threat_rows_and_enters_the_pact_value()
    {
        // Four states at different places and interests; the threat matrix, its row cosines and the pact values
        // v_ij = c_ij * rep_j * M_j * pi_ij * CT_ij are recomputed here from the formulas, independently of the
        // model's code. State 3's reputation is 0.6.
        double[] m = [0.4, 1.0, 0.6, 0.8], u = [0.2, 0.5, 0.9, 0.05], r = [0.1, 0.5, 0.2, 0.9];
        double[][] x = [[0, 0], [0.1, 0], [0, 0.2], [0.85, 0.9]];
        var states = Enumerable.Range(0, 4).Select(i => State(i, m[i], u[i], x[i][0], x[i][1], r[i])).ToArray();
        var w = Create(Quiet, states, [new InitialPact(1, 2)]);
        w.Reputation[3] = 0.6;
        Perception.Step(w);

        var t = new double[4, 4];
        var proximity = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                if (i == j) continue;
                double dx = Math.Abs(x[i][0] - x[j][0]), dy = Math.Abs(x[i][1] - x[j][1]);
                dx = Math.Min(dx, 1 - dx);
                dy = Math.Min(dy, 1 - dy);
                proximity[i, j] = Math.Exp(-Math.Sqrt(dx * dx + dy * dy) / 0.25);
                if ((i, j) is (1, 2) or (2, 1)) continue; // allies: no threat
                t[i, j] = m[j] * proximity[i, j] * Math.Abs(u[i] - u[j]) * (1 + r[j]);
                Near(t[i, j], w.Threat[i * 4 + j]);
            }
        }
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double dot = 0, ni = 0, nj = 0;
                for (int k = 0; k < 4; k++)
                {
                    dot += t[i, k] * t[j, k];
                    ni += t[i, k] * t[i, k];
                    nj += t[j, k] * t[j, k];
                }
                double cosine = dot / Math.Sqrt(ni * nj);
                Near(cosine, w.CommonThreat[i * 4 + j]);
                // In [0, 1] up to rounding: |T_i|^2 / (|T_i| * |T_i|) on the diagonal can exceed 1 by an ulp.
                Assert.InRange(w.CommonThreat[i * 4 + j], 0, 1 + Tolerance);
                if (i == j) continue;
                double reputation = j == 3 ? 0.6 : 1;
                Near((1 - Math.Abs(u[i] - u[j])) * reputation * m[j] * proximity[i, j] * cosine, Perception.PactValue(w, i, j));
            }
        }
    }

    [Fact]
    public void Two_states_facing_only_the_same_third_have_common_threat_one()
    {
        // 0 and 1 share interests (no threat between them) and face only 2: rows (0, 0, 1) and (0, 0, 1).
        var w = Create(Quiet, [State(0, 0.1, 0), State(1, 0.3, 0), State(2, 1, 1)]);
        Perception.Step(w);
        Near(1.0, w.CommonThreat[0 * 3 + 1]);
        // 2's row is (0.1, 0.3, 0), orthogonal to 0's row (0, 0, 1).
        Assert.Equal(0.0, w.CommonThreat[0 * 3 + 2]);
    }
}
