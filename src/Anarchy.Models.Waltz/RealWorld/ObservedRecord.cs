namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// Observed statistics of the international system from the historical record, to compare with simulations that start
/// from real-world years: the alliance structure of each year (COW membership and ATOP defence pacts, 1816-2016, as
/// <see cref="RealWorldSystem"/> builds it) and the Militarized Interstate Disputes that started in it (MID 5.0,
/// 1816-2014). Each statistic is given for a year or for a window of years [from, to]; what each counts is in
/// <see cref="AllianceYear"/> and <see cref="DisputeStatistics"/>, and in <c>data/README.md</c>. The leader is the
/// United States (ccode 2), the leader of every real-world scenario.
/// </summary>
public sealed class ObservedRecord
{
    /// <summary>Combines the two data sets; <paramref name="membership"/> decides which states count in a year.</summary>
    public ObservedRecord(RealWorldData data, MilitarizedDisputes disputes, SystemMembership membership = SystemMembership.AnyDayOfYear)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(disputes);
        if (!Enum.IsDefined(membership))
            throw new ArgumentOutOfRangeException(nameof(membership), membership, "not a membership rule");
        Data = data;
        DisputeData = disputes;
        Membership = membership;
    }

    /// <summary>Membership, capitals, capabilities and defence pacts.</summary>
    public RealWorldData Data { get; }

    /// <summary>The Militarized Interstate Disputes.</summary>
    public MilitarizedDisputes DisputeData { get; }

    /// <summary>Which states count as members of the system in a year.</summary>
    public SystemMembership Membership { get; }

    /// <summary>Reads the reference data and the disputes from a folder (the repository's <c>data/</c>).</summary>
    public static ObservedRecord Load(string directory) =>
        new(RealWorldData.Load(directory), MilitarizedDisputes.Load(directory));

    /// <summary>The alliance structure of one year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The data do not cover the year.</exception>
    public AllianceStatistics Alliances(int year) => Alliances(year, year);

    /// <summary>The alliance structure of each year in [<paramref name="from"/>, <paramref name="to"/>] and its means.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or the data do not cover it.</exception>
    public AllianceStatistics Alliances(int from, int to)
    {
        CheckWindow(from, to, Data.FirstYear, Data.LastYear, "membership, capability and pact data");
        var years = new List<AllianceYear>(to - from + 1);
        for (int year = from; year <= to; year++) years.Add(AllianceYearOf(year));
        return new AllianceStatistics(from, to, years);
    }

    /// <summary>The disputes that started in one year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MID does not cover the year.</exception>
    public DisputeStatistics Disputes(int year) => Disputes(year, year);

    /// <summary>The disputes that started in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty or MID does not cover it.</exception>
    public DisputeStatistics Disputes(int from, int to)
    {
        CheckWindow(from, to, DisputeData.FirstYear, DisputeData.LastYear, "MID data");
        var started = DisputeData.Disputes.Where(d => d.StartYear >= from && d.StartYear <= to).ToList();
        var leader = started.Select(d => d.Participant(RealWorldSystem.UnitedStates)).OfType<DisputeParticipant>().ToList();
        return new DisputeStatistics(
            from,
            to,
            Disputes: started.Count,
            UseOfForce: started.Count(d => d.HostilityLevel >= MilitarizedDispute.UseOfForce),
            Wars: started.Count(d => d.HostilityLevel == MilitarizedDispute.War),
            LeaderDisputes: leader.Count,
            LeaderOriginated: leader.Count(p => p.Originator),
            Participants: started.Sum(d => d.Participants.Count));
    }

    private AllianceYear AllianceYearOf(int year)
    {
        var system = RealWorldSystem.Of(year, Data, Membership);
        int us = system.IndexOf(RealWorldSystem.UnitedStates);
        int inPacts = system.Pacts.SelectMany(p => new[] { p.A, p.B }).Distinct().Count();
        int partners = us < 0 ? 0 : system.Pacts.Count(p => p.A == us || p.B == us);
        return new AllianceYear(year, system.States.Count, system.Pacts.Count, inPacts, partners);
    }

    private static void CheckWindow(int from, int to, int first, int last, string what)
    {
        if (from < first || from > last)
            throw new ArgumentOutOfRangeException(nameof(from), from, $"the {what} cover the years {first} to {last}");
        if (to < from || to > last)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"must be from {from} to {last}, the last year the {what} cover");
    }
}
