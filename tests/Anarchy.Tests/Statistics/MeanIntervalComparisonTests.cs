using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

/// <summary>
/// <see cref="MeanInterval.Of"/>, Welch's <see cref="MeanInterval.Difference"/> and the delta-method
/// <see cref="MeanInterval.Ratio"/>. Reference values are from R 4.2.2 (t.test with var.equal = FALSE, qt), from
/// SciPy 1.10 (scipy.stats.t.ppf, where marked) and from the hand computations written beside them. Student t
/// quantiles are never taken from MathNet, which the code under test uses for them. MathNet's quantile is off by up
/// to about 3e-9 relative on these degrees of freedom (t(0.95; 4): 2.1318467863 against 2.1318467813), so bounds that
/// rest on a quantile not checked against R to 1e-12 are compared to 1e-8: a wrong level or number of degrees of
/// freedom moves them by 1e-2 or more.
/// </summary>
public sealed class MeanIntervalComparisonTests
{
    private static readonly double[] OneToFive = [1, 2, 3, 4, 5];
    private static readonly double[] Evens = [2, 4, 6, 8];

    [Fact]
    public void Of_gives_the_student_t_interval_of_r_at_both_levels()
    {
        // R: t.test(1:5)$conf.int = 1.0367568385224428, 4.9632431614775570.
        var interval = MeanInterval.Of(OneToFive);
        Assert.Equal(5, interval.Count);
        Assert.Equal(3.0, interval.Mean);
        Assert.Equal(1.0367568385224428, interval.Lower, 1e-12);
        Assert.Equal(4.9632431614775570, interval.Upper, 1e-12);

        // t.test(1:5, conf.level = 0.9): 3 -/+ t(0.95; 4) * sqrt(2.5 / 5), t(0.95; 4) = 2.13184678133629 (SciPy),
        // = 1.4925566844663944, 4.5074433155336060.
        var ninety = MeanInterval.Of(OneToFive, 0.9);
        Assert.Equal(3.0, ninety.Mean);
        Assert.Equal(1.4925566844663944, ninety.Lower, 1e-8);
        Assert.Equal(4.5074433155336060, ninety.Upper, 1e-8);
        Assert.Equal(2.13184678133629 * Math.Sqrt(0.5), ninety.HalfWidth, 1e-8);
    }

