using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Anarchy.Benchmarking;

/// <summary>
/// The attainable floating-point peak of one thread: a loop of nothing but fused multiply-adds on the widest
/// accelerated vector, into independent accumulators so that the adds' latency is hidden (a chain of dependent
/// FMAs would measure latency, not throughput; 4-cycle latency on two pipes needs 8 in flight). Twelve
/// accumulators plus two constants fit the 16 registers of AVX2 as well as the 32 of AVX-512. Each accumulator
/// iterates x = x m + a with m just below 1, which converges to a / (1 - m): no overflow, no subnormals.
/// </summary>
public sealed class PeakFlops : IWorkload
{
    private const int Accumulators = 12;
    private const int Iterations = 1 << 14;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(0.1);

    /// <summary>Sink for the loop's result, so the JIT cannot drop the loop.</summary>
    private double _sink;

    /// <summary>Flops per call of the loop: two (a multiply and an add) per lane of every FMA.</summary>
    private static double FlopsPerChunk => 2.0 * Iterations * Accumulators * (Vector512.IsHardwareAccelerated ? Vector512<double>.Count : Vector256<double>.Count);

    public void WarmUp(CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            cancellation.ThrowIfCancellationRequested();
            Iterate(cancellation);
        }
        while (clock.Elapsed < WarmUpTime);
    }

    public double Iterate(CancellationToken cancellation)
    {
        _sink += Vector512.IsHardwareAccelerated ? Chunk512(_sink) : Chunk256(_sink);
        return FlopsPerChunk;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chunk512(double seed)
    {
        var m = Vector512.Create(0.9999999);
        var a = Vector512.Create(1e-7);
        var x0 = Vector512.Create(seed * 1e-9);
        Vector512<double> x1 = x0 + a, x2 = x1 + a, x3 = x2 + a, x4 = x3 + a, x5 = x4 + a;
        Vector512<double> x6 = x5 + a, x7 = x6 + a, x8 = x7 + a, x9 = x8 + a, x10 = x9 + a, x11 = x10 + a;
        for (int i = 0; i < Iterations; i++)
        {
            x0 = Vector512.FusedMultiplyAdd(x0, m, a);
            x1 = Vector512.FusedMultiplyAdd(x1, m, a);
            x2 = Vector512.FusedMultiplyAdd(x2, m, a);
            x3 = Vector512.FusedMultiplyAdd(x3, m, a);
            x4 = Vector512.FusedMultiplyAdd(x4, m, a);
            x5 = Vector512.FusedMultiplyAdd(x5, m, a);
            x6 = Vector512.FusedMultiplyAdd(x6, m, a);
            x7 = Vector512.FusedMultiplyAdd(x7, m, a);
            x8 = Vector512.FusedMultiplyAdd(x8, m, a);
            x9 = Vector512.FusedMultiplyAdd(x9, m, a);
            x10 = Vector512.FusedMultiplyAdd(x10, m, a);
            x11 = Vector512.FusedMultiplyAdd(x11, m, a);
        }
        return Vector512.Sum(((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7)) + ((x8 + x9) + (x10 + x11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chunk256(double seed)
    {
        var m = Vector256.Create(0.9999999);
        var a = Vector256.Create(1e-7);
        var x0 = Vector256.Create(seed * 1e-9);
        Vector256<double> x1 = x0 + a, x2 = x1 + a, x3 = x2 + a, x4 = x3 + a, x5 = x4 + a;
        Vector256<double> x6 = x5 + a, x7 = x6 + a, x8 = x7 + a, x9 = x8 + a, x10 = x9 + a, x11 = x10 + a;
        for (int i = 0; i < Iterations; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, m, a);
            x1 = Vector256.FusedMultiplyAdd(x1, m, a);
            x2 = Vector256.FusedMultiplyAdd(x2, m, a);
            x3 = Vector256.FusedMultiplyAdd(x3, m, a);
            x4 = Vector256.FusedMultiplyAdd(x4, m, a);
            x5 = Vector256.FusedMultiplyAdd(x5, m, a);
            x6 = Vector256.FusedMultiplyAdd(x6, m, a);
            x7 = Vector256.FusedMultiplyAdd(x7, m, a);
            x8 = Vector256.FusedMultiplyAdd(x8, m, a);
            x9 = Vector256.FusedMultiplyAdd(x9, m, a);
            x10 = Vector256.FusedMultiplyAdd(x10, m, a);
            x11 = Vector256.FusedMultiplyAdd(x11, m, a);
        }
        return Vector256.Sum(((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7)) + ((x8 + x9) + (x10 + x11)));
    }
}
