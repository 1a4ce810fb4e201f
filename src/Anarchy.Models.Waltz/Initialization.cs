using Anarchy.Randomness;

namespace Anarchy.Models.Waltz;

/// <summary>Builds the world at tick 0 from a scenario and a run seed (docs/MODEL.md, "Initialization").</summary>
public static class Initialization
{
    /// <summary>The initial world of one run.</summary>
    public static World Create(Scenario scenario, ulong seed) => Fill(new World(scenario, seed));

    /// <summary>Fills a freshly constructed world (its own storage, or a lane of a batch) with its initial state.</summary>
    internal static World Fill(World w)
    {
        var scenario = w.Scenario;
        var p = w.Parameters;
        var rng = w.Random;
        int n = w.N, k = w.K;
        var overrides = new StateOverride?[n];
        foreach (var o in scenario.StateOverrides) overrides[o.State] = o;

        // Wealth: log-normal with mean 1; a polarity preset gives the first `poles` states poleShare of the total.
        double mu = -p.WealthSigma * p.WealthSigma / 2;
        for (int i = 0; i < n; i++)
            w.Wealth[i] = Distributions.LogNormal(rng, mu, p.WealthSigma, 0, (uint)DrawPurpose.InitialWealth, (uint)i);
        if (scenario.Poles > 0 && scenario.Poles < n)
        {
            double rest = 0;
            for (int i = scenario.Poles; i < n; i++) rest += w.Wealth[i];
            double each = scenario.PoleShare / (1 - scenario.PoleShare) * rest / scenario.Poles;
            for (int i = 0; i < scenario.Poles; i++) w.Wealth[i] = each;
        }
        else if (scenario.Poles == n)
        {
            for (int i = 0; i < n; i++) w.Wealth[i] = 1;
        }

        for (int i = 0; i < n; i++)
        {
            var o = overrides[i];
            if (o?.Wealth is { } wealth) w.Wealth[i] = wealth;
            w.InitialWealth[i] = w.Wealth[i];
            w.Capability[i] = o?.Capability ?? p.InitialMilitaryShare * w.Wealth[i];
            w.Burden[i] = p.InitialBurden;
            w.Alive[i] = true;
            w.WarOf[i] = -1;
            w.Doctrine[i] = o?.Doctrine ?? scenario.Doctrine;
            w.ExternalProbability[i] = p.InitialExternalProbability;
            w.Reputation[i] = 1;
            w.Revisionism[i] = o?.Revisionism ??
                Distributions.Beta(rng, p.RevisionismAlpha, p.RevisionismBeta, 0, (uint)DrawPurpose.InitialRevisionism, (uint)i);
            if (o?.Location is { } x)
            {
                w.Location[2 * i] = x[0];
                w.Location[2 * i + 1] = x[1];
            }
            else
            {
                w.Location[2 * i] = rng.Uniform(0, (uint)DrawPurpose.InitialLocation, (uint)i, 0);
                w.Location[2 * i + 1] = rng.Uniform(0, (uint)DrawPurpose.InitialLocation, (uint)i, 1);
            }
        }
        InitialInterests(w, overrides);

        // Static geometry: proximity and each state's neighbours by distance (strict order: distance, then index).
        // Power projection flattens the loss-of-strength gradient of a dyad with a strong member (docs/MODEL.md 5.6).
        var gradient = Geometry.ProjectionFactors(w, p.Projection);
        var distance = new double[n * n];
        // Only Adaptive states imitate their neighbours: without them the order is never read.
        bool imitating = w.Doctrine.Contains(Doctrine.Adaptive);
        // Both distances are symmetric to the bit (differences enter squared), and so the proximities: each pair is
        // computed once, from the lower index.
        for (int i = 0; i < n; i++)
        {
            w.Proximity[i * n + i] = 1;
            for (int j = i + 1; j < n; j++)
            {
                double d = scenario.Geography == Geography.Torus
                    ? Geometry.TorusDistance(w.Location[2 * i], w.Location[2 * i + 1], w.Location[2 * j], w.Location[2 * j + 1])
                    : Geometry.GreatCircleDistance(w.Location[2 * i], w.Location[2 * i + 1], w.Location[2 * j], w.Location[2 * j + 1]);
                distance[i * n + j] = distance[j * n + i] = d;
                w.Proximity[i * n + j] = w.Proximity[j * n + i] = Geometry.Proximity(d, p.LossGradient * Math.Max(gradient[i], gradient[j]));
            }
        }
        for (int i = 0; i < n && imitating; i++)
        {
            var others = Enumerable.Range(0, n).Where(j => j != i).ToArray();
            Array.Sort(others, (a, b) =>
            {
                int c = distance[i * n + a].CompareTo(distance[i * n + b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            others.CopyTo(w.NeighbourOrder, i * (n - 1));
        }

        foreach (var pact in scenario.Pacts)
        {
            if (w.Doctrine[pact.A] == Doctrine.Internal || w.Doctrine[pact.B] == Doctrine.Internal)
                continue; // Internal states steer clear of permanent alliances.
            w.FormPact(pact.A, pact.B, pact.Age);
        }

        w.Leader = scenario.Leader ?? LargestCapability(w);
        return w;
    }

    private static void InitialInterests(World w, StateOverride?[] overrides)
    {
        var p = w.Parameters;
        var rng = w.Random;
        int blocs = p.InterestBlocs;
        for (int i = 0; i < w.N; i++)
        {
            for (int d = 0; d < w.K; d++)
            {
                double u;
                if (overrides[i]?.Interests is { } given)
                    u = given[d];
                else if (blocs > 0)
                {
                    double centre = rng.Uniform(0, (uint)DrawPurpose.BlocCentre, (uint)(i % blocs), (uint)d);
                    u = Math.Clamp(centre + p.InterestSpread * rng.Normal(0, (uint)DrawPurpose.InitialInterest, (uint)i, (uint)d), 0, 1);
                }
                else
                    u = rng.Uniform(0, (uint)DrawPurpose.InitialInterest, (uint)i, (uint)d);
                w.Interests[i * w.K + d] = u;
            }
        }
    }

    private static int LargestCapability(World w)
    {
        int best = 0;
        for (int i = 1; i < w.N; i++)
        {
            if (w.Capability[i] > w.Capability[best]) best = i;
        }
        return best;
    }
}
