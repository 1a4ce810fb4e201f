namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>Which states count as members of the system in a given year.</summary>
public enum SystemMembership
{
    /// <summary>
    /// Members on any day of the year: the convention of COW's state-year data, which NMC and ATOP follow. In a year of
    /// unification or break-up both the old and the new states are members (in 1990 West Germany, East Germany and
    /// unified Germany, and both Yemens and unified Yemen).
    /// </summary>
    AnyDayOfYear,

    /// <summary>Members on 31 December of the year: every state once, as the year left the system.</summary>
    EndOfYear,
}
