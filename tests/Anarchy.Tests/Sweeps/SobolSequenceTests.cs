using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Tests.Sweeps;

public sealed class SobolSequenceTests
{
    // The first eight points of dimensions 1 to 21, in eighths. Dimensions 1 and 2 are the published sequences (Joe
    // and Kuo 2008; Bratley and Fox 1988). Dimension 3 by hand from its row "3 2 1 1 3": V1 = 0.1, V2 = 0.11 (binary),
    // V3 = V1 ^ (V1 >> 2) ^ V2 = 0.011, and point n is the xor of V_k over the bits of n's Gray code, so points 0-7
    // are 0, V1, V1^V2, V2, V2^V3, V1^V2^V3, V1^V3, V3 = 0, 4, 2, 6, 5, 1, 7, 3 eighths. All 21 rows equal
    // scipy.stats.qmc.Sobol(21, scramble=False, bits=32).random(8) * 8 (SciPy 1.10.1, whose direction numbers are its
    // own copy of new-joe-kuo-6.21201).
    private static readonly int[][] FirstEightInEighths =
    [
        [0, 4, 6, 2, 3, 7, 5, 1], // dimension 1
        [0, 4, 2, 6, 3, 7, 1, 5], // dimension 2
        [0, 4, 2, 6, 5, 1, 7, 3], // dimension 3
        [0, 4, 2, 6, 7, 3, 5, 1], // dimension 4
        [0, 4, 6, 2, 3, 7, 5, 1], // dimension 5
        [0, 4, 6, 2, 1, 5, 7, 3], // dimension 6
        [0, 4, 2, 6, 3, 7, 1, 5], // dimension 7
        [0, 4, 6, 2, 7, 3, 1, 5], // dimension 8
        [0, 4, 6, 2, 7, 3, 1, 5], // dimension 9
        [0, 4, 6, 2, 5, 1, 3, 7], // dimension 10
        [0, 4, 6, 2, 7, 3, 1, 5], // dimension 11
        [0, 4, 6, 2, 3, 7, 5, 1], // dimension 12
        [0, 4, 2, 6, 3, 7, 1, 5], // dimension 13
        [0, 4, 2, 6, 5, 1, 7, 3], // dimension 14
        [0, 4, 6, 2, 3, 7, 5, 1], // dimension 15
        [0, 4, 2, 6, 7, 3, 5, 1], // dimension 16
        [0, 4, 6, 2, 3, 7, 5, 1], // dimension 17
        [0, 4, 2, 6, 7, 3, 5, 1], // dimension 18
        [0, 4, 6, 2, 7, 3, 1, 5], // dimension 19
        [0, 4, 2, 6, 1, 5, 3, 7], // dimension 20
        [0, 4, 2, 6, 1, 5, 3, 7], // dimension 21
    ];

    // Points 1000 to 1003 of dimensions 1 to 21, in 1024ths (points below 2^10 use V1 to V10 only):
    // scipy.stats.qmc.Sobol(21, scramble=False, bits=32) after fast_forward(1000), random(4) * 1024 (SciPy 1.10.1).
    private static readonly int[][] From1000In1024ths =
    [
        [225, 737, 993, 481], // dimension 1
        [99, 611, 355, 867], // dimension 2
        [531, 19, 787, 275], // dimension 3
        [693, 181, 949, 437], // dimension 4
        [287, 799, 543, 31], // dimension 5
        [929, 417, 161, 673], // dimension 6
        [47, 559, 303, 815], // dimension 7
        [921, 409, 153, 665], // dimension 8
        [513, 1, 257, 769], // dimension 9
        [71, 583, 839, 327], // dimension 10
        [87, 599, 855, 343], // dimension 11
        [261, 773, 517, 5], // dimension 12
        [165, 677, 421, 933], // dimension 13
        [393, 905, 137, 649], // dimension 14
        [147, 659, 915, 403], // dimension 15
        [379, 891, 123, 635], // dimension 16
        [737, 225, 481, 993], // dimension 17
        [353, 865, 97, 609], // dimension 18
        [1015, 503, 247, 759], // dimension 19
        [743, 231, 999, 487], // dimension 20
        [535, 23, 791, 279], // dimension 21
    ];

    [Fact]
    public void The_first_dimension_is_the_van_der_Corput_sequence_in_gray_code_order()
    {
        var points = SobolSequence.Points(1, 8);
        Assert.Equal([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125], points.Select(p => p[0]));
    }

    [Fact]
    public void The_second_dimension_is_the_published_sequence()
    {
        var points = SobolSequence.Points(2, 8);
        Assert.Equal([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625], points.Select(p => p[1]));
    }

    [Fact]
    public void The_first_eight_points_of_the_first_21_dimensions_match_the_reference()
    {
        var points = SobolSequence.Points(21, 8);
        for (var j = 0; j < 21; j++)
        {
            Assert.Equal(FirstEightInEighths[j].Select(k => k / 8.0), points.Select(p => p[j]));
        }
    }

