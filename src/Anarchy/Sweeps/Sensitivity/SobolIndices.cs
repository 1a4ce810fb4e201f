using Anarchy.Randomness;
using Anarchy.Statistics;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Sweeps.Sensitivity;

/// <summary>
/// First-order and total Sobol sensitivity indices of a model output, estimated from the outputs at the points of a
/// Saltelli design (<see cref="Saltelli"/>), with bootstrap percentile intervals.
/// </summary>
/// <remarks>
/// <para>
/// With f(A_j), f(B_j) and f(AB_ij) the outputs at row j of A, B and AB_i, and V the variance of the 2N outputs
/// f(A_j) and f(B_j) together (divisor 2N, as SALib computes it):
/// </para>
/// <list type="bullet">
/// <item>first order (Saltelli et al. 2010, table 2 (b)): S_i = (1/N) Σ_j f(B_j)·(f(AB_ij) - f(A_j)) / V;</item>
/// <item>total (Jansen 1999): ST_i = (1/2N) Σ_j (f(A_j) - f(AB_ij))² / V.</item>
/// </list>
/// <para>
/// All outputs are first centred on their common mean (over A, B and every AB_i), as SALib's <c>sobol.analyze</c>
/// does. A constant added to f leaves the expectation of the first-order estimator unchanged but adds to its variance
/// a term proportional to the constant squared; centring makes the estimates independent of the output's offset. V and ST_i involve only
/// differences and are unaffected.
/// </para>
/// <para>
/// The interval of each index is the percentile interval of R bootstrap replicates. Replicate r draws N base rows
/// with replacement, row k being ⌊2^-64 · Bits(0, BootstrapRow, r, k) · N⌋ (the high word of a 64 × 64-bit product,
/// exact and unbiased to within N / 2^64) from the <see cref="RandomStream"/> keyed by the seed; the replicate
/// recomputes V and every index from those rows, so the indices of one replicate share its rows. Bounds are
/// quantiles (1 - level) / 2 and (1 + level) / 2 of the replicates (<see cref="Descriptive.Quantile"/>). The
/// bootstrap treats base rows as independent; for Sobol points, whose errors are smaller than independent
/// sampling's, the intervals are conservative.
/// </para>
/// <para>
/// Estimates are not clipped to [0, 1]: values slightly below 0 or above 1 signal sampling error. An output that
/// does not vary (V = 0) gives NaN indices, and a NaN output makes every index and bound NaN.
/// </para>
/// </remarks>
public sealed class SobolIndices
{
    /// <summary>The bootstrap seed used when none is given.</summary>
    public const ulong DefaultSeed = 0;

    private SobolIndices(SensitivityIndex[] firstOrder, SensitivityIndex[] total, double variance, int baseSamples, int resamples, double level)
    {
        FirstOrder = firstOrder;
        Total = total;
        Variance = variance;
        BaseSamples = baseSamples;
        Resamples = resamples;
        Level = level;
    }

    /// <summary>The first-order index S_i of each factor i.</summary>
    public IReadOnlyList<SensitivityIndex> FirstOrder { get; }

    /// <summary>The total index ST_i of each factor i.</summary>
    public IReadOnlyList<SensitivityIndex> Total { get; }

    /// <summary>The output variance V over the A and B outputs (divisor 2N).</summary>
    public double Variance { get; }

    /// <summary>The number of base samples N.</summary>
    public int BaseSamples { get; }

