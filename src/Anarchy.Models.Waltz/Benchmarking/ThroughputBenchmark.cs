using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using Anarchy.Engine;
using Anarchy.Engine.Simd;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Kernel;
using Anarchy.Benchmarking;
using Anarchy.MonteCarlo;

namespace Anarchy.Models.Waltz.Benchmarking;

/// <summary>
/// Throughput of the engine on the standard workload (the default scenario, 200 ticks) at several numbers of
/// states, in this process: the reference engine against the batched kernel, on one thread and on K threads, and
/// the kernel's perception step against the machine's fused multiply-add peak (measured once per thread count).
/// After small untimed runs that settle the JIT, each measurement warms up untimed, then repeats whole runs (or
/// batches, or calls) until its time budget is spent. With the defaults (16, 32, 64 and 256 states, 1 s per
/// measurement) it takes one to two minutes, most of it at 256 states, where one reference run of 200 ticks takes
/// seconds and one kernel batch of 8 runs several seconds; fewer ticks shorten it, and are reported with the results.
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>Ticks a world is advanced before its perception step is timed (as in the BenchmarkDotNet benchmarks).</summary>
    public const int PerceptionWarmTicks = 20;

    /// <summary>Untimed warm-up runs have at most this many ticks: enough calls of every step for the JIT's tier 1.</summary>
    private const int WarmUpTicks = 40;

    /// <summary>Untimed work per thread before each measurement, at least.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(0.25);

    /// <summary>Untimed small runs before the first measurement.</summary>
    private static readonly TimeSpan JitWarmUpTime = TimeSpan.FromSeconds(1.5);

    /// <summary>Flops of one perception step per run, as counted for GFLOP/s: 2 N^3 for the common-threat product T T', 6 N^2 for the rest.</summary>
    public static double PerceptionFlops(int states) => 2.0 * states * states * states + 6.0 * states * states;

    /// <summary>Measures every size in <paramref name="options"/> with one thread and, when it is more, with <see cref="ThroughputOptions.Threads"/>.</summary>
    /// <param name="options">Sizes, thread count, ticks, batch size and time budgets.</param>
    /// <param name="progress">Receives a line as each measurement starts.</param>
    /// <param name="cancellation">Stops between runs; the measurement is then abandoned.</param>
    public static ThroughputReport Run(ThroughputOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        int[] threadCounts = options.Threads == 1 ? [1] : [1, options.Threads];
        progress?.Report("warming up: small runs of every code path, so that the JIT's tiers settle before anything is timed");
        WarmUpJit(options.BatchSize, cancellation);
        var peak = new Dictionary<int, double>();
        foreach (int threads in threadCounts)
        {
            progress?.Report($"peak: fused multiply-add loop, {Threads(threads)}");
            peak[threads] = ConcurrentMeasurement.Run(threads, options.PeakBudget, _ => new PeakFlops(), cancellation).PerSecond / 1e9;
        }

        var results = new List<ThroughputResult>();
        foreach (int states in options.States)
        {
            var scenario = BuiltInScenarios.Default with { States = states, Ticks = options.Ticks };
            double kernelOneThread = double.NaN;
            foreach (int threads in threadCounts)
            {
                string at = $"{states} states, {Threads(threads)}";
                progress?.Report($"{at}: reference runs");
                double reference = Measure(threads, options.Budget, t => new ReferenceRuns(scenario, t), cancellation);
                progress?.Report($"{at}: kernel batches of {options.BatchSize} runs");
                var clocks = new PhaseClock[threads];
                double kernel = Measure(threads, options.Budget, t => new KernelBatches(scenario, options.BatchSize, t, clocks[t] = new PhaseClock()), cancellation);
                progress?.Report($"{at}: kernel perception");
                double gflops = Measure(threads, options.Budget, t => new KernelPerception(scenario, options.BatchSize, t), cancellation) / 1e9;
                if (threads == 1) kernelOneThread = kernel;
                results.Add(new ThroughputResult(
                    States: states,
                    Threads: threads,
                    ReferenceStateTicksPerSecond: reference,
                    KernelStateTicksPerSecond: kernel,
                    RunsPerSecond: kernel / ((double)states * scenario.TotalTicks),
                    PerceptionGflops: gflops,
                    PeakGflops: peak[threads],
                    SpeedupOverReference: kernel / reference,
                    ThreadScaling: threads == 1 ? 1 : kernel / kernelOneThread,
                    FractionOfPeak: gflops / peak[threads])
                {
                    Phases = PhaseTimes(clocks),
                });
            }
        }
        return new ThroughputReport(MachineDescription.Current, options.Ticks, options.BatchSize, results);
    }

    private static void Validate(ThroughputOptions o)
    {
        if (o.States is not { Count: > 0 } || o.States.Any(n => n < 1 || n > ScenarioReader.MaxStates))
            throw new ArgumentException($"States: one or more numbers of states, each in [1, {ScenarioReader.MaxStates}]", nameof(o));
        if (o.Threads < 1) throw new ArgumentException("Threads: at least 1", nameof(o));
        if (o.Ticks < 1 || o.Ticks > ScenarioReader.MaxTicks) throw new ArgumentException($"Ticks: in [1, {ScenarioReader.MaxTicks}]", nameof(o));
        if (o.BatchSize < 1 || o.BatchSize % WaltzBatch.LaneMultiple != 0)
            throw new ArgumentException($"BatchSize: a positive multiple of {WaltzBatch.LaneMultiple}, so that no lane is padding", nameof(o));
        if (o.Budget <= TimeSpan.Zero || o.PeakBudget <= TimeSpan.Zero) throw new ArgumentException("Budget and PeakBudget: positive", nameof(o));
    }

    private static double Measure(int threads, TimeSpan budget, Func<int, IWorkload> workload, CancellationToken cancellation) =>
        ConcurrentMeasurement.Run(threads, budget, workload, cancellation).PerSecond;

    /// <summary>Microseconds per run-tick of each phase, over all threads' clocks (CPU time per run-tick, not wall time).</summary>
    private static Dictionary<KernelPhase, double> PhaseTimes(PhaseClock[] clocks)
    {
        var total = new PhaseClock();
        foreach (var clock in clocks) total.Add(clock);
        return Enum.GetValues<KernelPhase>().ToDictionary(p => p, total.MicrosecondsPerRunTick);
    }

    private static string Threads(int threads) => string.Create(CultureInfo.InvariantCulture, $"{threads} thread{(threads == 1 ? "" : "s")}");

    /// <summary>
    /// The JIT compiles a method first without optimisation, then with instrumentation, and only then optimised
    /// with the profile, each step after enough calls and a quiet spell; until then the first measurement would be
    /// slower than the rest. Small runs reach every method of a tick many times a millisecond, and the methods are
    /// the same at every size.
    /// </summary>
    private static void WarmUpJit(int batchSize, CancellationToken cancellation)
    {
        var small = BuiltInScenarios.Default with { States = 16, Ticks = WarmUpTicks };
        var reference = new ReferenceRuns(small, 0);
        var kernel = new KernelBatches(small, batchSize, 0);
        var perception = new KernelPerception(small, batchSize, 0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < JitWarmUpTime)
        {
            reference.Iterate(cancellation);
            kernel.Iterate(cancellation);
            for (int i = 0; i < 10; i++) perception.Iterate(cancellation);
        }
    }

    /// <summary>
    /// Repeats untimed runs of at most <see cref="WarmUpTicks"/> ticks until <see cref="WarmUpTime"/> has passed
    /// (at least one). At small sizes that is many whole runs; at large sizes one shortened run, as a whole one
    /// would take seconds and the code it runs is the same.
    /// </summary>
    private static void WarmUp(Action<Scenario> run, Scenario scenario, CancellationToken cancellation)
    {
        var warm = scenario with { Ticks = Math.Min(scenario.Ticks, WarmUpTicks) };
        var clock = Stopwatch.StartNew();
        do
        {
            cancellation.ThrowIfCancellationRequested();
            run(warm);
        }
        while (clock.Elapsed < WarmUpTime);
    }

    /// <summary>
    /// A thread's seeds: replicates 0, 1, ... of point <c>thread</c> of the scenario's master seed, so that the
    /// reference and the kernel run the same worlds; warm-up runs take replicates from a range of their own.
    /// </summary>
    private sealed class Seeds(ulong master, int thread)
    {
        private const long WarmUpReplicates = 1L << 40;
        private long _next;
        private long _nextWarmUp = WarmUpReplicates;

        public ulong Next() => RunPlan.SeedOf(master, thread, _next++);

        public ulong NextWarmUp() => RunPlan.SeedOf(master, thread, _nextWarmUp++);
    }

    /// <summary>Whole runs of the reference engine, one at a time.</summary>
    private sealed class ReferenceRuns(Scenario scenario, int thread) : IWorkload
    {
        private readonly Seeds _seeds = new(scenario.Seed, thread);

        public void WarmUp(CancellationToken cancellation) =>
            ThroughputBenchmark.WarmUp(s => WaltzSimulation.Run(s, _seeds.NextWarmUp(), default), scenario, cancellation);

        public double Iterate(CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            WaltzSimulation.Run(scenario, _seeds.Next(), default);
            return (double)scenario.States * scenario.TotalTicks;
        }
    }

    /// <summary>Whole batches of the kernel: <c>batchSize</c> runs in lockstep, built and run to the end.</summary>
    private sealed class KernelBatches(Scenario scenario, int batchSize, int thread, PhaseClock? clock = null) : IWorkload
    {
        private readonly Seeds _seeds = new(scenario.Seed, thread);

        public void WarmUp(CancellationToken cancellation) =>
            ThroughputBenchmark.WarmUp(s => RunBatch(s, _seeds.NextWarmUp, batchSize), scenario, cancellation);

        public double Iterate(CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            RunBatch(scenario, _seeds.Next, batchSize, clock);
            return (double)batchSize * scenario.States * scenario.TotalTicks;
        }
    }

    /// <summary>
    /// The kernel's perception step, full common-threat product, on one batch warmed <see cref="PerceptionWarmTicks"/>
    /// ticks. The step reads the world and writes only what it derives, so repeated calls do the same work.
    /// </summary>
    private sealed class KernelPerception : IWorkload
    {
        private readonly WaltzBatch _batch;
        private readonly double _flops;

        public KernelPerception(Scenario scenario, int batchSize, int thread)
        {
            var seeds = new Seeds(scenario.Seed, thread);
            _batch = Batch(scenario with { Ticks = Math.Max(scenario.Ticks, PerceptionWarmTicks) }, seeds.Next, batchSize);
            for (int t = 0; t < PerceptionWarmTicks; t++) _batch.Tick(t);
            _batch.Scratch.RefreshMasks(_batch);
            _flops = batchSize * PerceptionFlops(scenario.States); // every lane is a real run: the batch has no padding
        }

        public void WarmUp(CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            do
            {
                cancellation.ThrowIfCancellationRequested();
                Step();
            }
            while (clock.Elapsed < WarmUpTime);
        }

        public double Iterate(CancellationToken cancellation)
        {
            Step();
            return _flops;
        }

        private void Step()
        {
            if (Vector512.IsHardwareAccelerated) PerceptionKernel.Step<Vector512<double>, Lanes512>(_batch, fullProduct: true);
            else PerceptionKernel.Step<Vector256<double>, Lanes256>(_batch, fullProduct: true);
        }
    }

    private static WaltzBatch Batch(Scenario scenario, Func<ulong> seed, int runs) =>
        new(Enumerable.Repeat(scenario, runs).ToArray(), SeedsOf(seed, runs), default(RunDetail));

    /// <summary>A batch run start to finish as <c>anarchy run</c> runs it (<see cref="WaltzBatch.RunOnce"/>).</summary>
    private static void RunBatch(Scenario scenario, Func<ulong> seed, int runs, PhaseClock? clock = null) =>
        WaltzBatch.RunOnce(Enumerable.Repeat(scenario, runs).ToArray(), SeedsOf(seed, runs), default(RunDetail), clock: clock);

    private static ulong[] SeedsOf(Func<ulong> seed, int runs)
    {
        var seeds = new ulong[runs];
        for (int r = 0; r < runs; r++) seeds[r] = seed();
        return seeds;
    }
}
