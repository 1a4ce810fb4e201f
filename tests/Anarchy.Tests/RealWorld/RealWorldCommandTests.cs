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
