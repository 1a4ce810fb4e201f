namespace Anarchy.Models.Waltz;

/// <summary>Counts of what happened, for one tick or summed over a run.</summary>
public sealed class EventCounts
{
    public long Disputes { get; set; }
    public long Restrained { get; set; }
    public long Deterred { get; set; }
    public long Settled { get; set; }
    public long Wars { get; set; }
    /// <summary>Wars started with only their two principals on the sides.</summary>
    public long DyadicWars { get; set; }
    /// <summary>States on the sides of the wars started, at their start (principals, allies that stood, joiners).</summary>
    public long WarStates { get; set; }
    public long Calls { get; set; }
    public long Honoured { get; set; }
    /// <summary>Calls made in disputes that became wars.</summary>
    public long WarCalls { get; set; }
    /// <summary>Of <see cref="WarCalls"/>, those honoured: the ally fought.</summary>
    public long WarHonoured { get; set; }
    public long Entangled { get; set; }
    public long Aligned { get; set; }
    public long Chain { get; set; }
    public long OpportunisticJoins { get; set; }
    /// <summary>States outside a new war that joined it by war diffusion (not allies of the initiator).</summary>
    public long DiffusionJoins { get; set; }
    /// <summary>Calls refused: the ally stayed out.</summary>
    public long Abandonments { get; set; }
    /// <summary>Pacts broken by a refusal in a dispute that became a war.</summary>
    public long PactsBroken { get; set; }
    public long PactsFormed { get; set; }
    /// <summary>Pacts formed with the strongest living state (bandwagoning: joining the strongest rather than balancing against it).</summary>
    public long PactsWithStrongest { get; set; }
    public long PactsLapsed { get; set; }
    public long Deaths { get; set; }
    public long Conquests { get; set; }
    /// <summary>Defeated states below deathShare that kept their sovereignty (conquestNorm).</summary>
    public long Spared { get; set; }
    /// <summary>Disputes in which a state challenged its principal threat (the challenge rule).</summary>
    public long Challenges { get; set; }
    public long WarsEnded { get; set; }

    public void Add(EventCounts o)
    {
        Disputes += o.Disputes; Restrained += o.Restrained; Deterred += o.Deterred; Settled += o.Settled;
        Wars += o.Wars; DyadicWars += o.DyadicWars; WarStates += o.WarStates;
        Calls += o.Calls; Honoured += o.Honoured; WarCalls += o.WarCalls; WarHonoured += o.WarHonoured; Entangled += o.Entangled; Aligned += o.Aligned;
        Chain += o.Chain; OpportunisticJoins += o.OpportunisticJoins; Abandonments += o.Abandonments; PactsBroken += o.PactsBroken; DiffusionJoins += o.DiffusionJoins;
        PactsFormed += o.PactsFormed; PactsWithStrongest += o.PactsWithStrongest; PactsLapsed += o.PactsLapsed; Deaths += o.Deaths; Conquests += o.Conquests; Spared += o.Spared; Challenges += o.Challenges;
        WarsEnded += o.WarsEnded;
    }

    public void Clear()
    {
        Disputes = Restrained = Deterred = Settled = Wars = DyadicWars = WarStates = 0;
        Calls = Honoured = WarCalls = WarHonoured = Entangled = Aligned = Chain = 0;
        OpportunisticJoins = DiffusionJoins = Abandonments = PactsBroken = PactsFormed = PactsWithStrongest = PactsLapsed = Deaths = Conquests = Spared = Challenges = WarsEnded = 0;
    }
}

