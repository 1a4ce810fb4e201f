using MathNet.Numerics.Distributions;

namespace Anarchy.Statistics;

/// <summary>A sample mean with a two-sided confidence interval.</summary>
/// <param name="Mean">The sample mean (NaN when there are no values).</param>
/// <param name="Lower">The lower bound (NaN with fewer than two values).</param>
/// <param name="Upper">The upper bound (NaN with fewer than two values).</param>
/// <param name="Count">The number of values.</param>
public readonly record struct MeanInterval(double Mean, double Lower, double Upper, long Count)
{
    /// <summary>Half the width of the interval; NaN when the bounds are.</summary>
    public double HalfWidth => (Upper - Lower) / 2;

    /// <summary>
    /// The Student-t interval for the mean: mean ± t(1 - (1 - level) / 2; n - 1) · s / √n, where s is the sample
    /// standard deviation. It assumes independent values and an approximately normal sampling distribution of the
    /// mean, which holds for independent replications of a simulation with a moderate number of runs.
    /// </summary>
    /// <remarks>
    /// With fewer than two values the spread is unknown, so both bounds are NaN rather than a misleading zero-width
    /// interval; the mean is still reported (NaN when there are no values). Values with no spread give Lower = Upper = Mean.
    /// </remarks>
    /// <param name="moments">The accumulated values.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static MeanInterval StudentT(RunningMoments moments, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(moments);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        }

        var n = moments.Count;
        var mean = moments.Mean;
        if (n < 2)
        {
            return new MeanInterval(mean, double.NaN, double.NaN, n);
        }

        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        var halfWidth = t * moments.StandardDeviation / Math.Sqrt(n);
        return new MeanInterval(mean, mean - halfWidth, mean + halfWidth, n);
    }
}
