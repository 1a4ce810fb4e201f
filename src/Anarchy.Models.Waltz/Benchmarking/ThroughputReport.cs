using Anarchy.Benchmarking;
using Anarchy.Models.Waltz.Kernel;

namespace Anarchy.Models.Waltz.Benchmarking;

/// <summary>What <see cref="ThroughputBenchmark.Run"/> measures, and how long it may take.</summary>
public sealed record ThroughputOptions
{
    /// <summary>Numbers of states of the standard workload (the default scenario); one result per size and thread count.</summary>
    public IReadOnlyList<int> States { get; init; } = [16, 32, 64, 256];

    /// <summary>The multi-threaded thread count K (the one-thread figures are always measured).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Ticks per run. The standard workload is 200; fewer make the measurement shorter, not comparable.</summary>
    public int Ticks { get; init; } = 200;

    /// <summary>Runs per kernel batch, as <c>anarchy run</c> batches them: a multiple of <see cref="WaltzBatch.LaneMultiple"/>, so that no lane is padding.</summary>
    public int BatchSize { get; init; } = Models.Waltz.WaltzModel.KernelBatchSize;

    /// <summary>Timed work per measurement: whole iterations are repeated until it is spent (at least one).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Timed work of the fused multiply-add loop that measures the peak.</summary>
    public TimeSpan PeakBudget { get; init; } = TimeSpan.FromSeconds(0.5);
}

/// <summary>
/// Throughput at one number of states and one thread count. State-ticks are runs x states x ticks: the unit in
/// which runs of different sizes compare.
/// </summary>
/// <param name="States">Number of states of the workload.</param>
/// <param name="Threads">Threads working at once, each on whole runs (reference) or whole batches (kernel).</param>
/// <param name="ReferenceStateTicksPerSecond">The reference engine (<c>WaltzSimulation.Run</c>), one run per thread at a time.</param>
/// <param name="KernelStateTicksPerSecond">The batched kernel (<see cref="WaltzBatch"/>), one batch per thread at a time.</param>
/// <param name="RunsPerSecond">Whole runs the kernel completes per second.</param>
/// <param name="PerceptionGflops">The kernel's perception step, counting 2 N^3 + 6 N^2 flops per run and call.</param>
/// <param name="PeakGflops">A fused multiply-add loop with independent accumulators on the same threads: the attainable peak.</param>
/// <param name="SpeedupOverReference">Kernel over reference state-ticks per second, at this thread count.</param>
/// <param name="ThreadScaling">Kernel state-ticks per second at this thread count over one thread's (1 for one thread).</param>
/// <param name="FractionOfPeak">Perception GFLOP/s over peak GFLOP/s, at this thread count.</param>
public sealed record ThroughputResult(
    int States,
    int Threads,
    double ReferenceStateTicksPerSecond,
    double KernelStateTicksPerSecond,
    double RunsPerSecond,
    double PerceptionGflops,
    double PeakGflops,
    double SpeedupOverReference,
    double ThreadScaling,
    double FractionOfPeak)
{
    /// <summary>The kernel's microseconds per run-tick in each phase of the tick, summed over threads (CPU time).</summary>
    public IReadOnlyDictionary<KernelPhase, double> Phases { get; init; } = new Dictionary<KernelPhase, double>();
}

/// <summary>A throughput measurement: the machine, the workload's ticks and batch size, and one result per (states, threads).</summary>
public sealed record ThroughputReport(MachineDescription Machine, int Ticks, int BatchSize, IReadOnlyList<ThroughputResult> Results);
