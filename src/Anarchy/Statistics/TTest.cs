namespace Anarchy.Statistics;

/// <summary>
/// A two-sided Student-t test of a mean, a paired difference, a difference of two means (Welch) or a ratio of sums
/// (delta method) against a null value: the same estimate, standard error and degrees of freedom as the matching
/// interval of <see cref="MeanInterval"/>, so that the 95% interval excludes <see cref="Null"/> exactly when
/// <see cref="P"/> is below 0.05 (up to the last digits of the t quantile).
/// </summary>
/// <param name="Estimate">The mean, mean difference or ratio (NaN when undefined).</param>
/// <param name="Null">The value under the null hypothesis.</param>
/// <param name="StandardError">The estimate's standard error (NaN with too few values).</param>
/// <param name="DegreesOfFreedom">The degrees of freedom of the t distribution (NaN with too few values).</param>
/// <param name="Statistic">t = (estimate - null) / standard error; ±∞ or 0 when the standard error is 0.</param>
/// <param name="P">The two-sided p-value, 2 P(T ≥ |t|); NaN when the test is undefined.</param>
/// <param name="Count">The number of values (as <see cref="MeanInterval.Count"/> of the matching interval).</param>
public readonly record struct TTest(double Estimate, double Null, double StandardError, double DegreesOfFreedom, double Statistic, double P, long Count)
{
    /// <summary>
    /// Whether the estimate lies above the null value (+1), below it (-1), or neither (0, also when NaN); with a
    /// significant p-value, the direction of the finding.
    /// </summary>
    public int Sign => Estimate > Null ? 1 : Estimate < Null ? -1 : 0;

    /// <summary>
    /// The two-sided interval of the estimate, estimate ± t(1 - (1 - level) / 2; df) · standard error: the interval of
    /// <see cref="MeanInterval"/> that matches the test. NaN bounds when the test is undefined.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public MeanInterval Interval(double level = 0.95)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        if (double.IsNaN(StandardError) || double.IsNaN(DegreesOfFreedom)) return new MeanInterval(Estimate, double.NaN, double.NaN, Count);
        if (StandardError == 0) return new MeanInterval(Estimate, Estimate, Estimate, Count);
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, DegreesOfFreedom, 1 - ((1 - level) / 2));
        return new MeanInterval(Estimate, Estimate - (t * StandardError), Estimate + (t * StandardError), Count);
    }

    /// <summary>
    /// The one-sample t test of mean(<paramref name="values"/>) = <paramref name="mu"/> (R: <c>t.test(x, mu = mu)</c>):
    /// t = (x̄ - μ) / (s / √n) with n - 1 degrees of freedom. It assumes independent values and an approximately normal
    /// sampling distribution of the mean, as <see cref="MeanInterval.StudentT"/> does.
    /// </summary>
    /// <remarks>
    /// With fewer than two values the test is undefined (NaN p-value). Values without spread have a zero standard
    /// error: the p-value is then 1 if the mean equals <paramref name="mu"/> and 0 otherwise, which is what the
    /// zero-width interval of <see cref="MeanInterval"/> says about them.
    /// </remarks>
    public static TTest OneSample(IEnumerable<double> values, double mu = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        var moments = new RunningMoments();
        foreach (double v in values) moments.Add(v);
        long n = moments.Count;
        if (n < 2) return Undefined(moments.Mean, mu, n);
        return Make(moments.Mean, mu, moments.StandardDeviation / Math.Sqrt(n), n - 1, n);
    }

    /// <summary>
    /// The paired t test of mean(a - b) = <paramref name="mu"/> (R: <c>t.test(a, b, paired = TRUE)</c>): the one-sample
    /// test of the differences aᵢ - bᵢ. The i-th values of the two samples must belong together (the same run seed).
    /// </summary>
    /// <exception cref="ArgumentException">The samples have different lengths.</exception>
    public static TTest Paired(IReadOnlyList<double> a, IReadOnlyList<double> b, double mu = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"{a.Count} and {b.Count} values cannot be paired", nameof(b));
        return OneSample(a.Select((x, i) => x - b[i]), mu);
    }

    /// <summary>
    /// Welch's two-sample t test of mean(a) - mean(b) = <paramref name="mu"/> (R: <c>t.test(a, b)</c>): the standard
    /// error √(s²a/na + s²b/nb) with the Welch–Satterthwaite degrees of freedom, as in
    /// <see cref="MeanInterval.Difference"/>. Undefined (NaN p-value) when either sample has fewer than two values.
    /// </summary>
    public static TTest Welch(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b, double mu = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ma = new RunningMoments();
        var mb = new RunningMoments();
        foreach (double v in a) ma.Add(v);
        foreach (double v in b) mb.Add(v);
        double difference = ma.Mean - mb.Mean;
        long count = ma.Count + mb.Count;
        if (ma.Count < 2 || mb.Count < 2) return Undefined(difference, mu, count);
        double va = ma.Variance / ma.Count, vb = mb.Variance / mb.Count;
        double se = Math.Sqrt(va + vb);
        double df = se == 0 ? double.PositiveInfinity : (va + vb) * (va + vb) / ((va * va / (ma.Count - 1)) + (vb * vb / (mb.Count - 1)));
        return Make(difference, mu, se, df, count);
    }

    /// <summary>
    /// The test of a ratio of sums, R = Σ numerators / Σ denominators over k independent runs, against
    /// <paramref name="reference"/>, with the delta-method standard error of <see cref="MeanInterval.Ratio"/>
    /// (√(var(nᵢ - R dᵢ) / k) / d̄) and k - 1 degrees of freedom. Undefined (NaN p-value) when the denominators sum to
    /// 0 or with fewer than two runs.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static TTest Ratio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double reference)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        if (numerators.Count != denominators.Count)
            throw new ArgumentException($"{numerators.Count} numerators but {denominators.Count} denominators", nameof(denominators));
        int k = numerators.Count;
        double sumN = numerators.Sum(), sumD = denominators.Sum();
        if (sumD == 0) return Undefined(double.NaN, reference, k);
        double ratio = sumN / sumD;
        if (k < 2) return Undefined(ratio, reference, k);
        var residuals = new RunningMoments();
        for (int i = 0; i < k; i++) residuals.Add(numerators[i] - (ratio * denominators[i]));
        return Make(ratio, reference, Math.Sqrt(residuals.Variance / k) / (sumD / k), k - 1, k);
    }

    /// <summary>The two-sided p-value of <paramref name="t"/> under Student's t with <paramref name="df"/> degrees of freedom.</summary>
    /// <remarks>Computed from the lower tail at -|t|, which keeps its precision for small p-values (1 - CDF would round to 0).</remarks>
    public static double TwoSidedP(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        double tail = double.IsPositiveInfinity(df)
            ? MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(t))
            : MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(t));
        return Math.Min(1, 2 * tail);
    }

    private static TTest Make(double estimate, double mu, double se, double df, long count)
    {
        if (double.IsNaN(estimate) || double.IsNaN(se) || double.IsNaN(mu)) return Undefined(estimate, mu, count);
        if (se == 0)
        {
            // No spread: the estimate is exact, so it either is the null value or is not (see OneSample's remarks).
            bool equal = estimate == mu;
            return new TTest(estimate, mu, 0, df, equal ? 0 : estimate > mu ? double.PositiveInfinity : double.NegativeInfinity, equal ? 1 : 0, count);
        }
        double t = (estimate - mu) / se;
        return new TTest(estimate, mu, se, df, t, TwoSidedP(t, df), count);
    }

    private static TTest Undefined(double estimate, double mu, long count) =>
        new(estimate, mu, double.NaN, double.NaN, double.NaN, double.NaN, count);
}
