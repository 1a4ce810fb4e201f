using Anarchy.Plots;

namespace Anarchy.Tests.Plots;

public sealed class CurvesTests
{
    [Fact]
    public void AGridMainEffectAveragesThePointMeansAndThePointIntervalBoundsAtEachValue()
    {
        double[] factor = [0.5, 0.1, 0.5, 0.1, 0.5];
        double[] means = [1, 2, 3, 4, 5];
        double[] low = [0, 1, 2, 3, 4];
        double[] high = [2, 3, 4, 5, 9];

        var curve = Curves.GridMainEffect(FactorGroups.ByValue(factor), means, low, high);

        Assert.Equal(2, curve.Length);
        Assert.Equal(new CurvePoint(0.1, 3, 2, 4, 2), curve[0]);
        Assert.Equal(new CurvePoint(0.5, 3, 2, 5, 3), curve[1]);
    }

    [Fact]
    public void BinsAreTenEqualWidthsOverTheObservedRangeWithTheMaximumInTheLastBin()
    {
        double[] values = [0, 0.05, 0.1, 0.99, 1, 0.5];

        var groups = FactorGroups.Binned10(values);

        Assert.Equal([0, 0, 1, 9, 9, 5], groups.GroupOfPoint);
        Assert.Equal(0.05, groups.Positions[0], 12);
        Assert.Equal(0.95, groups.Positions[9], 12);
    }

    [Fact]
    public void AFactorOutsideAGridIsBinnedOnlyWhenItTakesMoreThanTenValues()
    {
        Assert.False(FactorGroups.For([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4], grid: false).Binned);
        Assert.True(FactorGroups.For(Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray(), grid: false).Binned);
        Assert.False(FactorGroups.For(Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray(), grid: true).Binned);
    }

    [Fact]
    public void ABinnedMainEffectIsTheStudentTIntervalOfThePointMeansInEachBinAndSkipsEmptyBins()
    {
        double[] factor = [0, 0.01, 0.02, 1];
        double[] means = [3, 5, 10, 7];

        var curve = Curves.BinnedMainEffect(FactorGroups.Binned10(factor), means);

        Assert.Equal(2, curve.Length); // bins 0 and 9
        // Bin 0 holds 3, 5 and 10: mean 6, sample variance (9 + 1 + 16) / 2 = 13, standard error sqrt(13 / 3);
        // t(0.975; 2) = 4.302652729911275 (SciPy t.ppf; tables: 4.303), so 6 -/+ 8.9566858953664372. The curve's
        // quantile (MathNet's, through MeanInterval) is within about 1e-10 of it, hence the tolerance of 1e-9.
        Assert.Equal(6, curve[0].Mean, 12);
        Assert.Equal(-2.9566858953664372, curve[0].Low, 1e-9);
        Assert.Equal(14.956685895366437, curve[0].High, 1e-9);
        Assert.Equal(3, curve[0].Count);
        Assert.Equal(7, curve[1].Mean);
        Assert.False(curve[1].HasInterval); // one point: no spread, no interval
    }

    [Fact]
    public void CellMeansAverageOverTheOtherFactorsAndLeaveEmptyCellsMissing()
    {
        var x = FactorGroups.ByValue([0, 0, 1, 1, 0]);
        var y = FactorGroups.ByValue([5, 5, 5, 5, 6]);

        var cells = Curves.CellMeans(x, y, [1, 3, 10, 20, 7]);

        Assert.Equal(2, cells[0, 0]);
        Assert.Equal(15, cells[0, 1]);
        Assert.Equal(7, cells[1, 0]);
        Assert.True(double.IsNaN(cells[1, 1]));
    }

    [Fact]
    public void ASeriesIsTheMeanAcrossRunsAtEachTickWithATIntervalAcrossRuns()
    {
        double[] ticks = [0, 1, 0, 1, 0, 1];
        double[] values = [1, 10, 2, 20, 6, 30];

        var curve = Curves.SeriesMean(ticks, values);

        Assert.Equal([0.0, 1.0], curve.Select(c => c.X));
        Assert.Equal(3, curve[0].Mean, 12);
        Assert.Equal(20, curve[1].Mean, 12);
        double half = 4.302652729911275 * 10 / Math.Sqrt(3); // t(0.975; 2) (SciPy) times the sd of 10, 20, 30 (10) over sqrt(3)
        Assert.Equal(20 - half, curve[1].Low, 1e-8);
        Assert.Equal(20 + half, curve[1].High, 1e-8);
    }
}
