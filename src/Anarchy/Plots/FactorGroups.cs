using System.Globalization;

namespace Anarchy.Plots;

/// <summary>
/// How the points of a sweep are grouped along one factor: by value (every distinct value its own group), or into
/// equal-width bins over the observed range when values hardly repeat (Latin hypercube, Sobol and Saltelli designs).
/// </summary>
internal sealed class FactorGroups
{
    /// <summary>Bins for a factor whose values do not repeat; also the most distinct values grouped by value outside a grid.</summary>
    public const int Bins = 10;

    private FactorGroups(int[] groupOfPoint, double[] positions, bool binned, double lower, double upper)
    {
        GroupOfPoint = groupOfPoint;
        Positions = positions;
        Binned = binned;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The group of each point, from 0.</summary>
    public int[] GroupOfPoint { get; }

    /// <summary>Each group's position on the factor's axis: its value, or the centre of its bin.</summary>
    public double[] Positions { get; }

    /// <summary>Each group's tick label: its value, or the centre of its bin.</summary>
    public string[] Labels => Positions.Select(Format).ToArray();

    /// <summary>True when the groups are bins.</summary>
    public bool Binned { get; }

    /// <summary>The lower edge of the first bin (the smallest value); for groups by value, the smallest value.</summary>
    public double Lower { get; }

    /// <summary>The upper edge of the last bin (the largest value); for groups by value, the largest value.</summary>
    public double Upper { get; }

    public int Count => Positions.Length;

    /// <summary>
    /// A grid's factor is grouped by value; any other design's factor too when it takes at most <see cref="Bins"/>
    /// distinct values (an integer parameter such as chainDepth), otherwise it is binned.
    /// </summary>
    public static FactorGroups For(double[] values, bool grid) =>
        grid || values.Distinct().Count() <= Bins ? ByValue(values) : Binned10(values);

    /// <summary>One group per distinct value, in increasing order.</summary>
    public static FactorGroups ByValue(double[] values)
    {
        var distinct = values.Distinct().Order().ToArray();
        var index = new Dictionary<double, int>();
        for (int g = 0; g < distinct.Length; g++) index[distinct[g]] = g;
        return new FactorGroups(values.Select(v => index[v]).ToArray(), distinct, binned: false, distinct[0], distinct[^1]);
    }

    /// <summary>
    /// <see cref="Bins"/> equal-width bins over [min, max] of the values; bin k holds min + k w &lt;= v &lt; min + (k + 1) w,
    /// and the maximum falls in the last bin.
    /// </summary>
    public static FactorGroups Binned10(double[] values)
    {
        double min = values.Min(), max = values.Max();
        double width = (max - min) / Bins;
        var groups = values.Select(v => width > 0 ? Math.Clamp((int)Math.Floor((v - min) / width), 0, Bins - 1) : 0).ToArray();
        var positions = Enumerable.Range(0, Bins).Select(k => min + ((k + 0.5) * width)).ToArray();
        return new FactorGroups(groups, positions, binned: true, min, max);
    }

    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
