using Anarchy.Randomness;

namespace Anarchy.Models.Realpolitik;

/// <summary>
/// A random d-regular graph on n nodes by the pairing procedure statesim's networkx uses (Steger and Wormald): the
/// n d edge ends are shuffled and paired in order; pairs that would make a loop or a second edge go back to a pool,
/// which is shuffled and paired again; when no pair in the pool can still make a new edge, the attempt starts over.
/// Neighbours are listed in the order their edges were made.
/// </summary>
internal static class RegularGraph
{
    /// <summary>The graph's adjacency lists; throws when n d is odd or d is not below n.</summary>
    public static List<int>[] Generate(int n, int d, RandomStream random, uint purpose)
    {
        if ((long)n * d % 2 != 0 || d < 0 || d >= n)
            throw new ArgumentException($"no {d}-regular graph on {n} nodes (n d must be even and d below n)");
        for (uint attempt = 0; ; attempt++)
        {
            if (TryPair(n, d, random, purpose, attempt) is { } graph) return graph;
        }
    }

    private static List<int>[]? TryPair(int n, int d, RandomStream random, uint purpose, uint attempt)
    {
        var adjacency = new List<int>[n];
        var neighbours = new HashSet<long>();
        for (int i = 0; i < n; i++) adjacency[i] = new List<int>(d);
        var stubs = new List<int>(n * d);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < d; k++) stubs.Add(i);
        }
        uint draw = 0;
        while (stubs.Count > 0)
        {
            // Shuffle (Fisher-Yates), then pair the stubs in order; the rejected ones wait in the pool.
            for (int i = stubs.Count - 1; i > 0; i--)
            {
                int j = (int)(random.Uniform(attempt, purpose, draw++ & int.MaxValue) * (i + 1));
                (stubs[i], stubs[j]) = (stubs[j], stubs[i]);
            }
            var pool = new List<int>();
            for (int i = 0; i + 1 < stubs.Count; i += 2)
            {
                int u = stubs[i], v = stubs[i + 1];
                if (u != v && !neighbours.Contains(Key(u, v)))
                {
                    neighbours.Add(Key(u, v));
                    adjacency[u].Add(v);
                    adjacency[v].Add(u);
                }
                else
                {
                    pool.Add(u);
                    pool.Add(v);
                }
            }
            if (pool.Count > 0 && !Suitable(pool, neighbours)) return null;
            stubs = pool;
        }
        return adjacency;
    }

    /// <summary>Whether two ends in the pool belong to different nodes not yet joined.</summary>
    private static bool Suitable(List<int> pool, HashSet<long> neighbours)
    {
        var nodes = pool.Distinct().ToArray();
        for (int a = 0; a < nodes.Length; a++)
        {
            for (int b = a + 1; b < nodes.Length; b++)
            {
                if (!neighbours.Contains(Key(nodes[a], nodes[b]))) return true;
            }
        }
        return false;
    }

    private static long Key(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;
}
