using Anarchy.Models.Waltz;
using BenchmarkDotNet.Attributes;

namespace Anarchy.Benchmarks;

/// <summary>
/// The reference engine's tick on the default scenario at several sizes. Each invocation builds a fresh world and
/// advances it <see cref="TicksPerInvoke"/> ticks, so every measurement covers the same states of the world (a world
/// advanced forever would drift: wealth grows, states die); the reported time is per tick.
/// </summary>
[MemoryDiagnoser]
public class ReferenceTickBenchmarks
{
    private const int TicksPerInvoke = 100;
    private Scenario _scenario = null!;
    private World _warm = null!;

    [Params(16, 64, 256)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BuiltInScenarios.Default with { States = States };
        _warm = Initialization.Create(_scenario, 42);
        var ledger = new RunLedger(keepEvents: false) { Recording = true };
        for (int t = 0; t < 20; t++)
        {
            _warm.Tick = t;
            WaltzRules.Tick(_warm, ledger);
        }
    }

    [Benchmark(Description = "reference tick", OperationsPerInvoke = TicksPerInvoke)]
    public World Tick()
    {
        var world = Initialization.Create(_scenario, 42);
        var ledger = new RunLedger(keepEvents: false) { Recording = true };
        for (int t = 0; t < TicksPerInvoke; t++)
        {
            world.Tick = t;
            WaltzRules.Tick(world, ledger);
        }
        return world;
    }

    /// <summary>Step 2 alone on a world 20 ticks in: the threat matrix and the O(N^3) common-threat product.</summary>
    [Benchmark(Description = "reference perception")]
    public void Perception() => Anarchy.Models.Waltz.Perception.Step(_warm);
}
