using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Models.Waltz.Calibration;

/// <summary>
/// What the historical record counts in one year, as the calibration moments need it (docs/CALIBRATION.md,
/// "Moments"). Disputes and wars are counted in the year they started (MID's <c>styear</c>); states and pacts are the
/// COW members and ATOP defence pacts of the year (state-year rule: a member on any day of the year).
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="States">System members.</param>
/// <param name="Disputes">MIDs that started in the year.</param>
/// <param name="Wars">Of those, the ones that reached war (hostility level 5).</param>
/// <param name="DyadicWars">Wars with exactly two participating states.</param>
/// <param name="WarParticipants">States taking part in those wars, summed over the wars.</param>
/// <param name="LeaderDisputes">MIDs that started in the year with the United States taking part (originator or joiner).</param>
/// <param name="Pacts">Defence pacts in force between members (undirected pairs).</param>
/// <param name="PactsEnded">Of those pacts, the ones not in force the next year although both states are still
/// members then: terminations by the allies, not by a member leaving the system.</param>
/// <param name="Cohort">Members of the starting year that are still members this year.</param>
/// <param name="CohortExits">Of those, the ones that are not members the next year: they left the system (state death in
/// COW's sense: absorbed, unified, dissolved or occupied).</param>
/// <param name="CohortConquests">Of the exits, those that took part in a war (a MID at hostility level 5) that started
/// in the exit year or the two years before: the record's closest counterpart of a conquest.</param>
public sealed record RecordYear(
    int Year,
    int States,
    int Disputes,
    int Wars,
    int DyadicWars,
    int WarParticipants,
    int LeaderDisputes,
    int Pacts,
    int PactsEnded,
    int Cohort,
    int CohortExits,
    int CohortConquests);

/// <summary>The record of the years a calibration period covers, one <see cref="RecordYear"/> per year.</summary>
public sealed class RecordYears
{
    private RecordYears(int start, IReadOnlyList<RecordYear> years)
    {
        Start = start;
        Years = years;
    }

    /// <summary>The first year: the year the simulation starts from.</summary>
    public int Start { get; }

    /// <summary>Each year's counts, in year order.</summary>
    public IReadOnlyList<RecordYear> Years { get; }

    /// <summary>The last year of disputes and pacts the record can give for a period's years (the year before the
    /// last year of the pact data, since a termination needs the next year).</summary>
    public static int LastYear(ObservedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Math.Min(record.DisputeData.LastYear, record.Data.LastYear - 1);
    }

    /// <summary>The counts of the <paramref name="years"/> years from <paramref name="start"/> on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The record does not cover the years.</exception>
    public static RecordYears Of(ObservedRecord record, int start, int years)
    {
        ArgumentNullException.ThrowIfNull(record);
        int first = Math.Max(record.Data.FirstYear, record.DisputeData.FirstYear), last = LastYear(record);
        if (start < first || start > last)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"the record covers the years {first} to {last}");
        if (years < 1 || start + years - 1 > last)
            throw new ArgumentOutOfRangeException(nameof(years), years, $"must be from 1 to {last - start + 1} (the record ends in {last})");

        var data = record.Data;
        var membersByYear = new Dictionary<int, HashSet<int>>();
        HashSet<int> Members(int year)
        {
            if (membersByYear.TryGetValue(year, out var set)) return set;
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            set = [.. data.Membership.Where(s => s.Start <= last && s.End >= first).Select(s => s.Ccode)];
            membersByYear[year] = set;
            return set;
        }

        var byYear = record.DisputeData.Disputes.ToLookup(d => d.StartYear);
        var cohort = Members(start);
        var rows = new List<RecordYear>(years);
        for (int year = start; year < start + years; year++)
        {
            var members = Members(year);
            var next = Members(year + 1);
            var started = byYear[year].ToList();
            var wars = started.Where(d => d.HostilityLevel == MilitarizedDispute.War).ToList();

            int pacts = 0, ended = 0;
            foreach (var (a, b) in data.DefenceDyads(year))
            {
                if (!members.Contains(a) || !members.Contains(b)) continue;
                pacts++;
                if (next.Contains(a) && next.Contains(b) && !data.HasDefencePact(a, b, year + 1)) ended++;
            }

            int inCohort = 0, exits = 0, conquests = 0;
            foreach (int ccode in cohort)
            {
                if (!members.Contains(ccode)) continue;
                inCohort++;
                if (next.Contains(ccode)) continue;
                exits++;
                bool fought = false;
                for (int y = year - 2; y <= year && !fought; y++)
                    fought = byYear[y].Any(d => d.HostilityLevel == MilitarizedDispute.War && d.Participant(ccode) is not null);
                if (fought) conquests++;
            }

            rows.Add(new RecordYear(
                year,
                members.Count,
                started.Count,
                wars.Count,
                wars.Count(d => d.Participants.Count == 2),
                wars.Sum(d => d.Participants.Count),
                started.Count(d => d.Participant(RealWorldSystem.UnitedStates) is not null),
                pacts,
                ended,
                inCohort,
                exits,
                conquests));
        }
        return new RecordYears(start, rows);
    }
}
