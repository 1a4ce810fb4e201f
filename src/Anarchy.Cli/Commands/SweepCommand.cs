using System.CommandLine;
using System.Globalization;
using Anarchy.Sweeps;
using Anarchy.Engine;
using Anarchy.Models;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy sweep FILE</c>: runs a sweep (or one shard of it) crash-safely, and <c>anarchy merge</c> combines
/// shards. Everything is validated before the output folder is touched.
/// </summary>
internal sealed class SweepCommand(Terminal terminal)
{
    private readonly Argument<string> _file = new("FILE") { Description = "The sweep file (JSON); see docs/SWEEPS.md." };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder. Default: out/<sweep name>/ (out/<name>-shard-K-of-N/ for a shard)." };
    private readonly Option<int?> _threads = new("--threads") { Description = "Worker threads (default: all cores). Results do not depend on it." };
    private readonly Option<string?> _shard = new("--shard") { Description = "Run only shard K of N (K/N, 1-based). Default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set." };
    private readonly Option<int?> _shards = new("--shards") { Description = "Number of shards, with JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or to override SLURM_ARRAY_TASK_COUNT." };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue an interrupted sweep in its output folder: only missing runs are run." };
    private readonly Option<bool> _overwrite = new("--overwrite") { Description = "Replace an existing output folder." };
    private readonly Option<bool> _series = new("--series") { Description = "Also write series.csv/.parquet for every run: the per-tick rows of 'anarchy run --series', with point and replicate in front." };
    private readonly Option<bool> _events = new("--events") { Description = "Also write events.csv/.parquet for every run: the events of 'anarchy run --events', with point and replicate in front." };
    private readonly Option<bool> _panel = new("--panel") { Description = "Also write the model's panel tables (.csv/.parquet) for every run, as 'anarchy run --panel' does, with point and replicate in front." };
    private readonly Option<EngineKind> _engine = EngineOption.Create("kernel (default) or reference; results are identical.");
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };
    private readonly Option<string?> _model = ModelOption.Create();

    public Command Build()
    {
        var command = new Command("sweep", "Run a parameter sweep: a design over factors, replicates per point, per-point statistics; resumable and shardable.")
        {
            _file, _model, _out, _threads, _shard, _shards, _resume, _overwrite, _series, _events, _panel, _engine, _verbose,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;
    }

    public Command BuildMerge()
    {
        var folders = new Argument<string[]>("DIR") { Description = "The shard output folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the merged results.", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output folder." };
        var verbose = new Option<bool>("--verbose") { Description = "Show full error details." };
        var command = new Command("merge", "Combine the output folders of a sweep's shards into the files one process would have written.")
        {
            folders, output, overwrite, verbose,
        };
        command.SetAction(parse =>
        {
            var (text, ordered, detail) = SweepMerge.CheckDetail(parse.GetValue(folders)!);
            var model = ModelOption.Resolve(null, Path.Combine(ordered[0], ModelSweepReader.ScenarioFile));
            var baseScenario = model.ReadScenario(Path.Combine(ordered[0], ModelSweepReader.ScenarioFile), new ScenarioOverrides());
            var sweep = ModelSweepReader.Parse(model, text, Path.GetFullPath(ordered[0]), "sweep.json", baseScenario);
            var job = ModelSweepReader.Job(sweep, text, parse.GetValue(output)!, EngineKind.Kernel) with
            {
                Overwrite = parse.GetValue(overwrite),
                Series = detail.Series,
                Events = detail.Events,
                Panel = detail.Panel,
                Threads = 1,
                Command = "anarchy merge",
            };
            SweepMerge.Merge(job, ordered);
            terminal.Error($"Merged {ordered.Count} shards{OfModel(model)} into {Path.GetFullPath(parse.GetValue(output)!)}{Path.DirectorySeparatorChar} ({Written(model, job, job.AfterFinish is not null)}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private int Execute(ParseResult parse, CancellationToken cancellation)
    {
        string file = parse.GetValue(_file)!;
        var model = ModelOption.Resolve(parse.GetValue(_model), file);
        var sweep = ModelSweepReader.ReadFile(model, file);
        if (parse.GetValue(_panel) && model.Tables.Panels.Count == 0)
            throw new InvalidInputException($"--panel: the model {model.Name} has no panel tables");
        var (threads, spec) = ThreadsAndShard(parse);
        string outPath = parse.GetValue(_out) ?? Path.Combine("out", spec.IsWhole ? sweep.Name : $"{sweep.Name}-shard-{spec.Index}-of-{spec.Count}");
        var job = ModelSweepReader.Job(sweep, File.ReadAllText(file), outPath, parse.GetValue(_engine)) with
        {
            Shard = spec,
            Resume = parse.GetValue(_resume),
            Overwrite = parse.GetValue(_overwrite),
            Panel = parse.GetValue(_panel),
            Series = parse.GetValue(_series),
            Events = parse.GetValue(_events),
            Threads = threads,
            Command = "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
        };
        var (first, end) = spec.PointRange(job.Points);
        string share = spec.IsWhole ? "" : $"; shard {spec} takes points {first} to {end - 1}";
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"Sweep '{sweep.Name}'{OfModel(model)}: {sweep.Design}, {job.Points} points x {sweep.Replicates} replicates = {(long)job.Points * sweep.Replicates} runs{share}, {threads} thread{(threads == 1 ? "" : "s")}."));
        var result = SweepRunner.Run(job, new ProgressPrinter(terminal), cancellation);
        if (!result.Completed)
        {
            terminal.Error($"Interrupted after {result.RunsCompleted} of {result.RunsPlanned} runs; every finished run is kept. Continue with: anarchy sweep {file} --out {outPath}{(job.HasDetail ? " " + job.DetailOptions : "")} --resume");
            return ExitCodes.Cancelled;
        }
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{result.RunsCompleted} runs done ({result.Elapsed.TotalSeconds:F1} s this session). Wrote {result.OutputPath}{Path.DirectorySeparatorChar} ({Written(model, job, sweep.Design.Type == "saltelli" && spec.IsWhole)})."));
        return ExitCodes.Success;
    }

    private static readonly string[] SummaryFiles = ["runs.*", "points.*"];

    /// <summary>" of the NAME model", or nothing for the default model.</summary>
    private static string OfModel(IModelDefinition model) =>
        model == ModelCatalog.Registry.Default ? "" : $" of the {model.Name} model";

    /// <summary>The files a sweep writes, e.g. "runs.*, points.*, sensitivity.*, manifest.json".</summary>
    private static string Written(IModelDefinition model, SweepJob job, bool sensitivity) =>
        string.Join(", ", SummaryFiles
            .Concat(sensitivity ? ["sensitivity.*"] : [])
            .Concat(job.Series ? ["series.*"] : [])
            .Concat(job.Events ? ["events.*"] : [])
            .Concat(job.Panel ? model.Tables.Panels.Select(p => p.Name + ".*") : [])
            .Append("manifest.json"));

    /// <summary>The worker threads (checked) and the shard (from the options or the scheduler's environment).</summary>
    private (int Threads, ShardSpec Shard) ThreadsAndShard(ParseResult parse)
    {
        int threads = parse.GetValue(_threads) ?? Environment.ProcessorCount;
        if (threads < 1 || threads > 1024)
            throw new InvalidInputException($"--threads: value {threads} is outside the allowed range [1, 1024]");
        try
        {
            return (threads, ShardSpec.Resolve(parse.GetValue(_shard), parse.GetValue(_shards), Environment.GetEnvironmentVariable) ?? ShardSpec.Whole);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(e.Message, e);
        }
    }
}
