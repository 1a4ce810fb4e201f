using Anarchy.Engine;

namespace Anarchy.MonteCarlo;

/// <summary>Receives finished runs strictly in run order.</summary>
public interface IRunSink
{
    void Accept(RunKey key, RunRows rows);
}

/// <summary>Progress of a Monte Carlo study: runs delivered so far out of the total.</summary>
public readonly record struct RunProgress(long Completed, long Total, TimeSpan Elapsed);

/// <summary>How a study ended.</summary>
public sealed record RunOutcome(long Completed, long Planned, bool Cancelled, TimeSpan Elapsed);

/// <summary>
/// Runs the replicates of a plan on several threads and hands the results to a sink in run order, so the output
/// is byte-identical whatever the thread count. Each worker takes the model's batch size of consecutive runs at a
/// time. Workers may run at most a fixed window ahead of the sink, so memory does not grow with the number of runs. On cancellation, the runs before the first unfinished one are delivered
/// and the rest are dropped.
/// </summary>
public static class MonteCarloRunner
{
    public static RunOutcome Run(
        IRunModel model,
        RunPlan plan,
        RunDetail detail,
        IRunSink sink,
        int threads,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long total = plan.Count;
        int chunk = Math.Max(1, model.BatchSize);
        int window = Math.Max(4, threads * 2) * chunk;
        var slots = new RunRows?[window];
        var gate = new object();
        long next = 0;          // next run index a worker may claim
        long delivered = 0;     // runs handed to the sink
        Exception? failure = null;
        long failedRun = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        void Worker()
        {
            var keys = new List<RunKey>(chunk);
            while (true)
            {
                long first;
                int count;
                lock (gate)
                {
                    while (next < total && next + Math.Min(chunk, total - next) - delivered > window && !stop.IsCancellationRequested)
                        Monitor.Wait(gate);
                    if (next >= total || stop.IsCancellationRequested) return;
                    first = next;
                    count = (int)Math.Min(chunk, total - next);
                    next += count;
                }
                keys.Clear();
                for (long r = first; r < first + count; r++) keys.Add(plan[r]);
                RunRows[] rows;
                try
                {
                    rows = model.ExecuteBatch(keys, detail);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        if (failure is null)
                        {
                            failure = e;
                            failedRun = plan[first].Run;
                        }
                        stop.Cancel();
                        Monitor.PulseAll(gate);
                    }
                    return;
                }
                lock (gate)
                {
                    for (int r = 0; r < count; r++) slots[(first + r) % window] = rows[r];
                    Monitor.PulseAll(gate);
                }
            }
        }

        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(Worker) { IsBackground = true, Name = $"anarchy-run-{t}" };
            workers[t].Start();
        }
        using var wake = cancellation.Register(() =>
        {
            lock (gate) Monitor.PulseAll(gate);
        });

        // The calling thread is the only writer: it takes finished runs in order. If the sink fails (a full disk),
        // the workers are stopped before the error goes on.
        try
        {
            while (delivered < total)
            {
                RunRows? rows;
                lock (gate)
                {
                    while ((rows = slots[delivered % window]) is null && !WorkersDone())
                        Monitor.Wait(gate, 100);
                    if (rows is null) break; // cancelled or failed before this run finished
                    slots[delivered % window] = null;
                }
                sink.Accept(plan[delivered], rows);
                lock (gate)
                {
                    delivered++;
                    Monitor.PulseAll(gate);
                }
                progress?.Report(new RunProgress(delivered, total, clock.Elapsed));
            }
        }
        finally
        {
            stop.Cancel();
            lock (gate) Monitor.PulseAll(gate);
            foreach (var w in workers) w.Join();
        }
        if (failure is not null)
            throw new RunFailedException($"the batch starting at run {failedRun} failed: {failure.Message}", failure);
        return new RunOutcome(delivered, total, delivered < total, clock.Elapsed);

        bool WorkersDone() => stop.IsCancellationRequested && workers.All(w => !w.IsAlive || w == Thread.CurrentThread)
            || failure is not null;
    }
}

/// <summary>A run threw; the runs before it were delivered.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException() { }
    public RunFailedException(string message) : base(message) { }
    public RunFailedException(string message, Exception inner) : base(message, inner) { }
}
