using Anarchy.Output;
using ScottPlot;
using ScottPlot.Panels;

namespace Anarchy.Plots;

/// <summary>
/// The common frame of every plot: size, fonts, a title with the codebook's meanings under it, axis labels, a legend
/// below the data, and an all-or-nothing write of the PNG file.
/// </summary>
internal static class Figure
{
    public static readonly Color Estimate = Color.FromHex("#1F4E79");
    public static readonly Color Interval = Color.FromHex("#1F4E79").WithAlpha(0.22);
    public static readonly Color Second = Color.FromHex("#C55A11");

    /// <summary>A plot with a title, lines of smaller text under it, and axis labels.</summary>
    public static Plot Create(string title, IEnumerable<string> subtitle, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = 18;
        plot.Axes.Title.Label.Bold = true;
        var lines = subtitle.Where(l => l.Length > 0).ToList();
        if (lines.Count > 0)
        {
            var panel = new TitlePanel();
            panel.Label.Text = string.Join("\n", lines);
            panel.Label.FontSize = 12;
            panel.Label.Bold = false;
            panel.Label.ForeColor = Color.FromHex("#404040");
            plot.Axes.AddPanel(panel);
        }
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    /// <summary>Shows the legend in one row under the plot, outside the data.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 13;
        plot.Legend.SymbolPadding = 6;
        plot.Legend.TightHorizontalWrapping = true;
    }

    /// <summary>
    /// Sets <see cref="StudyPlots.FontName"/> on every text element (title, subtitle, axis labels and ticks, legend,
    /// colour bar, text labels) rather than relying on the machine's default font, then renders the plot at
    /// <see cref="StudyPlots.Width"/> by <see cref="StudyPlots.Height"/> pixels and writes the PNG under a temporary
    /// name, renamed when complete.
    /// </summary>
    public static string Save(Plot plot, string folder, string fileName)
    {
        UseFont(plot);
        byte[] png = plot.GetImageBytes(StudyPlots.Width, StudyPlots.Height, ImageFormat.Png);
        string path = Path.Combine(folder, fileName);
        // Only a plot anarchy wrote (recorded in plots.json) is ever replaced.
        if (!PlotRecord.MayWrite(folder, fileName))
            throw new OutputFolderException($"'{Path.GetFullPath(path)}' exists and was not written by anarchy, so it is not replaced; move it away or choose another folder for the plots");
        string temporary = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, png);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        PlotRecord.Add(folder, fileName);
        return path;
    }

    private static void UseFont(Plot plot)
    {
        const string font = StudyPlots.FontName;
        plot.Axes.Title.Label.FontName = font;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = font;
            axis.TickLabelStyle.FontName = font;
        }
        foreach (var panel in plot.Axes.GetPanels())
        {
            switch (panel)
            {
                case TitlePanel title:
                    title.Label.FontName = font;
                    break;
                case ColorBar bar:
                    bar.LabelStyle.FontName = font;
                    bar.Axis.Label.FontName = font;
                    bar.Axis.TickLabelStyle.FontName = font;
                    break;
            }
        }
        plot.Legend.FontName = font;
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>()) text.LabelStyle.FontName = font;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>()) bars.ValueLabelStyle.FontName = font;
    }
}
