using Anarchy.Statistics;

namespace Anarchy.Plots;

/// <summary>One point of a plotted curve: a position, the estimate, its interval (NaN when there is none) and the values behind it.</summary>
internal readonly record struct CurvePoint(double X, double Mean, double Low, double High, int Count)
{
    public bool HasInterval => double.IsFinite(Low) && double.IsFinite(High);
}

/// <summary>The statistics behind the plots, kept apart from the drawing so that they can be checked.</summary>
internal static class Curves
{
    /// <summary>
    /// Main effect on a grid: for each value of the factor, the mean of <c>&lt;output&gt;_mean</c> over the points
    /// at that value (every combination of the other factors), and as interval the mean of their <c>_ci_low</c> and
    /// the mean of their <c>_ci_high</c>. The interval is the average of the points' own 95% Student-t intervals of
    /// the mean over replicates: it shows how precisely one point's mean is known, not the spread over the other
    /// factors and not a confidence interval for the main effect itself. Points with a missing value are left out
    /// of that average.
    /// </summary>
    public static CurvePoint[] GridMainEffect(FactorGroups groups, double[] means, double[] ciLow, double[] ciHigh)
    {
        var result = new CurvePoint[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var members = Members(groups, g);
            result[g] = new CurvePoint(groups.Positions[g], FiniteMean(members.Select(p => means[p])),
                FiniteMean(members.Select(p => ciLow[p])), FiniteMean(members.Select(p => ciHigh[p])), members.Count);
        }
        return result;
    }

    /// <summary>
    /// Main effect for a design whose values do not repeat: for each group of points (a bin, or a value), the mean of
    /// the points' <c>&lt;output&gt;_mean</c> with its 95% Student-t interval over those points (n - 1 degrees of
    /// freedom, n the points in the group; no interval with fewer than two). Empty groups are left out.
    /// </summary>
    public static CurvePoint[] BinnedMainEffect(FactorGroups groups, double[] means)
    {
        var result = new List<CurvePoint>();
        for (int g = 0; g < groups.Count; g++)
        {
            var values = Members(groups, g).Select(p => means[p]).Where(double.IsFinite).ToList();
            if (values.Count == 0) continue;
            var interval = Interval(values);
            result.Add(new CurvePoint(groups.Positions[g], interval.Mean, interval.Lower, interval.Upper, values.Count));
        }
        return result.ToArray();
    }

    /// <summary>
    /// The mean of <c>&lt;output&gt;_mean</c> over the points in each cell of two factors' groups, averaging over the
    /// other factors: [y group, x group]; NaN for a cell without points.
    /// </summary>
    public static double[,] CellMeans(FactorGroups x, FactorGroups y, double[] means)
    {
        var sum = new double[y.Count, x.Count];
        var count = new int[y.Count, x.Count];
        for (int p = 0; p < means.Length; p++)
        {
            if (!double.IsFinite(means[p])) continue;
            sum[y.GroupOfPoint[p], x.GroupOfPoint[p]] += means[p];
            count[y.GroupOfPoint[p], x.GroupOfPoint[p]]++;
        }
        var cells = new double[y.Count, x.Count];
        for (int i = 0; i < y.Count; i++)
        {
            for (int j = 0; j < x.Count; j++) cells[i, j] = count[i, j] > 0 ? sum[i, j] / count[i, j] : double.NaN;
        }
        return cells;
    }

    /// <summary>
    /// A time series over runs: for each tick, the mean of the output over the runs that recorded it, with the 95%
    /// Student-t interval across those runs (n - 1 degrees of freedom; no interval with a single run).
    /// </summary>
    public static CurvePoint[] SeriesMean(double[] ticks, double[] values)
    {
        var byTick = new SortedDictionary<double, List<double>>();
        for (int r = 0; r < ticks.Length; r++)
        {
            if (!double.IsFinite(values[r])) continue;
            if (!byTick.TryGetValue(ticks[r], out var list)) byTick[ticks[r]] = list = [];
            list.Add(values[r]);
        }
        return byTick.Select(t =>
        {
            var interval = Interval(t.Value);
            return new CurvePoint(t.Key, interval.Mean, interval.Lower, interval.Upper, t.Value.Count);
        }).ToArray();
    }

    private static MeanInterval Interval(List<double> values)
    {
        var moments = new RunningMoments();
        foreach (double v in values) moments.Add(v);
        return MeanInterval.StudentT(moments);
    }

    private static List<int> Members(FactorGroups groups, int group)
    {
        var members = new List<int>();
        for (int p = 0; p < groups.GroupOfPoint.Length; p++)
        {
            if (groups.GroupOfPoint[p] == group) members.Add(p);
        }
        return members;
    }

    private static double FiniteMean(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            sum += v;
            n++;
        }
        return n > 0 ? sum / n : double.NaN;
    }
}
