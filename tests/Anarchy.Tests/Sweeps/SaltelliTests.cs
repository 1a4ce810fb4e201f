using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Tests.Sweeps;

public sealed class SaltelliTests
{
    private static Factor[] UnitFactors(int count) =>
        Enumerable.Range(0, count).Select(i => new Factor($"x{i}", 0, 1)).ToArray();

    [Fact]
    public void A_design_has_n_times_d_plus_2_points_in_blocks_of_a_b_and_each_ab_i()
    {
        const int D = 4;
        const int N = 16;
        var points = Saltelli.Points(UnitFactors(D), N);

        Assert.Equal(N * (D + 2), points.Length);
        Assert.Equal(points.Length, Saltelli.PointCount(D, N));
        for (var p = 0; p < points.Length; p++)
        {
            var role = Saltelli.RoleOf(p, D);
            Assert.Equal(p / (D + 2), role.BaseSample);
            var expected = (p % (D + 2)) switch
            {
                0 => new SaltelliPoint(SaltelliMatrix.A, p / (D + 2), -1),
                1 => new SaltelliPoint(SaltelliMatrix.B, p / (D + 2), -1),
                var r => new SaltelliPoint(SaltelliMatrix.AB, p / (D + 2), r - 2),
            };
            Assert.Equal(expected, role);
            Assert.Equal(p, Saltelli.IndexOf(role, D));
        }
    }

    [Fact]
    public void A_and_b_are_the_two_halves_of_the_2d_dimensional_sobol_points()
    {
        const int D = 3;
        const int N = 32;
        var points = Saltelli.Points(UnitFactors(D), N);
        var sobol = SobolSequence.Points(2 * D, N);

        for (var j = 0; j < N; j++)
        {
            Assert.Equal(sobol[j].Take(D), points[Saltelli.IndexOf(new SaltelliPoint(SaltelliMatrix.A, j, -1), D)]);
            Assert.Equal(sobol[j].Skip(D), points[Saltelli.IndexOf(new SaltelliPoint(SaltelliMatrix.B, j, -1), D)]);
        }
    }

    [Fact]
    public void Each_ab_i_equals_a_except_column_i_which_equals_bs()
    {
        Factor[] factors = [new Factor("honour", -1, 1), new Factor("states", 2, 9, IsInteger: true), Factor.WithLevels("doctrine", 0, 1, 2), new Factor("cost", 0, 10)];
        const int N = 64;
        var d = factors.Length;
        var points = Saltelli.Points(factors, N);

        for (var j = 0; j < N; j++)
        {
            var a = points[j * (d + 2)];
            var b = points[(j * (d + 2)) + 1];
            for (var i = 0; i < d; i++)
            {
                var ab = points[(j * (d + 2)) + 2 + i];
                for (var f = 0; f < d; f++)
                {
                    Assert.Equal(f == i ? b[f] : a[f], ab[f]);
                }
            }
        }
    }

    [Fact]
    public void Ten_factors_use_20_sobol_dimensions_and_more_than_500_are_refused()
    {
        Assert.Equal(12 * 8, Saltelli.Points(UnitFactors(10), 8).Length);
        Assert.Equal(500, Saltelli.MaxFactors);
        Assert.Throws<ArgumentOutOfRangeException>(() => Saltelli.Points(UnitFactors(501), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Saltelli.Points(UnitFactors(2), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Saltelli.IndexOf(new SaltelliPoint(SaltelliMatrix.AB, 0, 3), 3));
    }
}
