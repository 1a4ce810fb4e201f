using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models.Waltz;

/// <summary>
/// The Waltz model's output tables: column names, units and meanings (the codebook, docs/OUTPUTS.md) and how each
/// value is read from a run. Column names are snake_case so that pandas, R and DuckDB take them as they are.
/// </summary>
public static class WaltzTables
{
    private sealed record Column<T>(string Name, ColumnKind Kind, string Unit, string Description, Func<T, Cell> Value, long? Missing = null, bool List = false)
    {
        public ColumnSpec Spec => new(Name, Kind, Unit, Description) { MissingCode = Missing, IntegerList = List };
    }

    /// <summary>A text column of states separated by ';' (a LIST of INT64 in Parquet).</summary>
    private static Column<T> States<T>(string name, string description, Func<T, string> value) =>
        new(name, ColumnKind.Text, "", description, x => value(x), List: true);

    /// <summary>An integer column whose -1 means none (written -1 in the CSV, null in Parquet).</summary>
    private static Column<T> IntOrNone<T>(string name, string unit, string description, Func<T, long> value) =>
        new(name, ColumnKind.Int64, unit, description, x => value(x), Missing: -1);

    private static Column<T> Int<T>(string name, string unit, string description, Func<T, long> value) =>
        new(name, ColumnKind.Int64, unit, description, x => value(x));

    private static Column<T> Real<T>(string name, string unit, string description, Func<T, double> value) =>
        new(name, ColumnKind.Double, unit, description, x => value(x));

    private static Column<T> Text<T>(string name, string description, Func<T, string> value) =>
        new(name, ColumnKind.Text, "", description, x => value(x));

    /// <summary>Event counts shared by the run summary (whole run) and the series (one tick).</summary>
    private static IEnumerable<Column<T>> Counts<T>(Func<T, EventCounts> c, string period) =>
    [
        Int<T>("disputes", "disputes", $"disputes resolved {period} (restrained + deterred + settled + wars)", x => c(x).Disputes),
        Int<T>("restrained", "disputes", $"disputes {period} in which an ally of the initiator restrained it", x => c(x).Restrained),
        Int<T>("deterred", "disputes", $"disputes {period} in which the target's allies deterred the initiator", x => c(x).Deterred),
        Int<T>("settled", "disputes", $"disputes {period} settled without war", x => c(x).Settled),
        Int<T>("wars", "wars", $"disputes {period} that became wars (wars started)", x => c(x).Wars),
        Int<T>("dyadic_wars", "wars", $"wars started {period} with only the initiator and the target on their sides", x => c(x).DyadicWars),
        Int<T>("war_states", "states", $"states on the sides of the wars started {period}, at their start (principals, allies that stood, opportunistic joiners)", x => c(x).WarStates),
        Int<T>("calls", "calls", $"calls to allies {period}", x => c(x).Calls),
        Int<T>("honoured", "calls", $"calls {period} answered by standing with the ally (entangled + aligned)", x => c(x).Honoured),
        Int<T>("war_calls", "calls", $"calls {period} in disputes that became wars", x => c(x).WarCalls),
        Int<T>("war_honoured", "calls", $"calls {period} in disputes that became wars that the ally honoured by fighting", x => c(x).WarHonoured),
        Int<T>("entangled", "calls", $"stands {period} that only the commitment brought about (interest + noise <= 0)", x => c(x).Entangled),
        Int<T>("aligned", "calls", $"stands {period} that interest alone would have brought about", x => c(x).Aligned),
        Int<T>("chain", "calls", $"stands {period} at hop 1 or more (chain-ganging)", x => c(x).Chain),
        Int<T>("opportunistic_joins", "states", $"allies of initiators that joined their wars uncalled {period}", x => c(x).OpportunisticJoins),
        Int<T>("diffusion_joins", "states", $"states outside a war that joined it {period} by war diffusion (diffusion)", x => c(x).DiffusionJoins),
        Int<T>("abandonments", "calls", $"calls {period} the ally refused (it stayed out)", x => c(x).Abandonments),
        Int<T>("pacts_broken", "pacts", $"pacts broken {period} by a refusal in a dispute that became a war", x => c(x).PactsBroken),
        Int<T>("pacts_formed", "pacts", $"pacts formed {period}", x => c(x).PactsFormed),
        Int<T>("pacts_with_strongest", "pacts", $"pacts formed {period} with the strongest living state (bandwagoning; the rest balance against it)", x => c(x).PactsWithStrongest),
        Int<T>("pacts_lapsed", "pacts", $"pacts that lapsed for lack of salience {period}", x => c(x).PactsLapsed),
        Int<T>("deaths", "states", $"states that died {period}", x => c(x).Deaths),
        Int<T>("conquests", "states", $"deaths {period} whose wealth went to a victor (every death is a conquest)", x => c(x).Conquests),
        Int<T>("spared", "states", $"defeated states below deathShare {period} that kept their sovereignty (conquestNorm)", x => c(x).Spared),
        Int<T>("challenges", "disputes", $"disputes {period} in which a state challenged its principal threat (challenge)", x => c(x).Challenges),
        Int<T>("wars_ended", "wars", $"wars that ended {period}", x => c(x).WarsEnded),
    ];

