using System.Runtime.Intrinsics;
using Anarchy.Engine;
using Anarchy.Engine.Simd;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Kernel;
using Anarchy.MonteCarlo;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Anarchy.Benchmarks;

/// <summary>
/// The batched kernel against the reference engine, per equal work: <see cref="BatchSize"/> runs of the default
/// scenario with the same seeds, so that the reference's worlds and the kernel's lanes hold the same states bit for
/// bit. Every invocation does <see cref="RunTicksPerInvoke"/> run-ticks (16 / BatchSize ticks of BatchSize runs),
/// and the reported time is per run-tick; the ratio column is kernel over reference within each category.
/// <list type="bullet">
/// <item><c>tick</c>: a whole tick, on worlds warmed <see cref="WarmTicks"/> ticks. The benchmark advances them, so
/// they are rebuilt (untimed, before an iteration) once they are <see cref="MaxDrift"/> ticks further on: every
/// measurement covers ticks 20 to 40 of the same runs. Iteration setup makes each iteration one invocation, which
/// BenchmarkDotNet flags as shorter than 100 ms where the worlds are small; the error columns say what that costs.</item>
/// <item><c>perception</c>: step 2 alone on the warmed worlds, the kernel computing the full common-threat product
/// as the reference does (in a tick it computes half and mirrors it). The step reads the world and writes only what
/// it derives, so repeating it repeats the same work.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class KernelBenchmarks
{
    private const int RunTicksPerInvoke = 16;
    private const int WarmTicks = 20;
    private const int MaxDrift = 20;

    private Scenario _scenario = null!;
    private ulong[] _seeds = null!;
    private World[] _worlds = null!;
    private RunLedger[] _ledgers = null!;
    private WaltzBatch _batch = null!;
    private int _tick;

    [Params(16, 64, 256)]
    public int States { get; set; }

    [Params(8, 16)]
    public int BatchSize { get; set; }

    private int Repeats => RunTicksPerInvoke / BatchSize;

    [GlobalSetup(Targets = [nameof(ReferenceTick), nameof(ReferencePerception)])]
    public void SetupReference()
    {
        Configure();
        BuildWorlds();
    }

    [GlobalSetup(Targets = [nameof(KernelTick), nameof(KernelPerception)])]
    public void SetupKernel()
    {
        Configure();
        BuildBatch();
    }

    [IterationSetup(Target = nameof(ReferenceTick))]
    public void RewindWorlds()
    {
        if (_tick >= WarmTicks + MaxDrift) BuildWorlds();
    }

    [IterationSetup(Target = nameof(KernelTick))]
    public void RewindBatch()
    {
        if (_tick >= WarmTicks + MaxDrift) BuildBatch();
    }

    [Benchmark(Baseline = true, Description = "reference tick", OperationsPerInvoke = RunTicksPerInvoke)]
    [BenchmarkCategory("tick")]
    public World ReferenceTick()
    {
        for (int r = 0; r < Repeats; r++, _tick++)
        {
            for (int l = 0; l < _worlds.Length; l++)
            {
                WaltzSimulation.BeginTick(_worlds[l], _ledgers[l], _tick);
                WaltzRules.Tick(_worlds[l], _ledgers[l]);
                WaltzSimulation.EndTick(_worlds[l], _ledgers[l], null);
            }
        }
        return _worlds[0];
    }

    [Benchmark(Description = "kernel tick", OperationsPerInvoke = RunTicksPerInvoke)]
    [BenchmarkCategory("tick")]
    public WaltzBatch KernelTick()
    {
        for (int r = 0; r < Repeats; r++, _tick++) _batch.Tick(_tick);
        return _batch;
    }

    [Benchmark(Baseline = true, Description = "reference perception", OperationsPerInvoke = RunTicksPerInvoke)]
    [BenchmarkCategory("perception")]
    public void ReferencePerception()
    {
        for (int r = 0; r < Repeats; r++)
        {
            foreach (var world in _worlds) Perception.Step(world);
        }
    }

    [Benchmark(Description = "kernel perception", OperationsPerInvoke = RunTicksPerInvoke)]
    [BenchmarkCategory("perception")]
    public void KernelPerception()
    {
        for (int r = 0; r < Repeats; r++)
        {
            if (Vector512.IsHardwareAccelerated) PerceptionKernel.Step<Vector512<double>, Lanes512>(_batch, fullProduct: true);
            else PerceptionKernel.Step<Vector256<double>, Lanes256>(_batch, fullProduct: true);
        }
    }

    private void Configure()
    {
        _scenario = BuiltInScenarios.Default with { States = States };
        _seeds = Enumerable.Range(0, BatchSize).Select(r => RunPlan.SeedOf(_scenario.Seed, 0, r)).ToArray();
    }

    /// <summary>BatchSize fresh worlds advanced <see cref="WarmTicks"/> ticks, as <c>WaltzSimulation.Run</c> would.</summary>
    private void BuildWorlds()
    {
        _worlds = _seeds.Select(seed => Initialization.Create(_scenario, seed)).ToArray();
        _ledgers = _seeds.Select(_ => new RunLedger(keepEvents: false)).ToArray();
        for (_tick = 0; _tick < WarmTicks; _tick++)
        {
            for (int l = 0; l < _worlds.Length; l++)
            {
                WaltzSimulation.BeginTick(_worlds[l], _ledgers[l], _tick);
                WaltzRules.Tick(_worlds[l], _ledgers[l]);
                WaltzSimulation.EndTick(_worlds[l], _ledgers[l], null);
            }
        }
    }

    /// <summary>One batch of the same runs (no padding lane: BatchSize is a multiple of 8), advanced as far.</summary>
    private void BuildBatch()
    {
        _batch = new WaltzBatch(Enumerable.Repeat(_scenario, BatchSize).ToArray(), _seeds, default(RunDetail));
        for (_tick = 0; _tick < WarmTicks; _tick++) _batch.Tick(_tick);
        _batch.Scratch.RefreshMasks(_batch);
    }
}
