using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

/// <summary>
/// <see cref="TTest"/>'s p-values. Reference values: R's printed <c>t.test</c> output where quoted (R 4.x, to the
/// digits R prints), and the regularised incomplete beta function in mpmath 1.3 at 40 significant digits,
/// p = I_{ν/(ν + t²)}(ν/2, 1/2), for the full-precision values (written beside each). None is computed with MathNet,
/// which the code under test uses; MathNet's t distribution agrees with them to about 1e-9 relative.
/// </summary>
public sealed class TTestTests
{
    private static readonly double[] OneToFive = [1, 2, 3, 4, 5];
    private static readonly double[] Evens = [2, 4, 6, 8];

    // R's sleep data (Cushny and Peebles): extra hours of sleep under two drugs, the same ten patients.
    private static readonly double[] SleepDrug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepDrug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void One_sample_matches_r()
    {
        // R: t.test(1:5): t = 4.2426, df = 4, p-value = 0.01324. mpmath: p = 0.013235599563682690.
        var test = TTest.OneSample(OneToFive);
        Assert.Equal(3.0, test.Estimate);
        Assert.Equal(Math.Sqrt(0.5), test.StandardError, 1e-15);
        Assert.Equal(4, test.DegreesOfFreedom);
        Assert.Equal(4.2426406871192851, test.Statistic, 1e-12);
        Assert.Equal(0.013235599563682690, test.P, 1e-11);
        Assert.Equal(5, test.Count);
        Assert.Equal(1, test.Sign);

        // R: t.test(1:5, mu = 2): t = 1.4142, p-value = 0.2302. mpmath: 0.23019964108049898.
        var shifted = TTest.OneSample(OneToFive, 2);
        Assert.Equal(2, shifted.Null);
        Assert.Equal(Math.Sqrt(2), shifted.Statistic, 1e-12);
        Assert.Equal(0.23019964108049898, shifted.P, 1e-10);
    }

