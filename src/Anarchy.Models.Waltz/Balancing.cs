namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 3: insecure states balance internally (raise the burden) or externally (seek an ally), as their doctrine
/// decides; secure states take a peace dividend; Adaptive states imitate their most successful neighbour
/// (docs/MODEL.md, "Balancing").
/// </summary>
internal static class Balancing
{
    public static void Step(World w)
    {
        var p = w.Parameters;
        for (int i = 0; i < w.N; i++)
        {
            w.Seeking[i] = false;
            w.ChoseExternal[i] = false;
            if (!w.Alive[i]) continue;
            if (w.Security[i] < 1)
            {
                bool external = ChooseExternal(w, i);
                w.ChoseExternal[i] = external;
                if (external)
                    w.Seeking[i] = true;
                else
                    w.Burden[i] = Math.Min(p.MaxBurden, w.Burden[i] + p.BurdenStep);
            }
            else if (w.Security[i] > p.SecureRatio)
            {
                w.Burden[i] = Math.Max(p.MinBurden, w.Burden[i] - p.BurdenStep);
            }
        }
        Imitate(w);
    }

    /// <summary>True when state i balances externally this tick.</summary>
    private static bool ChooseExternal(World w, int i)
    {
        var p = w.Parameters;
        bool mayAlly = w.PactCount[i] < p.MaxPacts;
        switch (w.Doctrine[i])
        {
            case Doctrine.Internal:
                return false;
            case Doctrine.External:
                return mayAlly;
            case Doctrine.Adaptive:
                return mayAlly && w.Random.Uniform((uint)w.Tick, (uint)DrawPurpose.AdaptiveChoice, (uint)i) < w.ExternalProbability[i];
            default:
                if (!mayAlly) return false;
                // Capability per unit of wealth flow: a permanent burden step buys a stock of 1 / (cost * depreciation).
                double internalValue = 1 / (p.InternalCost * p.Depreciation);
                return BestExternalValue(w, i) > internalValue;
        }
    }

    /// <summary>
    /// The Strategic doctrine's external value: over eligible candidates, the largest v_ij divided by the upkeep
    /// it costs, priced up by the risk z_j = theta_j / (M_j + theta_j) of being drawn into j's disputes.
    /// </summary>
    public static double BestExternalValue(World w, int i)
    {
        var p = w.Parameters;
        double best = 0, upkeep = p.PactUpkeep * w.Wealth[i];
        if (!AllianceFormation.MayAlly(w, i)) return best;
        for (int j = 0; j < w.N; j++)
        {
            if (!AllianceFormation.EligiblePartner(w, i, j)) continue;
            double v = w.PactValues[i * w.N + j];
            if (v <= 0) continue;
            double z = w.ThreatLevel[j] / (w.Capability[j] + w.ThreatLevel[j] + p.Epsilon);
            double value = v / (upkeep * (1 + z) + p.Epsilon);
            if (value > best) best = value;
        }
        return best;
    }

    /// <summary>
    /// All Adaptive states update at once: p moves imitationRate of the way toward the p of the most successful of
    /// its nearest living neighbours (highest growth this tick; ties to the lower index), plus noise, clamped.
    /// </summary>
    private static void Imitate(World w)
    {
        // Without an Adaptive state nothing changes (the doctrines are read from a plain array: a quick check).
        if (Array.IndexOf(w.Doctrine, Doctrine.Adaptive) < 0) return;
        var p = w.Parameters;
        int n = w.N;
        Span<double> updated = n <= 256 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            updated[i] = w.ExternalProbability[i];
            if (!w.Alive[i] || w.Doctrine[i] != Doctrine.Adaptive) continue;
            int best = -1, seen = 0;
            for (int r = 0; r < n - 1 && seen < p.Neighbours; r++)
            {
                int j = w.NeighbourOrder[i * (n - 1) + r];
                if (!w.Alive[j]) continue;
                seen++;
                if (best < 0 || w.GrowthRate[j] > w.GrowthRate[best] || (w.GrowthRate[j] == w.GrowthRate[best] && j < best))
                    best = j;
            }
            if (best < 0) continue;
            double target = w.Doctrine[best] switch
            {
                Doctrine.Adaptive => w.ExternalProbability[best],
                Doctrine.External => 1,
                Doctrine.Internal => 0,
                _ => w.ChoseExternal[best] ? 1 : 0,
            };
            double noise = p.ImitationNoise * w.Random.Normal((uint)w.Tick, (uint)DrawPurpose.AdaptiveNoise, (uint)i);
            double next = w.ExternalProbability[i] + p.ImitationRate * (target - w.ExternalProbability[i]) + noise;
            updated[i] = Math.Clamp(next, 0, 1);
        }
        updated.CopyTo(w.ExternalProbability);
    }
}
