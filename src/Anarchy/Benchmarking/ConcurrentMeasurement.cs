using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Anarchy.Benchmarking;

/// <summary>One thread's share of a measurement: its own data, so threads share nothing while timed.</summary>
public interface IWorkload
{
    /// <summary>Untimed work that brings the JIT's tiers and the caches to their steady state.</summary>
    void WarmUp(CancellationToken cancellation);

    /// <summary>One whole timed iteration; returns the work it did (state-ticks, flops).</summary>
    double Iterate(CancellationToken cancellation);
}

/// <summary>Work done by all threads over the wall-clock time from their common start to the last one's end.</summary>
public readonly record struct Measured(double Work, double Seconds)
{
    public double PerSecond => Work / Seconds;
}

/// <summary>
/// Times K threads working at once. Each thread builds its workload and warms it up, the threads start together
/// (a barrier starts the clock), and each repeats whole iterations until the budget is spent. The time is until the
/// last thread finishes its last iteration, so an iteration longer than the budget is counted whole, never cut.
/// </summary>
public static class ConcurrentMeasurement
{
    public static Measured Run(int threads, TimeSpan budget, Func<int, IWorkload> workload, CancellationToken cancellation)
    {
        var clock = new Stopwatch();
        var work = new double[threads];
        var ends = new double[threads];
        var errors = new Exception?[threads];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var start = new Barrier(threads, _ => clock.Restart());
        var workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            int index = i;
            workers[i] = new Thread(() =>
            {
                try
                {
                    var mine = workload(index);
                    mine.WarmUp(failed.Token);
                    start.SignalAndWait(failed.Token);
                    do
                    {
                        work[index] += mine.Iterate(failed.Token);
                    }
                    while (clock.Elapsed < budget);
                    ends[index] = clock.Elapsed.TotalSeconds;
                }
#pragma warning disable CA1031 // a worker's exception is rethrown on the calling thread
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors[index] = e;
                    failed.Cancel(); // the others would wait at the barrier for ever
                }
            })
            { IsBackground = true, Name = $"throughput {index}" };
        }
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();

        var error = errors.FirstOrDefault(e => e is not null and not OperationCanceledException);
        if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
        cancellation.ThrowIfCancellationRequested();
        return new Measured(work.Sum(), ends.Max());
    }
}
