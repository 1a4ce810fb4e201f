namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// The alliance structure of one year (<see cref="ObservedRecord.Alliances(int)"/>): the counts of the
/// <see cref="RealWorldSystem"/> of the year, the system a real-world scenario of that year starts from.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="States">COW system members.</param>
/// <param name="Pacts">Defence pacts in force: undirected pairs of members linked by an ATOP defence pact that year.</param>
/// <param name="StatesInPacts">Members in at least one of those pacts.</param>
/// <param name="LeaderPartners">Members in a defence pact with the United States (ccode 2); 0 when it is not a member.</param>
public sealed record AllianceYear(int Year, int States, int Pacts, int StatesInPacts, int LeaderPartners);

/// <summary>
/// The alliance structure over the years [<paramref name="From"/>, <paramref name="To"/>]
/// (<see cref="ObservedRecord.Alliances(int, int)"/>): each year's counts and their means over the years.
/// </summary>
/// <param name="From">The first year.</param>
/// <param name="To">The last year.</param>
/// <param name="Years">The counts of each year, in year order.</param>
public sealed record AllianceStatistics(int From, int To, IReadOnlyList<AllianceYear> Years)
{
    /// <summary>Mean number of system members per year.</summary>
    public double MeanStates => Years.Average(y => y.States);

    /// <summary>Mean number of defence pacts in force per year.</summary>
    public double MeanPacts => Years.Average(y => y.Pacts);

    /// <summary>Mean number of members in at least one defence pact per year.</summary>
    public double MeanStatesInPacts => Years.Average(y => y.StatesInPacts);

    /// <summary>Mean number of the United States' defence-pact partners per year.</summary>
    public double MeanLeaderPartners => Years.Average(y => y.LeaderPartners);
}

/// <summary>
/// The Militarized Interstate Disputes that started in the years [<paramref name="From"/>, <paramref name="To"/>]
/// (<see cref="ObservedRecord.Disputes(int, int)"/>). Every count is of new disputes, each counted once, in the year
/// it started (MID's <c>styear</c>), whatever it went on to become and however long it lasted; the per-year rates
/// divide a count by the number of years in the window, years without a dispute included.
/// </summary>
/// <param name="From">The first year.</param>
/// <param name="To">The last year.</param>
/// <param name="Disputes">Disputes that started in the window.</param>
/// <param name="UseOfForce">Those whose hostility level reached 4 or 5 (use of force or war).</param>
/// <param name="Wars">Those whose hostility level reached 5 (war: at least 1,000 battle deaths).</param>
/// <param name="LeaderDisputes">Those in which the United States (ccode 2) took part, on either side, as an originator or
/// a joiner.</param>
/// <param name="LeaderOriginated">Those in which the United States was an originator (MID's <c>orig</c> = 1: involved
/// from the dispute's first day, either side); the others of <paramref name="LeaderDisputes"/> it joined later.</param>
/// <param name="Participants">The sum over the disputes of the number of states taking part, each state once per
/// dispute whichever side it was on.</param>
public sealed record DisputeStatistics(int From, int To, int Disputes, int UseOfForce, int Wars, int LeaderDisputes, int LeaderOriginated, int Participants)
{
    /// <summary>The number of years in the window.</summary>
    public int Years => To - From + 1;

    /// <summary>Disputes the United States joined after their first day: <see cref="LeaderDisputes"/> less
    /// <see cref="LeaderOriginated"/>.</summary>
    public int LeaderJoined => LeaderDisputes - LeaderOriginated;

    /// <summary>New disputes per year.</summary>
    public double DisputesPerYear => PerYear(Disputes);

    /// <summary>New disputes per year that reached a use of force or war (hostility level 4 or 5).</summary>
    public double UseOfForcePerYear => PerYear(UseOfForce);

    /// <summary>New wars per year (hostility level 5).</summary>
    public double WarsPerYear => PerYear(Wars);

    /// <summary>New disputes per year in which the United States took part.</summary>
    public double LeaderDisputesPerYear => PerYear(LeaderDisputes);

    /// <summary>New disputes per year that the United States originated.</summary>
    public double LeaderOriginatedPerYear => PerYear(LeaderOriginated);

    /// <summary>New disputes per year that the United States joined.</summary>
    public double LeaderJoinedPerYear => PerYear(LeaderJoined);

    /// <summary>The mean number of states per dispute, over the disputes of the window; null when there are none.</summary>
    public double? MeanParticipants => Disputes > 0 ? (double)Participants / Disputes : null;

    private double PerYear(int count) => (double)count / Years;
}