    private static readonly Column<RunSummary>[] RunColumns =
    [
        Int<RunSummary>("run", "index", "run number in run order, from 0", r => r.Run),
        Int<RunSummary>("point", "index", "parameter point (0 for a plain run)", r => r.Point),
        Int<RunSummary>("replicate", "index", "replicate within the point", r => r.Replicate),
        Int<RunSummary>("seed", "seed", "the run's seed, derived from (master seed, point, replicate)", r => (long)r.Seed),
        Int<RunSummary>("ticks", "ticks", "recorded ticks (after the burn-in)", r => r.Ticks),
        Int<RunSummary>("states", "states", "states at the start", r => r.States),
        Int<RunSummary>("survivors", "states", "states alive at the end", r => r.Survivors),
        Int<RunSummary>("pacts_end", "pacts", "pacts in force at the end", r => r.PactsEnd),
        Int<RunSummary>("blocs_end", "blocs", "alliance blocs (connected groups of two or more allied states) at the end", r => r.BlocsEnd),
        Real<RunSummary>("effective_poles", "states", "effective number of poles at the end: 1 / sum of squared capability shares of living states", r => r.EffectivePoles),
        Real<RunSummary>("effective_bloc_poles", "blocs", "effective number of poles at the end counting each bloc (or unallied state) as one", r => r.EffectiveBlocPoles),
        .. Counts<RunSummary>(r => r.Counts, "in the run"),
        Int<RunSummary>("wars_ongoing_end", "wars", "wars still running at the end", r => r.WarsOngoingEnd),
        Real<RunSummary>("war_severity_mean", "capability", "mean capability destroyed per war started in the run (0 without wars)", r => r.WarSeverityMean),
        Real<RunSummary>("war_severity_max", "capability", "largest capability destroyed in one war", r => r.WarSeverityMax),
        IntOrNone<RunSummary>("first_hegemony_tick", "tick", "first tick at which one bloc held more than half of all capability, or -1", r => r.FirstHegemonyTick),
        Real<RunSummary>("mean_burden", "share of wealth per tick", "mean defence burden of living states at the end", r => r.MeanBurden),
        Real<RunSummary>("total_wealth", "wealth", "total wealth of living states at the end (initial mean wealth per state is 1)", r => r.TotalWealth),
        Real<RunSummary>("total_capability", "capability", "total capability of living states at the end", r => r.TotalCapability),
        Real<RunSummary>("spending_internal", "wealth", "cumulative spending on arms (internal balancing): burden times wealth, summed over states and ticks", r => r.InternalSpending),
        Real<RunSummary>("spending_external", "wealth", "cumulative pact upkeep (external balancing): pactUpkeep times pacts times wealth, summed over states and ticks", r => r.ExternalSpending),
        Int<RunSummary>("leader", "state", "index of the leader", r => r.Leader),
        Int<RunSummary>("leader_alive", "0/1", "1 if the leader is alive at the end", r => r.LeaderAlive ? 1 : 0),
        Int<RunSummary>("leader_disputes", "disputes", "disputes involving the leader (initiator, target, called ally, joiner or objecting ally)", r => r.LeaderCounts.Disputes),
        Int<RunSummary>("leader_participated", "disputes", "disputes the leader took part in: as initiator, target, an ally that stood, or a joiner of the war (not as an ally that was called and stayed out, nor as an objector)", r => r.LeaderCounts.Participated),
        Int<RunSummary>("leader_initiated", "disputes", "disputes the leader initiated", r => r.LeaderCounts.Initiated),
        Int<RunSummary>("leader_targeted", "disputes", "disputes in which the leader was the target", r => r.LeaderCounts.Targeted),
        Int<RunSummary>("leader_entangled", "calls", "calls the leader answered only because of the commitment", r => r.LeaderCounts.Entangled),
        Int<RunSummary>("leader_aligned", "calls", "calls the leader answered out of its own interest", r => r.LeaderCounts.Aligned),
        Int<RunSummary>("leader_abandoned", "calls", "calls the leader refused", r => r.LeaderCounts.Abandoned),
        Int<RunSummary>("leader_restrained_ally", "disputes", "disputes in which the leader's objection made an allied initiator stand down", r => r.LeaderCounts.RestrainedAlly),
        Int<RunSummary>("leader_was_restrained", "disputes", "disputes the leader initiated and an ally restrained", r => r.LeaderCounts.WasRestrained),
        Int<RunSummary>("leader_deterred", "disputes", "disputes in which the leader stood (as target or ally) and the initiator was deterred", r => r.LeaderCounts.Deterred),
        Int<RunSummary>("leader_was_deterred", "disputes", "disputes the leader initiated and was deterred in", r => r.LeaderCounts.WasDeterred),
        Int<RunSummary>("leader_opportunistic_joins", "wars", "wars the leader joined uncalled beside an allied initiator", r => r.LeaderCounts.OpportunisticJoins),
        Int<RunSummary>("leader_wars", "wars", "wars the leader fought in from their start", r => r.LeaderCounts.Wars),
        Real<RunSummary>("leader_wealth", "wealth", "the leader's wealth at the end (0 if dead; initial mean wealth per state is 1)", r => r.LeaderWealth),
        Real<RunSummary>("leader_wealth_share", "share", "the leader's share of the living states' total wealth at the end (0 if dead)", r => r.LeaderWealthShare),
        Real<RunSummary>("leader_capability_share", "share", "the leader's share of all capability at the end (0 if dead)", r => r.LeaderCapabilityShare),
        Int<RunSummary>("leader_pacts", "pacts", "pacts the leader holds at the end", r => r.LeaderPacts),
        Real<RunSummary>("leader_insecure_share", "share of ticks", "share of the recorded ticks the leader lived through with a security ratio below 1", r => r.LeaderInsecureShare),
        Int<RunSummary>("state_years", "state-years", "living states summed over the recorded ticks, counted at each tick's end", r => r.StateYears),
        Int<RunSummary>("pact_years", "pact-years", "pacts in force summed over the recorded ticks, counted at each tick's end", r => r.PactYears),
        IntOrNone<RunSummary>("start_year", "year", "the scenario's startYear (the calendar year of tick 0, burn-in included), or -1 without one", r => r.StartYear),
        IntOrNone<RunSummary>("leader_ccode", "code", "the leader's country code in the scenario (the COW ccode in real-world scenarios), or -1", r => r.LeaderCcode),
    ];

