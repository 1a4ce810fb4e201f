using System.CommandLine;
using Anarchy.Models;
using Anarchy.MonteCarlo;
using Anarchy.Plots;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy plot DIR</c>: PNG plots of a sweep folder (main effects, a heatmap over two factors, Sobol indices) or
/// of a run folder with series.csv (time series). Every name is checked before a file is written; the paths of the
/// plots go to standard output, one a line.
/// </summary>
internal sealed class PlotCommand(Terminal terminal)
{
    private readonly Argument<string> _folder = new("DIR") { Description = "A sweep output folder (points.csv) or a run output folder with series.csv (anarchy run --series)." };
    private readonly Option<string[]> _outputs = new("--output") { Description = "An output to plot; repeatable. Default: a sweep's summarised outputs; for series: wars, entangled, aligned, pacts, alive, mean_burden.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _x = new("--x") { Description = "Sweeps: the factor across a heatmap (with --y). Default: the first factor of a grid." };
    private readonly Option<string?> _y = new("--y") { Description = "Sweeps: the factor up a heatmap (with --x). Default: the second factor of a grid." };
    private readonly Option<string?> _out = new("--out") { Description = "Folder for the PNG files. Default: DIR/plots/." };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };

    public Command Build()
    {
        var command = new Command("plot", "Plot a sweep (main effects, heatmap, Sobol indices) or a run's series (mean per tick with 95% band) as PNG files.")
        {
            _folder, _outputs, _x, _y, _out, _verbose,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Execute(parse);
            }
            catch (PlotInputException e)
            {
                throw new InvalidInputException(e.Message, e);
            }
        });
        return command;
    }

    private int Execute(ParseResult parse)
    {
        string folder = parse.GetValue(_folder)!;
        string[] outputs = parse.GetValue(_outputs) ?? [];
        string? x = parse.GetValue(_x), y = parse.GetValue(_y);
        string plotFolder = parse.GetValue(_out) ?? Path.Combine(folder, "plots");
        if (!Directory.Exists(folder)) throw new InvalidInputException($"DIR: folder '{folder}' does not exist");
        if ((x is null) != (y is null)) throw new InvalidInputException("--x and --y name the two factors of a heatmap: give both or neither");

        // Everything is read and every name checked first, so that bad input writes nothing.
        IModelDefinition model;
        try
        {
            model = ModelCatalog.Registry.Find(Manifest.ReadModel(folder));
        }
        catch (UnknownModelException e)
        {
            throw new InvalidInputException($"DIR: {folder}/manifest.json: {e.Message}", e);
        }
        var plots = new List<Func<IReadOnlyList<string>>>();
        if (File.Exists(Path.Combine(folder, "points.csv")))
        {
            var sweep = SweepResults.Read(folder);
            var chosen = Checked("--output", () => sweep.ChooseOutputs(outputs));
            plots.Add(() => StudyPlots.MainEffects(model, sweep, chosen, plotFolder));
            if (x is not null && y is not null)
            {
                Checked("--x", () => sweep.CheckFactor(x));
                Checked("--y", () => sweep.CheckFactor(y));
                if (x == y) throw new InvalidInputException($"--x and --y: a heatmap needs two different factors (both are '{x}')");
                plots.Add(() => StudyPlots.Heatmap(model, sweep, chosen, x, y, plotFolder));
            }
            else if (sweep.IsGrid && sweep.Factors.Count >= 2)
            {
                plots.Add(() => StudyPlots.Heatmap(model, sweep, chosen, sweep.Factors[0], sweep.Factors[1], plotFolder));
            }
            if (sweep.HasSensitivity) plots.Add(() => StudyPlots.Sensitivity(model, sweep, chosen, plotFolder));
            else if (sweep.Design == "saltelli") terminal.Error($"note: '{folder}' has no sensitivity.csv, so no Sobol index plots.");
        }
        else if (File.Exists(Path.Combine(folder, "series.csv")))
        {
            if (x is not null) throw new InvalidInputException($"--x and --y: '{folder}' holds a run's series, not a sweep; they apply to sweeps only");
            var series = SeriesResults.Read(folder, model);
            var chosen = Checked("--output", () => series.ChooseOutputs(outputs));
            plots.Add(() => StudyPlots.Series(model, series, chosen, plotFolder));
        }
        else
        {
            throw new InvalidInputException($"DIR: folder '{folder}' has neither points.csv (the output of 'anarchy sweep') nor series.csv (the output of 'anarchy run --series')");
        }

        if (!StudyPlots.FontInstalled)
            terminal.Error($"warning: the font '{StudyPlots.FontName}' is not installed; the plots use another font (on Debian and Ubuntu: apt-get install fonts-dejavu-core).");
        var written = plots.SelectMany(plot => plot()).ToList();
        foreach (string path in written) terminal.Line(path);
        terminal.Error($"Wrote {written.Count} plot{(written.Count == 1 ? "" : "s")} into {Path.GetFullPath(plotFolder)}{Path.DirectorySeparatorChar}.");
        return ExitCodes.Success;
    }

    /// <summary>Runs a check, naming the option in its message when it fails.</summary>
    private static T Checked<T>(string option, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (PlotInputException e)
        {
            throw new InvalidInputException($"{option}: {e.Message}", e);
        }
    }
}
