using System.Globalization;
using Anarchy.Models;
using Anarchy.Output;
using ScottPlot;

namespace Anarchy.Plots;

/// <summary>
/// Plots of a study's output folder as PNG files of <see cref="Width"/> by <see cref="Height"/> pixels, titled and
/// labelled in the model's words with units from the codebook (docs/OUTPUTS.md). Every method checks all the names
/// it is given before it writes anything, creates <c>plotFolder</c> if needed, replaces files of the same name, and
/// returns the paths it wrote. See docs/SWEEPS.md, "Plots".
/// </summary>
public static class StudyPlots
{
    /// <summary>Width of every plot in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of every plot in pixels.</summary>
    public const int Height = 650;

    /// <summary>The font of every text element, set explicitly so that plots look the same on every machine that has it.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Whether <see cref="FontName"/> is installed; without it the text falls back to another font.</summary>
    public static bool FontInstalled => Fonts.GetTypeface(FontName, bold: false, italic: false)?.FamilyName == FontName;

    /// <summary>
    /// For each output and each factor, <c>&lt;output&gt;-by-&lt;factor&gt;.png</c>: the main effect of the factor,
    /// that is the output's per-point mean (<c>&lt;output&gt;_mean</c>) averaged over the points that share a value
    /// of the factor, against that value.
    /// <list type="bullet">
    /// <item>Grid: one group per value of the factor (the other factors' combinations are averaged over). The band
    /// runs from the mean of the group's <c>_ci_low</c> to the mean of its <c>_ci_high</c>: the average of the points'
    /// own 95% Student-t intervals over replicates. It shows how precisely one point's mean is known; it is neither
    /// the spread over the other factors nor a confidence interval for the main effect.</item>
    /// <item>Latin hypercube, Sobol, Saltelli: values do not repeat, so the factor's observed range is cut into 10
    /// equal-width bins (a factor with at most 10 distinct values, such as an integer parameter, is grouped by value);
    /// each bin shows the mean of its points' means with the 95% Student-t interval over those points (n - 1 degrees
    /// of freedom, none with fewer than two points).</item>
    /// </list>
    /// </summary>
    /// <param name="model">The model whose codebook labels the plots.</param>
    /// <param name="sweep">The sweep folder, read.</param>
    /// <param name="outputs">Outputs to plot; null or empty for all summarised outputs.</param>
    /// <param name="plotFolder">Where the PNG files go.</param>
    /// <exception cref="PlotInputException">An output is not summarised in points.csv.</exception>
    public static IReadOnlyList<string> MainEffects(IModelDefinition model, SweepResults sweep, IEnumerable<string>? outputs, string plotFolder)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(plotFolder);
        var chosen = sweep.ChooseOutputs(outputs);
        Directory.CreateDirectory(plotFolder);
        var paths = new List<string>();
        foreach (string output in chosen)
        {
            foreach (string factor in sweep.Factors) paths.Add(MainEffect(model, sweep, output, factor, plotFolder));
        }
        return paths;
    }

    /// <summary>
    /// For each output, <c>&lt;output&gt;-by-&lt;x&gt;-and-&lt;y&gt;.png</c>: a heatmap of the per-point mean
    /// (<c>&lt;output&gt;_mean</c>) over two factors, each cell the mean over the points in it (so averaged over the
    /// other factors), with a colour bar. Grid factors give one cell per value; other designs' factors are binned as
    /// in <see cref="MainEffects"/>. A cell without points is left blank.
    /// </summary>
    /// <exception cref="PlotInputException">An output or factor is unknown, or the two factors are the same.</exception>
    public static IReadOnlyList<string> Heatmap(IModelDefinition model, SweepResults sweep, IEnumerable<string>? outputs, string xFactor, string yFactor, string plotFolder)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(plotFolder);
        var chosen = sweep.ChooseOutputs(outputs);
        sweep.CheckFactor(xFactor);
        sweep.CheckFactor(yFactor);
        if (xFactor == yFactor) throw new PlotInputException($"a heatmap needs two different factors (both are '{xFactor}')");
        Directory.CreateDirectory(plotFolder);
        return chosen.Select(output => HeatmapOf(model, sweep, output, xFactor, yFactor, plotFolder)).ToList();
    }

    /// <summary>
    /// For each output of a Saltelli sweep, <c>sensitivity-&lt;output&gt;.png</c>: bars of the first-order (Saltelli
    /// 2010) and total (Jansen 1999) Sobol indices per factor from sensitivity.csv, with their bootstrap 95% intervals.
    /// </summary>
    /// <exception cref="PlotInputException">The folder has no sensitivity.csv, or an output is not in it.</exception>
    public static IReadOnlyList<string> Sensitivity(IModelDefinition model, SweepResults sweep, IEnumerable<string>? outputs, string plotFolder)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(plotFolder);
        var table = sweep.SensitivityTable
            ?? throw new PlotInputException($"folder '{sweep.Folder}' has no sensitivity.csv (written by sweeps with the saltelli design)");
        var analysed = table.Text("output").Distinct(StringComparer.Ordinal).ToList();
        var chosen = SweepResults.Choose(outputs, analysed, "output");
        Directory.CreateDirectory(plotFolder);
        return chosen.Select(output => SensitivityOf(model, sweep, table, output, plotFolder)).ToList();
    }

    /// <summary>
    /// For each output, <c>series-&lt;output&gt;.png</c>: the mean over runs at each tick with a band for the 95%
    /// Student-t interval across runs at that tick (n - 1 degrees of freedom, n the runs; no band with one run).
    /// </summary>
    /// <param name="model">The model whose codebook labels the plots.</param>
    /// <param name="series">The run folder, read.</param>
    /// <param name="outputs">Columns of series.csv to plot; null or empty for <see cref="SeriesResults.Defaults"/>.</param>
    /// <param name="plotFolder">Where the PNG files go.</param>
    /// <exception cref="PlotInputException">An output is not a column of series.csv.</exception>
    public static IReadOnlyList<string> Series(IModelDefinition model, SeriesResults series, IEnumerable<string>? outputs, string plotFolder)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(plotFolder);
        var chosen = series.ChooseOutputs(outputs);
        var columns = chosen.ToDictionary(o => o, series.Table.Numbers); // parse everything before writing
        Directory.CreateDirectory(plotFolder);
        return chosen.Select(output => SeriesOf(model, series, output, columns[output], plotFolder)).ToList();
    }

    private static string MainEffect(IModelDefinition model, SweepResults sweep, string output, string factor, string plotFolder)
    {
        var points = sweep.Points;
        var groups = FactorGroups.For(points.Numbers(factor), sweep.IsGrid);
        var plot = Figure.Create($"{PlotLabels.Name(output)} per run by {factor}",
            [PlotLabels.OutputMeaning(model.Tables.Runs, output), PlotLabels.FactorMeaning(model, factor), DesignLine(sweep)],
            PlotLabels.Factor(model, factor) + (groups.Binned ? $", {FactorGroups.Bins} equal-width bins" : ""),
            PlotLabels.Output(model.Tables.Runs, output) + ", mean per run");

        var means = points.Numbers(output + "_mean");
        CurvePoint[] curve;
        if (sweep.IsGrid)
        {
            curve = Curves.GridMainEffect(groups, means, points.Numbers(output + "_ci_low"), points.Numbers(output + "_ci_high"));
            Band(plot, curve, "mean of the points' 95% t intervals (over replicates)");
            plot.Axes.Bottom.SetTicks(groups.Positions, groups.Labels);
        }
        else
        {
            curve = Curves.BinnedMainEffect(groups, means);
            ErrorBars(plot, curve, $"95% t interval over the points in the {(groups.Binned ? "bin" : "group")}");
        }
        string n = curve.Length == 0 ? "0" : Count(curve.Min(c => c.Count), curve.Max(c => c.Count));
        string line = sweep.IsGrid
            ? $"mean over the {n} points at each value"
            : $"mean over the points in each {(groups.Binned ? "bin" : "group")} ({n} points)";
        Line(plot, curve, line);
        Figure.LegendBelow(plot);
        plot.Axes.Margins(0.05, 0.1);
        return Figure.Save(plot, plotFolder, $"{output}-by-{factor}.png");
    }

    private static string HeatmapOf(IModelDefinition model, SweepResults sweep, string output, string xFactor, string yFactor, string plotFolder)
    {
        var points = sweep.Points;
        var x = FactorGroups.For(points.Numbers(xFactor), sweep.IsGrid);
        var y = FactorGroups.For(points.Numbers(yFactor), sweep.IsGrid);
        var cells = Curves.CellMeans(x, y, points.Numbers(output + "_mean"));
        var others = sweep.Factors.Where(f => f != xFactor && f != yFactor).ToList();
        string averaging = others.Count == 0
            ? "Each cell: the mean of the points' means in it."
            : $"Each cell: the mean of the points' means in it, averaged over {string.Join(", ", others)}.";
        if (cells.Cast<double>().Any(double.IsNaN)) averaging += " Blank cells hold no points.";
        var plot = Figure.Create($"{PlotLabels.Name(output)} per run by {xFactor} and {yFactor}",
            [PlotLabels.OutputMeaning(model.Tables.Runs, output), averaging + " " + DesignLine(sweep)],
            PlotLabels.Factor(model, xFactor) + (x.Binned ? $", {FactorGroups.Bins} equal-width bins" : ""), PlotLabels.Factor(model, yFactor) + (y.Binned ? $", {FactorGroups.Bins} equal-width bins" : ""));

        // A factor grouped by value gets one equal cell per value (the values may be unevenly spaced), labelled with
        // the value; a binned factor keeps its own scale, the bins being equal in width.
        var (xLow, xHigh, xCentres) = CellAxis(x);
        var (yLow, yHigh, yCentres) = CellAxis(y);
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(xLow, xHigh, yLow, yHigh);
        heatmap.FlipRows = true; // row 0 of the cells (the lowest value of the y factor) at the bottom
        heatmap.NaNCellColor = Colors.Transparent;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = PlotLabels.Output(model.Tables.Runs, output) + ", mean per run";
        bar.LabelStyle.FontSize = 14;
        bar.Axis.TickLabelStyle.FontSize = 12;
        if (!x.Binned) plot.Axes.Bottom.SetTicks(xCentres, x.Labels);
        if (!y.Binned) plot.Axes.Left.SetTicks(yCentres, y.Labels);
        if (x.Count * y.Count <= 144) CellLabels(plot, cells, xCentres, yCentres);
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.HideGrid();
        return Figure.Save(plot, plotFolder, $"{output}-by-{xFactor}-and-{yFactor}.png");
    }

    private static string SensitivityOf(IModelDefinition model, SweepResults sweep, CsvColumns table, string output, string plotFolder)
    {
        var rows = Enumerable.Range(0, table.Rows).Where(r => table.Text("output")[r] == output).ToList();
        var factorOfRow = table.Text("factor");
        rows.Sort((a, b) => Order(sweep, factorOfRow[a]).CompareTo(Order(sweep, factorOfRow[b])));
        double[] Column(string name)
        {
            var all = table.Numbers(name);
            return rows.Select(r => all[r]).ToArray();
        }
        var factors = rows.Select(r => factorOfRow[r]).ToArray();
        string detail = table.Contains("base_samples") && table.Contains("bootstrap") && rows.Count > 0
            ? $"Estimated on the per-point replicate means, N = {Whole(table.Numbers("base_samples")[rows[0]])} base samples; intervals: percentile bootstrap 95% ({Whole(table.Numbers("bootstrap")[rows[0]])} resamples)."
            : "Estimated on the per-point replicate means; intervals: percentile bootstrap 95%.";
        var plot = Figure.Create($"Sensitivity of {output} to the factors (Sobol indices)",
            [PlotLabels.OutputMeaning(model.Tables.Runs, output), detail],
            "factor (parameter)", "Sobol index (share of variance)");

        const double offset = 0.19, size = 0.36;
        var positions = Enumerable.Range(0, factors.Length).Select(i => (double)i).ToArray();
        var first = positions.Select(p => p - offset).ToArray();
        var total = positions.Select(p => p + offset).ToArray();
        IndexBars(plot, first, Column("first_order"), size, Figure.Estimate, "first-order S1 (Saltelli 2010)");
        IndexBars(plot, total, Column("total"), size, Figure.Second, "total ST (Jansen 1999)");
        IndexIntervals(plot, first, Column("first_order"), Column("first_order_low"), Column("first_order_high"), "bootstrap 95% interval");
        IndexIntervals(plot, total, Column("total"), Column("total_low"), Column("total_high"), null);
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Axes.Bottom.SetTicks(positions, factors);
        plot.Axes.SetLimitsX(-0.6, factors.Length - 0.4);
        Figure.LegendBelow(plot);
        return Figure.Save(plot, plotFolder, $"sensitivity-{output}.png");
    }

    private static string SeriesOf(IModelDefinition model, SeriesResults series, string output, double[] values, string plotFolder)
    {
        var curve = Curves.SeriesMean(series.TickOfRow, values);
        var time = model.Tables.SeriesTime;
        string note = model.Tables.SeriesNote.Length > 0 ? "; " + model.Tables.SeriesNote : ".";
        var plot = Figure.Create($"{PlotLabels.Name(output)} by {time.Name}",
            [PlotLabels.OutputMeaning(model.Tables.Series, output), $"{series.RunCount} run{(series.RunCount == 1 ? "" : "s")}{note}"],
            time.Unit.Length > 0 && time.Unit != time.Name ? $"{time.Name} ({time.Unit})" : time.Name, PlotLabels.Output(model.Tables.Series, output));
        Band(plot, curve, "95% t interval across runs");
        Line(plot, curve, $"mean over {series.RunCount} run{(series.RunCount == 1 ? "" : "s")}", markers: curve.Length <= 60);
        Figure.LegendBelow(plot);
        plot.Axes.Margins(0.02, 0.1);
        // Time steps are whole numbers, and so is a count of one run: no ticks between them.
        if (time.Kind == ColumnKind.Int64) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        bool whole = model.Tables.Series.Contains(output) && model.Tables.Series[output].Kind == ColumnKind.Int64 && series.RunCount == 1;
        if (whole) plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return Figure.Save(plot, plotFolder, $"series-{output}.png");
    }

    private static void Line(Plot plot, CurvePoint[] curve, string label, bool markers = true)
    {
        var line = plot.Add.Scatter(curve.Select(c => c.X).ToArray(), curve.Select(c => c.Mean).ToArray(), Figure.Estimate);
        line.LineWidth = 2;
        line.MarkerSize = markers ? 7 : 0;
        line.LegendText = label;
    }

    /// <summary>A shaded interval over the points that have one (none when no point has).</summary>
    private static void Band(Plot plot, CurvePoint[] curve, string label)
    {
        var finite = curve.Where(c => c.HasInterval).ToArray();
        if (finite.Length == 0) return;
        var band = plot.Add.FillY(finite.Select(c => c.X).ToArray(), finite.Select(c => c.Low).ToArray(), finite.Select(c => c.High).ToArray());
        band.FillColor = Figure.Interval;
        band.LineWidth = 0;
        band.LegendText = label;
    }

    private static void ErrorBars(Plot plot, CurvePoint[] curve, string label)
    {
        var finite = curve.Where(c => c.HasInterval).ToArray();
        if (finite.Length == 0) return;
        AddErrorBar(plot, finite.Select(c => c.X).ToArray(), finite.Select(c => c.Mean).ToArray(),
            finite.Select(c => c.Low).ToArray(), finite.Select(c => c.High).ToArray(), Figure.Estimate, label);
    }

    private static void AddErrorBar(Plot plot, double[] xs, double[] ys, double[] lows, double[] highs, Color color, string? label)
    {
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null,
            highs.Select((h, i) => h - ys[i]).ToArray(), lows.Select((l, i) => ys[i] - l).ToArray())
        {
            Color = color,
            LineWidth = 1.5f,
            CapSize = 8,
            LegendText = label ?? "",
        };
        plot.Add.Plottable(bars);
    }

    private static void IndexBars(Plot plot, double[] positions, double[] values, double size, Color color, string label)
    {
        var bars = plot.Add.Bars(positions.Select((p, i) => new Bar { Position = p, Value = values[i], Size = size, FillColor = color, LineWidth = 0 }).ToArray());
        bars.LegendText = label;
        bars.Color = color;
    }

    private static void IndexIntervals(Plot plot, double[] positions, double[] values, double[] lows, double[] highs, string? label)
    {
        var ok = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(lows[i]) && double.IsFinite(highs[i])).ToArray();
        if (ok.Length == 0) return;
        AddErrorBar(plot, ok.Select(i => positions[i]).ToArray(), ok.Select(i => values[i]).ToArray(),
            ok.Select(i => lows[i]).ToArray(), ok.Select(i => highs[i]).ToArray(), Colors.Black, label);
    }

    /// <summary>Each cell's value written in it, light on the dark end of the colour map and dark on the light end.</summary>
    private static void CellLabels(Plot plot, double[,] cells, double[] xCentres, double[] yCentres)
    {
        var finite = cells.Cast<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return;
        double min = finite.Min(), max = finite.Max();
        for (int i = 0; i < cells.GetLength(0); i++)
        {
            for (int j = 0; j < cells.GetLength(1); j++)
            {
                double v = cells[i, j];
                if (!double.IsFinite(v)) continue;
                var text = plot.Add.Text(v.ToString("G3", CultureInfo.InvariantCulture), xCentres[j], yCentres[i]);
                text.LabelStyle.Alignment = Alignment.MiddleCenter;
                text.LabelStyle.FontSize = 12;
                double level = max > min ? (v - min) / (max - min) : 0.5;
                text.LabelStyle.ForeColor = level < 0.6 ? Colors.White : Colors.Black;
            }
        }
    }

    /// <summary>The extent of a heatmap axis and the centre of each cell on it.</summary>
    private static (double Low, double High, double[] Centres) CellAxis(FactorGroups groups) =>
        groups.Binned
            ? (groups.Lower, groups.Upper, groups.Positions)
            : (-0.5, groups.Count - 0.5, Enumerable.Range(0, groups.Count).Select(i => (double)i).ToArray());

    private static string DesignLine(SweepResults sweep)
    {
        var replicates = sweep.Points.Numbers("replicates");
        string reps = replicates.Length == 0 ? "0" : Count((int)replicates.Min(), (int)replicates.Max());
        return $"Sweep design: {sweep.Design}, {sweep.PointCount} points, {reps} replicates each.";
    }

    private static string Count(int min, int max) => min == max ? Whole(min) : $"{Whole(min)} to {Whole(max)}";

    private static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static int Order(SweepResults sweep, string factor)
    {
        int index = sweep.Factors.ToList().IndexOf(factor);
        return index < 0 ? int.MaxValue : index;
    }
}