    private static readonly Column<(long Run, SeriesRow Row)>[] SeriesColumns =
    [
        Int<(long Run, SeriesRow Row)>("run", "index", "run number", x => x.Run),
        Int<(long Run, SeriesRow Row)>("tick", "tick", "tick, counted from 0 with the burn-in included", x => x.Row.Tick),
        Int<(long Run, SeriesRow Row)>("alive", "states", "living states at the end of the tick", x => x.Row.Alive),
        Int<(long Run, SeriesRow Row)>("pacts", "pacts", "pacts in force", x => x.Row.Pacts),
        Int<(long Run, SeriesRow Row)>("blocs", "blocs", "alliance blocs of two or more states", x => x.Row.Blocs),
        Int<(long Run, SeriesRow Row)>("wars_ongoing", "wars", "wars running", x => x.Row.WarsOngoing),
        Real<(long Run, SeriesRow Row)>("mean_burden", "share of wealth per tick", "mean defence burden of living states", x => x.Row.MeanBurden),
        Real<(long Run, SeriesRow Row)>("total_wealth", "wealth", "total wealth of living states", x => x.Row.TotalWealth),
        Real<(long Run, SeriesRow Row)>("total_capability", "capability", "total capability of living states", x => x.Row.TotalCapability),
        Real<(long Run, SeriesRow Row)>("effective_poles", "states", "1 / sum of squared capability shares of living states", x => x.Row.EffectivePoles),
        Real<(long Run, SeriesRow Row)>("effective_bloc_poles", "blocs", "the same over blocs (an unallied state is its own bloc)", x => x.Row.EffectiveBlocPoles),
        Int<(long Run, SeriesRow Row)>("hegemony", "0/1", "1 if one bloc holds more than half of all capability", x => x.Row.Hegemony ? 1 : 0),
        Real<(long Run, SeriesRow Row)>("leader_capability_share", "share", "the leader's share of all capability (0 once dead)", x => x.Row.LeaderCapabilityShare),
        Real<(long Run, SeriesRow Row)>("spending_internal", "wealth", "cumulative spending on arms up to this tick (burden times wealth, summed over states and recorded ticks)", x => x.Row.SpendingInternal),
        Real<(long Run, SeriesRow Row)>("spending_external", "wealth", "cumulative pact upkeep up to this tick (pactUpkeep times pacts times wealth, summed over states and recorded ticks)", x => x.Row.SpendingExternal),
        .. Counts<(long Run, SeriesRow Row)>(x => x.Row.Counts, "in the tick"),
    ];

