using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;
using static Anarchy.Tests.RealWorld.SyntheticData;

namespace Anarchy.Tests.RealWorld;

/// <summary>How NMC's six components become wealth and capability (docs/MODEL.md, "Real-world initialisation").</summary>
public sealed class CapabilityMappingTests
{
    private static readonly string[] TwoCapitals = [Capital(900, 10, 20), Capital(901, -10, -20)];

    [Fact]
    public void WealthIsTheMeanEconomicShareAndCapabilityTheMeanMilitaryShareScaledToTheModelsUnits()
    {
        // Shares: A has milex 3/4, milper 1/2 -> military 5/8; irst 1/2, pec 1/2, tpop 1/4, upop 3/4 -> economic 1/2.
        // B: military 3/8, economic 1/2. Mean wealth 1: W = 1 each. Total M = 0.05 * 2 = 0.1, split 5:3.
        var data = Of(
            [State("A", 900), State("B", 901)],
            TwoCapitals,
            ["900,2000,300,10,5,7,100,30", "901,2000,100,10,5,7,300,10"]);
        var states = RealWorldSystem.Of(2000, data).States;

        Assert.Equal(1, states[0].Wealth, 15);
        Assert.Equal(1, states[1].Wealth, 15);
        Assert.Equal(0.0625, states[0].Capability, 15);
        Assert.Equal(0.0375, states[1].Capability, 15);
        Assert.Equal(0.625, states[0].MilitaryShare!.Value, 15);
        Assert.Equal(0.5, states[0].EconomicShare!.Value, 15);
    }

    [Fact]
    public void AMissingComponentIsLeftOutOfTheAverageNotCountedAsZero()
    {
        // A's pec is missing: the pec total is B's 7, so B's pec share is 1. A's economic share averages irst, tpop,
        // upop: (1/2 + 1/2 + 1/2) / 3 = 1/2; B's averages all four: (1/2 + 1 + 1/2 + 1/2) / 4 = 5/8.
        var data = Of(
            [State("A", 900), State("B", 901)],
            TwoCapitals,
            ["900,2000,1,1,5,,100,10", "901,2000,1,1,5,7,100,10"]);
        var states = RealWorldSystem.Of(2000, data).States;

        Assert.Equal(["pec"], states[0].MissingComponents);
        Assert.Empty(states[1].MissingComponents);
        Assert.Equal(0.5, states[0].EconomicShare!.Value, 15);
        Assert.Equal(0.625, states[1].EconomicShare!.Value, 15);
        Assert.Equal(2 * 0.5 / 1.125, states[0].Wealth, 15);
        Assert.False(states[0].WealthFloored);
    }

    [Fact]
    public void AStateWithoutMilitaryDataStartsAtTheModelsRatioOfCapabilityToWealth()
    {
        // B reports no military component: M_B = 0.05 W_B. A, the only state with military data, holds 0.05 W_A.
        var data = Of(
            [State("A", 900), State("B", 901)],
            TwoCapitals,
            ["900,2000,10,1,1,1,3,1", "901,2000,,,1,1,1,3"]);
        var states = RealWorldSystem.Of(2000, data).States;

        Assert.True(states[1].CapabilityImputed);
        Assert.False(states[0].CapabilityImputed);
        Assert.Equal(0.05 * states[1].Wealth, states[1].Capability, 15);
        Assert.Equal(0.05 * states[0].Wealth, states[0].Capability, 15);
    }

    [Fact]
    public void AStateWithoutAnyCapabilityDataGetsTheFloorAndIsListed()
    {
        // C has no NMC row: its economic share is the smallest any member has (B's 1/4), its capability the
        // model's ratio to that wealth. Raw shares 3/4, 1/4, 1/4 -> wealth 3 * (3/4, 1/4, 1/4) / (5/4).
        var data = Of(
            [State("A", 900), State("B", 901), State("C", 902)],
            [.. TwoCapitals, Capital(902, 0, 0)],
            ["900,2000,1,1,3,3,3,3", "901,2000,1,1,1,1,1,1"]);
        var system = RealWorldSystem.Of(2000, data);
        var c = system.States[2];

        Assert.True(c.WealthFloored);
        Assert.True(c.CapabilityImputed);
        Assert.Equal(NationalComponents, c.MissingComponents);
        Assert.Equal(0.6, c.Wealth, 15);
        Assert.Equal(0.03, c.Capability, 15);
        Assert.Equal(3, system.States.Sum(s => s.Wealth), 14);
        string description = RealWorldScenario.Create(system).Description;
        Assert.Contains("(no economic data): C.", description, StringComparison.Ordinal);
        Assert.Contains("(no military data): C.", description, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInitialMilitaryShareParameterSetsTotalCapability()
    {
        var data = Of(
            [State("A", 900), State("B", 901)],
            TwoCapitals,
            ["900,2000,3,1,1,1,1,1", "901,2000,1,3,1,1,1,1"]);
        var scenario = RealWorldScenario.Create(2000, data, new ModelParameters { InitialMilitaryShare = 0.4 });

        Assert.Equal(0.4, scenario.Parameters.InitialMilitaryShare);
        Assert.Equal(0.8, scenario.StateOverrides.Sum(o => o.Capability!.Value), 15);
    }

    [Fact]
    public void WithoutTheUnitedStatesTheStateWithTheLargestCapabilityLeads()
    {
        var data = Of(
            [State("A", 900), State("B", 901)],
            TwoCapitals,
            ["900,2000,1,1,1,1,1,1", "901,2000,3,3,1,1,1,1"]);
        Assert.Equal(1, RealWorldScenario.Create(2000, data).Leader);
    }

    private static readonly string[] NationalComponents = ["milex", "milper", "irst", "pec", "tpop", "upop"];
}
