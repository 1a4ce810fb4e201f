using System.Globalization;
using ScottPlot;

namespace Anarchy.Plots;

/// <summary>One line of a line chart: a mean per x with an optional 95% band.</summary>
public sealed record LineSeries(string Label, double[] X, double[] Mean, double[]? Low = null, double[]? High = null);

/// <summary>One colour of a grouped bar chart: a value per group with an optional 95% interval.</summary>
public sealed record BarSeries(string Label, double[] Mean, double[]? Low = null, double[]? High = null);

/// <summary>
/// The plots of study reports, in the same frame as <see cref="StudyPlots"/> (size, DejaVu Sans, title with a
/// subtitle, legend below, all-or-nothing PNG write): lines with bands, grouped bars with intervals, and labelled
/// heatmaps. Each returns the path written.
/// </summary>
public static class ReportPlots
{
    private static readonly Color[] Palette =
    [
        Figure.Estimate, Figure.Second, Color.FromHex("#548235"), Color.FromHex("#7030A0"),
        Color.FromHex("#BF9000"), Color.FromHex("#2E75B6"), Color.FromHex("#C00000"), Color.FromHex("#404040"),
        Color.FromHex("#17BECF"), Color.FromHex("#E377C2"), Color.FromHex("#8C564B"), Color.FromHex("#9ACD32"),
    ];

    /// <summary>Lines with shaded 95% bands where given.</summary>
    public static string Lines(string folder, string fileName, string title, IEnumerable<string> subtitle, string xLabel, string yLabel, IReadOnlyList<LineSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = Figure.Create(title, subtitle, xLabel, yLabel);
        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var colour = Palette[s % Palette.Length];
            if (line.Low is { } low && line.High is { } high)
            {
                var finite = Enumerable.Range(0, line.X.Length).Where(i => double.IsFinite(low[i]) && double.IsFinite(high[i])).ToArray();
                if (finite.Length > 1)
                {
                    var band = plot.Add.FillY(finite.Select(i => line.X[i]).ToArray(), finite.Select(i => low[i]).ToArray(), finite.Select(i => high[i]).ToArray());
                    band.FillColor = colour.WithAlpha(0.2);
                    band.LineWidth = 0;
                }
            }
            var scatter = plot.Add.Scatter(line.X, line.Mean, colour);
            scatter.LineWidth = 2;
            scatter.MarkerSize = line.X.Length <= 30 ? 6 : 0;
            scatter.LegendText = line.Label;
        }
        Figure.LegendBelow(plot);
        plot.Axes.Margins(0.03, 0.1);
        return Save(plot, folder, fileName);
    }

    /// <summary>Bars grouped along the x axis, one colour per series, with black 95% interval whiskers where given.</summary>
    public static string GroupedBars(string folder, string fileName, string title, IEnumerable<string> subtitle, string xLabel, string yLabel, IReadOnlyList<string> groups, IReadOnlyList<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        var plot = Figure.Create(title, subtitle, xLabel, yLabel);
        double width = 0.8 / Math.Max(1, series.Count);
        for (int s = 0; s < series.Count; s++)
        {
            var bar = series[s];
            var colour = Palette[s % Palette.Length];
            var positions = Enumerable.Range(0, groups.Count).Select(g => g - 0.4 + (width * (s + 0.5))).ToArray();
            var bars = plot.Add.Bars(positions.Select((p, g) => new Bar { Position = p, Value = bar.Mean[g], Size = width * 0.92, FillColor = colour, LineWidth = 0 }).ToArray());
            bars.LegendText = bar.Label;
            bars.Color = colour;
            if (bar.Low is { } low && bar.High is { } high)
            {
                var ok = Enumerable.Range(0, groups.Count).Where(g => double.IsFinite(low[g]) && double.IsFinite(high[g])).ToArray();
                if (ok.Length > 0)
                {
                    plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(
                        ok.Select(g => positions[g]).ToArray(), ok.Select(g => bar.Mean[g]).ToArray(), null, null,
                        ok.Select(g => high[g] - bar.Mean[g]).ToArray(), ok.Select(g => bar.Mean[g] - low[g]).ToArray())
                    {
                        Color = Colors.Black,
                        LineWidth = 1.2f,
                        CapSize = 5,
                    });
                }
            }
        }
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, groups.Count).Select(g => (double)g).ToArray(), groups.ToArray());
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        Figure.LegendBelow(plot);
        return Save(plot, folder, fileName);
    }

    /// <summary>
    /// A heatmap of <paramref name="cells"/> (rows: y from the bottom; columns: x), each cell labelled with its value,
    /// or with <paramref name="labels"/> where given (for example the value and its interval). <paramref name="scale"/>
    /// fixes the colour scale, so that several heatmaps share one; by default it spans the cells.
    /// </summary>
    public static string Heatmap(string folder, string fileName, string title, IEnumerable<string> subtitle, string xLabel, string yLabel,
        IReadOnlyList<string> xTicks, IReadOnlyList<string> yTicks, double[,] cells, string colourLabel,
        (double Min, double Max)? scale = null, string[,]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(xTicks);
        ArgumentNullException.ThrowIfNull(yTicks);
        var plot = Figure.Create(title, subtitle, xLabel, yLabel);
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(-0.5, xTicks.Count - 0.5, -0.5, yTicks.Count - 0.5);
        heatmap.FlipRows = true;
        heatmap.NaNCellColor = Colors.Transparent;
        var finite = cells.Cast<double>().Where(double.IsFinite).ToArray();
        double min = finite.Length > 0 ? finite.Min() : 0, max = finite.Length > 0 ? finite.Max() : 0;
        if (scale is { } fixedScale)
        {
            (min, max) = fixedScale;
            heatmap.ManualRange = new ScottPlot.Range(min, max);
        }
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = colourLabel;
        bar.LabelStyle.FontSize = 14;
        for (int i = 0; i < cells.GetLength(0); i++)
        {
            for (int j = 0; j < cells.GetLength(1); j++)
            {
                double v = cells[i, j];
                if (!double.IsFinite(v)) continue;
                var text = plot.Add.Text(labels?[i, j] ?? v.ToString("G3", CultureInfo.InvariantCulture), j, i);
                text.LabelStyle.Alignment = Alignment.MiddleCenter;
                text.LabelStyle.FontSize = labels is null ? 12 : 11;
                text.LabelStyle.ForeColor = (max > min ? (v - min) / (max - min) : 0.5) < 0.6 ? Colors.White : Colors.Black;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, xTicks.Count).Select(i => (double)i).ToArray(), xTicks.ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, yTicks.Count).Select(i => (double)i).ToArray(), yTicks.ToArray());
        plot.Axes.SetLimits(-0.5, xTicks.Count - 0.5, -0.5, yTicks.Count - 0.5);
        plot.HideGrid();
        return Save(plot, folder, fileName);
    }

    private static string Save(Plot plot, string folder, string fileName)
    {
        Directory.CreateDirectory(folder);
        return Figure.Save(plot, folder, fileName);
    }
}