/// <summary>What happened to the leader, disputes by the leader's role (docs/MODEL.md, "The leader and Beckley's question").</summary>
public sealed class LeaderCounts
{
    /// <summary>Disputes the leader was involved in (initiator, target, called ally, joiner or objecting ally).</summary>
    public long Disputes { get; set; }
    /// <summary>Disputes the leader took part in: as initiator, target, an ally that stood, or a joiner of the war
    /// (the roles in which a state is a participant of a militarized interstate dispute).</summary>
    public long Participated { get; set; }
    public long Initiated { get; set; }
    public long Targeted { get; set; }
    public long Entangled { get; set; }
    public long Aligned { get; set; }
    public long Abandoned { get; set; }
    /// <summary>The leader objected and its ally, the initiator, stood down.</summary>
    public long RestrainedAlly { get; set; }
    /// <summary>The leader initiated and an ally restrained it.</summary>
    public long WasRestrained { get; set; }
    /// <summary>The leader stood (as target or honouring ally) in a dispute that ended deterred.</summary>
    public long Deterred { get; set; }
    /// <summary>The leader initiated and was deterred.</summary>
    public long WasDeterred { get; set; }
    public long OpportunisticJoins { get; set; }
    public long Wars { get; set; }
}

/// <summary>Kinds of recorded events (the <c>event</c> column of events.csv).</summary>
public static class EventKinds
{
    public const string Dispute = "dispute";
    public const string Objection = "objection";
    public const string Call = "call";
    public const string WarStart = "war_start";
    public const string Join = "join";
    public const string WarEnd = "war_end";
    public const string WarOngoing = "war_ongoing";
    public const string PactFormed = "pact_formed";
    public const string PactLapsed = "pact_lapsed";
    public const string PactBroken = "pact_broken";
    public const string Death = "death";
    public const string Spared = "spared";
    public const string Shock = "shock";
}

/// <summary>One recorded event; unused fields are -1, NaN or empty (docs/OUTPUTS.md, "events").</summary>
public readonly record struct ModelEvent(
    int Tick,
    string Kind,
    int State,
    int Other,
    string Outcome = "",
    int Dispute = -1,
    int War = -1,
    int Hop = -1,
    double Value = double.NaN,
    double Value2 = double.NaN,
    int Duration = -1,
    string SideA = "",
    string SideB = "");

/// <summary>
/// The bookkeeping of one run: counts per tick and in total, the leader's counts, spending per balancing channel,
/// and the event list and the panel when they are kept. Nothing is counted during the burn-in.
/// </summary>
public sealed class RunLedger
{
    public RunLedger(bool keepEvents, RunPanel? panel = null)
    {
        Events = keepEvents ? [] : null;
        Panel = panel;
    }

    /// <summary>False during the burn-in.</summary>
    public bool Recording { get; set; }

    public EventCounts Tick { get; } = new();
    public EventCounts Total { get; } = new();
    public LeaderCounts Leader { get; } = new();
    public double InternalSpending { get; set; }
    public double ExternalSpending { get; set; }
    public int FirstHegemonyTick { get; set; } = -1;
    /// <summary>Recorded ticks at whose end the leader was alive.</summary>
    public int LeaderAliveTicks { get; set; }
    /// <summary>Recorded ticks at whose end the leader was alive and insecure (security ratio below 1).</summary>
    public int LeaderInsecureTicks { get; set; }
    /// <summary>Living states summed over the recorded ticks (at each tick's end): the run's state-years.</summary>
    public long StateYears { get; set; }
    /// <summary>Pacts in force summed over the recorded ticks (at each tick's end): the run's pact-years.</summary>
    public long PactYears { get; set; }
    public List<ModelEvent>? Events { get; }

    /// <summary>The state-year and dyad-year panel, when kept.</summary>
    public RunPanel? Panel { get; }

    /// <summary>Disputes numbered from 0 in the order they were resolved, burn-in included.</summary>
    public int NextDisputeId { get; set; }

    public void Record(in ModelEvent e)
    {
        if (Recording) Events?.Add(e);
    }

    /// <summary>Whether <see cref="Record"/> keeps what it is given now: events whose text costs something to build
    /// (a war's sides) are built only then.</summary>
    public bool KeepsEvents => Recording && Events is not null;

    /// <summary>Notes a resolved dispute between an initiator and its target for the panel.</summary>
    public void RecordDispute(int initiator, int target)
    {
        if (Recording) Panel?.Dispute(initiator, target);
    }
}
