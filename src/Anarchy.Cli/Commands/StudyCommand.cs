using System.CommandLine;
using System.Globalization;
using Anarchy.Models;
using Anarchy.Plots;
using Anarchy.Studies;
using Anarchy.Engine;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy study NAME</c>: runs one of the ready-made studies (experiments/NAME/README.md) and writes its
/// report.md with tables and PNG plots; without NAME, lists the studies.
/// </summary>
internal sealed class StudyCommand(Terminal terminal)
{
    private readonly Argument<string?> _name = new("NAME") { Description = $"The study: {AllowedNames(null)}. Without it, the studies are listed.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _quick = new("--quick") { Description = "The reduced version (under a minute on two cores); its intervals are wider." };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder. Default: out/study-<NAME>/ (out/study-<NAME>-quick/ with --quick)." };
    private readonly Option<int?> _threads = new("--threads") { Description = "Worker threads (default: all cores). Results do not depend on it." };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue an interrupted study in its output folder: completed arms are kept." };
    private readonly Option<bool> _overwrite = new("--overwrite") { Description = "Replace an existing output folder." };
    private readonly Option<EngineKind> _engine = EngineOption.Create("kernel (default) or reference; results are identical.");
    private readonly Option<string> _data = new("--data") { Description = "The folder with the COW, ATOP and MID extracts (realworld study).", DefaultValueFactory = _ => "data" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };
    private readonly Option<string?> _model = ModelOption.Create();
    private readonly Option<bool> _series = new("--series") { Description = "Every arm also writes its runs' series (series.csv/.parquet), as 'anarchy run --series' and 'anarchy sweep --series' do." };
    private readonly Option<bool> _events = new("--events") { Description = "Every arm also writes its runs' events (events.csv/.parquet)." };
    private readonly Option<bool> _panel = new("--panel") { Description = "Every arm also writes its runs' panel tables, for a model that has them." };

    public Command Build()
    {
        var command = new Command("study", $"Run a ready-made study ({AllowedNames(null)}) and write its report with tables and plots.")
        {
            _name, _model, _quick, _out, _threads, _resume, _overwrite, _series, _events, _panel, _engine, _data, _verbose,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;
    }

    private int Execute(ParseResult parse, CancellationToken cancellation)
    {
        var settings = new StudySettings { Engine = parse.GetValue(_engine), DataFolder = parse.GetValue(_data)! };
        string? option = parse.GetValue(_model);
        string? name = parse.GetValue(_name);
        if (name is null)
        {
            var listed = option is null ? ModelCatalog.Registry.All : [ModelOption.Resolve(option)];
            foreach (var m in listed)
            {
                foreach (string n in m.StudyNames) terminal.Line($"{n,-14} {m.Name,-12} {m.CreateStudy(n, settings)!.Title}");
            }
            return ExitCodes.Success;
        }
        var model = ModelFor(option, name);
        var study = model.CreateStudy(name, settings)
            ?? throw new InvalidInputException($"NAME: unknown study '{name}' (allowed: {AllowedNames(option is null ? null : model)})");
        if (parse.GetValue(_panel) && model.Tables.Panels.Count == 0)
            throw new InvalidInputException($"--panel: the model {model.Name} has no panel tables");
        int threads = parse.GetValue(_threads) ?? Environment.ProcessorCount;
        if (threads < 1 || threads > 1024)
            throw new InvalidInputException($"--threads: value {threads} is outside the allowed range [1, 1024]");
        bool quick = parse.GetValue(_quick);
        string outPath = parse.GetValue(_out) ?? Path.Combine("out", $"study-{name}{(quick ? "-quick" : "")}");
        if (!StudyPlots.FontInstalled)
            terminal.Error($"warning: the font '{StudyPlots.FontName}' is not installed; the plots use another font (on Debian and Ubuntu: apt-get install fonts-dejavu-core).");

        terminal.Error($"Study '{name}'{(quick ? " (quick)" : "")}: {study.Title}. {threads} thread{(threads == 1 ? "" : "s")}.");
        StudyRunResult result;
        try
        {
            result = StudyRunner.Run(study, new StudyOptions
            {
                OutputPath = outPath,
                Quick = quick,
                Threads = threads,
                Resume = parse.GetValue(_resume),
                Overwrite = parse.GetValue(_overwrite),
                Command = "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
                Log = message => terminal.Error("  " + message),
                Progress = () => new ProgressPrinter(terminal),
                Detail = new Anarchy.Engine.RunDetail(parse.GetValue(_series), parse.GetValue(_events), parse.GetValue(_panel)),
            }, cancellation);
        }
        catch (OperationCanceledException)
        {
            terminal.Error($"Interrupted; every finished run is kept. Continue with: anarchy study {name}{(quick ? " --quick" : "")} --out {outPath} --resume");
            return ExitCodes.Cancelled;
        }
        catch (StudyException e)
        {
            throw new InvalidInputException(e.Message, e);
        }
        catch (Anarchy.Output.OutputFolderExistsException e)
        {
            throw new InvalidInputException($"--out: folder '{Path.GetFullPath(outPath)}' already holds files; pass --resume to continue the study in it, --overwrite to replace it, or another --out", e);
        }
        terminal.Line(result.ReportPath);
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{result.RunsCompleted} runs in {result.Elapsed.TotalSeconds:F1} s. Wrote {result.ReportPath} with its plots beside it; data in {Path.Combine(result.OutputPath, "arms")}{Path.DirectorySeparatorChar}."));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The model whose study <paramref name="name"/> is: the one <c>--model</c> names; without it, the only model with
    /// a study of that name, else the default model (whose message then lists every study).
    /// </summary>
    private static IModelDefinition ModelFor(string? option, string name)
    {
        if (option is not null) return ModelOption.Resolve(option);
        var holders = ModelCatalog.Registry.All.Where(m => m.StudyNames.Contains(name, StringComparer.Ordinal)).ToList();
        if (holders.Count > 1 && !holders.Contains(ModelCatalog.Registry.Default))
            throw new InvalidInputException($"NAME: '{name}' is a study of {string.Join(" and ", holders.Select(m => m.Name))}; choose one with --model");
        return holders.Count == 1 ? holders[0] : ModelCatalog.Registry.Default;
    }

    /// <summary>The studies of <paramref name="model"/>, or of every model when null, in listing order.</summary>
    private static string AllowedNames(IModelDefinition? model) =>
        string.Join(", ", (model is null ? ModelCatalog.Registry.All : [model]).SelectMany(m => m.StudyNames));
}
