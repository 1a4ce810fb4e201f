using Anarchy.Models.Waltz;
using Anarchy.Studies;
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

        // The project's own CSV reader (quoted fields and all): runs.csv and events.csv as columns.
        var runs = ResultTable.Read(scratch["o"], "runs.csv");
        Assert.All(runs["start_year"], y => Assert.Equal(startYear, y));
        for (int r = 0; r < runs.Rows; r++)
            Assert.Equal(ccodes[(long)runs["leader"][r]], (long)runs["leader_ccode"][r]);
        Assert.Equal(2, ccodes[(long)runs["leader"][0]]); // the USA leads in 1950

        var events = ResultTable.Read(scratch["o"], "events.csv");
        Assert.True(events.Rows > 0);
        for (int e = 0; e < events.Rows; e++)
        {
            Assert.Equal(startYear + events["tick"][e], events["year"][e]);
            Assert.Equal(ccodes[(long)events["state"][e]], (long)events["ccode"][e]);
            long other = (long)events["other"][e];
            Assert.Equal(other >= 0 ? ccodes[other] : -1, (long)events["ccode_other"][e]);
        }

        // Outside real-world starts the columns hold their code for none.
        Assert.Equal(0, CliHarness.Run("run", "--runs", "1", "--ticks", "5", "--states", "6", "--events", "--out", scratch["plain"]).ExitCode);
        var plainRuns = ResultTable.Read(scratch["plain"], "runs.csv");
        Assert.All(plainRuns["start_year"].Concat(plainRuns["leader_ccode"]), v => Assert.Equal(-1, v));
        var plainEvents = ResultTable.Read(scratch["plain"], "events.csv");
        Assert.All(plainEvents["year"].Concat(plainEvents["ccode"]).Concat(plainEvents["ccode_other"]), v => Assert.Equal(-1, v));
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
