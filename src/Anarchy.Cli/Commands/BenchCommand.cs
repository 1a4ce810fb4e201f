using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Benchmarking;
using Anarchy.Models;
using Anarchy.Models.Waltz.Benchmarking;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Kernel;
using Spectre.Console;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy bench</c>: throughput of the reference engine and the batched kernel on this machine, on the standard
/// workload (the default scenario, 200 ticks), with one thread and with all of them.
/// </summary>
internal sealed class BenchCommand(Terminal terminal)
{
    private const int MaxThreads = 1024;

    private readonly Option<int[]> _states = new("--states") { Description = "Number of states to measure at; repeatable. Default: 16, 32 (the default scenario), 64 and 256.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int?> _threads = new("--threads") { Description = "Threads for the multi-threaded figures (default: all cores); one thread is always measured." };
    private readonly Option<int?> _ticks = new("--ticks") { Description = "Ticks per run (default 200, the standard workload); fewer make the measurement shorter." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the results as one JSON object on standard output." };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };
    private readonly Option<string?> _model = ModelOption.Create();
    private readonly Option<double?> _seconds = new("--seconds") { Description = "Timed seconds per measurement of a model measured by runs per second (default 3); the Waltz model's benchmark times its own." };

    public Command Build()
    {
        var command = new Command("bench", "Measure runs per second on this machine: for the Waltz model, state-ticks per second of the reference engine and the batched kernel by phase and the kernel's perception GFLOP/s against the machine's peak; for any other model, runs per second of its default scenario on one thread and on all.")
        {
            _model, _states, _threads, _ticks, _seconds, _json, _verbose,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;
    }

    private int Execute(ParseResult parse, CancellationToken cancellation)
    {
        var model = ModelOption.Resolve(parse.GetValue(_model));
        if (model != WaltzDefinition.Instance) return ExecuteRunsPerSecond(model, parse, cancellation);
        int[] states = parse.GetValue(_states) is { Length: > 0 } given ? given : [16, 32, 64, 256];
        foreach (int n in states) Checked("--states", n, 1, ScenarioReader.MaxStates);
        var options = new ThroughputOptions
        {
            States = states.Distinct().ToArray(),
            Threads = Checked("--threads", parse.GetValue(_threads) ?? Environment.ProcessorCount, 1, MaxThreads),
            Ticks = Checked("--ticks", parse.GetValue(_ticks) ?? 200, 1, ScenarioReader.MaxTicks),
        };

        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"Measuring {string.Join(", ", options.States)} states, {options.Ticks} ticks per run, on 1{(options.Threads > 1 ? $" and {options.Threads}" : "")} thread{(options.Threads > 1 ? "s" : "")} ({MachineDescription.Current})."));
        var report = ThroughputBenchmark.Run(options, new Progress(terminal), cancellation);
        if (parse.GetValue(_json)) terminal.Line(ToJson(report));
        else PrintTable(report);
        return ExitCodes.Success;
    }

    /// <summary>Runs per second of a model without a benchmark of its own (<see cref="RunThroughput"/>).</summary>
    private int ExecuteRunsPerSecond(IModelDefinition model, ParseResult parse, CancellationToken cancellation)
    {
        double seconds = parse.GetValue(_seconds) ?? 3;
        if (!(seconds >= 0.01 && seconds <= 3600))
            throw new InvalidInputException($"--seconds: value {seconds.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [0.01, 3600]");
        var options = new RunThroughputOptions
        {
            Model = model,
            States = parse.GetValue(_states) is { Length: > 0 } given ? given.Distinct().ToArray() : [],
            Ticks = parse.GetValue(_ticks),
            Threads = Checked("--threads", parse.GetValue(_threads) ?? Environment.ProcessorCount, 1, MaxThreads),
            Budget = TimeSpan.FromSeconds(seconds),
        };
        // The sizes and lengths are the model's to check: its scenario reader names the option and the allowed range.
        foreach (int? n in options.States.Count == 0 ? [null] : options.States.Select(n => (int?)n))
            model.ReadScenario(null, new ScenarioOverrides(States: n, Ticks: options.Ticks));
        terminal.Error($"Measuring runs per second of the model {model.Name} ({MachineDescription.Current}).");
        var report = RunThroughput.Measure(options, new Progress(terminal), cancellation);
        if (parse.GetValue(_json)) terminal.Line(RunsJson(report));
        else PrintRuns(report);
        return ExitCodes.Success;
    }

    internal static string RunsJson(RunThroughputReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteMachine(json, report.Machine);
            json.WriteString("model", report.Model);
            json.WriteString("version", report.Version);
            json.WriteString("engine", report.Engine);
            json.WriteStartArray("results");
            foreach (var r in report.Results)
            {
                json.WriteStartObject();
                if (r.States is { } states) json.WriteNumber("states", states);
                else json.WriteNull("states");
                json.WriteString("workload", r.Workload);
                json.WriteNumber("threads", r.Threads);
                json.WriteNumber("runs", r.Runs);
                json.WriteNumber("seconds", Significant(r.Seconds));
                json.WriteNumber("runsPerSecond", Significant(r.RunsPerSecond));
                json.WriteNumber("secondsPerRun", Significant(r.SecondsPerRun));
                json.WriteNumber("threadScaling", Significant(r.ThreadScaling));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void PrintRuns(RunThroughputReport report)
    {
        var console = terminal.Console();
        if (!terminal.Interactive) console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("workload")
            .AddColumn(new TableColumn("threads").RightAligned())
            .AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("runs/s").RightAligned())
            .AddColumn(new TableColumn("ms per run").RightAligned())
            .AddColumn(new TableColumn("scaling").RightAligned());
        foreach (var r in report.Results)
        {
            table.AddRow(
                new Text(r.Workload),
                new Text(r.Threads.ToString(CultureInfo.InvariantCulture)),
                new Text(r.Runs.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(r.RunsPerSecond.ToString(r.RunsPerSecond >= 100 ? "N0" : "F2", CultureInfo.InvariantCulture)),
                new Text((1000 * r.SecondsPerRun).ToString("G4", CultureInfo.InvariantCulture)),
                new Text(r.ThreadScaling.ToString("F2", CultureInfo.InvariantCulture) + "x"));
        }
        table.Caption(new TableTitle($"model {report.Model} ({report.Version}), {report.Engine} engine; runs as sweeps run them (summaries only); ms per run = wall-clock time / runs at that thread count; scaling = runs/s / one thread's", Style.Plain));
        console.Write(table);
        console.Write(new Text($"machine: {report.Machine}{Environment.NewLine}"));
    }

    private static void WriteMachine(Utf8JsonWriter json, MachineDescription machine)
    {
        json.WriteStartObject("machine");
        json.WriteNumber("processorCount", machine.ProcessorCount);
        if (machine.Processor is { } processor) json.WriteString("processor", processor);
        else json.WriteNull("processor");
        json.WriteString("os", machine.OperatingSystem);
        json.WriteString("runtime", machine.Runtime);
        json.WriteString("architecture", machine.Architecture);
        json.WriteEndObject();
        json.WriteNumber("vectorWidth", machine.VectorWidth);
    }

    private static int Checked(string option, int value, int min, int max) =>
        value >= min && value <= max ? value
            : throw new InvalidInputException($"{option}: value {value} is outside the allowed range [{min}, {max}]");

    /// <summary>One line on standard error as each measurement starts (synchronously: the measurement blocks).</summary>
    private sealed class Progress(Terminal terminal) : IProgress<string>
    {
        public void Report(string value) => terminal.Error(value);
    }

    internal static string ToJson(ThroughputReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteMachine(json, report.Machine);
            json.WriteNumber("ticks", report.Ticks);
            json.WriteNumber("batchSize", report.BatchSize);
            json.WriteStartArray("results");
            foreach (var r in report.Results)
            {
                json.WriteStartObject();
                json.WriteNumber("states", r.States);
                json.WriteNumber("threads", r.Threads);
                json.WriteNumber("referenceStateTicksPerSecond", Significant(r.ReferenceStateTicksPerSecond));
                json.WriteNumber("kernelStateTicksPerSecond", Significant(r.KernelStateTicksPerSecond));
                json.WriteNumber("runsPerSecond", Significant(r.RunsPerSecond));
                json.WriteNumber("perceptionGflops", Significant(r.PerceptionGflops));
                json.WriteNumber("peakGflops", Significant(r.PeakGflops));
                json.WriteNumber("speedupOverReference", Significant(r.SpeedupOverReference));
                json.WriteNumber("threadScaling", Significant(r.ThreadScaling));
                json.WriteNumber("fractionOfPeak", Significant(r.FractionOfPeak));
                json.WriteStartObject("phases");
                foreach (var (phase, micros) in r.Phases) json.WriteNumber(PhaseName(phase), Significant(micros));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A phase's key in the JSON output: its name in lower case ("economy", "perception", ...).</summary>
    internal static string PhaseName(KernelPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>Four significant digits: timings vary by more than a part in a thousand from one run to the next.</summary>
    private static double Significant(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    private void PrintTable(ThroughputReport report)
    {
        var console = terminal.Console();
        if (!terminal.Interactive) console.Profile.Width = 200; // a file or pipe has no width to fit: keep rows whole
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("states").RightAligned())
            .AddColumn(new TableColumn("threads").RightAligned())
            .AddColumn(new TableColumn("reference state-ticks/s").RightAligned())
            .AddColumn(new TableColumn("kernel state-ticks/s").RightAligned())
            .AddColumn(new TableColumn("kernel runs/s").RightAligned())
            .AddColumn(new TableColumn("speedup").RightAligned())
            .AddColumn(new TableColumn("scaling").RightAligned())
            .AddColumn(new TableColumn("perception GFLOP/s").RightAligned())
            .AddColumn(new TableColumn("peak GFLOP/s").RightAligned())
            .AddColumn(new TableColumn("of peak").RightAligned());
        foreach (var r in report.Results)
        {
            table.AddRow(
                new Text(r.States.ToString(CultureInfo.InvariantCulture)),
                new Text(r.Threads.ToString(CultureInfo.InvariantCulture)),
                new Text(r.ReferenceStateTicksPerSecond.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(r.KernelStateTicksPerSecond.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(r.RunsPerSecond.ToString(r.RunsPerSecond >= 100 ? "N0" : "F2", CultureInfo.InvariantCulture)),
                new Text(r.SpeedupOverReference.ToString("F2", CultureInfo.InvariantCulture) + "x"),
                new Text(r.ThreadScaling.ToString("F2", CultureInfo.InvariantCulture) + "x"),
                new Text(r.PerceptionGflops.ToString("F2", CultureInfo.InvariantCulture)),
                new Text(r.PeakGflops.ToString("F1", CultureInfo.InvariantCulture)),
                new Text(r.FractionOfPeak.ToString("P1", CultureInfo.InvariantCulture)));
        }
        table.Caption(new TableTitle(string.Create(CultureInfo.InvariantCulture,
            $"state-ticks = runs x states x ticks; default scenario, {report.Ticks} ticks per run, kernel batches of {report.BatchSize} runs; speedup = kernel / reference, scaling = kernel / kernel on 1 thread"), Style.Plain));
        console.Write(table);
        PrintPhases(console, report);
        console.Write(new Text($"machine: {report.Machine}{Environment.NewLine}"));
    }

    /// <summary>The kernel's time per run-tick by phase, one column per measured (states, threads).</summary>
    private static void PrintPhases(IAnsiConsole console, ThroughputReport report)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("kernel phase, us per run-tick");
        foreach (var r in report.Results)
            table.AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"{r.States} states, {r.Threads} thr")).RightAligned());
        foreach (var phase in Enum.GetValues<KernelPhase>())
        {
            var cells = new List<Text> { new(PhaseName(phase)) };
            foreach (var r in report.Results)
                cells.Add(new Text(r.Phases.TryGetValue(phase, out double us) ? us.ToString("F2", CultureInfo.InvariantCulture) : "-"));
            table.AddRow(cells);
        }
        var totals = new List<Text> { new("total") };
        foreach (var r in report.Results) totals.Add(new Text(r.Phases.Values.Sum().ToString("F2", CultureInfo.InvariantCulture)));
        table.AddRow(totals);
        console.Write(table);
    }
}
