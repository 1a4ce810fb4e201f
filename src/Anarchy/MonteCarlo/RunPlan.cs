using Anarchy.Engine;
using Anarchy.Randomness;

namespace Anarchy.MonteCarlo;

/// <summary>
/// Which runs to execute, in which order, with which seeds. A run's seed derives from (master seed, point,
/// replicate) only, so any subset of a study gives the same rows wherever it runs. A plan computes each run's key
/// when it is asked for, so its memory does not depend on how many runs it holds.
/// </summary>
public sealed class RunPlan
{
    private readonly Func<long, RunKey> _key;

    private RunPlan(long count, Func<long, RunKey> key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _key = key;
    }

    /// <summary>The number of runs.</summary>
    public long Count { get; }

    /// <summary>The key of the run at <paramref name="index"/> (0-based, in delivery order).</summary>
    public RunKey this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _key(index);
        }
    }

    /// <summary>Replicates 0 .. runs-1 of one point; run r is replicate r.</summary>
    public static RunPlan Replicates(ulong masterSeed, long runs, long point = 0) =>
        new(runs, r => KeyOf(masterSeed, point, r, r));

    /// <summary>An explicit list of runs, delivered in the given order.</summary>
    public static RunPlan FromKeys(IReadOnlyList<RunKey> keys) => new(keys.Count, i => keys[(int)i]);

    /// <summary><paramref name="count"/> runs whose keys a function gives, delivered in index order.</summary>
    public static RunPlan FromFunction(long count, Func<long, RunKey> key) => new(count, key);

    /// <summary>Only run <paramref name="run"/> of a plain study, to inspect it in detail.</summary>
    public static RunPlan Single(ulong masterSeed, long run, long point = 0) => new(1, _ => KeyOf(masterSeed, point, run, run));

    /// <summary>
    /// The seed of replicate r of point p. The top bit is cleared so that seeds fit the signed 64-bit integer
    /// columns of Parquet, pandas and R.
    /// </summary>
    public static ulong SeedOf(ulong masterSeed, long point, long replicate) =>
        SeedSequence.Derive(masterSeed, (ulong)point, (ulong)replicate) & long.MaxValue;

    private static RunKey KeyOf(ulong masterSeed, long point, long run, long replicate) =>
        new(run, point, replicate, SeedOf(masterSeed, point, replicate));
}
