using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

public sealed class RunningMomentsTests
{
    [Fact]
    public void Ten_thousand_values_match_a_two_pass_computation_to_one_part_in_a_trillion()
    {
        var random = new Random(20_240_601);
        var values = Enumerable.Range(0, 10_000).Select(_ => 1_000 + (250 * random.NextDouble()) - (75 * random.NextDouble())).ToArray();
        var moments = new RunningMoments();
        foreach (var value in values)
        {
            moments.Add(value);
        }

        var mean = values.Sum() / values.Length;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);

        Assert.Equal(10_000, moments.Count);
        Assert.True(Math.Abs(moments.Mean - mean) <= 1e-12 * Math.Abs(mean), $"mean {moments.Mean} vs {mean}");
        Assert.True(Math.Abs(moments.Variance - variance) <= 1e-12 * variance, $"variance {moments.Variance} vs {variance}");
        Assert.True(Math.Abs(moments.StandardDeviation - Math.Sqrt(variance)) <= 1e-12 * Math.Sqrt(variance));
    }

    [Fact]
    public void The_sample_variance_divides_by_n_minus_one()
    {
        var moments = new RunningMoments();
        foreach (var value in new[] { 1.0, 2, 3, 4, 5 })
        {
            moments.Add(value);
        }

        Assert.Equal(3.0, moments.Mean);
        Assert.Equal(2.5, moments.Variance, 1e-15);
    }

    [Fact]
    public void An_empty_accumulator_has_no_mean_and_one_value_has_no_variance()
    {
        var moments = new RunningMoments();
        Assert.Equal(0, moments.Count);
        Assert.True(double.IsNaN(moments.Mean));
        Assert.True(double.IsNaN(moments.Variance));

        moments.Add(4.5);
        Assert.Equal(4.5, moments.Mean);
        Assert.True(double.IsNaN(moments.Variance));
        Assert.True(double.IsNaN(moments.StandardDeviation));
    }

    [Fact]
    public void A_nan_value_is_not_skipped_and_makes_the_results_nan()
    {
        var moments = new RunningMoments();
        moments.Add(1);
        moments.Add(double.NaN);
        moments.Add(2);
        Assert.Equal(3, moments.Count);
        Assert.True(double.IsNaN(moments.Mean));
        Assert.True(double.IsNaN(moments.Variance));
    }
}
