namespace Anarchy.Sweeps.Designs;

/// <summary>
/// Saltelli's sampling scheme for Sobol sensitivity indices (Saltelli et al. 2010, "Variance based sensitivity
/// analysis of model output. Design and estimator for the total sensitivity index"), from a 2d-dimensional Sobol
/// sequence.
/// </summary>
/// <remarks>
/// <para>
/// Base sample j (0 … N - 1) is Sobol point j of dimension 2d, starting at the all-zeros point 0, which is kept
/// (see <see cref="SobolSequence"/>): row j of matrix A is its first d coordinates, row j of B its last d, and row j
/// of AB_i is A's row with column i taken from B.
/// </para>
/// <para>
/// Points are laid out in blocks of d + 2 per base sample: [A_j, B_j, AB_0j, …, AB_(d-1)j], so point
/// p = j·(d + 2) + r is A_j for r = 0, B_j for r = 1 and AB_(r-2),j otherwise (<see cref="RoleOf"/>). A study that
/// stops early still has complete blocks. Sensitivity.SobolIndices.FromSaltelliOutputs reads outputs in this order.
/// </para>
/// <para>
/// A power of two for N keeps the Sobol points balanced; the estimates converge for any N.
/// </para>
/// </remarks>
public static class Saltelli
{
    /// <summary>The largest number of factors: 2d Sobol dimensions must be embedded.</summary>
    public const int MaxFactors = SobolSequence.MaxDimensions / 2;

    /// <summary>The number of points of a design, N·(d + 2).</summary>
    /// <param name="factors">The number of factors d, at least 1.</param>
    /// <param name="baseSamples">The number of base samples N, at least 1.</param>
    /// <returns>N·(d + 2).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1, or a design larger than an array holds.</exception>
    public static int PointCount(int factors, int baseSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 1);
        var count = (long)baseSamples * (factors + 2);
        if (count > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "The design has more points than an array can hold.");
        }

        return (int)count;
    }

    /// <summary>The role of point <paramref name="point"/> in a design with <paramref name="factors"/> factors.</summary>
    /// <param name="point">The point's index in design order, at least 0.</param>
    /// <param name="factors">The number of factors d, at least 1.</param>
    /// <returns>Its matrix, base sample j = ⌊p / (d + 2)⌋ and, for AB_i, the factor i = p mod (d + 2) - 2.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative point or fewer than one factor.</exception>
    public static SaltelliPoint RoleOf(int point, int factors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var baseSample = Math.DivRem(point, factors + 2, out var r);
        return r switch
        {
            0 => new SaltelliPoint(SaltelliMatrix.A, baseSample, -1),
            1 => new SaltelliPoint(SaltelliMatrix.B, baseSample, -1),
            _ => new SaltelliPoint(SaltelliMatrix.AB, baseSample, r - 2),
        };
    }

    /// <summary>The index in design order of a row of a matrix (the inverse of <see cref="RoleOf"/>).</summary>
    /// <param name="role">The matrix, base sample and, for AB_i, factor.</param>
    /// <param name="factors">The number of factors d, at least 1.</param>
    /// <returns>j·(d + 2) + r, with r = 0 for A, 1 for B and i + 2 for AB_i.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative base sample, fewer than one factor, or a factor of AB_i
    /// outside 0 … d - 1.</exception>
    public static int IndexOf(SaltelliPoint role, int factors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(role.BaseSample, nameof(role));
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var r = role.Matrix switch
        {
            SaltelliMatrix.A => 0,
            SaltelliMatrix.B => 1,
            SaltelliMatrix.AB when role.Factor >= 0 && role.Factor < factors => role.Factor + 2,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "AB_i needs a factor from 0 to d - 1."),
        };
        return checked((role.BaseSample * (factors + 2)) + r);
    }

    /// <summary>The design's points, mapped to the factors by <see cref="Factor.FromUnit"/>, in the block layout above.</summary>
    /// <param name="factors">The factors d, from 1 to <see cref="MaxFactors"/>, valid (<see cref="Factor.Validate"/>).</param>
    /// <param name="baseSamples">The number of base samples N, at least 1; a power of two is best.</param>
    /// <returns>N·(d + 2) points; point p, factor f at <c>[p][f]</c>.</returns>
    /// <exception cref="ArgumentException">The factors are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Too many factors, fewer than one base sample, or a design larger than
    /// an array holds.</exception>
    public static double[][] Points(IReadOnlyList<Factor> factors, int baseSamples)
    {
        Factor.ThrowIfInvalid(factors, nameof(factors));
        var d = factors.Count;
        if (d > MaxFactors)
        {
            throw new ArgumentOutOfRangeException(
                nameof(factors),
                d,
                $"A Saltelli design needs 2d Sobol dimensions; at most {MaxFactors} factors are supported.");
        }

        var points = new double[PointCount(d, baseSamples)][];
        var sobol = SobolSequence.Points(2 * d, baseSamples);
        for (var j = 0; j < baseSamples; j++)
        {
            var a = new double[d];
            var b = new double[d];
            for (var f = 0; f < d; f++)
            {
                a[f] = factors[f].FromUnit(sobol[j][f]);
                b[f] = factors[f].FromUnit(sobol[j][d + f]);
            }

            var block = j * (d + 2);
            points[block] = a;
            points[block + 1] = b;
            for (var i = 0; i < d; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[block + 2 + i] = ab;
            }
        }

        return points;
    }
}
