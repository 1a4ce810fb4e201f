namespace Anarchy.Models.Waltz.Calibration;

/// <summary>
/// A statistic that the model and the historical record both give for a period: a ratio of two sums, over the years
/// of the record and over the runs (and their ticks) of the model, so that both sides are pooled the same way
/// (docs/CALIBRATION.md, "Moments", defines each on both sides and says where the definitions still differ).
/// </summary>
/// <param name="Name">The moment's name in calibration files and outputs.</param>
/// <param name="Unit">What one unit of it is.</param>
/// <param name="RecordDefinition">How the record side is counted.</param>
/// <param name="ModelDefinition">How the model side is counted.</param>
/// <param name="FromYear">The record's numerator and denominator for one year; null for a moment taken from the
/// literature (<see cref="Published"/>).</param>
/// <param name="FromRun">The model's numerator and denominator for one run.</param>
public sealed record Moment(
    string Name,
    string Unit,
    string RecordDefinition,
    string ModelDefinition,
    Func<RecordYear, (double Numerator, double Denominator)>? FromYear,
    Func<RunSummary, (double Numerator, double Denominator)> FromRun)
{
    /// <summary>A record value taken from a published study rather than counted from data/: the share and the number of
    /// cases behind it (its sampling variance is binomial).</summary>
    public (double Value, int Cases, string Source)? Published { get; init; }
}

/// <summary>The moments the calibration can fit, in the order the outputs list them.</summary>
public static class Moments
{
    /// <summary>Leeds, Long and Mitchell (2000): allies honoured 74.5% of the alliance commitments that applied to a war.</summary>
    public const double LeedsHonoured = 0.745;

    /// <summary>The number of cases the binomial sampling variance of <see cref="LeedsHonoured"/> assumes (the study's
    /// own count of commitments is not in data/; 100 is a conservative stand-in, docs/CALIBRATION.md).</summary>
    public const int LeedsCases = 100;

    public static IReadOnlyList<Moment> All { get; } =
    [
        new("disputes_per_state_year", "disputes per state-year",
            "MIDs that started in the window, over the state-years of the COW system (members summed over the years)",
            "disputes resolved, over the state-years (living states summed over the recorded ticks)",
            y => (y.Disputes, y.States), r => (r.Counts.Disputes, r.StateYears)),
        new("war_share", "share of disputes",
            "MIDs that started in the window and reached hostility level 5 (war), over all MIDs that started in it",
            "disputes that became wars, over all disputes",
            y => (y.Wars, y.Disputes), r => (r.Counts.Wars, r.Counts.Disputes)),
        new("wars_per_state_year", "wars per state-year",
            "MIDs at hostility level 5 that started in the window, over the state-years",
            "wars started, over the state-years",
            y => (y.Wars, y.States), r => (r.Counts.Wars, r.StateYears)),
        new("dyadic_war_share", "share of wars",
            "wars (MIDs at hostility level 5) with exactly two participating states, over all wars",
            "wars with only the initiator and the target on their sides at the start, over all wars",
            y => (y.DyadicWars, y.Wars), r => (r.Counts.DyadicWars, r.Counts.Wars)),
        new("war_participants", "states per war",
            "states taking part in wars, over the wars (each state once per war, whichever side and whenever it joined)",
            "states on the sides of wars at their start (principals, allies that stood, opportunistic joiners), over the wars",
            y => (y.WarParticipants, y.Wars), r => (r.Counts.WarStates, r.Counts.Wars)),
        new("deaths_per_state_year", "deaths per state-year",
            "members of the starting year that left the COW system, over the state-years of those members",
            "states that died, over the state-years",
            y => (y.CohortExits, y.Cohort), r => (r.Counts.Deaths, r.StateYears)),
        new("conquests_per_state_year", "conquests per state-year",
            "exits (as for deaths) of states that took part in a war starting in the exit year or the two before, over the state-years of the starting year's members",
            "deaths whose wealth went to a victor, over the state-years",
            y => (y.CohortConquests, y.Cohort), r => (r.Counts.Conquests, r.StateYears)),
        new("pacts_per_state", "pacts per state",
            "twice the ATOP defence pacts in force between members (each pact has two members), over the state-years",
            "twice the pacts in force at each recorded tick's end, over the state-years",
            y => (2.0 * y.Pacts, y.States), r => (2.0 * r.PactYears, r.StateYears)),
        new("pact_terminations", "terminations per pact-year",
            "defence pacts in force in a year and not the next while both states are still members, over the pact-years",
            "pacts that lapsed or were broken by an ally that stayed out of a war, over the pact-years (pacts ended by a death are not counted)",
            y => (y.PactsEnded, y.Pacts), r => (r.Counts.PactsLapsed + r.Counts.PactsBroken, r.PactYears)),
        new("leader_disputes_per_year", "disputes per year",
            "MIDs that started in the window with the United States taking part (originator or joiner), per year",
            "disputes the leader took part in (initiator, target, ally that stood, joiner of the war), per recorded tick",
            y => (y.LeaderDisputes, 1), r => (r.LeaderCounts.Participated, r.Ticks)),
        new("calls_honoured", "share of calls",
            "Leeds, Long and Mitchell (2000): 74.5% of the alliance commitments that applied to a war were honoured (1816-1944)",
            "calls made in disputes that became wars that the ally honoured by fighting, over those calls",
            null, r => (r.Counts.WarHonoured, r.Counts.WarCalls))
        {
            Published = (LeedsHonoured, LeedsCases, "Leeds, Long and Mitchell (2000)"),
        },
    ];

    /// <summary>The moment with a name, or null.</summary>
    public static Moment? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The names of every moment, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