    private static readonly Column<(long Run, ModelEvent Event, StateNames Names)>[] EventColumns =
    [
        Int<(long Run, ModelEvent Event, StateNames Names)>("run", "index", "run number", x => x.Run),
        Int<(long Run, ModelEvent Event, StateNames Names)>("tick", "tick", "tick, counted from 0 with the burn-in included", x => x.Event.Tick),
        Text<(long Run, ModelEvent Event, StateNames Names)>("event", "dispute, objection, call, war_start, join, war_end, war_ongoing (a war still running after the last tick), pact_formed, pact_lapsed, pact_broken, death, spared or shock", x => x.Event.Kind),
        Int<(long Run, ModelEvent Event, StateNames Names)>("state", "state", "the acting state: initiator, objector, called ally, joiner, first partner, dying, spared or shocked state", x => x.Event.State),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("other", "state", "the counterpart: target, initiator, called state, second partner, victor or (spared) the victor that did not conquer; -1 if none", x => x.Event.Other),
        Text<(long Run, ModelEvent Event, StateNames Names)>("outcome", "dispute: restrained/deterred/settled/war; objection: restrained/ignored; call: entangled/aligned (the call was honoured) or abandoned (refused); war_end: initiator_won/target_won; war_ongoing: ongoing; death: conquered; spared: spared", x => x.Event.Outcome),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("dispute", "index", "dispute number within the run, or -1", x => x.Event.Dispute),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("war", "index", "war number within the run, or -1", x => x.Event.War),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("hop", "hops", "call: distance from the target along the chain of allies (0: the target's own ally); -1 otherwise", x => x.Event.Hop),
        Real<(long Run, ModelEvent Event, StateNames Names)>("value", "varies", "dispute: 1 if a challenge of the principal threat (else empty); call: interest + noise; objection: chance of restraint; join: interest; war_end, war_ongoing: severity (capability destroyed, both sides); pact_lapsed: salience; death, spared: wealth left; shock: capability factor", x => x.Event.Value),
        Real<(long Run, ModelEvent Event, StateNames Names)>("value2", "varies", "call: obligation; shock: wealth factor", x => x.Event.Value2),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("duration", "ticks", "war_end, war_ongoing: ticks the war lasted (so far); pact_lapsed/pact_broken: age of the pact; -1 otherwise", x => x.Event.Duration),
        States<(long Run, ModelEvent Event, StateNames Names)>("side_a", "war_start/war_end/war_ongoing: the initiator's side, states separated by ';'", x => x.Event.SideA),
        States<(long Run, ModelEvent Event, StateNames Names)>("side_b", "war_start/war_end/war_ongoing: the target's side, states separated by ';'", x => x.Event.SideB),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("year", "year", "calendar year of the tick: the scenario's startYear + tick, or -1 without a startYear", x => x.Names.Year(x.Event.Tick)),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("ccode", "code", "the acting state's country code in the scenario (the COW ccode in real-world scenarios), or -1", x => x.Names.Ccode(x.Event.State)),
        IntOrNone<(long Run, ModelEvent Event, StateNames Names)>("ccode_other", "code", "the counterpart's country code in the scenario, or -1 (also when there is no counterpart)", x => x.Event.Other >= 0 ? x.Names.Ccode(x.Event.Other) : StateNames.NoCcode),
    ];

