namespace Anarchy.Statistics;

/// <summary>How the p-values of a family of tests are adjusted for their number.</summary>
public enum Correction
{
    /// <summary>
    /// Holm's step-down procedure (Holm 1979): controls the family-wise error rate, the probability that any
    /// hypothesis of the family is rejected wrongly, for any dependence between the tests. For confirmatory verdicts,
    /// each of which is stated as a finding.
    /// </summary>
    Holm,

    /// <summary>
    /// The Benjamini–Hochberg step-up procedure (Benjamini and Hochberg 1995): controls the false discovery rate, the
    /// expected share of wrong rejections among the rejections, for independent or positively dependent tests. For
    /// screening many cells, where a few wrong labels among many are acceptable but their share must be bounded.
    /// </summary>
    BenjaminiHochberg,
}

/// <summary>
/// Adjusted p-values for a family of tests (R's <c>p.adjust</c>, methods "holm" and "BH"): a hypothesis is rejected at
/// level α with the correction exactly when its adjusted p-value is below α, so one table of adjusted p-values serves
/// every level.
/// </summary>
/// <remarks>
/// As in R, a NaN p-value (a test that could not be computed) stays NaN and does not count in the size of the family:
/// m is the number of p-values that are not NaN. The adjusted p-values are returned in the order of the input; ties
/// get equal adjusted values.
/// </remarks>
public static class MultipleComparisons
{
    /// <summary>
    /// Holm's step-down adjusted p-values: with the m p-values in ascending order p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of
    /// p₍ᵢ₎ is max over j ≤ i of min(1, (m - j + 1) p₍ⱼ₎) (R: <c>p.adjust(p, "holm")</c>). Rejecting where it is
    /// below α keeps the family-wise error rate at most α whatever the dependence between the tests, and rejects
    /// everything that Bonferroni (m p below α) rejects, and possibly more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] (and not NaN).</exception>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var (order, adjusted) = Prepare(pValues);
        int m = order.Length;
        double running = 0;
        for (int i = 0; i < m; i++)
        {
            int index = order[i];
            running = Math.Max(running, Math.Min(1, (m - i) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values in the sense of a step-up procedure): with the m p-values in
    /// ascending order, the adjusted value of p₍ᵢ₎ is min over j ≥ i of min(1, m p₍ⱼ₎ / j) (R:
    /// <c>p.adjust(p, "BH")</c>). Rejecting where it is below α keeps the false discovery rate at most α (m₀/m α, with
    /// m₀ true null hypotheses) for independent or positively regression-dependent tests.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] (and not NaN).</exception>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var (order, adjusted) = Prepare(pValues);
        int m = order.Length;
        double running = 1;
        for (int i = m - 1; i >= 0; i--)
        {
            int index = order[i];
            running = Math.Min(running, Math.Min(1, (double)m / (i + 1) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }

    /// <summary>The adjusted p-values by <paramref name="correction"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] (and not NaN), or the correction is unknown.</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues, Correction correction) => correction switch
    {
        Correction.Holm => Holm(pValues),
        Correction.BenjaminiHochberg => BenjaminiHochberg(pValues),
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction."),
    };

    /// <summary>The tests of a family with their p-values adjusted together by <paramref name="correction"/>, in the order given.</summary>
    public static AdjustedTest[] Adjust(IReadOnlyList<TTest> tests, Correction correction)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var adjusted = Adjust(tests.Select(t => t.P).ToArray(), correction);
        int size = adjusted.Count(p => !double.IsNaN(p));
        return tests.Select((t, i) => new AdjustedTest(t, adjusted[i], correction, size)).ToArray();
    }

    /// <summary>The correction's name as a report gives it: "Holm" or "Benjamini–Hochberg".</summary>
    public static string Name(Correction correction) => correction switch
    {
        Correction.Holm => "Holm",
        Correction.BenjaminiHochberg => "Benjamini–Hochberg",
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction."),
    };

    /// <summary>The indices of the p-values that are not NaN in ascending order of p (stable), and a result filled with NaN.</summary>
    private static (int[] Order, double[] Adjusted) Prepare(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (int i = 0; i < pValues.Count; i++)
        {
            double p = pValues[i];
            if (!double.IsNaN(p) && !(p >= 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} is not in [0, 1].");
        }
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[pValues.Count];
        Array.Fill(adjusted, double.NaN);
        return (order, adjusted);
    }
}

/// <summary>A test of a family with its p-value adjusted for the family.</summary>
/// <param name="Test">The test, with its unadjusted p-value.</param>
/// <param name="AdjustedP">The adjusted p-value (NaN when the test is undefined).</param>
/// <param name="Correction">The correction that adjusted it.</param>
/// <param name="FamilySize">The number of tests in the family that have a p-value (m).</param>
public readonly record struct AdjustedTest(TTest Test, double AdjustedP, Correction Correction, int FamilySize)
{
    /// <summary>Whether the null hypothesis is rejected at <paramref name="level"/> after the correction: the adjusted p-value is below it.</summary>
    public bool IsSignificant(double level = 0.05) => AdjustedP < level;

    /// <summary>Whether the unadjusted p-value alone is below <paramref name="level"/> (that is, the interval at 1 - level excludes the null value).</summary>
    public bool IsSignificantUnadjusted(double level = 0.05) => Test.P < level;

    /// <summary>+1 when significant after the correction with the estimate above the null value, -1 when below, 0 when not significant.</summary>
    public int Direction(double level = 0.05) => IsSignificant(level) ? Test.Sign : 0;

    /// <summary>The unadjusted interval of the estimate (see <see cref="TTest.Interval"/>): its size, not the verdict.</summary>
    public MeanInterval Interval(double level = 0.95) => Test.Interval(level);
}
