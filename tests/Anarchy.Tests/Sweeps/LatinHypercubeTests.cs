using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;
using CsCheck;

namespace Anarchy.Tests.Sweeps;

public sealed class LatinHypercubeTests
{
    private static void AssertOneSampleInEachStratum(double[][] points, int dimensions)
    {
        var n = points.Length;
        for (var f = 0; f < dimensions; f++)
        {
            var hits = new int[n];
            foreach (var point in points)
            {
                Assert.InRange(point[f], 0.0, Math.BitDecrement(1.0));
                hits[(int)Math.Floor(point[f] * n)]++;
            }

            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void Every_factor_has_exactly_one_sample_in_each_stratum()
    {
        AssertOneSampleInEachStratum(LatinHypercube.UnitPoints(6, 1000, seed: 42), 6);
        AssertOneSampleInEachStratum(LatinHypercube.UnitPoints(3, 1, seed: 42), 3);
    }

    [Fact]
    public void Every_stratum_holds_one_sample_for_any_size_and_seed()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 400], Gen.ULong).Sample(
            (dimensions, samples, seed) => AssertOneSampleInEachStratum(LatinHypercube.UnitPoints(dimensions, samples, seed), dimensions),
            iter: 200);
    }

    [Fact]
    public void A_position_rounded_onto_the_next_stratum_is_moved_back_into_its_own()
    {
        // (s + w) / n with w = 1 - 2^-53 rounds to (s + 1) / n: the top of the stratum, which belongs to the next.
        const double W = 1 - 1.1102230246251565e-16;
        foreach (var n in new[] { 3, 7, 10, 1000, 12345 })
        {
            foreach (var s in new[] { 0, 1, n / 2, n - 1 })
            {
                var u = LatinHypercube.InStratum(s, n, W);
                Assert.Equal(s, (int)Math.Floor(u * n));
                Assert.True(u < 1);
            }
        }
    }

    [Fact]
    public void Values_lie_within_each_range_and_integer_factors_are_integral()
    {
        Factor[] factors =
        [
            new Factor("honour", -1, 3),
            new Factor("states", 2, 9, IsInteger: true),
            Factor.WithLevels("doctrine", 0, 1, 2),
        ];

        var points = LatinHypercube.Points(factors, 500, seed: 7);

        Assert.Equal(500, points.Length);
        foreach (var point in points)
        {
            Assert.InRange(point[0], -1.0, 3.0);
            Assert.InRange(point[1], 2.0, 9.0);
            Assert.Equal(Math.Floor(point[1]), point[1]);
            Assert.Contains(point[2], new[] { 0.0, 1.0, 2.0 });
        }

        // 500 strata over 8 integers: each integer's share of [0, 1) holds 62 or 63 strata, so it appears 62 or 63
        // times (strata that straddle two integers give one or the other).
        var counts = points.GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 61, 64));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_another_seed_a_different_one()
    {
        var first = LatinHypercube.UnitPoints(4, 200, seed: 2024);
        var again = LatinHypercube.UnitPoints(4, 200, seed: 2024);
        var other = LatinHypercube.UnitPoints(4, 200, seed: 2025);

        Assert.Equal(first, again);
        for (var i = 0; i < first.Length; i++)
        {
            for (var f = 0; f < 4; f++)
            {
                Assert.NotEqual(first[i][f], other[i][f]);
            }
        }
    }

    [Fact]
    public void Positions_within_strata_are_uniform_and_columns_are_uncorrelated()
    {
        const int N = 2000;
        const int D = 5;
        var points = LatinHypercube.UnitPoints(D, N, seed: 99);

        // The position within a stratum, u·n - stratum, is uniform on (0, 1): over 10 000 positions the mean has
        // standard error sqrt(1/12 / 10 000) = 0.0029, so 0.012 is four standard errors.
        var positions = points.SelectMany(p => p.Select(u => (u * N) - Math.Floor(u * N))).ToArray();
        Assert.Equal(0.5, positions.Average(), 0.012);

        // Strata are assigned by independent random permutations, so the correlation of two columns (their rank
        // correlation, as each column holds one value per stratum) has standard error 1 / sqrt(n - 1) = 0.022; 0.09 is
        // four standard errors for each of the 10 pairs.
        for (var f = 0; f < D; f++)
        {
            for (var g = f + 1; g < D; g++)
            {
                Assert.InRange(Correlation(points.Select(p => p[f]).ToArray(), points.Select(p => p[g]).ToArray()), -0.09, 0.09);
            }
        }
    }

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