    /// <summary>A panel row with what names its states.</summary>
    private readonly record struct StateYear(long Run, StateNames Names, PanelStateRow Row);

    private readonly record struct DyadYear(long Run, StateNames Names, PanelDyadRow Row);

    private static readonly Column<StateYear>[] PanelStateColumns =
    [
        Int<StateYear>("run", "index", "run number", x => x.Run),
        Int<StateYear>("tick", "tick", "tick (year), counted from 0 with the burn-in included", x => x.Row.Tick),
        IntOrNone<StateYear>("year", "year", "calendar year of the tick: the scenario's startYear + tick (startYear is tick 0's year, burn-in included), or -1 without a startYear", x => x.Names.Year(x.Row.Tick)),
        Int<StateYear>("state", "state", "the state, alive at the start of the tick", x => x.Row.State),
        Text<StateYear>("label", "the state's label in the scenario (the COW abbreviation in real-world scenarios), or empty", x => x.Names.Label(x.Row.State)),
        IntOrNone<StateYear>("ccode", "code", "the state's country code in the scenario (the COW ccode in real-world scenarios), or -1", x => x.Names.Ccode(x.Row.State)),
        Real<StateYear>("capability", "capability", "capability at the end of the tick (0 if the state died in it)", x => x.Row.Capability),
        Real<StateYear>("wealth", "wealth", "wealth at the end of the tick (0 if the state died in it)", x => x.Row.Wealth),
        Real<StateYear>("burden", "share of wealth per tick", "defence burden at the end of the tick", x => x.Row.Burden),
        Int<StateYear>("pacts", "pacts", "pacts the state holds at the end of the tick", x => x.Row.Pacts),
        Int<StateYear>("at_war", "0/1", "1 if the state fought in a war during the tick (one ongoing at its end or ended in it)", x => x.Row.AtWar ? 1 : 0),
        Int<StateYear>("alive", "0/1", "1 if the state is alive at the end of the tick (0: it died in the tick)", x => x.Row.Alive ? 1 : 0),
    ];

