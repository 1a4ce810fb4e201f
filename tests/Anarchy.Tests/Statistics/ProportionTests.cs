using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

/// <summary>
/// The Wilson score interval, against R 4.2.2's prop.test(x, n, correct = FALSE), which is the Wilson interval
/// without continuity correction, and against the formula computed independently here.
/// </summary>
public sealed class ProportionTests
{
    [Theory]
    [InlineData(0, 10, 0.95, 0.0, 0.27753279986288915)]
    [InlineData(5, 10, 0.95, 0.23659309051256402, 0.76340690948743595)]
    [InlineData(81, 263, 0.95, 0.25528851987827428, 0.36620957698280016)]
    [InlineData(10, 10, 0.95, 0.72246720013711085, 1.0)]
    [InlineData(1, 1, 0.95, 0.2065493143772375, 1.0)]
    [InlineData(81, 263, 0.99, 0.24013690268760776, 0.38528250231822986)]
    public void Wilson_matches_published_values(long successes, long trials, double level, double lower, double upper)
    {
        var p = Proportion.Wilson(successes, trials, level);
        Assert.Equal(successes, p.Successes);
        Assert.Equal(trials, p.Trials);
        Assert.Equal((double)successes / trials, p.Estimate);
        Assert.Equal(lower, p.Lower, 1e-9);
        Assert.Equal(upper, p.Upper, 1e-9);
    }

    [Fact]
    public void Wilson_81_of_263_matches_the_textbook_bounds()
    {
        // Newcombe (1998), Statistics in Medicine 17: 857-872, table I, 81/263, method 3 (Wilson score):
        // 0.2553 to 0.3662.
        var p = Proportion.Wilson(81, 263);
        Assert.Equal(0.2553, Math.Round(p.Lower, 4));
        Assert.Equal(0.3662, Math.Round(p.Upper, 4));
    }

    [Fact]
    public void Wilson_agrees_with_the_closed_form_solved_as_a_quadratic()
    {
        // The Wilson bounds are the roots in π of (p - π)² = z² π (1 - π) / n, that is
        // (1 + z²/n) π² - (2p + z²/n) π + p² = 0.
        const double z = 1.959963984540054;
        for (long n = 1; n <= 40; n += 3)
        {
            for (long x = 0; x <= n; x++)
            {
                double p = (double)x / n, a = 1 + (z * z / n), b = -((2 * p) + (z * z / n)), c = p * p;
                double root = Math.Sqrt((b * b) - (4 * a * c));
                double lo = (-b - root) / (2 * a), hi = (-b + root) / (2 * a);
                var w = Proportion.Wilson(x, n);
                Assert.Equal(Math.Max(0, lo), w.Lower, 1e-9);
                Assert.Equal(Math.Min(1, hi), w.Upper, 1e-9);
            }
        }
    }

    [Fact]
    public void Wilson_bounds_stay_in_the_unit_interval_and_contain_the_estimate()
    {
        foreach (double level in new[] { 0.5, 0.9, 0.95, 0.999999 })
        {
            for (long n = 1; n <= 60; n++)
            {
                for (long x = 0; x <= n; x++)
                {
                    var w = Proportion.Wilson(x, n, level);
                    Assert.InRange(w.Lower, 0.0, 1.0);
                    Assert.InRange(w.Upper, 0.0, 1.0);
                    Assert.True(w.Lower <= w.Estimate && w.Estimate <= w.Upper, $"{x}/{n} at {level}: [{w.Lower}, {w.Upper}]");
                }
            }
        }
    }

    [Fact]
    public void Wilson_bounds_at_none_or_all_successes_are_exactly_zero_or_one()
    {
        // Solving the quadratic at p = 0 gives π = 0 and at p = 1 gives π = 1, exactly; the estimate must lie inside
        // its own interval (before a fix, 3 of 3 at level 0.5 gave an upper bound of 0.9999999999999999).
        foreach (double level in new[] { 0.5, 0.8, 0.9, 0.95, 0.99 })
        {
            for (long n = 1; n <= 500; n++)
            {
                Assert.Equal(0.0, Proportion.Wilson(0, n, level).Lower);
                Assert.Equal(1.0, Proportion.Wilson(n, n, level).Upper);
            }
        }
    }

    [Fact]
    public void Wilson_is_symmetric_between_successes_and_failures()
    {
        var a = Proportion.Wilson(3, 17);
        var b = Proportion.Wilson(14, 17);
        Assert.Equal(a.Lower, 1 - b.Upper, 1e-12);
        Assert.Equal(a.Upper, 1 - b.Lower, 1e-12);
    }

    [Fact]
    public void Wilson_without_trials_is_nan()
    {
        var p = Proportion.Wilson(0, 0);
        Assert.Equal(0, p.Trials);
        Assert.True(double.IsNaN(p.Estimate) && double.IsNaN(p.Lower) && double.IsNaN(p.Upper));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    [InlineData(1, 0)]
    public void Wilson_refuses_impossible_counts(long successes, long trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(successes, trials));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Wilson_refuses_a_level_outside_zero_to_one(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(1, 2, level));
        Assert.Equal("level", e.ParamName);
    }
}
