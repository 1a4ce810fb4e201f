using Anarchy.Engine;

namespace Anarchy.Models.Waltz;

/// <summary>
/// The reference engine for the Waltz model: steps a world through the burn-in and the recorded ticks and keeps
/// the books. A run is a pure function of (scenario, seed).
/// </summary>
public static class WaltzSimulation
{
    /// <summary>Runs one replicate. <paramref name="run"/>, <paramref name="point"/> and <paramref name="replicate"/> only label the output.</summary>
    public static RunResult Run(Scenario scenario, ulong seed, RunDetail detail, long run = 0, long point = 0, long replicate = 0)
    {
        var world = Initialization.Create(scenario, seed);
        var ledger = NewLedger(scenario, detail);
        var series = detail.Series ? new List<SeriesRow>(scenario.Ticks) : null;
        for (int t = 0; t < scenario.TotalTicks; t++)
        {
            BeginTick(world, ledger, t);
            WaltzRules.Tick(world, ledger);
            EndTick(world, ledger, series);
        }
        return Result(world, ledger, series, run, point, replicate);
    }

    /// <summary>Plays one replicate as <see cref="Run"/> does, calling <paramref name="afterTick"/> with the world after
    /// each recorded tick (after the burn-in); for <c>anarchy view</c>.</summary>
    internal static void Observe(Scenario scenario, ulong seed, Action<World> afterTick)
    {
        var world = Initialization.Create(scenario, seed);
        var ledger = NewLedger(scenario, default);
        for (int t = 0; t < scenario.TotalTicks; t++)
        {
            BeginTick(world, ledger, t);
            WaltzRules.Tick(world, ledger);
            EndTick(world, ledger, null);
            if (ledger.Recording) afterTick(world);
        }
    }

    /// <summary>The books of a run that keep what <paramref name="detail"/> asks for.</summary>
    internal static RunLedger NewLedger(Scenario scenario, RunDetail detail) =>
        new(detail.Events, detail.Panel ? new RunPanel(scenario) : null);

    /// <summary>What a finished run produced: its summary and whatever else its ledger kept.</summary>
    internal static RunResult Result(World world, RunLedger ledger, List<SeriesRow>? series, long run, long point, long replicate)
    {
        Finish(world, ledger);
        return new(Summarise(world, ledger, run, point, replicate), (IReadOnlyList<SeriesRow>?)series ?? [], (IReadOnlyList<ModelEvent>?)ledger.Events ?? [])
        {
            Panel = ledger.Panel,
            Names = new StateNames(world.Scenario),
        };
    }

    /// <summary>Sets the clock and clears the tick's counts; after the burn-in, opens the panel's tick.</summary>
    internal static void BeginTick(World world, RunLedger ledger, int t)
    {
        world.Tick = t;
        ledger.Recording = t >= world.Scenario.BurnIn;
        ledger.Tick.Clear();
        if (ledger.Recording) ledger.Panel?.BeginTick(world);
    }

    /// <summary>Step 10: adds the tick's counts to the run's and records the series and panel rows (after the burn-in).</summary>
    internal static void EndTick(World world, RunLedger ledger, List<SeriesRow>? series)
    {
        if (!ledger.Recording) return;
        ledger.Panel?.EndTick(world);
        ledger.Total.Add(ledger.Tick);
        int living = world.LivingCount();
        ledger.StateYears += living;
        ledger.PactYears += world.PactTotal();
        // Blocs are found only while they are read: for the first tick of hegemony, or for the series.
        if (ledger.FirstHegemonyTick < 0 && Polarity.Hegemony(Polarity.BlocCapability(world, Polarity.Blocs(world, living))))
            ledger.FirstHegemonyTick = world.Tick;
        if (world.Alive[world.Leader])
        {
            ledger.LeaderAliveTicks++;
            if (world.Security[world.Leader] < 1) ledger.LeaderInsecureTicks++;
        }
        if (series is not null)
        {
            var counts = new EventCounts();
            counts.Add(ledger.Tick);
            series.Add(Snapshot(world) with { Counts = counts, SpendingInternal = ledger.InternalSpending, SpendingExternal = ledger.ExternalSpending });
        }
    }