    /// <summary>The number of bootstrap replicates R.</summary>
    public int Resamples { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>Estimates the indices from the outputs at the rows of A, B and each AB_i.</summary>
    /// <param name="yA">f(A_j), j = 0 … N - 1; N at least 2.</param>
    /// <param name="yB">f(B_j), the same length.</param>
    /// <param name="yAB">f(AB_ij) at <c>[i][j]</c>: one array of length N per factor, at least one factor.</param>
    /// <param name="bootstrap">The number of bootstrap replicates R, at least 0; 0 gives NaN bounds.</param>
    /// <param name="seed">The seed of the stream that draws the replicates' rows.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The indices, factor i at index i.</returns>
    /// <exception cref="ArgumentException">Fewer than two base samples, no factor, or arrays of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative number of replicates, or a level outside (0, 1).</exception>
    public static SobolIndices Estimate(
        double[] yA, double[] yB, double[][] yAB, int bootstrap = 1000, ulong seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(yA);
        ArgumentNullException.ThrowIfNull(yB);
        ArgumentNullException.ThrowIfNull(yAB);
        var n = yA.Length;
        if (n < 2)
        {
            throw new ArgumentException("Sobol indices need at least two base samples.", nameof(yA));
        }

        if (yB.Length != n)
        {
            throw new ArgumentException($"yB has {yB.Length} outputs but yA has {n}.", nameof(yB));
        }

        if (yAB.Length == 0)
        {
            throw new ArgumentException("Sobol indices need the outputs of at least one AB_i matrix.", nameof(yAB));
        }

        for (var i = 0; i < yAB.Length; i++)
        {
            if (yAB[i] is null || yAB[i].Length != n)
            {
                throw new ArgumentException($"yAB[{i}] must have {n} outputs, as yA has.", nameof(yAB));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(bootstrap);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        }

        // Centre every output on the mean of all of them, as SALib does: a shift of the outputs leaves the expectation
        // of the first-order estimator unchanged but adds a term proportional to its square to the estimator's
        // variance. V and the total index depend only on differences and are unaffected.
        var d = yAB.Length;
        var centre = (SumOf(yA) + SumOf(yB) + yAB.Sum(SumOf)) / ((double)n * (d + 2));
        yA = Centred(yA, centre);
        yB = Centred(yB, centre);
        yAB = yAB.Select(y => Centred(y, centre)).ToArray();

        var rows = new int[n];
        for (var k = 0; k < n; k++)
        {
            rows[k] = k;
        }

        var first = new double[d];
        var total = new double[d];
        var variance = Compute(yA, yB, yAB, rows, first, total);

        var firstReplicates = new double[d][];
        var totalReplicates = new double[d][];
        for (var i = 0; i < d; i++)
        {
            firstReplicates[i] = new double[bootstrap];
            totalReplicates[i] = new double[bootstrap];
        }

        var stream = new RandomStream(seed);
        var firstOfReplicate = new double[d];
        var totalOfReplicate = new double[d];
        for (var r = 0; r < bootstrap; r++)
        {
            for (var k = 0; k < n; k++)
            {
                var bits = stream.Bits(0, (uint)SweepDrawPurpose.BootstrapRow, (uint)r, (uint)k);
                rows[k] = (int)Math.BigMul(bits, (ulong)n, out _);
            }

            Compute(yA, yB, yAB, rows, firstOfReplicate, totalOfReplicate);
            for (var i = 0; i < d; i++)
            {
                firstReplicates[i][r] = firstOfReplicate[i];
                totalReplicates[i][r] = totalOfReplicate[i];
            }
        }

        var firstOrder = new SensitivityIndex[d];
        var totalOrder = new SensitivityIndex[d];
        for (var i = 0; i < d; i++)
        {
            firstOrder[i] = WithInterval(first[i], firstReplicates[i], level);
            totalOrder[i] = WithInterval(total[i], totalReplicates[i], level);
        }

        return new SobolIndices(firstOrder, totalOrder, variance, n, bootstrap, level);
    }

    /// <summary>
    /// Estimates the indices from outputs listed in the order of <see cref="Saltelli.Points"/>: blocks of d + 2 per base
    /// sample, [f(A_j), f(B_j), f(AB_0j), …, f(AB_(d-1)j)].
    /// </summary>
    /// <param name="outputsInDesignOrder">The output at each design point, in design order: N·(d + 2) values, N at least 2.</param>
    /// <param name="factors">The number of factors d, at least 1.</param>
    /// <param name="bootstrap">The number of bootstrap replicates, at least 0.</param>
    /// <param name="seed">The seed of the stream that draws the replicates' rows.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The indices, factor i at index i.</returns>
    /// <exception cref="ArgumentException">The number of outputs is not a multiple of d + 2, or gives fewer than two base samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one factor, a negative number of replicates, or a level outside (0, 1).</exception>
    public static SobolIndices FromSaltelliOutputs(
        double[] outputsInDesignOrder, int factors, int bootstrap = 1000, ulong seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outputsInDesignOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var block = factors + 2;
        if (outputsInDesignOrder.Length % block != 0)
        {
            throw new ArgumentException(
                $"{outputsInDesignOrder.Length} outputs do not form whole blocks of d + 2 = {block} (A, B and one AB_i per factor).",
                nameof(outputsInDesignOrder));
        }

        var n = outputsInDesignOrder.Length / block;
        var yA = new double[n];
        var yB = new double[n];
        var yAB = new double[factors][];
        for (var i = 0; i < factors; i++)
        {
            yAB[i] = new double[n];
        }

        for (var j = 0; j < n; j++)
        {
            var start = j * block;
            yA[j] = outputsInDesignOrder[start];
            yB[j] = outputsInDesignOrder[start + 1];
            for (var i = 0; i < factors; i++)
            {
                yAB[i][j] = outputsInDesignOrder[start + 2 + i];
            }
        }

        return Estimate(yA, yB, yAB, bootstrap, seed, level);
    }

    /// <summary>V and every factor's S_i and ST_i over the base rows listed in <paramref name="rows"/>.</summary>
    private static double Compute(double[] yA, double[] yB, double[][] yAB, int[] rows, double[] first, double[] total)
    {
        var n = rows.Length;
        var sum = 0.0;
        foreach (var j in rows)
        {
            sum += yA[j] + yB[j];
        }

        var mean = sum / (2.0 * n);
        var squares = 0.0;
        foreach (var j in rows)
        {
            var da = yA[j] - mean;
            var db = yB[j] - mean;
            squares += (da * da) + (db * db);
        }

        var variance = squares / (2.0 * n);
        for (var i = 0; i < yAB.Length; i++)
        {
            var ab = yAB[i];
            var firstSum = 0.0;
            var totalSum = 0.0;
            foreach (var j in rows)
            {
                firstSum += yB[j] * (ab[j] - yA[j]);
                var difference = yA[j] - ab[j];
                totalSum += difference * difference;
            }

            // With no variance (a constant output, or a resample of identical rows) the shares are undefined.
            first[i] = variance > 0 ? firstSum / n / variance : double.NaN;
            total[i] = variance > 0 ? totalSum / (2.0 * n) / variance : double.NaN;
        }

        return variance;
    }

    private static double SumOf(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static double[] Centred(double[] values, double centre)
    {
        var centred = new double[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            centred[k] = values[k] - centre;
        }

        return centred;
    }

    private static SensitivityIndex WithInterval(double value, double[] replicates, double level)
    {
        if (replicates.Length == 0)
        {
            return new SensitivityIndex(value, double.NaN, double.NaN);
        }

        // Array.Sort puts NaN first: a replicate with a NaN output leaves the interval undefined.
        Array.Sort(replicates);
        if (double.IsNaN(replicates[0]))
        {
            return new SensitivityIndex(value, double.NaN, double.NaN);
        }

        var tail = (1 - level) / 2;
        return new SensitivityIndex(value, Descriptive.Quantile(replicates, tail), Descriptive.Quantile(replicates, 1 - tail));
    }
}
