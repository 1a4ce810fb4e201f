using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>The scenario files in experiments/realworld are reviewed like code: they must be what the data give.</summary>
public sealed class ScenarioFilesTests
{
    [Theory]
    [InlineData(1816, 50)]
    [InlineData(1913, 50)]
    [InlineData(1950, 63)] // Beckley's window, 1948-2010, is 63 years
    [InlineData(1990, 50)]
    [InlineData(2010, 50)]
    public void TheScenarioFileIsWhatTheDataGive(int year, int ticks)
    {
        string path = Path.Combine(RepositoryRoot.Path, "experiments", "realworld", $"realworld-{year}.json");
        var expected = RealWorldScenario.Create(year, ReferenceData.Data) with { Ticks = ticks, Runs = 100 };

        Assert.Equal(ScenarioWriter.ToJson(expected), ScenarioWriter.ToJson(ScenarioReader.ReadFile(path)));
    }
}