    [Fact]
    public void Points_from_index_1000_of_the_first_21_dimensions_match_the_reference()
    {
        var points = SobolSequence.Points(21, 4, skip: 1000);
        for (var j = 0; j < 21; j++)
        {
            Assert.Equal(From1000In1024ths[j].Select(k => k / 1024.0), points.Select(p => p[j]));
        }
    }

    [Fact]
    public void The_embedded_table_reproduces_the_reference_in_all_1000_dimensions()
    {
        // A fingerprint of X_n (the 32-bit integer of point n) for n < 2^14 in every dimension d < 1000 (0-based),
        // which exercises every m_k of the table (degree at most 13) and the recurrence beyond: the sum over (n, d),
        // modulo 2^64, of SplitMix64's finaliser applied to X_n + (1000 n + d) * 0x9E3779B97F4A7C15. The expected value
        // was computed with NumPy from scipy.stats.qmc.Sobol(1000, scramble=False, bits=32).random_base2(14)
        // (SciPy 1.10.1).
        const int Count = 1 << 14;
        ulong fingerprint = 0;
        for (var d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            var directions = SobolSequence.DirectionsOf(d + 1);
            uint x = 0;
            for (var n = 0; n < Count; n++)
            {
                var z = x + (((ulong)n * 1000 + (ulong)d) * 0x9E3779B97F4A7C15UL);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                fingerprint += z ^ (z >> 31);
                x ^= directions[System.Numerics.BitOperations.TrailingZeroCount(n + 1)];
            }
        }

        Assert.Equal(0x6cc2f2f29d3f644aUL, fingerprint);
    }

    [Fact]
    public void Every_point_lies_in_the_unit_interval()
    {
        foreach (var point in SobolSequence.Points(SobolSequence.MaxDimensions, 1 << 10, skip: 12345))
        {
            Assert.All(point, x => Assert.InRange(x, 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Fact]
    public void The_first_2_to_the_k_points_of_each_dimension_hit_each_dyadic_interval_once()
    {
        // In every dimension the first 2^k points fall one in each interval [i/2^k, (i+1)/2^k): each dimension is a
        // (0, 1)-sequence in base 2. Checked for k <= 10 in all 1000 dimensions and k <= 16 in the first 21.
        AssertDyadicBalance(SobolSequence.Points(SobolSequence.MaxDimensions, 1 << 10), 10);
        AssertDyadicBalance(SobolSequence.Points(21, 1 << 16), 16);
    }

    [Fact]
    public void The_first_two_dimensions_form_a_0_m_2_net()
    {
        // Dimensions 1 and 2 form a (0, 2)-sequence in base 2: for every m, the first 2^m points put exactly one point
        // in each box [a/2^i, (a+1)/2^i) x [b/2^(m-i), (b+1)/2^(m-i)).
        const int M = 12;
        var points = SobolSequence.Points(2, 1 << M);
        for (var m = 0; m <= M; m++)
        {
            for (var i = 0; i <= m; i++)
            {
                var hits = new int[1 << m];
                for (var n = 0; n < 1 << m; n++)
                {
                    var a = (int)(points[n][0] * (1 << i));
                    var b = (int)(points[n][1] * (1 << (m - i)));
                    hits[(a << (m - i)) | b]++;
                }

                Assert.All(hits, h => Assert.Equal(1, h));
            }
        }
    }

    [Fact]
    public void Skipping_points_continues_the_same_sequence()
    {
        var all = SobolSequence.Points(30, 300);
        Assert.Equal(all.Skip(123).Take(100), SobolSequence.Points(30, 100, skip: 123));
        Assert.Equal(all.Take(1), SobolSequence.Points(30, 1));
        Assert.Empty(SobolSequence.Points(30, 0, skip: 7));
    }

    [Fact]
    public void Factor_points_map_each_dimension_to_its_factor()
    {
        Factor[] factors = [new Factor("a", 0, 1), new Factor("b", -4, 4), new Factor("n", 1, 8, IsInteger: true)];
        var unit = SobolSequence.Points(3, 64);
        var mapped = SobolSequence.Points(factors, 64);
        for (var p = 0; p < 64; p++)
        {
            for (var f = 0; f < 3; f++)
            {
                Assert.Equal(factors[f].FromUnit(unit[p][f]), mapped[p][f]);
            }
        }
    }

    [Fact]
    public void Dimensions_beyond_the_embedded_table_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Points(SobolSequence.MaxDimensions + 1, 1));
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("new-joe-kuo-6.21201", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Points(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Points(2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Points(2, 1, skip: -1));
    }

    private static void AssertDyadicBalance(double[][] points, int maxK)
    {
        var dimensions = points[0].Length;
        var hits = new int[1 << maxK];
        for (var j = 0; j < dimensions; j++)
        {
            for (var k = 0; k <= maxK; k++)
            {
                var cells = 1 << k;
                Array.Clear(hits);
                for (var n = 0; n < cells; n++)
                {
                    hits[(int)(points[n][j] * cells)]++;
                }

                for (var cell = 0; cell < cells; cell++)
                {
                    if (hits[cell] != 1)
                    {
                        Assert.Fail($"Dimension {j + 1}, first 2^{k} points: interval {cell} holds {hits[cell]} points.");
                    }
                }
            }
        }
    }
}
