using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

public sealed class MeanIntervalTests
{
    private static RunningMoments Of(params double[] values)
    {
        var moments = new RunningMoments();
        foreach (var value in values)
        {
            moments.Add(value);
        }

        return moments;
    }

    [Fact]
    public void The_95_percent_interval_of_one_to_five_matches_the_hand_computed_value()
    {
        // Sample {1, 2, 3, 4, 5}: mean 3, s = sqrt(2.5), standard error s / sqrt(5) = sqrt(0.5).
        // t(0.975; 4) = 2.7764451051977987, so the half-width is 2.7764451051977987 * sqrt(0.5) = 1.9632431614775607.
        // (R's qt(0.975, 4) gives 2.7764451051977934; the t quantile is computed numerically, hence the tolerance.)
        var interval = MeanInterval.StudentT(Of(1, 2, 3, 4, 5));
        Assert.Equal(5, interval.Count);
        Assert.Equal(3.0, interval.Mean);
        Assert.Equal(3 - 1.9632431614775607, interval.Lower, 1e-12);
        Assert.Equal(3 + 1.9632431614775607, interval.Upper, 1e-12);
        Assert.Equal(1.9632431614775607, interval.HalfWidth, 1e-12);
    }

    [Fact]
    public void The_99_percent_interval_uses_the_matching_quantile()
    {
        // t(0.995; 4) = 4.604094871349992, from the closed form for 4 degrees of freedom, 2·sqrt(q - 1) with
        // q = cos(arccos(sqrt(a)) / 3) / sqrt(a) and a = 4p(1 - p); R's qt(0.995, 4) agrees.
        var interval = MeanInterval.StudentT(Of(1, 2, 3, 4, 5), level: 0.99);
        Assert.Equal(4.604094871349992 * Math.Sqrt(0.5), interval.HalfWidth, 1e-11);
    }

    [Fact]
    public void Fewer_than_two_values_give_nan_bounds()
    {
        var one = MeanInterval.StudentT(Of(7));
        Assert.Equal(7.0, one.Mean);
        Assert.True(double.IsNaN(one.Lower) && double.IsNaN(one.Upper));
        Assert.Equal(1, one.Count);

        var none = MeanInterval.StudentT(new RunningMoments());
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.Lower) && double.IsNaN(none.Upper));
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void Identical_values_give_a_zero_width_interval()
    {
        var interval = MeanInterval.StudentT(Of(2, 2, 2));
        Assert.Equal((2.0, 2.0, 2.0), (interval.Lower, interval.Mean, interval.Upper));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_level_outside_zero_to_one_is_refused(double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanInterval.StudentT(Of(1, 2), level));
    }
}
