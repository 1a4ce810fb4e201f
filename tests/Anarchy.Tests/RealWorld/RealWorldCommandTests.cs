using Anarchy.Models.Waltz;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.RealWorld;

public sealed class RealWorldCommandTests
{
    private static string Data => Path.Combine(RepositoryRoot.Path, "data");

    [Fact]
    public void TheCommandWritesAValidScenarioForAYearThatRunsAsItSays()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("realworld", "1950", "--data", Data, "--out", scratch["new/1950.json"], "--ticks", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("75 states, 312 defence pacts, leader USA", result.Out, StringComparison.Ordinal);
        var scenario = ScenarioReader.ReadFile(scratch["new/1950.json"]);
        Assert.Equal(3, scenario.Ticks);
        Assert.Equal(0, CliHarness.Run("run", "--scenario", scratch["new/1950.json"], "--runs", "2", "--out", scratch["o"]).ExitCode);
    }

    [Fact]
    public void RunsAndEventsOfARealWorldStartCarryItsYearsAndCowCodes()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("realworld", "1950", "--data", Data, "--out", scratch["1950.json"], "--ticks", "10").ExitCode);
        var scenario = ScenarioReader.ReadFile(scratch["1950.json"]);
        Assert.Equal(0, CliHarness.Run("run", "--scenario", scratch["1950.json"], "--runs", "2", "--events", "--out", scratch["o"]).ExitCode);
        var ccodes = scenario.StateOverrides.Where(o => o.Ccode is not null).ToDictionary(o => (long)o.State, o => (long)o.Ccode!.Value);
        int startYear = scenario.StartYear!.Value;

        var runs = Table(scratch["o/runs.csv"]);
        Assert.All(runs, r => Assert.Equal(startYear, long.Parse(r["start_year"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(runs, r => Assert.Equal(ccodes[long.Parse(r["leader"], System.Globalization.CultureInfo.InvariantCulture)], long.Parse(r["leader_ccode"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, ccodes[long.Parse(runs[0]["leader"], System.Globalization.CultureInfo.InvariantCulture)]); // the USA leads in 1950

        var events = Table(scratch["o/events.csv"]);
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            long Long(string column) => long.Parse(e[column], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(startYear + Long("tick"), Long("year"));
            Assert.Equal(ccodes[Long("state")], Long("ccode"));
            Assert.Equal(Long("other") >= 0 ? ccodes[Long("other")] : -1, Long("ccode_other"));
        }

        // Outside real-world starts the columns hold their code for none.
        Assert.Equal(0, CliHarness.Run("run", "--runs", "1", "--ticks", "5", "--states", "6", "--events", "--out", scratch["plain"]).ExitCode);
        Assert.All(Table(scratch["plain/runs.csv"]), r => Assert.Equal(("-1", "-1"), (r["start_year"], r["leader_ccode"])));
        Assert.All(Table(scratch["plain/events.csv"]), r => Assert.Equal(("-1", "-1", "-1"), (r["year"], r["ccode"], r["ccode_other"])));
    }

    /// <summary>The rows of a CSV file as column-to-text dictionaries (the tables checked here hold no quoted commas
    /// in the columns read).</summary>
    private static List<Dictionary<string, string>> Table(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => SplitCsv(l)).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [Theory]
    [InlineData("1700", "YEAR")]
    [InlineData("2300", "YEAR")]
    public void AYearOutsideTheDataExitsWithCodeTwoAndWritesNothing(string year, string named)
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("realworld", year, "--data", Data, "--out", scratch["x.json"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch["x.json"]));
    }

    [Fact]
    public void AMissingDataFolderIsNamed()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("realworld", "1950", "--data", scratch["nowhere"], "--out", scratch["x.json"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--data", result.Err, StringComparison.Ordinal);
    }
}
