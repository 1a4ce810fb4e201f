using System.Numerics;

namespace Anarchy.Sweeps.Designs;

/// <summary>
/// The Sobol low-discrepancy sequence (Sobol 1967) with Joe and Kuo's direction numbers (new-joe-kuo-6.21201, the
/// first <see cref="MaxDimensions"/> dimensions), unscrambled, in 32-bit integers.
/// </summary>
/// <remarks>
/// <para>
/// Point n has coordinate x_n = X_n · 2^-32 in each dimension, where X_n is the exclusive or of the direction numbers
/// V_(k+1) for the bits k set in the Gray code n ⊕ (n &gt;&gt; 1) (Antonov and Saleev 1979). Successive points differ
/// in one bit of the Gray code, so X_(n+1) = X_n ⊕ V_(c+1) with c the number of trailing zero bits of n + 1. Every
/// step is an integer operation, and X · 2^-32 is exact in a double, so points are identical on every platform and
/// equal to those of SciPy's <c>scipy.stats.qmc.Sobol(d, scramble=False, bits=32)</c>.
/// </para>
/// <para>
/// The sequence starts at point 0, which is all zeros. Nothing here skips it: the <c>skip</c> argument is the caller's
/// choice. The balance properties hold for the first 2^m points (in each dimension they hit each of the 2^m
/// intervals [k/2^m, (k+1)/2^m) exactly once), and dropping point 0 breaks them (Owen 2020, "On dropping the first
/// Sobol' point"). With 32 bits, points from index 2^32 on would repeat; counts and skips are ints, so they are never
/// reached.
/// </para>
/// </remarks>
public static class SobolSequence
{
    /// <summary>The number of dimensions of the embedded direction numbers.</summary>
    public const int MaxDimensions = JoeKuoDirectionNumbers.Dimensions;

    private const double TwoToMinus32 = 1.0 / 4294967296.0;

    /// <summary>Points <paramref name="skip"/> … <paramref name="skip"/> + <paramref name="count"/> - 1 of the sequence in [0, 1)^d.</summary>
    /// <param name="dimensions">The number of coordinates, from 1 to <see cref="MaxDimensions"/>; dimension 1 (index 0)
    /// is the van der Corput sequence in base 2 (in Gray-code order).</param>
    /// <param name="count">The number of points, at least 0.</param>
    /// <param name="skip">The index of the first point returned, at least 0; 0 starts at the all-zeros point.</param>
    /// <returns>Point p, coordinate j at <c>[p][j]</c>, in sequence order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension count outside 1 … <see cref="MaxDimensions"/>, or a
    /// negative count or skip.</exception>
    public static double[][] Points(int dimensions, int count, int skip = 0)
    {
        CheckDimensions(dimensions, nameof(dimensions));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);

        var directions = new uint[dimensions][];
        var x = new uint[dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            directions[j] = JoeKuoDirectionNumbers.Of(j + 1);
            x[j] = Integer(directions[j], (uint)skip);
        }

        var points = new double[count][];
        for (var p = 0; p < count; p++)
        {
            var point = new double[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                point[j] = x[j] * TwoToMinus32;
            }

            points[p] = point;
            var bit = BitOperations.TrailingZeroCount((uint)skip + (uint)p + 1);
            for (var j = 0; j < dimensions; j++)
            {
                x[j] ^= directions[j][bit];
            }
        }

        return points;
    }

    /// <summary>
    /// Sobol points mapped to the factors by <see cref="Factor.FromUnit"/>, dimension j + 1 for factor j, starting at
    /// point <paramref name="skip"/>.
    /// </summary>
    /// <param name="factors">The factors, at least one and at most <see cref="MaxDimensions"/>, valid
    /// (<see cref="Factor.Validate"/>).</param>
    /// <param name="count">The number of points, at least 0; a power of two keeps the balance properties.</param>
    /// <param name="skip">The index of the first point, at least 0.</param>
    /// <returns>Point p, factor f at <c>[p][f]</c>.</returns>
    /// <exception cref="ArgumentException">The factors are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Too many factors, or a negative count or skip.</exception>
    public static double[][] Points(IReadOnlyList<Factor> factors, int count, int skip = 0)
    {
        Factor.ThrowIfInvalid(factors, nameof(factors));
        CheckDimensions(factors.Count, nameof(factors));
        var points = Points(factors.Count, count, skip);
        foreach (var point in points)
        {
            for (var f = 0; f < point.Length; f++)
            {
                point[f] = factors[f].FromUnit(point[f]);
            }
        }

        return points;
    }

    /// <summary>X_n of one dimension: the exclusive or of its direction numbers at the bits of n's Gray code.</summary>
    internal static uint Integer(uint[] directions, uint index)
    {
        var gray = index ^ (index >> 1);
        uint x = 0;
        for (var k = 0; gray != 0; k++, gray >>= 1)
        {
            if ((gray & 1) != 0)
            {
                x ^= directions[k];
            }
        }

        return x;
    }

    /// <summary>The direction numbers V_1 … V_32 of a dimension (1-based), for tests.</summary>
    internal static uint[] DirectionsOf(int dimension) => JoeKuoDirectionNumbers.Of(dimension);

    private static void CheckDimensions(int dimensions, string parameterName)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                dimensions,
                $"The Sobol sequence here has 1 to {MaxDimensions} dimensions (the embedded rows of Joe and Kuo's new-joe-kuo-6.21201).");
        }
    }
}
