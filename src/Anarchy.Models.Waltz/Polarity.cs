namespace Anarchy.Models.Waltz;

/// <summary>Alliance blocs (connected components of the pact graph), effective numbers of poles and hegemony.</summary>
public static class Polarity
{
    /// <summary>For each living state, the smallest index in its bloc; -1 for dead states. The array is the
    /// world's buffer, valid until the next call. Blocs depend on the pacts and the living states alone: they are
    /// found again only when a pact was formed or broken or a state died since the last call (states only die).</summary>
    public static int[] Blocs(World w) => Blocs(w, w.LivingCount());

    /// <summary><see cref="Blocs(World)"/> for a world with <paramref name="living"/> living states.</summary>
    public static int[] Blocs(World w, int living)
    {
        int n = w.N;
        var root = w.Scratch.Blocs;
        if (w.Scratch.BlocsPactVersion == w.PactVersion && w.Scratch.BlocsLiving == living) return root;
        w.Scratch.BlocsPactVersion = w.PactVersion;
        w.Scratch.BlocsLiving = living;
        for (int i = 0; i < n; i++) root[i] = w.Alive[i] ? i : -1;
        // Union-find by smallest index, so labels do not depend on the order pacts are visited.
        int Find(int x)
        {
            while (root[x] != x) x = root[x] = root[root[x]];
            return x;
        }
        for (int i = 0; i < n; i++)
        {
            if (!w.Alive[i]) continue;
            foreach (int j in w.AlliesAbove(i))
            {
                if (!w.Alive[j]) continue;
                int a = Find(i), b = Find(j);
                if (a != b) root[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        for (int i = 0; i < n; i++)
            if (root[i] >= 0) root[i] = Find(i);
        return root;
    }

    /// <summary>Blocs with two or more members.</summary>
    public static int CountAllianceBlocs(World w, int[] blocs)
    {
        var size = w.Scratch.BlocSize;
        Array.Clear(size);
        foreach (int b in blocs) if (b >= 0) size[b]++;
        int count = 0;
        foreach (int s in size) if (s >= 2) count++;
        return count;
    }

    /// <summary>1 / sum(share^2) of capability over living states.</summary>
    public static double EffectivePoles(World w)
    {
        double total = 0, squares = 0;
        for (int i = 0; i < w.N; i++) if (w.Alive[i]) total += w.Capability[i];
        if (total <= 0) return 0;
        for (int i = 0; i < w.N; i++)
        {
            if (!w.Alive[i]) continue;
            double share = w.Capability[i] / total;
            squares += share * share;
        }
        return 1 / squares;
    }

    /// <summary>Bloc capabilities indexed by bloc label (zero for labels that are not blocs); the world's buffer,
    /// valid until the next call.</summary>
    public static double[] BlocCapability(World w, int[] blocs)
    {
        var sums = w.Scratch.BlocCapability;
        Array.Clear(sums);
        for (int i = 0; i < w.N; i++) if (blocs[i] >= 0) sums[blocs[i]] += w.Capability[i];
        return sums;
    }

    /// <summary>1 / sum(share^2) of capability over alliance blocs (a state without pacts is its own bloc).</summary>
    public static double EffectiveBlocPoles(double[] blocCapability)
    {
        double total = 0, squares = 0;
        foreach (double c in blocCapability) total += c;
        if (total <= 0) return 0;
        foreach (double c in blocCapability)
        {
            double share = c / total;
            squares += share * share;
        }
        return 1 / squares;
    }

    /// <summary>True when one bloc holds more than half of all capability.</summary>
    public static bool Hegemony(double[] blocCapability)
    {
        double total = 0, max = 0;
        foreach (double c in blocCapability)
        {
            total += c;
            max = Math.Max(max, c);
        }
        return total > 0 && max > total / 2;
    }
}
