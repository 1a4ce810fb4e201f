using System.Runtime.InteropServices;
using Anarchy.Models.Waltz.Kernel;

namespace Anarchy.Benchmarking;

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

/// <summary>The machine a measurement ran on: figures from different machines do not compare.</summary>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="Processor">The processor's model name where the operating system tells it, else null.</param>
/// <param name="OperatingSystem">The operating system's description.</param>
/// <param name="Runtime">The .NET runtime's description, e.g. ".NET 10.0.1".</param>
/// <param name="Architecture">The process architecture, e.g. "X64".</param>
/// <param name="VectorWidth">Bits per vector the kernel uses (<see cref="WaltzBatch.VectorWidth"/>).</param>
public sealed record MachineDescription(int ProcessorCount, string? Processor, string OperatingSystem, string Runtime, string Architecture, int VectorWidth)
{
    /// <summary>The machine this process runs on.</summary>
    public static MachineDescription Current => new(
        Environment.ProcessorCount,
        ProcessorName(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        WaltzBatch.VectorWidth);

    /// <summary>One line for people: processor, cores, system, runtime, vectors.</summary>
    public override string ToString() =>
        $"{Processor ?? "unknown processor"}, {ProcessorCount} logical processor{(ProcessorCount == 1 ? "" : "s")}, {OperatingSystem}, {Runtime}, {Architecture}, {VectorWidth}-bit vectors";

    private static string? ProcessorName()
    {
        // Linux names the processor in /proc/cpuinfo; elsewhere it stays unknown rather than guessed.
        const string CpuInfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(CpuInfo)) return null;
            foreach (var line in File.ReadLines(CpuInfo))
            {
                if (!line.StartsWith("model name", StringComparison.Ordinal)) continue;
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? line[(colon + 1)..].Trim() : null;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}

/// <summary>A throughput measurement: the machine, the workload's ticks and batch size, and one result per (states, threads).</summary>
public sealed record ThroughputReport(MachineDescription Machine, int Ticks, int BatchSize, IReadOnlyList<ThroughputResult> Results);
