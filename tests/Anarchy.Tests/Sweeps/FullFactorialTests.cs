using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Tests.Sweeps;

public sealed class FullFactorialTests
{
    [Fact]
    public void Every_combination_appears_exactly_once_and_the_count_is_the_product_of_the_level_counts()
    {
        Factor[] factors =
        [
            Factor.WithLevels("doctrine", 3, 1, 2),
            new Factor("honour", 0, 1),
            new Factor("states", 0, 2, IsInteger: true),
        ];
        var levels = factors.Select(f => FullFactorial.LevelsOf(f)).ToArray();
        Assert.Equal([3, 5, 3], levels.Select(l => l.Count));

        var points = FullFactorial.Points(factors);

        Assert.Equal(3 * 5 * 3, points.Length);
        var seen = new HashSet<(double, double, double)>();
        foreach (var point in points)
        {
            Assert.Equal(3, point.Length);
            Assert.True(seen.Add((point[0], point[1], point[2])), "a combination appeared twice");
        }

        var expected = from a in levels[0] from b in levels[1] from c in levels[2] select (a, b, c);
        Assert.True(seen.SetEquals(expected));
    }

    [Fact]
    public void The_last_factor_varies_fastest()
    {
        Factor[] factors = [Factor.WithLevels("a", 1, 2), Factor.WithLevels("b", 10, 20, 30)];
        double[][] expected = [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]];
        Assert.Equal(expected, FullFactorial.Points(factors));
    }

    [Fact]
    public void A_range_takes_evenly_spaced_values_from_min_to_max_inclusive()
    {
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], FullFactorial.LevelsOf(new Factor("x", 0, 1)));
        Assert.Equal([-1, 1], FullFactorial.LevelsOf(new Factor("x", -1, 1), levelsPerRange: 2));

        // The last value is Max itself, not Min plus a rounded span.
        var thirds = FullFactorial.LevelsOf(new Factor("x", 0.1, 0.3), levelsPerRange: 3);
        Assert.Equal(3, thirds.Count);
        Assert.Equal(0.1, thirds[0]);
        Assert.Equal(0.2, thirds[1], 1e-15);
        Assert.Equal(0.3, thirds[2]);
    }

    [Fact]
    public void An_integer_range_takes_distinct_rounded_values()
    {
        // 1, 1.5, 2, 2.5, 3 round (halves away from zero) to 1, 2, 2, 3, 3.
        Assert.Equal([1, 2, 3], FullFactorial.LevelsOf(new Factor("n", 1, 3, IsInteger: true)));
        Assert.Equal([0, 5, 10], FullFactorial.LevelsOf(new Factor("n", 0, 10, IsInteger: true), levelsPerRange: 3));
        Assert.Equal([4], FullFactorial.LevelsOf(new Factor("n", 4, 4, IsInteger: true)));
    }

    [Fact]
    public void A_range_of_one_value_contributes_a_single_level()
    {
        var points = FullFactorial.Points([new Factor("fixed", 2, 2), Factor.WithLevels("a", 1, 2)]);
        Assert.Equal([[2.0, 1.0], [2.0, 2.0]], points);
    }

    [Fact]
    public void Fewer_than_two_values_per_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FullFactorial.Points([new Factor("x", 0, 1)], levelsPerRange: 1));
    }
}
