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
        CheckLevel(level);

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

    /// <summary>The Student-t interval of the mean of <paramref name="values"/> (see <see cref="StudentT(RunningMoments, double)"/>).</summary>
    public static MeanInterval Of(IEnumerable<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        var moments = new RunningMoments();
        foreach (double v in values) moments.Add(v);
        return StudentT(moments, level);
    }

    /// <summary>
    /// Welch's interval for the difference of two means, mean(a) - mean(b): the standard error
    /// √(s²a/na + s²b/nb) with the Welch–Satterthwaite degrees of freedom. NaN bounds when either sample has fewer
    /// than two values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static MeanInterval Difference(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLevel(level);
        var ma = new RunningMoments();
        var mb = new RunningMoments();
        foreach (double v in a) ma.Add(v);
        foreach (double v in b) mb.Add(v);
        double difference = ma.Mean - mb.Mean;
        if (ma.Count < 2 || mb.Count < 2) return new MeanInterval(difference, double.NaN, double.NaN, ma.Count + mb.Count);
        double va = ma.Variance / ma.Count, vb = mb.Variance / mb.Count;
        double se = Math.Sqrt(va + vb);
        if (se == 0) return new MeanInterval(difference, difference, difference, ma.Count + mb.Count);
        double df = (va + vb) * (va + vb) / ((va * va / (ma.Count - 1)) + (vb * vb / (mb.Count - 1)));
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 1 - ((1 - level) / 2));
        return new MeanInterval(difference, difference - (t * se), difference + (t * se), ma.Count + mb.Count);
    }

    /// <summary>
    /// The ratio of two means, Σ numerators / Σ denominators over independent runs (such as the share of a leader's
    /// disputes in which it was entangled), with the delta-method interval: the variance of the ratio R is estimated
    /// as var(nᵢ - R dᵢ) / (k d̄²) over the k runs, and the Student-t quantile with k - 1 degrees of freedom is used.
    /// Events pooled from the same run are correlated; taking the run as the unit makes the interval honest about
    /// that. NaN when the denominators sum to zero; NaN bounds with fewer than two runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static MeanInterval Ratio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        CheckLevel(level);
        if (numerators.Count != denominators.Count)
            throw new ArgumentException($"{numerators.Count} numerators but {denominators.Count} denominators", nameof(denominators));
        int k = numerators.Count;
        double sumN = numerators.Sum(), sumD = denominators.Sum();
        if (sumD == 0) return new MeanInterval(double.NaN, double.NaN, double.NaN, k);
        double ratio = sumN / sumD;
        if (k < 2) return new MeanInterval(ratio, double.NaN, double.NaN, k);
        var residuals = new RunningMoments();
        for (int i = 0; i < k; i++) residuals.Add(numerators[i] - (ratio * denominators[i]));
        double meanD = sumD / k;
        double se = Math.Sqrt(residuals.Variance / k) / meanD;
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, k - 1, 1 - ((1 - level) / 2));
        return new MeanInterval(ratio, ratio - (t * se), ratio + (t * se), k);
    }

    private static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
    }
}
