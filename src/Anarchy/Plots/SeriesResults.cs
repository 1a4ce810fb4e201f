namespace Anarchy.Plots;

/// <summary>
/// The output folder of <c>anarchy run --series</c>, read for plotting: <c>series.csv</c>, one row per run and
/// recorded tick (docs/OUTPUTS.md, "series").
/// </summary>
public sealed class SeriesResults
{
    private SeriesResults(string folder, IReadOnlyList<string> outputs, IReadOnlyList<string> defaults, CsvColumns table, double[] runs, double[] ticks)
    {
        Defaults = defaults;
        Folder = folder;
        Outputs = outputs;
        Table = table;
        RunOfRow = runs;
        TickOfRow = ticks;
        RunCount = runs.Distinct().Count();
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>The outputs plotted when none are named (those of the model's defaults that the file has, else all).</summary>
    public IReadOnlyList<string> Defaults { get; }

    /// <summary>Every column of series.csv other than <c>run</c> and the time column, in file order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The number of runs in series.csv.</summary>
    public int RunCount { get; }

    internal CsvColumns Table { get; }

    internal double[] RunOfRow { get; }

    internal double[] TickOfRow { get; }

    /// <summary>Reads a run output folder that holds series.csv, written by <paramref name="model"/>.</summary>
    /// <exception cref="PlotInputException">The folder or series.csv is missing, or series.csv is not as <c>anarchy run --series</c> writes it.</exception>
    public static SeriesResults Read(string folder, Models.IModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        string time = model.Tables.SeriesTime.Name;
        if (!Directory.Exists(folder)) throw new PlotInputException($"folder '{folder}' does not exist");
        string path = Path.Combine(folder, "series.csv");
        if (!File.Exists(path)) throw new PlotInputException($"folder '{folder}' has no series.csv (the output of 'anarchy run --series')");
        var table = CsvColumns.Read(path);
        foreach (string column in new[] { "run", time })
        {
            if (!table.Contains(column)) throw new PlotInputException($"{path}: no column '{column}'");
        }
        if (table.Rows == 0) throw new PlotInputException($"{path}: no rows");
        var outputs = table.Names.Where(n => n != "run" && n != time).ToList();
        var defaults = model.Tables.SeriesDefaults.Where(o => outputs.Contains(o, StringComparer.Ordinal)).ToList();
        return new SeriesResults(folder, outputs, defaults.Count > 0 ? defaults : outputs, table, table.Numbers("run"), table.Numbers(time));
    }

    /// <summary>
    /// The outputs to plot: <see cref="Defaults"/> when <paramref name="requested"/> is null or
    /// empty, otherwise the requested ones in the order given, duplicates dropped.
    /// </summary>
    /// <exception cref="PlotInputException">An output is not a column of series.csv; the message lists those that are.</exception>
    public IReadOnlyList<string> ChooseOutputs(IEnumerable<string>? requested)
    {
        var list = requested?.ToList() ?? [];
        return list.Count == 0
            ? Defaults
            : SweepResults.Choose(list, Outputs, "output");
    }
}
