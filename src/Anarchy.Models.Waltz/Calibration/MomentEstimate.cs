using Anarchy.Randomness;
using Anarchy.Statistics;

namespace Anarchy.Models.Waltz.Calibration;

/// <summary>
/// One side's estimate of a moment: the pooled ratio, its standard error, and the range a single history (one run,
/// or the record itself) spans. <see cref="LogVariance"/> is the sampling variance of the logarithm (delta method),
/// the scale on which the calibration compares model and record.
/// </summary>
/// <param name="Value">The ratio of the summed numerators to the summed denominators; NaN when the denominators sum
/// to 0.</param>
/// <param name="StandardError">The standard error of <paramref name="Value"/>.</param>
/// <param name="Lower">The 2.5% quantile of the single-history values (model) or the lower 95% bound (record).</param>
/// <param name="Upper">The 97.5% quantile of the single-history values (model) or the upper 95% bound (record).</param>
/// <param name="Count">Runs (model) or years (record) behind it.</param>
public readonly record struct MomentEstimate(double Value, double StandardError, double Lower, double Upper, int Count)
{
    /// <summary>The sampling variance of log(<see cref="Value"/>); +infinity when the value is 0 or undefined.</summary>
    public double LogVariance => Value > 0 && double.IsFinite(Value) ? StandardError * StandardError / (Value * Value) : double.PositiveInfinity;

    /// <summary>The model's side: the pooled ratio over the runs, the ratio estimator's standard error, and the 95%
    /// range of the per-run ratios (runs whose denominator is 0 have no ratio and are left out of the range).</summary>
    public static MomentEstimate OfRuns(Moment moment, IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(runs);
        var pairs = runs.Select(moment.FromRun).ToList();
        var (value, se) = PooledRatio(pairs);
        var perRun = pairs.Where(p => p.Denominator > 0).Select(p => p.Numerator / p.Denominator).OrderBy(v => v).ToList();
        double lower = perRun.Count > 0 ? Descriptive.Quantile(perRun, 0.025) : double.NaN;
        double upper = perRun.Count > 0 ? Descriptive.Quantile(perRun, 0.975) : double.NaN;
        return new MomentEstimate(value, se, lower, upper, runs.Count);
    }

    /// <summary>
    /// The record's side: the pooled ratio over the years, with its standard error and 95% percentile interval from
    /// <paramref name="resamples"/> moving-block bootstrap resamples of the years (Künsch 1989): blocks of
    /// <see cref="BlockLength"/> consecutive years (or <paramref name="blockLength"/>; 1 is the plain bootstrap of years), so that the persistence of stocks such as pacts in force is kept
    /// within a block, drawn from Philox keyed by <paramref name="seed"/> (the same seed gives the same figures). A
    /// published moment has the binomial standard error of its share and the normal interval.
    /// </summary>
    public static MomentEstimate OfRecord(Moment moment, RecordYears record, int resamples, ulong seed, int? blockLength = null)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (moment.FromYear is null)
        {
            var (share, cases, _) = moment.Published ?? throw new ArgumentException($"moment {moment.Name} has neither a record nor a published value", nameof(moment));
            double error = Math.Sqrt(share * (1 - share) / cases);
            return new MomentEstimate(share, error, share - 1.96 * error, share + 1.96 * error, cases);
        }
        var pairs = record.Years.Select(moment.FromYear).ToList();
        var (value, _) = PooledRatio(pairs);
        var random = new RandomStream(seed);
        var draws = new List<double>(resamples);
        int n = pairs.Count, length = Math.Clamp(blockLength ?? BlockLength(n), 1, Math.Max(1, n)), starts = n - length + 1;
        for (int b = 0; b < resamples; b++)
        {
            double numerator = 0, denominator = 0;
            for (int k = 0, taken = 0; taken < n; k++)
            {
                int start = Math.Min(starts - 1, (int)(random.Uniform((uint)b, BootstrapPurpose, (uint)k) * starts));
                for (int year = start; year < start + length && taken < n; year++, taken++)
                {
                    numerator += pairs[year].Numerator;
                    denominator += pairs[year].Denominator;
                }
            }
            if (denominator > 0) draws.Add(numerator / denominator);
        }
        draws.Sort();
        double mean = draws.Count > 0 ? draws.Average() : double.NaN;
        double sd = draws.Count > 1 ? Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Count - 1)) : double.NaN;
        return new MomentEstimate(value, sd,
            draws.Count > 0 ? Descriptive.Quantile(draws, 0.025) : double.NaN,
            draws.Count > 0 ? Descriptive.Quantile(draws, 0.975) : double.NaN, n);
    }

    /// <summary>The block length of the record bootstrap for <paramref name="years"/> years: the cube root of the
    /// number of years, rounded (Hall, Horowitz and Jing 1995), at least 1: 4 years for 43 to 91 years.</summary>
    public static int BlockLength(int years) => Math.Max(1, (int)Math.Round(Math.Cbrt(years)));

    /// <summary>The purpose word of the record bootstrap's draws.</summary>
    private const uint BootstrapPurpose = 900;

    /// <summary>The ratio of sums and the linearised (ratio-estimator) standard error of it.</summary>
    internal static (double Value, double StandardError) PooledRatio(IReadOnlyList<(double Numerator, double Denominator)> pairs)
    {
        double numerator = 0, denominator = 0;
        foreach (var (x, y) in pairs)
        {
            numerator += x;
            denominator += y;
        }
        int n = pairs.Count;
        if (denominator <= 0 || n < 2) return (denominator > 0 ? numerator / denominator : double.NaN, double.NaN);
        double ratio = numerator / denominator, meanDenominator = denominator / n, sum = 0;
        foreach (var (x, y) in pairs)
        {
            double residual = x - ratio * y;
            sum += residual * residual;
        }
        double variance = sum / (n - 1) / n / (meanDenominator * meanDenominator);
        return (ratio, Math.Sqrt(variance));
    }
}
