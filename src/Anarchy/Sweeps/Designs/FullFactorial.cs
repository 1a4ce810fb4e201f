namespace Anarchy.Sweeps.Designs;

/// <summary>The full factorial (grid) design: every combination of every factor's levels.</summary>
public static class FullFactorial
{
    /// <summary>
    /// The values a factor takes in the grid: its <see cref="Factor.Levels"/> in their order, or
    /// <paramref name="levelsPerRange"/> evenly spaced values from Min to Max inclusive (Min + k·(Max - Min)/(L - 1),
    /// with the last exactly Max), rounded to the nearest integer (halves away from zero) for an integer factor;
    /// values that coincide (Min = Max, or after rounding) appear once.
    /// </summary>
    /// <param name="factor">A valid factor.</param>
    /// <param name="levelsPerRange">The number of values of a range, at least 2.</param>
    /// <returns>The values, ascending for a range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levelsPerRange"/> is below 2.</exception>
    public static IReadOnlyList<double> LevelsOf(Factor factor, int levelsPerRange = 5)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentOutOfRangeException.ThrowIfLessThan(levelsPerRange, 2);
        if (factor.Levels is not null)
        {
            return factor.Levels;
        }

        var values = new List<double>(levelsPerRange);
        for (var k = 0; k < levelsPerRange; k++)
        {
            var value = k == levelsPerRange - 1
                ? factor.Max
                : factor.Min + ((factor.Max - factor.Min) * k / (levelsPerRange - 1));
            if (factor.IsInteger)
            {
                value = Math.Round(value, MidpointRounding.AwayFromZero);
            }

            // Values ascend, so a coincident value can only repeat the previous one.
            if (values.Count == 0 || values[^1] != value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>
    /// The Cartesian product of the factors' values (<see cref="LevelsOf"/>), in odometer order: the last factor
    /// varies fastest and the first slowest, so point p has, for factor f, value index
    /// ⌊p / (n_(f+1) · … · n_(d-1))⌋ mod n_f.
    /// </summary>
    /// <param name="factors">The factors, at least one, valid (<see cref="Factor.Validate"/>).</param>
    /// <param name="levelsPerRange">The number of values of each range factor, at least 2.</param>
    /// <returns>Point p, factor f at <c>[p][f]</c>; the product of the factors' value counts points.</returns>
    /// <exception cref="ArgumentException">The factors are invalid, or the grid has more points than an array holds.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levelsPerRange"/> is below 2.</exception>
    public static double[][] Points(IReadOnlyList<Factor> factors, int levelsPerRange = 5)
    {
        Factor.ThrowIfInvalid(factors, nameof(factors));
        ArgumentOutOfRangeException.ThrowIfLessThan(levelsPerRange, 2);

        var values = new IReadOnlyList<double>[factors.Count];
        long count = 1;
        for (var f = 0; f < factors.Count; f++)
        {
            values[f] = LevelsOf(factors[f], levelsPerRange);
            count *= values[f].Count;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException("The grid has more points than an array can hold.", nameof(factors));
            }
        }

        var points = new double[count][];
        var digits = new int[factors.Count];
        for (var p = 0; p < points.Length; p++)
        {
            var point = new double[factors.Count];
            for (var f = 0; f < point.Length; f++)
            {
                point[f] = values[f][digits[f]];
            }

            points[p] = point;

            // Advance the odometer: the last factor turns fastest, carrying into the one before it.
            for (var f = digits.Length - 1; f >= 0; f--)
            {
                if (++digits[f] < values[f].Count)
                {
                    break;
                }

                digits[f] = 0;
            }
        }

        return points;
    }
}
