using Anarchy.Randomness;

namespace Anarchy.Sweeps.Designs;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979): for every factor, each of n equal strata of [0, 1)
/// holds exactly one of the n points.
/// </summary>
/// <remarks>
/// All randomness comes from <see cref="RandomStream"/> keyed by the design's seed, at tick 0 (see
/// docs/decisions/0004-sweep-designs.md):
/// <list type="bullet">
/// <item>Factor f, point i draws the 64-bit key <c>Bits(0, LatinHypercubeStratum, f, i)</c>. The points sorted by
/// (key, i), a strict total order, take strata 0, 1, …, n - 1 in that order: point i's stratum is the rank of its
/// key, so the assignment is a uniformly random permutation.</item>
/// <item>Its position within the stratum is <c>Uniform(0, LatinHypercubePosition, f, i)</c> = w, and the coordinate is
/// u = (s + w) / n for stratum s. Rounding can carry u onto the next stratum's boundary (w is as close to 1 as
/// 1 - 2^-53); u then moves by one ulp at a time until ⌊u · n⌋ = s, evaluated in double arithmetic, which is the
/// stratum definition this class guarantees and the tests check.</item>
/// </list>
/// A coordinate depends only on (seed, f, i, n), not on the order in which points or factors are generated.
/// </remarks>
public static class LatinHypercube
{
    /// <summary>A Latin hypercube sample in the unit cube [0, 1)^d.</summary>
    /// <param name="dimensions">The number of coordinates, at least 1.</param>
    /// <param name="samples">The number of points n (and of strata), from 1 to 2^31 - 1.</param>
    /// <param name="seed">The seed of the stream the sample is drawn from.</param>
    /// <returns>Point i, coordinate f at <c>[i][f]</c>, points in index order i = 0 … n - 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> or <paramref name="samples"/> is below 1.</exception>
    public static double[][] UnitPoints(int dimensions, int samples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);

        var stream = new RandomStream(seed);
        var points = new double[samples][];
        for (var i = 0; i < samples; i++)
        {
            points[i] = new double[dimensions];
        }

        var order = new (ulong Key, int Point)[samples];
        for (var f = 0; f < dimensions; f++)
        {
            for (var i = 0; i < samples; i++)
            {
                order[i] = (stream.Bits(0, (uint)SweepDrawPurpose.LatinHypercubeStratum, (uint)f, (uint)i), i);
            }

            // Value tuples compare by key, then by point index: a strict total order, so ties cannot make the
            // permutation depend on the sorting algorithm.
            Array.Sort(order);
            for (var stratum = 0; stratum < samples; stratum++)
            {
                var i = order[stratum].Point;
                var position = stream.Uniform(0, (uint)SweepDrawPurpose.LatinHypercubePosition, (uint)f, (uint)i);
                points[i][f] = InStratum(stratum, samples, position);
            }
        }

        return points;
    }

    /// <summary>
    /// A Latin hypercube sample of the factors: <see cref="UnitPoints"/> with one coordinate per factor, mapped by
    /// <see cref="Factor.FromUnit"/>. An integer factor or one with levels receives each value in proportion to its
    /// share of [0, 1).
    /// </summary>
    /// <param name="factors">The factors, at least one, valid (<see cref="Factor.Validate"/>).</param>
    /// <param name="samples">The number of points, from 1 to 2^31 - 1.</param>
    /// <param name="seed">The seed of the stream the sample is drawn from.</param>
    /// <returns>Point i, factor f at <c>[i][f]</c>.</returns>
    /// <exception cref="ArgumentException">The factors are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1.</exception>
    public static double[][] Points(IReadOnlyList<Factor> factors, int samples, ulong seed)
    {
        Factor.ThrowIfInvalid(factors, nameof(factors));
        var points = UnitPoints(factors.Count, samples, seed);
        foreach (var point in points)
        {
            for (var f = 0; f < point.Length; f++)
            {
                point[f] = factors[f].FromUnit(point[f]);
            }
        }

        return points;
    }

    /// <summary>(stratum + position) / strata, moved by whole ulps until ⌊u · strata⌋ = stratum.</summary>
    internal static double InStratum(int stratum, int strata, double position)
    {
        var u = (stratum + position) / strata;
        while (Math.Floor(u * strata) > stratum)
        {
            u = Math.BitDecrement(u);
        }

        while (Math.Floor(u * strata) < stratum)
        {
            u = Math.BitIncrement(u);
        }

        return u;
    }
}
