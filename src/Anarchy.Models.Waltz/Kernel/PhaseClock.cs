using System.Diagnostics;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>The phases of a kernel tick, as <c>anarchy bench</c> reports them (docs/MODEL.md, section 3).</summary>
public enum KernelPhase
{
    /// <summary>Step 1 with the refresh of the alive and at-war masks.</summary>
    Economy,
    /// <summary>Step 2: compatibility, threat, security, common threat and pact values.</summary>
    Perception,
    /// <summary>Step 3: internal or external balancing, imitation.</summary>
    Balancing,
    /// <summary>Step 4: greedy pact formation.</summary>
    Formation,
    /// <summary>Step 5: pact dissolution.</summary>
    Dissolution,
    /// <summary>Step 6, first half: every state's choice of target.</summary>
    Targets,
    /// <summary>Step 6, second half, and step 7: acts, restraint, calls to allies, deterrence, escalation, joins.</summary>
    Disputes,
    /// <summary>Step 8: attrition, war ends, deaths.</summary>
    Wars,
    /// <summary>Step 9: shocks, interest drift, pact ageing.</summary>
    Drift,
    /// <summary>Step 10 and the clock: counts, blocs and poles, series and panel rows.</summary>
    Records,
}

/// <summary>
/// Accumulates the wall-clock time of each <see cref="KernelPhase"/> over the ticks of the batches it is attached
/// to, and the run-ticks they advanced, so that the time per run-tick of each phase can be reported. One clock per
/// thread: it is not synchronised.
/// </summary>
public sealed class PhaseClock
{
    /// <summary>The number of phases.</summary>
    public static readonly int Count = Enum.GetValues<KernelPhase>().Length;

    private readonly long[] _elapsed = new long[Count];
    private long _last;

    /// <summary>Run-ticks advanced while the clock was attached (lanes times ticks).</summary>
    public long RunTicks { get; private set; }

    /// <summary>Marks the start of a tick.</summary>
    public void Start() => _last = Stopwatch.GetTimestamp();

    /// <summary>Charges the time since the last mark to <paramref name="phase"/>.</summary>
    public void Lap(KernelPhase phase)
    {
        long now = Stopwatch.GetTimestamp();
        _elapsed[(int)phase] += now - _last;
        _last = now;
    }

    /// <summary>Adds a tick of <paramref name="lanes"/> runs.</summary>
    public void CountRunTicks(int lanes) => RunTicks += lanes;

    /// <summary>Total seconds charged to <paramref name="phase"/>.</summary>
    public double Seconds(KernelPhase phase) => (double)_elapsed[(int)phase] / Stopwatch.Frequency;

    /// <summary>Microseconds per run-tick spent in <paramref name="phase"/> (0 before any tick).</summary>
    public double MicrosecondsPerRunTick(KernelPhase phase) => RunTicks > 0 ? Seconds(phase) * 1e6 / RunTicks : 0;

    /// <summary>Adds another clock's times and run-ticks to this one.</summary>
    public void Add(PhaseClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int p = 0; p < Count; p++) _elapsed[p] += other._elapsed[p];
        RunTicks += other.RunTicks;
    }
}
