using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;
using static Anarchy.Tests.RealWorld.SyntheticData;

namespace Anarchy.Tests.RealWorld;

/// <summary>Where a state without a capital that year is placed (docs/MODEL.md, "Real-world initialisation").</summary>
public sealed class LocationFallbackTests
{
    private static readonly string[] ThreeStatesCapabilities =
        ["200,2000,1,1,1,1,1,1", "210,2000,1,1,1,1,1,1", "230,2000,1,1,1,1,1,1"];

    private static readonly string[] ThreeStates = [State("UKG", 200), State("NTH", 210), State("SPN", 230)];

    [Fact]
    public void AStateWithoutACapitalThatYearIsPlacedAtItsCapitalNearestInTime()
    {
        // The Netherlands' only capital spells end in mid-1998 and start in 2004: 1998 is nearer to 2000.
        var data = Of(ThreeStates,
            [Capital(200, 51.5, -0.1), "210,Old,1900-01-01,1998-06-30,52,4", "210,New,2004-01-01,2020-12-31,53,5", Capital(230, 40.4, -3.7)],
            ThreeStatesCapabilities);
        var netherlands = RealWorldSystem.Of(2000, data).States[1];

        Assert.Equal("Old", netherlands.Capital);
        Assert.Equal((52.0, 4.0), (netherlands.Latitude, netherlands.Longitude));
        Assert.NotNull(netherlands.LocationFallback);
        Assert.Contains("(no capital that year): NTH.", RealWorldScenario.Create(2000, data).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AStateWithNoCapitalAtAllIsPlacedAtTheCapitalOfTheNearestCcode()
    {
        // COW numbers states by region: 210 is 10 from 200 and 20 from 230, so the Netherlands stands at London.
        var data = Of(ThreeStates, [Capital(200, 51.5, -0.1), Capital(230, 40.4, -3.7)], ThreeStatesCapabilities);
        var system = RealWorldSystem.Of(2000, data);
        var netherlands = system.States[1];

        Assert.Equal((51.5, -0.1), (netherlands.Latitude, netherlands.Longitude));
        Assert.Contains("200", netherlands.LocationFallback, StringComparison.Ordinal);
        Assert.Empty(ScenarioReader.Validate(RealWorldScenario.Create(system)));
    }

    [Fact]
    public void ATieBetweenTwoNearestCcodesGoesToTheLowerOne()
    {
        var data = Of(
            [State("A", 200), State("B", 210), State("C", 220)],
            [Capital(200, 1, 1), Capital(220, 2, 2)],
            ["200,2000,1,1,1,1,1,1", "210,2000,1,1,1,1,1,1", "220,2000,1,1,1,1,1,1"]);
        Assert.Equal(1, RealWorldSystem.Of(2000, data).States[1].Latitude);
    }
}
