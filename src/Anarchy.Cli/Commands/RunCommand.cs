using System.CommandLine;
using System.Globalization;
using Anarchy.Engine;
using Anarchy.Models;
using Anarchy.MonteCarlo;
using Spectre.Console;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy run</c>: a Monte Carlo study of one scenario. Everything is validated before the output folder is
/// created, so invalid input leaves nothing behind.
/// </summary>
internal sealed class RunCommand(Terminal terminal)
{
    private readonly Option<string?> _scenario = new("--scenario") { Description = "Scenario file (JSON). Default: the embedded default scenario (experiments/default/scenario.json)." };
    private readonly Option<string[]> _set = new("--set") { Description = "Set a parameter, NAME=VALUE; repeatable. 'anarchy params' lists them.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<int?> _runs = new("--runs") { Description = "Number of runs (replicates)." };
    private readonly Option<int?> _ticks = new("--ticks") { Description = "Recorded ticks per run." };
    private readonly Option<int?> _states = new("--states") { Description = "Number of states." };
    private readonly Option<ulong?> _seed = new("--seed") { Description = "Master seed." };
    private readonly Option<int?> _threads = new("--threads") { Description = "Worker threads (default: all cores). Results do not depend on it." };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder. Default: out/<scenario name>/ (out/<name>-run<K>/ with --only)." };
    private readonly Option<bool> _series = new("--series") { Description = "Also write series.csv/.parquet: one row per run and tick." };
    private readonly Option<bool> _events = new("--events") { Description = "Also write events.csv/.parquet: every dispute, call, war, pact and death." };
    private readonly Option<bool> _panel = new("--panel") { Description = "Also write the model's panel tables (.csv/.parquet): a row per unit and time step, such as state-years and dyad-years to compare with COW and ATOP (docs/OUTPUTS.md lists each model's)." };
    private readonly Option<long?> _only = new("--only") { Description = "Re-run only run K (0-based) of the same scenario and seed, e.g. with --series --events." };
    private readonly Option<EngineKind> _engine = EngineOption.Create("kernel (default): the batched SIMD engine; reference: the readable one. Results are byte-identical.");
    private readonly Option<bool> _overwrite = new("--overwrite") { Description = "Replace an existing output folder." };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };
    private readonly Option<string?> _model = ModelOption.Create();

    public Command Build()
    {
        var command = new Command("run", "Run a Monte Carlo study of a scenario and write runs.csv, runs.parquet and manifest.json.")
        {
            _model, _scenario, _set, _runs, _ticks, _states, _seed, _threads, _out, _series, _events, _panel, _only, _engine, _overwrite, _verbose,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;
    }

    private int Execute(ParseResult parse, CancellationToken cancellation)
    {
        string? file = parse.GetValue(_scenario);
        var model = ModelOption.Resolve(parse.GetValue(_model), file);
        var scenario = model.ReadScenario(file, new ScenarioOverrides(
            parse.GetValue(_runs), parse.GetValue(_ticks), parse.GetValue(_states), parse.GetValue(_seed), parse.GetValue(_set) ?? []));
        int threads = parse.GetValue(_threads) ?? Environment.ProcessorCount;
        if (threads < 1 || threads > 1024)
            throw new InvalidInputException($"--threads: value {threads} is outside the allowed range [1, 1024]");

        long? only = parse.GetValue(_only);
        if (only is { } k && (k < 0 || k >= scenario.Runs))
            throw new InvalidInputException($"--only: value {k} is outside the allowed range [0, {scenario.Runs - 1}] (the scenario has {scenario.Runs} runs)");
        var plan = only is { } single ? RunPlan.Single(scenario.Seed, single) : RunPlan.Replicates(scenario.Seed, scenario.Runs);
        string outPath = parse.GetValue(_out) ?? Path.Combine("out", only is { } r ? $"{scenario.Name}-run{r}" : scenario.Name);

        var engine = parse.GetValue(_engine);
        var request = new RunSetRequest
        {
            Model = model.CreateRunModel(scenario, engine),
            Engine = model.DescribeEngine(engine),
            Plan = plan,
            OutputPath = outPath,
            MasterSeed = scenario.Seed,
            ScenarioJson = scenario.ToJson(),
            Detail = new RunDetail(parse.GetValue(_series), parse.GetValue(_events), parse.GetValue(_panel)),
            Overwrite = parse.GetValue(_overwrite),
            Threads = threads,
            Command = "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
            OnlyRuns = only is { } o ? [o] : null,
        };
        if (request.Detail.Panel && request.Model.PanelSchemas.Count == 0)
            throw new InvalidInputException($"--panel: the model {model.Name} has no panel tables");

        terminal.Error($"Scenario '{scenario.Name}' of the {model.Name} model: {scenario.Describe()}" +
            $", {plan.Count} run{(plan.Count == 1 ? "" : "s")}, seed {scenario.Seed}, {threads} thread{(threads == 1 ? "" : "s")}, {request.Engine} engine.");
        var result = RunSet.Run(request, new ProgressPrinter(terminal), cancellation);
        PrintTable(result);
        var outcome = result.Outcome;
        if (outcome.Cancelled)
        {
            terminal.Error($"Cancelled after {outcome.Completed} of {outcome.Planned} runs; the finished runs are in {result.OutputPath} (manifest.json says \"cancelled\").");
            return ExitCodes.Cancelled;
        }
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Completed} runs in {outcome.Elapsed.TotalSeconds:F1} s. Wrote {result.OutputPath}{Path.DirectorySeparatorChar} (runs.csv, runs.parquet{(request.Detail.Series ? ", series.*" : "")}{(request.Detail.Events ? ", events.*" : "")}{(request.Detail.Panel ? string.Concat(request.Model.PanelSchemas.Select(p => $", {p.Name}.*")) : "")}, manifest.json)."));
        return ExitCodes.Success;
    }

    private void PrintTable(RunSetResult result)
    {
        var console = terminal.Console();
        long finished = result.Outcome.Completed;
        if (finished == 0)
        {
            terminal.Error("No run finished, so there is nothing to summarise.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("output (per run)")
            .AddColumn(new TableColumn("mean").RightAligned())
            .AddColumn(new TableColumn("95% CI").RightAligned());
        foreach (var (column, interval) in result.KeyOutputs)
        {
            string ci = double.IsNaN(interval.Lower) ? (finished == 1 ? "n/a (1 run)" : "n/a") : string.Create(CultureInfo.InvariantCulture, $"[{Format(interval.Lower)}, {Format(interval.Upper)}]");
            table.AddRow(new Text(column), new Text(Format(interval.Mean)), new Text(ci));
        }
        table.Caption(new TableTitle($"{finished} run{(finished == 1 ? "" : "s")}; 95% confidence intervals from Student's t", Style.Plain));
        console.Write(table);
    }

    private static string Format(double v) =>
        double.IsNaN(v) ? "n/a" : Math.Abs(v) >= 100 ? v.ToString("F1", CultureInfo.InvariantCulture) : v.ToString("G4", CultureInfo.InvariantCulture);
}
