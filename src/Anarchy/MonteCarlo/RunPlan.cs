using Anarchy.Engine;
using Anarchy.Randomness;

namespace Anarchy.MonteCarlo;

/// <summary>
/// Which runs to execute, in which order, with which seeds. A run's seed derives from (master seed, point,
/// replicate) only, so any subset of a study gives the same rows wherever it runs.
/// </summary>
public sealed class RunPlan
{
    private readonly IReadOnlyList<RunKey> _keys;

    private RunPlan(IReadOnlyList<RunKey> keys) => _keys = keys;

    public int Count => _keys.Count;

    public RunKey this[int index] => _keys[index];

    /// <summary>Replicates 0 .. runs-1 of one point; run r is replicate r.</summary>
    public static RunPlan Replicates(ulong masterSeed, int runs, long point = 0) =>
        new(Enumerable.Range(0, runs).Select(r => KeyOf(masterSeed, point, r, r)).ToArray());

    /// <summary>An explicit list of runs, delivered in the given order.</summary>
    public static RunPlan FromKeys(IReadOnlyList<RunKey> keys) => new(keys);

    /// <summary>Only run <paramref name="run"/> of a plain study, to inspect it in detail.</summary>
    public static RunPlan Single(ulong masterSeed, long run, long point = 0) => new([KeyOf(masterSeed, point, run, run)]);

    /// <summary>
    /// The seed of replicate r of point p. The top bit is cleared so that seeds fit the signed 64-bit integer
    /// columns of Parquet, pandas and R.
    /// </summary>
    public static ulong SeedOf(ulong masterSeed, long point, long replicate) =>
        SeedSequence.Derive(masterSeed, (ulong)point, (ulong)replicate) & long.MaxValue;

    private static RunKey KeyOf(ulong masterSeed, long point, long run, long replicate) =>
        new(run, point, replicate, SeedOf(masterSeed, point, replicate));
}