    [Fact]
    public void Paired_matches_r_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) (R >= 4.4: with(sleep, t.test(extra[group == 1],
        // extra[group == 2], paired = TRUE))): t = -4.0621, df = 9, p-value = 0.002833, mean difference -1.58,
        // 95 percent confidence interval -2.4598858 -0.7001142. mpmath: p = 0.0028328901973842727.
        var test = TTest.Paired(SleepDrug1, SleepDrug2);
        Assert.Equal(-1.58, test.Estimate, 1e-14);
        Assert.Equal(9, test.DegreesOfFreedom);
        Assert.Equal(-4.0621276833820361, test.Statistic, 1e-12);
        Assert.Equal(0.0028328901973842727, test.P, 1e-11);
        Assert.Equal(-1, test.Sign);
        var interval = test.Interval();
        Assert.Equal(-2.4598858, interval.Lower, 1e-7);
        Assert.Equal(-0.7001142, interval.Upper, 1e-7);
    }

    [Fact]
    public void Welch_matches_r_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent confidence
        // interval -3.3654832 0.2054832. mpmath: df = 17.776473516178490, p = 0.079394140187358138.
        var test = TTest.Welch(SleepDrug1, SleepDrug2);
        Assert.Equal(-1.58, test.Estimate, 1e-14);
        Assert.Equal(17.776473516178490, test.DegreesOfFreedom, 1e-11);
        Assert.Equal(-1.8608134674868531, test.Statistic, 1e-12);
        Assert.Equal(0.079394140187358138, test.P, 1e-10);
        var interval = test.Interval();
        Assert.Equal(-3.3654832, interval.Lower, 1e-7);
        Assert.Equal(0.2054832, interval.Upper, 1e-7);
        Assert.Equal(20, test.Count);
    }

    [Fact]
    public void Welch_on_unequal_samples_matches_the_hand_computation()
    {
        // a = 1..5, b = 2, 4, 6, 8 (as in MeanIntervalComparisonTests): se = √(13/6), df = 4.7494145199063222,
        // t = -2 / √(13/6) = -1.3587324409735149. mpmath: p = 0.23519411138940563.
        var test = TTest.Welch(OneToFive, Evens);
        Assert.Equal(-1.3587324409735149, test.Statistic, 1e-12);
        Assert.Equal(4.7494145199063222, test.DegreesOfFreedom, 1e-12);
        Assert.Equal(0.23519411138940563, test.P, 1e-10);
    }

    [Fact]
    public void Ratio_tests_the_delta_method_ratio_against_a_reference()
    {
        // n = (1, 0, 2, 1), d = (4, 3, 5, 2): R = 2/7, se = 0.0927767462379990 (MeanIntervalComparisonTests), df 3.
        // Against 0.05: t = (2/7 - 0.05) / se = 2.5406612677449457. mpmath: p = 0.084630570770614738.
        var test = TTest.Ratio([1, 0, 2, 1], [4, 3, 5, 2], 0.05);
        Assert.Equal(2.0 / 7, test.Estimate, 1e-15);
        Assert.Equal(0.0927767462379990165, test.StandardError, 1e-15);
        Assert.Equal(3, test.DegreesOfFreedom);
        Assert.Equal(2.5406612677449457, test.Statistic, 1e-12);
        Assert.Equal(0.084630570770614738, test.P, 1e-10);
    }

    [Fact]
    public void Each_test_matches_the_interval_of_mean_interval()
    {
        // The same estimate, standard error and degrees of freedom as the intervals the studies show, so the 95%
        // interval excludes the null value exactly when p < 0.05.
        AssertSame(MeanInterval.Of(OneToFive), TTest.OneSample(OneToFive).Interval());
        AssertSame(MeanInterval.Of(SleepDrug1.Select((x, i) => x - SleepDrug2[i])), TTest.Paired(SleepDrug1, SleepDrug2).Interval());
        AssertSame(MeanInterval.Difference(OneToFive, Evens), TTest.Welch(OneToFive, Evens).Interval());
        AssertSame(MeanInterval.Difference(OneToFive, Evens, 0.9), TTest.Welch(OneToFive, Evens).Interval(0.9));
        AssertSame(MeanInterval.Ratio([1, 0, 2, 1], [4, 3, 5, 2]), TTest.Ratio([1, 0, 2, 1], [4, 3, 5, 2], 0.05).Interval());

        static void AssertSame(MeanInterval expected, MeanInterval actual)
        {
            Assert.Equal(expected.Mean, actual.Mean, 1e-14);
            Assert.Equal(expected.Lower, actual.Lower, 1e-12);
            Assert.Equal(expected.Upper, actual.Upper, 1e-12);
            Assert.Equal(expected.Count, actual.Count);
        }
    }

    [Fact]
    public void Two_sided_p_keeps_its_precision_in_the_tail()
    {
        // df 2 has a closed form: p = 1 - |t| / √(2 + t²); at t = 1, 1 - 1/√3 = 0.42264973081037424.
        Assert.Equal(0.42264973081037424, TTest.TwoSidedP(1, 2), 1e-12);
        Assert.Equal(0.42264973081037424, TTest.TwoSidedP(-1, 2), 1e-12);
        Assert.Equal(1, TTest.TwoSidedP(0, 7));
        // mpmath: t = 10 on 30 df, p = 4.5752514082296132e-11; t = 40 on 100 df, p = 2.4621076021400708e-63
        // (1 - CDF would give 0 for both).
        Assert.Equal(4.5752514082296132e-11, TTest.TwoSidedP(10, 30), 1e-19);
        Assert.Equal(1, TTest.TwoSidedP(40, 100) / 2.4621076021400708e-63, 1e-6);
        Assert.Equal(0, TTest.TwoSidedP(double.PositiveInfinity, 5));
        Assert.True(double.IsNaN(TTest.TwoSidedP(double.NaN, 5)));
    }

    [Fact]
    public void Values_without_spread_decide_by_the_estimate_alone()
    {
        // As the zero-width interval does: a constant difference that is not the null value is significant, the null
        // value itself is not.
        var zero = TTest.Paired([1.0, 2, 3], [1.0, 2, 3]);
        Assert.Equal(1, zero.P);
        Assert.Equal(0, zero.Statistic);
        Assert.Equal(0, zero.Sign);
        var constant = TTest.OneSample([2.0, 2, 2]);
        Assert.Equal(0, constant.P);
        Assert.Equal(double.PositiveInfinity, constant.Statistic);
        var welch = TTest.Welch([3.0, 3, 3], [1.0, 1]);
        Assert.Equal(0, welch.P);
        Assert.Equal((2.0, 2.0), (welch.Interval().Lower, welch.Interval().Upper));
        var ratio = TTest.Ratio([0, 0, 0], [5, 3, 2], 0.05);
        Assert.Equal(0, ratio.P);
        Assert.Equal(-1, ratio.Sign);
    }

    [Fact]
    public void Too_few_values_give_an_undefined_test()
    {
        Assert.True(double.IsNaN(TTest.OneSample([4.5]).P));
        Assert.True(double.IsNaN(TTest.OneSample([]).P));
        Assert.True(double.IsNaN(TTest.Welch([7.0], OneToFive).P));
        Assert.True(double.IsNaN(TTest.Ratio([0, 0], [0, 0], 0.05).P));
        Assert.True(double.IsNaN(TTest.Ratio([1], [2], 0.05).P));
        Assert.True(double.IsNaN(TTest.OneSample([4.5]).Interval().Lower));
        Assert.Equal(0, TTest.Ratio([0, 0], [0, 0], 0.05).Sign);
        // No null value (an observed value that is missing): no test, even for values without spread.
        Assert.True(double.IsNaN(TTest.OneSample([2.0, 2, 2], double.NaN).P));
        Assert.True(double.IsNaN(TTest.OneSample(OneToFive, double.NaN).P));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TTest.Paired([1.0, 2], [1.0]));
        Assert.Throws<ArgumentException>(() => TTest.Ratio([1.0, 2], [1.0], 0.05));
        Assert.Throws<ArgumentNullException>(() => TTest.OneSample(null!));
        Assert.Throws<ArgumentNullException>(() => TTest.Welch(null!, OneToFive));
        Assert.Throws<ArgumentOutOfRangeException>(() => TTest.OneSample(OneToFive).Interval(1));
    }
}