    /// <summary>
    /// After the last tick: a <c>war_ongoing</c> event for every recorded war (started after the burn-in) still
    /// running, with its severity, duration and sides so far, so that every war in the events output has them.
    /// </summary>
    internal static void Finish(World world, RunLedger ledger)
    {
        if (!ledger.Recording) return;
        foreach (var war in world.Wars)
        {
            if (!war.Ongoing || !war.Recorded) continue;
            if (ledger.KeepsEvents) ledger.Record(war.Outcome(world.Tick, EventKinds.WarOngoing, "ongoing"));
        }
    }

    private static SeriesRow Snapshot(World w)
    {
        var blocs = Polarity.Blocs(w);
        var blocCapability = Polarity.BlocCapability(w, blocs);
        int alive = 0, atWar = 0;
        double burden = 0, wealth = 0, capability = 0;
        for (int i = 0; i < w.N; i++)
        {
            if (!w.Alive[i]) continue;
            alive++;
            burden += w.Burden[i];
            wealth += w.Wealth[i];
            capability += w.Capability[i];
        }
        foreach (var war in w.ActiveWars) if (war.Ongoing) atWar++;
        return new SeriesRow
        {
            Tick = w.Tick,
            Alive = alive,
            Pacts = w.PactTotal(),
            Blocs = Polarity.CountAllianceBlocs(w, blocs),
            WarsOngoing = atWar,
            MeanBurden = alive > 0 ? burden / alive : 0,
            TotalWealth = wealth,
            TotalCapability = capability,
            EffectivePoles = Polarity.EffectivePoles(w),
            EffectiveBlocPoles = Polarity.EffectiveBlocPoles(blocCapability),
            Hegemony = Polarity.Hegemony(blocCapability),
            LeaderCapabilityShare = capability > 0 && w.Alive[w.Leader] ? w.Capability[w.Leader] / capability : 0,
        };
    }

    internal static RunSummary Summarise(World w, RunLedger ledger, long run, long point, long replicate)
    {
        var end = Snapshot(w);
        int recordedWars = 0;
        double severity = 0, maxSeverity = 0;
        foreach (var war in w.Wars)
        {
            if (!war.Recorded) continue;
            recordedWars++;
            severity += war.Severity;
            maxSeverity = Math.Max(maxSeverity, war.Severity);
        }
        var names = new StateNames(w.Scenario);
        return new RunSummary
        {
            StartYear = w.Scenario.StartYear ?? StateNames.NoYear,
            LeaderCcode = names.Ccode(w.Leader),
            Run = run,
            Point = point,
            Replicate = replicate,
            Seed = w.Seed,
            Ticks = w.Scenario.Ticks,
            States = w.N,
            Survivors = end.Alive,
            PactsEnd = end.Pacts,
            BlocsEnd = end.Blocs,
            EffectivePoles = end.EffectivePoles,
            EffectiveBlocPoles = end.EffectiveBlocPoles,
            Counts = ledger.Total,
            WarsOngoingEnd = end.WarsOngoing,
            WarSeverityMean = recordedWars > 0 ? severity / recordedWars : 0,
            WarSeverityMax = maxSeverity,
            FirstHegemonyTick = ledger.FirstHegemonyTick,
            MeanBurden = end.MeanBurden,
            TotalWealth = end.TotalWealth,
            TotalCapability = end.TotalCapability,
            InternalSpending = ledger.InternalSpending,
            ExternalSpending = ledger.ExternalSpending,
            Leader = w.Leader,
            LeaderAlive = w.Alive[w.Leader],
            LeaderCounts = ledger.Leader,
            LeaderWealth = w.Alive[w.Leader] ? w.Wealth[w.Leader] : 0,
            LeaderWealthShare = end.TotalWealth > 0 && w.Alive[w.Leader] ? w.Wealth[w.Leader] / end.TotalWealth : 0,
            LeaderCapabilityShare = end.LeaderCapabilityShare,
            LeaderPacts = w.Alive[w.Leader] ? w.PactCount[w.Leader] : 0,
            StateYears = ledger.StateYears,
            PactYears = ledger.PactYears,
            LeaderInsecureShare = ledger.LeaderAliveTicks > 0 ? (double)ledger.LeaderInsecureTicks / ledger.LeaderAliveTicks : 0,
        };
    }
}