    private static readonly Column<DyadYear>[] PanelDyadColumns =
    [
        Int<DyadYear>("run", "index", "run number", x => x.Run),
        Int<DyadYear>("tick", "tick", "tick (year), counted from 0 with the burn-in included", x => x.Row.Tick),
        IntOrNone<DyadYear>("year", "year", "calendar year of the tick: the scenario's startYear + tick (startYear is tick 0's year, burn-in included), or -1 without a startYear", x => x.Names.Year(x.Row.Tick)),
        Int<DyadYear>("state_a", "state", "the dyad's lower-numbered state", x => x.Row.StateA),
        Int<DyadYear>("state_b", "state", "the dyad's higher-numbered state", x => x.Row.StateB),
        Text<DyadYear>("label_a", "state_a's label in the scenario, or empty", x => x.Names.Label(x.Row.StateA)),
        Text<DyadYear>("label_b", "state_b's label in the scenario, or empty", x => x.Names.Label(x.Row.StateB)),
        IntOrNone<DyadYear>("ccode_a", "code", "state_a's country code in the scenario, or -1", x => x.Names.Ccode(x.Row.StateA)),
        IntOrNone<DyadYear>("ccode_b", "code", "state_b's country code in the scenario, or -1", x => x.Names.Ccode(x.Row.StateB)),
        Int<DyadYear>("pact", "0/1", "1 if the two have a pact in force at the end of the tick", x => x.Row.Pact ? 1 : 0),
        Int<DyadYear>("pact_age", "ticks", "age of that pact at the end of the tick (1 in the tick it formed); 0 without a pact", x => x.Row.PactAge),
        Int<DyadYear>("dispute", "0/1", "1 if one of the two initiated a dispute against the other that was resolved in the tick (any ending)", x => x.Row.Dispute ? 1 : 0),
        Int<DyadYear>("war", "0/1", "1 if the two fought on opposite sides of a war during the tick", x => x.Row.War ? 1 : 0),
    ];

    public static TableSchema Runs { get; } = new("runs", RunColumns.Select(c => c.Spec));
    public static TableSchema Series { get; } = new("series", SeriesColumns.Select(c => c.Spec));
    public static TableSchema Events { get; } = new("events", EventColumns.Select(c => c.Spec));
    public static TableSchema PanelStates { get; } = new("panel_states", PanelStateColumns.Select(c => c.Spec));
    public static TableSchema PanelDyads { get; } = new("panel_dyads", PanelDyadColumns.Select(c => c.Spec));

    public static Cell[] RunRow(RunSummary r) => Row(RunColumns, r);
    public static Cell[] SeriesRow(long run, SeriesRow row) => Row(SeriesColumns, (run, row));
    public static Cell[] EventRow(long run, ModelEvent e, StateNames names) => Row(EventColumns, (run, e, names));
    public static Cell[] PanelStateRow(long run, StateNames names, PanelStateRow row) => Row(PanelStateColumns, new StateYear(run, names, row));
    public static Cell[] PanelDyadRow(long run, StateNames names, PanelDyadRow row) => Row(PanelDyadColumns, new DyadYear(run, names, row));

    /// <summary>The rows of both panel tables of a run, in the order of <see cref="PanelStates"/> and <see cref="PanelDyads"/>, made as they are written.</summary>
    public static IReadOnlyList<IReadOnlyList<Cell[]>> PanelRows(long run, RunPanel panel) =>
    [
        new LazyRows<PanelStateRow>(panel.States, r => PanelStateRow(run, panel.Names, r)),
        new LazyRows<PanelDyadRow>(panel.Dyads, r => PanelDyadRow(run, panel.Names, r)),
    ];

    private static Cell[] Row<T>(Column<T>[] columns, T source)
    {
        var cells = new Cell[columns.Length];
        for (int c = 0; c < columns.Length; c++) cells[c] = columns[c].Value(source);
        return cells;
    }
}
