using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>
/// The repository's data/ folder, loaded once, and a second, deliberately plain reading of its CSV files (split on
/// commas: the extracts hold no quoted fields) so that tests check the loader against counts it did not compute.
/// </summary>
internal static class ReferenceData
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "data");

    private static readonly Lazy<RealWorldData> Loaded = new(() => RealWorldData.Load(Folder));

    private static readonly Lazy<List<(int A, int B, int Year)>> DyadYears = new(() =>
        [.. Rows(RealWorldData.DefencePactsFile).Select(r => (int.Parse(r["ccode1"]), int.Parse(r["ccode2"]), int.Parse(r["year"])))]);

    /// <summary>The years every test of the real-world initialisation checks.</summary>
    public static TheoryData<int> Years => [1816, 1913, 1950, 1990, 2010];

    public static RealWorldData Data => Loaded.Value;

    /// <summary>COW system members in the year, counted by state-year (any day of the year), with their abbreviations.</summary>
    public static SortedDictionary<int, string> MembersInYear(int year)
    {
        var members = new SortedDictionary<int, string>();
        foreach (var row in Rows(RealWorldData.StatesFile))
        {
            if (int.Parse(row["styear"]) <= year && year <= int.Parse(row["endyear"]))
                members[int.Parse(row["ccode"])] = row["stateabb"];
        }
        return members;
    }

    /// <summary>ATOP defence-pact pairs (lower ccode first) recorded in the year, whether or not both are members.</summary>
    public static HashSet<(int, int)> DefenceDyads(int year)
    {
        return [.. DyadYears.Value.Where(d => d.Year == year).Select(d => (Math.Min(d.A, d.B), Math.Max(d.A, d.B)))];
    }

    public static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        using var lines = File.ReadLines(Path.Combine(Folder, file)).GetEnumerator();
        lines.MoveNext();
        var header = lines.Current.Split(',');
        while (lines.MoveNext())
        {
            if (lines.Current.Length == 0) continue;
            var fields = lines.Current.Split(',');
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        }
    }
}
