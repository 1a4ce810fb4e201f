namespace Anarchy.Statistics;

/// <summary>
/// The count, mean and variance of a stream of values in one pass and constant memory (Welford's algorithm), without
/// the cancellation that the textbook sum-of-squares formula suffers when the mean is large relative to the spread.
/// </summary>
/// <remarks>
/// Every value is used as given: a NaN makes the mean and variance NaN from then on, and an infinity makes them
/// infinite or NaN. Filtering missing values is the caller's decision, because only the caller knows whether a NaN
/// means "not applicable" or a bug. Not thread-safe.
/// </remarks>
public sealed class RunningMoments
{
    private double _mean;
    private double _sumOfSquaredDeviations;

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>The arithmetic mean, or NaN when no value has been added.</summary>
    public double Mean => Count > 0 ? _mean : double.NaN;

    /// <summary>The sample variance (divided by n - 1), or NaN with fewer than two values.</summary>
    public double Variance => Count > 1 ? _sumOfSquaredDeviations / (Count - 1) : double.NaN;

    /// <summary>The sample standard deviation, the square root of <see cref="Variance"/>; NaN with fewer than two values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - _mean;
        _mean += delta / Count;
        _sumOfSquaredDeviations += delta * (value - _mean);
    }
}
