namespace Anarchy.Statistics;

/// <summary>Descriptive statistics over samples held in memory.</summary>
public static class Descriptive
{
    /// <summary>
    /// The p-quantile of a sorted sample by Hyndman and Fan's definition 7, the default of R's <c>quantile</c> and
    /// NumPy's <c>quantile</c> (method "linear"): with h = (n - 1)·p, interpolate linearly between the order statistics
    /// at ⌊h⌋ and ⌊h⌋ + 1 (counting from 0).
    /// </summary>
    /// <remarks>
    /// The interpolation is computed as NumPy does (from the upper neighbour when the fraction is at least one half),
    /// so results agree with NumPy to the last bit and may differ from R in the last bit. Sortedness is not checked,
    /// so that repeated calls on one sample stay O(1); NaN values in the sample give meaningless results.
    /// </remarks>
    /// <param name="sorted">The sample in ascending order; not empty.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("The quantile of an empty sample is undefined.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        var h = (sorted.Count - 1) * p;
        var lowIndex = (int)Math.Floor(h);
        var fraction = h - lowIndex;
        var low = sorted[lowIndex];

        // Exact order statistics need no neighbour, which also avoids 0 · ∞ = NaN next to an infinite value.
        if (fraction == 0)
        {
            return low;
        }

        var high = sorted[lowIndex + 1];
        var difference = high - low;
        return fraction >= 0.5 ? high - (difference * (1 - fraction)) : low + (difference * fraction);
    }
}
