namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// Locates each member at its capital (docs/MODEL.md, "Real-world initialisation"): the capital serving during the
/// state's membership that year, the latest one if it moved (the capital as the year, or the state's membership,
/// ended). Fallbacks, each reported: the same state's capital nearest in time, else the capital of the member with
/// the nearest ccode, since COW numbers states by region (2xx Europe, 4xx-5xx Africa, 6xx Middle East, 7xx Asia,
/// 9xx Oceania) and the nearest code is a neighbour.
/// </summary>
internal static class CapitalLocations
{
    /// <summary>The location of each member; <paramref name="periods"/> are the members' membership within the year.</summary>
    public static Location[] Locate(IReadOnlyList<CapitalSpell> capitals, IReadOnlyList<(int Ccode, DateOnly From, DateOnly To)> periods)
    {
        var byState = capitals.GroupBy(c => c.Ccode).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Start).ToList());
        var found = new Location?[periods.Count];
        for (int i = 0; i < periods.Count; i++)
        {
            var (ccode, from, to) = periods[i];
            if (!byState.TryGetValue(ccode, out var spells)) continue;
            var serving = spells.LastOrDefault(c => c.Start <= to && c.End >= from);
            if (serving is not null)
            {
                found[i] = new Location(serving.Capital, serving.Latitude, serving.Longitude, null);
                continue;
            }
            // Nearest in time: days from the spell to the membership period; ties to the earlier spell.
            var nearest = spells.MinBy(c => c.End < from ? from.DayNumber - c.End.DayNumber : c.Start.DayNumber - to.DayNumber)!;
            found[i] = new Location(nearest.Capital, nearest.Latitude, nearest.Longitude,
                $"no capital served in {from.Year}; {nearest.Capital} ({nearest.Start:yyyy-MM-dd} to {nearest.End:yyyy-MM-dd}) is the nearest in time");
        }

        var result = new Location[periods.Count];
        for (int i = 0; i < periods.Count; i++)
        {
            if (found[i] is { } own)
            {
                result[i] = own;
                continue;
            }
            int ccode = periods[i].Ccode, best = -1;
            for (int j = 0; j < periods.Count; j++)
            {
                if (found[j] is null) continue;
                int distance = Math.Abs(periods[j].Ccode - ccode), bestDistance = best < 0 ? int.MaxValue : Math.Abs(periods[best].Ccode - ccode);
                if (distance < bestDistance || (distance == bestDistance && periods[j].Ccode < periods[best].Ccode)) best = j;
            }
            if (best < 0)
                throw new InvalidDataException($"ccode {ccode} has no capital and no other member of {periods[i].From.Year} has one to stand in");
            var stand = found[best]!;
            result[i] = stand with { Fallback = $"no capital in the data; located at {stand.Capital}, capital of ccode {periods[best].Ccode}, the nearest ccode" };
        }
        return result;
    }

    internal sealed record Location(string Capital, double Latitude, double Longitude, string? Fallback);
}
