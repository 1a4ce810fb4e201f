using System.CommandLine;
using System.Globalization;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Sweeps;
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
    private readonly Option<bool> _panel = new("--panel") { Description = "Also write panel_states and panel_dyads (.csv/.parquet) for every run: the state-years and dyad-years of 'anarchy run --panel', with point and replicate in front." };
    private readonly Option<EngineKind> _engine = EngineOption.Create("kernel (default) or reference; results are identical.");
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };
    private readonly Option<string?> _model = ModelOption.Create();

    public Command Build()
    {
        var command = new Command("sweep", "Run a parameter sweep: a design over factors, replicates per point, per-point statistics; resumable and shardable.")
        {
            _file, _model, _out, _threads, _shard, _shards, _resume, _overwrite, _panel, _engine, _verbose,
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
            var (text, ordered, panel) = SweepMerge.Check(parse.GetValue(folders)!);
            var model = ModelOption.Resolve(null, Path.Combine(ordered[0], ModelSweepReader.ScenarioFile));
            if (model.Name != ModelCatalog.Registry.Default.Name)
            {
                var baseScenario = model.ReadScenario(Path.Combine(ordered[0], ModelSweepReader.ScenarioFile), new ScenarioOverrides());
                var modelSweep = ModelSweepReader.Parse(model, text, Path.GetFullPath(ordered[0]), "sweep.json", baseScenario);
                var modelJob = ModelSweepReader.Job(modelSweep, text, parse.GetValue(output)!, EngineKind.Reference) with { Overwrite = parse.GetValue(overwrite), Threads = 1, Command = "anarchy merge" };
                SweepMerge.Merge(modelJob, ordered);
                terminal.Error($"Merged {ordered.Count} shards of a {model.Name} sweep into {Path.GetFullPath(parse.GetValue(output)!)}{Path.DirectorySeparatorChar} (runs.*, points.*{(modelJob.AfterFinish is null ? "" : ", sensitivity.*")}, manifest.json).");
                return ExitCodes.Success;
            }
            var scenario = ScenarioReader.ReadFile(Path.Combine(ordered[0], WaltzSweepJobs.ScenarioFile));
            var sweep = WaltzSweepReader.Parse(text, Path.GetFullPath(ordered[0]), "sweep.json", scenario);
            var job = Job(sweep, text, parse.GetValue(output)!, EngineKind.Kernel, ShardSpec.Whole, 1, false, parse.GetValue(overwrite), panel, "anarchy merge");
            SweepMerge.Merge(job, ordered);
            terminal.Error($"Merged {ordered.Count} shards into {Path.GetFullPath(parse.GetValue(output)!)}{Path.DirectorySeparatorChar} (runs.*, points.*{(job.AfterFinish is null ? "" : ", sensitivity.*")}{(panel ? ", panel_states.*, panel_dyads.*" : "")}, manifest.json).");
            return ExitCodes.Success;
        });
        return command;
    }

    private int Execute(ParseResult parse, CancellationToken cancellation)
    {
        string file = parse.GetValue(_file)!;
        var model = ModelOption.Resolve(parse.GetValue(_model), file);
        if (model.Name != ModelCatalog.Registry.Default.Name) return ExecuteAnyModel(parse, model, file, cancellation);
        var sweep = WaltzSweepReader.ReadFile(file);
        string text = File.ReadAllText(file);
        var (threads, spec) = ThreadsAndShard(parse);
        string outPath = parse.GetValue(_out) ?? Path.Combine("out", spec.IsWhole ? sweep.Name : $"{sweep.Name}-shard-{spec.Index}-of-{spec.Count}");
        var job = Job(sweep, text, outPath, parse.GetValue(_engine), spec, threads, parse.GetValue(_resume), parse.GetValue(_overwrite),
            parse.GetValue(_panel), "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value)));

        var (first, end) = spec.PointRange(job.Points);
        string share = spec.IsWhole ? "" : $"; shard {spec} takes points {first} to {end - 1}";
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"Sweep '{sweep.Name}': {sweep.Design}, {job.Points} points x {sweep.Replicates} replicates = {(long)job.Points * sweep.Replicates} runs{share}, {threads} thread{(threads == 1 ? "" : "s")}."));
        var result = SweepRunner.Run(job, new ProgressPrinter(terminal), cancellation);
        if (!result.Completed)
        {
            terminal.Error($"Interrupted after {result.RunsCompleted} of {result.RunsPlanned} runs; every finished run is kept. Continue with: anarchy sweep {file} --out {outPath}{(job.Panel ? " --panel" : "")} --resume");
            return ExitCodes.Cancelled;
        }
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{result.RunsCompleted} runs done ({result.Elapsed.TotalSeconds:F1} s this session). Wrote {result.OutputPath}{Path.DirectorySeparatorChar} (runs.*, points.*{(sweep.Design.Type == "saltelli" && spec.IsWhole ? ", sensitivity.*" : "")}{(job.Panel ? ", panel_states.*, panel_dyads.*" : "")}, manifest.json)."));
        return ExitCodes.Success;
    }

    /// <summary>A sweep of a model other than the default one: the generic reader and sweep model (one run at a time).</summary>
    private int ExecuteAnyModel(ParseResult parse, IModelDefinition model, string file, CancellationToken cancellation)
    {
        var sweep = ModelSweepReader.ReadFile(model, file);
        if (parse.GetValue(_panel)) throw new InvalidInputException($"--panel: the model {model.Name} has no panel tables");
        var (threads, spec) = ThreadsAndShard(parse);
        string outPath = parse.GetValue(_out) ?? Path.Combine("out", spec.IsWhole ? sweep.Name : $"{sweep.Name}-shard-{spec.Index}-of-{spec.Count}");
        var job = ModelSweepReader.Job(sweep, File.ReadAllText(file), outPath, parse.GetValue(_engine)) with
        {
            Shard = spec,
            Resume = parse.GetValue(_resume),
            Overwrite = parse.GetValue(_overwrite),
            Threads = threads,
            Command = "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
        };
        var (first, end) = spec.PointRange(job.Points);
        string share = spec.IsWhole ? "" : $"; shard {spec} takes points {first} to {end - 1}";
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"Sweep '{sweep.Name}' of the {model.Name} model: {sweep.Design}, {job.Points} points x {sweep.Replicates} replicates = {(long)job.Points * sweep.Replicates} runs{share}, {threads} thread{(threads == 1 ? "" : "s")}."));
        var result = SweepRunner.Run(job, new ProgressPrinter(terminal), cancellation);
        if (!result.Completed)
        {
            terminal.Error($"Interrupted after {result.RunsCompleted} of {result.RunsPlanned} runs; every finished run is kept. Continue with: anarchy sweep {file} --out {outPath} --resume");
            return ExitCodes.Cancelled;
        }
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{result.RunsCompleted} runs done ({result.Elapsed.TotalSeconds:F1} s this session). Wrote {result.OutputPath}{Path.DirectorySeparatorChar} (runs.*, points.*{(sweep.Design.Type == "saltelli" && spec.IsWhole ? ", sensitivity.*" : "")}, manifest.json)."));
        return ExitCodes.Success;
    }

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

    private static SweepJob Job(WaltzSweep sweep, string text, string outPath, EngineKind engine, ShardSpec shard, int threads, bool resume, bool overwrite, bool panel, string command) =>
        WaltzSweepJobs.Create(sweep, text, outPath, engine) with
        {
            Shard = shard,
            Resume = resume,
            Overwrite = overwrite,
            Panel = panel,
            Threads = threads,
            Command = command,
        };
}
