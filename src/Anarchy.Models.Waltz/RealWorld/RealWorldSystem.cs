namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// The international system of one year as the reference data record it: the COW system members in ascending ccode
/// order with their wealth, capability and capital, the ATOP defence pacts among them and the leader
/// (docs/MODEL.md, "Real-world initialisation"). <see cref="RealWorldScenario.Create(RealWorldSystem, ModelParameters?)"/> turns it into a scenario;
/// this record keeps what the scenario does not, such as each state's ccode and where each value came from.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="Membership">Which states counted as members.</param>
/// <param name="States">The members in ascending ccode order; a state's position is its index in the scenario.</param>
/// <param name="Pacts">Defence pacts in force in the year between two members, by index, lower index first, in index
/// order. A pact's age is the number of consecutive earlier years in which ATOP records a defence pact in the pair.</param>
/// <param name="Leader">The index of the United States (ccode 2) when it is a member, else of the state with the
/// largest capability (ties to the lower index).</param>
public sealed record RealWorldSystem(
    int Year,
    SystemMembership Membership,
    IReadOnlyList<RealWorldState> States,
    IReadOnlyList<InitialPact> Pacts,
    int Leader)
{
    /// <summary>The United States' COW country code.</summary>
    public const int UnitedStates = 2;

    /// <summary>
    /// Builds the system of <paramref name="year"/>. <paramref name="initialMilitaryShare"/> (default: the model's
    /// default) sets total capability as a multiple of total wealth.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The data do not cover the year.</exception>
    public static RealWorldSystem Of(int year, RealWorldData data, SystemMembership membership = SystemMembership.AnyDayOfYear, double? initialMilitaryShare = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (year < data.FirstYear || year > data.LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the data cover the years {data.FirstYear} to {data.LastYear}");
        if (!Enum.IsDefined(membership))
            throw new ArgumentOutOfRangeException(nameof(membership), membership, "not a membership rule");
        double share = initialMilitaryShare ?? new ModelParameters().InitialMilitaryShare;
        if (!double.IsFinite(share) || share < 0)
            throw new ArgumentOutOfRangeException(nameof(initialMilitaryShare), share, "must be a finite number, at least 0");

        var members = Members(data, year, membership);
        var capabilities = NationalCapabilities.Map(members.Select(m => data.CapabilitiesOf(m.Ccode, year)).ToList(), share);
        var locations = CapitalLocations.Locate(data.Capitals, members.Select(m => (m.Ccode, m.From, m.To)).ToList());

        var states = new RealWorldState[members.Count];
        for (int i = 0; i < states.Length; i++)
        {
            var m = members[i];
            var at = locations[i];
            states[i] = new RealWorldState(
                i, m.Ccode, m.Abbreviation, m.Name,
                capabilities.Wealth[i], capabilities.Capability[i],
                capabilities.EconomicShare[i], capabilities.MilitaryShare[i], capabilities.Missing[i],
                capabilities.WealthFloored[i], capabilities.CapabilityImputed[i],
                at.Capital, at.Latitude, at.Longitude, at.Fallback);
        }

        var index = new Dictionary<int, int>();
        for (int i = 0; i < states.Length; i++) index[states[i].Ccode] = i;
        var pacts = new List<InitialPact>();
        foreach (var (a, b) in data.DefenceDyads(year))
        {
            if (!index.TryGetValue(a, out int ia) || !index.TryGetValue(b, out int ib)) continue;
            int age = 0;
            while (data.HasDefencePact(a, b, year - age - 1)) age++;
            pacts.Add(new InitialPact(Math.Min(ia, ib), Math.Max(ia, ib), age));
        }

        int leader = index.TryGetValue(UnitedStates, out int us) ? us : Strongest(states);
        return new RealWorldSystem(year, membership, states, pacts, leader);
    }

    /// <summary>The index of the state with a ccode, or -1 when it is not a member.</summary>
    public int IndexOf(int ccode)
    {
        foreach (var s in States)
        {
            if (s.Ccode == ccode) return s.Index;
        }
        return -1;
    }

    private static int Strongest(RealWorldState[] states)
    {
        int best = 0;
        for (int i = 1; i < states.Length; i++)
        {
            if (states[i].Capability > states[best].Capability) best = i;
        }
        return best;
    }

    /// <summary>The members in ascending ccode order, each with the part of the year it was a member.</summary>
    private static List<Member> Members(RealWorldData data, int year, SystemMembership membership)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var members = new SortedDictionary<int, Member>();
        foreach (var spell in data.Membership)
        {
            bool counts = membership == SystemMembership.EndOfYear
                ? spell.Start <= last && spell.End >= last
                : spell.Start <= last && spell.End >= first;
            if (!counts) continue;
            var from = spell.Start > first ? spell.Start : first;
            var to = spell.End < last ? spell.End : last;
            // A state that left and re-entered within the year is one member, over the span of its spells.
            members[spell.Ccode] = members.TryGetValue(spell.Ccode, out var seen)
                ? seen with { From = seen.From < from ? seen.From : from, To = seen.To > to ? seen.To : to }
                : new Member(spell.Ccode, spell.Abbreviation, spell.Name, from, to);
        }
        if (members.Count == 0)
            throw new InvalidDataException($"no state was a member of the system in {year}");
        return [.. members.Values];
    }

    private sealed record Member(int Ccode, string Abbreviation, string Name, DateOnly From, DateOnly To);
}
