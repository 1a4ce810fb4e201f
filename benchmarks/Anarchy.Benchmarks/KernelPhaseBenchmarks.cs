using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Kernel;
using Anarchy.MonteCarlo;
using BenchmarkDotNet.Attributes;

namespace Anarchy.Benchmarks;

/// <summary>
/// Each phase of a kernel tick alone, per run-tick: a batch of <see cref="BatchSize"/> runs of the default scenario
/// at ticks 40 to 80 (warmed, so pacts and wars have formed). Before each iteration (untimed) the batch finishes the
/// tick it is in and runs the new tick's phases up to the measured one; the iteration runs that phase once. The
/// batch is rebuilt when it reaches tick 80, so every measurement covers the same stretch of the same runs; the
/// global setup first runs whole ticks for two seconds, so that the JIT has optimised every method. These
/// are the figures behind <c>anarchy bench --json</c>'s <c>phases</c>, measured one phase at a time; an invocation is
/// tens of microseconds, so BenchmarkDotNet's warning about iterations shorter than 100 ms applies (see the error
/// columns).
/// </summary>
[MemoryDiagnoser]
public class KernelPhaseBenchmarks
{
    private const int BatchSize = WaltzModel.KernelBatchSize;
    private const int FirstTick = 40;
    private const int LastTick = 80;

    private Scenario _scenario = null!;
    private WaltzBatch _batch = null!;
    private int _tick;
    private int _done;

    [Params(32, 64)]
    public int States { get; set; }

    [ParamsAllValues]
    public KernelPhase Phase { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BuiltInScenarios.Default with { States = States, Ticks = LastTick + 1 };
        // Each iteration runs its phase once, too few calls for the JIT to optimise the per-run rules: whole ticks
        // for two seconds first, so that every method of a tick is at its final tier before anything is timed.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            Build();
            for (; _tick < LastTick; _tick++) _batch.Tick(_tick);
        }
        Build();
    }

    [IterationSetup]
    public void Advance()
    {
        // Finish the tick the last iteration stopped in, then start the next and run the phases before this one.
        if (_done >= 0)
        {
            for (int p = _done + 1; p < WaltzBatch.StepOrder.Length; p++) _batch.RunPhase(WaltzBatch.StepOrder[p]);
            _batch.EndTick();
            _tick++;
        }
        if (_tick >= LastTick) Build();
        _batch.BeginTick(_tick);
        _done = -1;
        if (Phase == KernelPhase.Records)
        {
            foreach (var phase in WaltzBatch.StepOrder) _batch.RunPhase(phase);
            _done = WaltzBatch.StepOrder.Length; // the iteration ends the tick
            return;
        }
        while (WaltzBatch.StepOrder[_done + 1] != Phase) _batch.RunPhase(WaltzBatch.StepOrder[++_done]);
    }

    [Benchmark(Description = "kernel phase", OperationsPerInvoke = BatchSize)]
    public WaltzBatch RunPhase()
    {
        if (Phase == KernelPhase.Records)
        {
            _batch.EndTick();
            _tick++;
            _done = -1;
            return _batch;
        }
        _batch.RunPhase(Phase);
        _done++;
        return _batch;
    }

    private void Build()
    {
        var seeds = Enumerable.Range(0, BatchSize).Select(r => RunPlan.SeedOf(_scenario.Seed, 0, r)).ToArray();
        _batch = new WaltzBatch(Enumerable.Repeat(_scenario, BatchSize).ToArray(), seeds, default(RunDetail));
        for (_tick = 0; _tick < FirstTick; _tick++) _batch.Tick(_tick);
        _done = -1;
    }
}
