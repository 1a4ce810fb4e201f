namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 2: compatibility, threat, threat level, expected allied support, security ratio and common threat for every
/// living state (docs/MODEL.md, "Derived quantities"). Sums run in ascending index order.
/// </summary>
internal static class Perception
{
    public static void Step(World w)
    {
        var p = w.Parameters;
        int n = w.N;
        double sqrtK = Math.Sqrt(w.K);

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                w.Compatibility[i * n + j] = i == j ? 1 : 1 - InterestDistance(w, i, j) / sqrtK;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double max = 0, sum = 0, squares = 0;
            int principal = -1;
            for (int j = 0; j < n; j++)
            {
                double t = 0;
                if (w.Alive[i] && w.Alive[j] && i != j && !w.Allied(i, j))
                {
                    double hostility = (1 - w.Compatibility[i * n + j]) * (1 + p.Eta * w.Revisionism[j]);
                    t = w.Capability[j] * w.Proximity[i * n + j] * hostility;
                }
                w.Threat[i * n + j] = t;
                if (t > max) principal = j;
                max = Math.Max(max, t);
                sum += t;
                squares += t * t;
            }
            w.PrincipalThreat[i] = principal;
            w.ThreatNorm[i] = Math.Sqrt(squares);
            w.ThreatLevel[i] = max + p.ThreatMix * (sum - max);

            double support = 0;
            foreach (int a in w.Allies(i))
            {
                if (w.Alive[a])
                    support += w.Rho(i, a) * w.Capability[a] * w.Proximity[i * n + a];
            }
            w.ExpectedSupport[i] = support;
            w.Security[i] = (w.Capability[i] + support) / (w.ThreatLevel[i] + p.Epsilon);
        }

        // Common threat: cosine similarity of threat rows, the O(N^3) product T T'. Fused multiply-adds in
        // ascending k: the batched kernel performs exactly these operations.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < n; k++)
                    dot = Math.FusedMultiplyAdd(w.Threat[i * n + k], w.Threat[j * n + k], dot);
                w.CommonThreat[i * n + j] = dot / (w.ThreatNorm[i] * w.ThreatNorm[j] + p.Epsilon);
            }
        }

        // Alliance valuation, read by balancing and formation: each pact's value to i and to j, from i's row.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                w.PactValues[i * n + j] = PactValue(w, i, j);
                w.PartnerValues[i * n + j] = PactValueToPartner(w, i, j);
            }
        }
    }

    /// <summary>Euclidean distance between two states' interests.</summary>
    public static double InterestDistance(World w, int i, int j)
    {
        double squares = 0;
        for (int d = 0; d < w.K; d++)
        {
            double diff = w.Interests[i * w.K + d] - w.Interests[j * w.K + d];
            squares += diff * diff;
        }
        return Math.Sqrt(squares);
    }

    /// <summary>
    /// Alliance valuation, read in steps 3 to 5: the capability i gains from a pact with j, v_ij = rho_ij * M_j *
    /// pi_ij * CT_ij, from what step 2 perceived (nothing it reads changes between step 2 and step 5). Step 2
    /// tabulates it (<see cref="World.PactValues"/>) for balancing and formation; dissolution computes it for pacts.
    /// </summary>
    public static double PactValue(World w, int i, int j) =>
        w.Rho(i, j) * w.Capability[j] * w.Proximity[i * w.N + j] * w.CommonThreat[i * w.N + j];

    /// <summary>
    /// The same pact's value to its other member, v_ji, read from i's row: compatibility, proximity and common
    /// threat are symmetric bit for bit (each is computed from its pair by operations that do not depend on the
    /// order of the two; a test checks it), so c_ji * r_i * M_i * pi_ji * CT_ji has the bits of this product. One
    /// row instead of a column of three matrices: in a batch a column is a cache line per element.
    /// </summary>
    public static double PactValueToPartner(World w, int i, int j) =>
        w.Compatibility[i * w.N + j] * w.Reputation[i] * w.Capability[i] * w.Proximity[i * w.N + j] * w.CommonThreat[i * w.N + j];

    /// <summary>The contest function A^g / (A^g + B^g); one half when both sides are nothing. With g = 1 the powers
    /// are the strengths themselves (<see cref="Numerics.ExactMath.Pow"/> returns x exactly for y = 1), so they are
    /// not computed.</summary>
    public static double WinChance(double a, double b, double gamma)
    {
        double ag = a > 0 ? (gamma == 1 ? a : Numerics.ExactMath.Pow(a, gamma)) : 0;
        double bg = b > 0 ? (gamma == 1 ? b : Numerics.ExactMath.Pow(b, gamma)) : 0;
        double total = ag + bg;
        return total > 0 ? ag / total : 0.5;
    }
}
