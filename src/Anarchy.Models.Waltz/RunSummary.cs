namespace Anarchy.Models.Waltz;

/// <summary>One run's summary: the row of runs.csv (docs/OUTPUTS.md, "runs").</summary>
public sealed record RunSummary
{
    public long Run { get; init; }
    public long Point { get; init; }
    public long Replicate { get; init; }
    public ulong Seed { get; init; }
    /// <summary>The scenario's start year (the calendar year of tick 0), or -1.</summary>
    public int StartYear { get; init; } = StateNames.NoYear;
    /// <summary>The leader's country code in the scenario, or -1.</summary>
    public int LeaderCcode { get; init; } = StateNames.NoCcode;
    public int Ticks { get; init; }
    public int States { get; init; }
    public int Survivors { get; init; }
    public int PactsEnd { get; init; }
    public int BlocsEnd { get; init; }
    public double EffectivePoles { get; init; }
    public double EffectiveBlocPoles { get; init; }
    public EventCounts Counts { get; init; } = new();
    public int WarsOngoingEnd { get; init; }
    public double WarSeverityMean { get; init; }
    public double WarSeverityMax { get; init; }
    public int FirstHegemonyTick { get; init; }
    public double MeanBurden { get; init; }
    public double TotalWealth { get; init; }
    public double TotalCapability { get; init; }
    public double InternalSpending { get; init; }
    public double ExternalSpending { get; init; }
    public int Leader { get; init; }
    public bool LeaderAlive { get; init; }
    public LeaderCounts LeaderCounts { get; init; } = new();
    public double LeaderWealth { get; init; }
    public double LeaderWealthShare { get; init; }
    public double LeaderCapabilityShare { get; init; }
    public int LeaderPacts { get; init; }
    public double LeaderInsecureShare { get; init; }
    public long StateYears { get; init; }
    public long PactYears { get; init; }
}

/// <summary>One recorded tick of one run: the row of series.csv (docs/OUTPUTS.md, "series").</summary>
public sealed record SeriesRow
{
    public int Tick { get; init; }
    public int Alive { get; init; }
    public int Pacts { get; init; }
    public int Blocs { get; init; }
    public int WarsOngoing { get; init; }
    public double MeanBurden { get; init; }
    public double TotalWealth { get; init; }
    public double TotalCapability { get; init; }
    public double EffectivePoles { get; init; }
    public double EffectiveBlocPoles { get; init; }
    public bool Hegemony { get; init; }
    public double LeaderCapabilityShare { get; init; }
    public double SpendingInternal { get; init; }
    public double SpendingExternal { get; init; }
    public EventCounts Counts { get; init; } = new();
}

/// <summary>Everything one run produced.</summary>
public sealed record RunResult(RunSummary Summary, IReadOnlyList<SeriesRow> Series, IReadOnlyList<ModelEvent> Events)
{
    /// <summary>The scenario's names, country codes and calendar of its states (for the event rows).</summary>
    public StateNames? Names { get; init; }

    /// <summary>The state-year and dyad-year panel, when it was kept.</summary>
    public RunPanel? Panel { get; init; }
}
