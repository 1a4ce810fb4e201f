using MathNet.Numerics.Distributions;

namespace Anarchy.Statistics;

/// <summary>A proportion of successes in trials with its Wilson score interval.</summary>
/// <param name="Successes">The number of successes.</param>
/// <param name="Trials">The number of trials.</param>
/// <param name="Lower">The interval's lower bound (NaN without trials).</param>
/// <param name="Upper">The interval's upper bound (NaN without trials).</param>
public readonly record struct Proportion(long Successes, long Trials, double Lower, double Upper)
{
    /// <summary>Successes divided by trials; NaN without trials.</summary>
    public double Estimate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>
    /// The Wilson score interval (Wilson 1927): centre (p + z²/2n) / (1 + z²/n), half-width
    /// z √(p(1 - p)/n + z²/4n²) / (1 + z²/n). Unlike the Wald interval it stays inside [0, 1] and keeps close to its
    /// nominal coverage for proportions near 0 or 1, where the studies' rare events (entanglement) live. It treats the
    /// trials as independent; counts pooled from events inside the same runs are clustered, so the interval is then
    /// too narrow, and the studies say so where they use it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative, or successes exceed trials, or the level is not in (0, 1).</exception>
    public static Proportion Wilson(long successes, long trials, double level = 0.95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), $"successes {successes} and trials {trials} must satisfy 0 <= successes <= trials");
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        if (trials == 0) return new Proportion(0, 0, double.NaN, double.NaN);
        double z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        // At p = 0 (p = 1) the lower (upper) bound is exactly 0 (1); rounding would otherwise leave the estimate a
        // hair outside its own interval.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Proportion(successes, trials, lower, upper);
    }
}