    [Fact]
    public void Of_an_empty_or_single_sample_gives_nan_bounds()
    {
        var none = MeanInterval.Of([]);
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.Lower) && double.IsNaN(none.Upper));
        Assert.Equal(0, none.Count);

        var one = MeanInterval.Of([4.5]);
        Assert.Equal(4.5, one.Mean);
        Assert.True(double.IsNaN(one.Lower) && double.IsNaN(one.Upper));
    }

    [Fact]
    public void Of_refuses_null_and_a_bad_level()
    {
        Assert.Throws<ArgumentNullException>(() => MeanInterval.Of(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.Of(OneToFive, 1.5));
    }

    [Fact]
    public void Difference_matches_welchs_t_interval_from_r()
    {
        // a = 1..5: mean 3, s² = 2.5, s²/n = 0.5. b = 2, 4, 6, 8: mean 5, s² = 20/3, s²/n = 5/3.
        // se = √(0.5 + 5/3) = √(13/6) = 1.4719601443879744.
        // df = (13/6)² / (0.5² / 4 + (5/3)² / 3) = (169/36) / (1/16 + 25/27) = 4.7494145199063222.
        // R: t.test(a, b)$conf.int = -5.8446363839400908, 1.8446363839400908.
        var d = MeanInterval.Difference(OneToFive, Evens);
        Assert.Equal(-2.0, d.Mean, 1e-15);
        Assert.Equal(9, d.Count);
        Assert.Equal(-5.8446363839400908, d.Lower, 1e-9);
        Assert.Equal(1.8446363839400908, d.Upper, 1e-9);

        // The half-width is the t quantile at the Welch–Satterthwaite df times the standard error.
        double se = Math.Sqrt(13.0 / 6);
        double df = (169.0 / 36) / ((1.0 / 16) + (25.0 / 27));
        Assert.Equal(4.7494145199063222, df, 1e-12);
        const double t = 2.611916089303254; // SciPy: t.ppf(0.975, 4.749414519906323)
        Assert.Equal(t * se, d.HalfWidth, 1e-9);
    }

    [Fact]
    public void Difference_at_ninety_percent_matches_r()
    {
        // R: t.test(a, b, conf.level = 0.9)$conf.int = -5.0009923674920449, 1.0009923674920449.
        var d = MeanInterval.Difference(OneToFive, Evens, 0.9);
        Assert.Equal(-5.0009923674920449, d.Lower, 1e-9);
        Assert.Equal(1.0009923674920449, d.Upper, 1e-9);
    }

    [Fact]
    public void Difference_is_antisymmetric()
    {
        var ab = MeanInterval.Difference(OneToFive, Evens);
        var ba = MeanInterval.Difference(Evens, OneToFive);
        Assert.Equal(-ab.Mean, ba.Mean, 1e-15);
        Assert.Equal(-ab.Upper, ba.Lower, 1e-12);
        Assert.Equal(-ab.Lower, ba.Upper, 1e-12);
    }

    [Fact]
    public void Difference_with_equal_variances_and_sizes_uses_the_pooled_degrees_of_freedom()
    {
        // Equal s² and n: df = (2v)² / (2 v² / (n - 1)) = 2(n - 1), the pooled test's degrees of freedom.
        double[] a = [1, 2, 3, 4], b = [11, 12, 13, 14];
        var d = MeanInterval.Difference(a, b);
        double se = Math.Sqrt(2 * (5.0 / 3) / 4);
        const double t = 2.4469118487916806; // SciPy: t.ppf(0.975, 6); R: qt(0.975, 6) = 2.446912
        Assert.Equal(-10.0, d.Mean);
        Assert.Equal(t * se, d.HalfWidth, 1e-8);
    }

    [Fact]
    public void Difference_of_constant_samples_has_zero_width()
    {
        var d = MeanInterval.Difference([3.0, 3.0, 3.0], [1.0, 1.0]);
        Assert.Equal((2.0, 2.0, 2.0), (d.Lower, d.Mean, d.Upper));
        Assert.Equal(5, d.Count);
    }

    [Fact]
    public void Difference_with_a_sample_of_fewer_than_two_values_has_nan_bounds()
    {
        var d = MeanInterval.Difference([7.0], OneToFive);
        Assert.Equal(4.0, d.Mean);
        Assert.Equal(6, d.Count);
        Assert.True(double.IsNaN(d.Lower) && double.IsNaN(d.Upper));

        var empty = MeanInterval.Difference(OneToFive, []);
        Assert.True(double.IsNaN(empty.Mean) && double.IsNaN(empty.Lower));
    }

    [Fact]
    public void Difference_refuses_null_samples()
    {
        Assert.Throws<ArgumentNullException>(() => MeanInterval.Difference(null!, OneToFive));
        Assert.Throws<ArgumentNullException>(() => MeanInterval.Difference(OneToFive, null!));
    }

    [Fact]
    public void Ratio_matches_the_hand_computed_delta_method_interval()
    {
        // n = (1, 0, 2, 1), d = (4, 3, 5, 2): R = 4 / 14 = 2/7.
        // Residuals nᵢ - R dᵢ = (-1/7, -6/7, 4/7, 3/7), mean 0, sample variance (1 + 36 + 16 + 9) / 49 / 3 = 62/147.
        // d̄ = 3.5, se = √(62/147 / 4) / 3.5 = 0.0927767462379990; t(0.975; 3) = 3.1824463052837078 (R: qt).
        // Interval 2/7 ± t se = -0.0095427275670784, 0.5809712989956498 (the same numbers from R).
        double[] numerators = [1, 0, 2, 1], denominators = [4, 3, 5, 2];
        var r = MeanInterval.Ratio(numerators, denominators);
        Assert.Equal(2.0 / 7, r.Mean, 1e-15);
        Assert.Equal(4, r.Count);
        double se = Math.Sqrt(62.0 / 147 / 4) / 3.5;
        Assert.Equal(0.0927767462379990165, se, 1e-15);
        Assert.Equal(3.1824463052837078 * se, r.HalfWidth, 1e-10);
        Assert.Equal(-0.0095427275670784129, r.Lower, 1e-10);
        Assert.Equal(0.5809712989956498097, r.Upper, 1e-10);
    }

    [Fact]
    public void Ratio_is_the_ratio_of_sums_not_the_mean_of_ratios()
    {
        // Runs with 1 of 1 and 0 of 9: mean of ratios 0.5, ratio of sums 0.1.
        var r = MeanInterval.Ratio([1, 0], [1, 9]);
        Assert.Equal(0.1, r.Mean, 1e-15);
    }

    [Fact]
    public void Ratio_with_proportional_numerators_has_zero_width()
    {
        var r = MeanInterval.Ratio([1, 2, 3], [2, 4, 6]);
        Assert.Equal(0.5, r.Mean);
        Assert.Equal(0.5, r.Lower, 1e-15);
        Assert.Equal(0.5, r.Upper, 1e-15);
    }

    [Fact]
    public void Ratio_with_zero_denominators_is_nan()
    {
        var r = MeanInterval.Ratio([0, 0, 0], [0, 0, 0]);
        Assert.True(double.IsNaN(r.Mean) && double.IsNaN(r.Lower) && double.IsNaN(r.Upper));
        Assert.Equal(3, r.Count);

        var none = MeanInterval.Ratio([], []);
        Assert.True(double.IsNaN(none.Mean));
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void Ratio_of_a_single_run_has_nan_bounds()
    {
        var r = MeanInterval.Ratio([3], [4]);
        Assert.Equal(0.75, r.Mean);
        Assert.True(double.IsNaN(r.Lower) && double.IsNaN(r.Upper));
        Assert.Equal(1, r.Count);
    }

    [Fact]
    public void Ratio_refuses_mismatched_lengths_and_null()
    {
        var e = Assert.Throws<ArgumentException>(() => MeanInterval.Ratio([1, 2, 3], [1, 2]));
        Assert.Equal("denominators", e.ParamName);
        Assert.Throws<ArgumentException>(() => MeanInterval.Ratio([], [1]));
        Assert.Throws<ArgumentNullException>(() => MeanInterval.Ratio(null!, [1]));
        Assert.Throws<ArgumentNullException>(() => MeanInterval.Ratio([1], null!));
    }

    [Fact]
    public void Ratio_widens_with_the_confidence_level()
    {
        double[] numerators = [1, 0, 2, 1], denominators = [4, 3, 5, 2];
        var r90 = MeanInterval.Ratio(numerators, denominators, 0.9);
        var r99 = MeanInterval.Ratio(numerators, denominators, 0.99);
        Assert.True(r90.HalfWidth < r99.HalfWidth);
        Assert.Equal(2.3533634348018264 * 0.0927767462379990165, r90.HalfWidth, 1e-10); // SciPy: t.ppf(0.95, 3)
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Difference_and_ratio_refuse_a_level_outside_zero_to_one_as_the_t_interval_does(double level)
    {
        // Level 1 would silently give an infinite interval and level 0 a zero-width one.
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.Difference(OneToFive, Evens, level)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.Ratio([1, 0, 2, 1], [4, 3, 5, 2], level)).ParamName);
        // Refused even where no quantile is needed, as StudentT refuses it for a single value.
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.Difference([1.0], [2.0], level));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.Ratio([0], [0], level));
    }
}
