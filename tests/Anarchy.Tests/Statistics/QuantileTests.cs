using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

public sealed class QuantileTests
{
    [Fact]
    public void The_40th_percentile_of_one_to_four_is_2_2_as_in_numpy()
    {
        // numpy.quantile([1, 2, 3, 4], 0.4) == 2.2
        Assert.Equal(2.2, Descriptive.Quantile([1.0, 2, 3, 4], 0.4));
    }

    [Fact]
    public void The_median_of_numpy_documentation_example_is_3_5()
    {
        // numpy.quantile([[10, 7, 4], [3, 2, 1]], 0.5) == 3.5 (the array flattened and sorted).
        Assert.Equal(3.5, Descriptive.Quantile([1.0, 2, 3, 4, 7, 10], 0.5));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 3.25)]
    [InlineData(0.5, 5.5)]
    [InlineData(0.75, 7.75)]
    [InlineData(1.0, 10.0)]
    public void The_quartiles_of_one_to_ten_match_r_and_numpy(double p, double expected)
    {
        // R: quantile(1:10) gives 1, 3.25, 5.5, 7.75, 10; numpy.quantile(range(1, 11), p) agrees.
        Assert.Equal(expected, Descriptive.Quantile([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], p));
    }

    [Fact]
    public void A_single_value_is_every_quantile()
    {
        Assert.Equal(4.0, Descriptive.Quantile([4.0], 0.0));
        Assert.Equal(4.0, Descriptive.Quantile([4.0], 0.3));
        Assert.Equal(4.0, Descriptive.Quantile([4.0], 1.0));
    }

    [Fact]
    public void An_exact_order_statistic_next_to_infinity_is_not_nan()
    {
        Assert.Equal(1.0, Descriptive.Quantile([0.0, 1, double.PositiveInfinity], 0.5));
    }

    [Fact]
    public void An_empty_sample_or_a_probability_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Descriptive.Quantile([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptive.Quantile([1.0], -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptive.Quantile([1.0], 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptive.Quantile([1.0], double.NaN));
    }
}
