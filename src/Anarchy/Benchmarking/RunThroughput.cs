using System.Diagnostics;
using Anarchy.Engine;
using Anarchy.Models;

namespace Anarchy.Benchmarking;

/// <summary>What <see cref="RunThroughput.Measure"/> measures: a model's default scenario at the given sizes and length.</summary>
public sealed record RunThroughputOptions
{
    public required IModelDefinition Model { get; init; }

    /// <summary>Numbers of agents (states, actors) to measure at; empty: the default scenario's number only.</summary>
    public IReadOnlyList<int> States { get; init; } = [];

    /// <summary>Time steps per run (ticks, turns, years); null: the default scenario's.</summary>
    public int? Ticks { get; init; }

    /// <summary>The multi-threaded thread count (one thread is always measured).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The engine, where the model has more than one.</summary>
    public EngineKind Engine { get; init; } = EngineKind.Kernel;

    /// <summary>Timed work per measurement: whole batches of runs are repeated until it is spent (at least one per thread).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>Runs per second of one workload on one thread count.</summary>
/// <param name="States">The number of agents asked for, or null for the default scenario's.</param>
/// <param name="Workload">The scenario in words, e.g. "98 states of degree 8, up to 1000 turns".</param>
/// <param name="Threads">Threads working at once, each on whole batches of runs.</param>
/// <param name="Runs">Runs completed in the timed period.</param>
/// <param name="Seconds">Wall-clock length of the timed period.</param>
/// <param name="ThreadScaling">Runs per second over one thread's (1 for one thread).</param>
public sealed record RunThroughputResult(int? States, string Workload, int Threads, long Runs, double Seconds, double ThreadScaling)
{
    public double RunsPerSecond => Runs / Seconds;

    /// <summary>Wall-clock seconds per run at this thread count (one thread: the time of one run).</summary>
    public double SecondsPerRun => Seconds / Runs;
}

/// <summary>A measurement of a model's runs per second: the machine, the model, its engine and one result per (size, threads).</summary>
public sealed record RunThroughputReport(MachineDescription Machine, string Model, string Version, string Engine, IReadOnlyList<RunThroughputResult> Results);

/// <summary>
/// Runs per second of any model, as the Monte Carlo layer runs it (<see cref="IRunModel.ExecuteBatch"/>, summaries
/// only): the throughput a sweep or study sees. Each run has its own seed; a fifth of the budget goes to an untimed
/// warm-up first.
/// </summary>
public static class RunThroughput
{
    public static RunThroughputReport Measure(RunThroughputOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        var sizes = options.States.Count == 0 ? [null] : options.States.Select(n => (int?)n).ToArray();
        var results = new List<RunThroughputResult>();
        foreach (int? states in sizes)
        {
            var scenario = options.Model.ReadScenario(null, new ScenarioOverrides(States: states, Ticks: options.Ticks));
            var model = options.Model.CreateRunModel(scenario, options.Engine);
            string workload = scenario.Describe();
            RunThroughputResult? single = null;
            foreach (int threads in options.Threads == 1 ? [1] : new[] { 1, options.Threads })
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report($"{options.Model.Name}: {workload}, {threads} thread{(threads == 1 ? "" : "s")}...");
                var (runs, seconds) = Time(model, scenario.Seed, threads, options.Budget, cancellation);
                double scaling = single is null ? 1 : runs / seconds / single.RunsPerSecond;
                var result = new RunThroughputResult(states, workload, threads, runs, seconds, scaling);
                single ??= result;
                results.Add(result);
            }
        }
        return new RunThroughputReport(MachineDescription.Current, options.Model.Name, options.Model.Version,
            options.Model.DescribeEngine(options.Engine), results);
    }

    /// <summary>Runs batches on <paramref name="threads"/> threads until the budget is spent; returns the runs and seconds.</summary>
    private static (long Runs, double Seconds) Time(IRunModel model, ulong seed, int threads, TimeSpan budget, CancellationToken cancellation)
    {
        int batch = Math.Max(1, model.BatchSize);
        long next = 0;
        RunKey[] Keys()
        {
            long first = Interlocked.Add(ref next, batch) - batch;
            return Enumerable.Range(0, batch).Select(i => new RunKey(first + i, 0, first + i, seed + (ulong)(first + i))).ToArray();
        }

        // Warm-up, untimed: a fifth of the budget (at least one batch per thread), so that the runtime's tiered
        // compiler has replaced the first code of the model with its optimised code before the clock starts.
        var warm = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, _ =>
        {
            do model.ExecuteBatch(Keys(), default);
            while (warm.Elapsed < budget / 5 && !cancellation.IsCancellationRequested);
        });
        long runs = 0;
        var clock = Stopwatch.StartNew();
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                long mine = 0;
                do
                {
                    mine += model.ExecuteBatch(Keys(), default).Length;
                }
                while (clock.Elapsed < budget && !cancellation.IsCancellationRequested);
                Interlocked.Add(ref runs, mine);
            })
            { IsBackground = true };
            workers[t].Start();
        }
        foreach (var thread in workers) thread.Join();
        double seconds = clock.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        return (runs, seconds);
    }
}
