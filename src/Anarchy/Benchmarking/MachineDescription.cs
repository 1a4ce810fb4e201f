using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anarchy.Benchmarking;

/// <summary>The machine a measurement ran on: figures from different machines do not compare.</summary>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="Processor">The processor's model name where the operating system tells it, else null.</param>
/// <param name="OperatingSystem">The operating system's description.</param>
/// <param name="Runtime">The .NET runtime's description, e.g. ".NET 10.0.1".</param>
/// <param name="Architecture">The process architecture, e.g. "X64".</param>
/// <param name="VectorWidth">Bits per vector of the batched kernels: 512 where the hardware accelerates them, else 256.</param>
public sealed record MachineDescription(int ProcessorCount, string? Processor, string OperatingSystem, string Runtime, string Architecture, int VectorWidth)
{
    /// <summary>The machine this process runs on.</summary>
    public static MachineDescription Current => new(
        Environment.ProcessorCount,
        ProcessorName(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Vector512.IsHardwareAccelerated ? 512 : 256);

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
