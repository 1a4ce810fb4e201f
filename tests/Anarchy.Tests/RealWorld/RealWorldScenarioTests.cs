using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;
using static Anarchy.Tests.RealWorld.ReferenceData;

namespace Anarchy.Tests.RealWorld;

/// <summary>The scenarios built from the repository's data/ (docs/MODEL.md, "Real-world initialisation").</summary>
public sealed class RealWorldScenarioTests
{
    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void TheStatesAreTheYearsCowSystemMembersInCcodeOrderLabelledByAbbreviationAndCcode(int year)
    {
        var members = MembersInYear(year);
        var scenario = RealWorldScenario.Create(year, Data);

        Assert.Equal(members.Count, scenario.States);
        Assert.Equal(members.Values, scenario.StateOverrides.OrderBy(o => o.State).Select(o => o.Label));
        Assert.Equal(members.Keys, scenario.StateOverrides.OrderBy(o => o.State).Select(o => o.Ccode ?? -1));
        Assert.Equal(members.Keys, RealWorldSystem.Of(year, Data).States.Select(s => s.Ccode));
        Assert.Equal($"realworld-{year}", scenario.Name);
        Assert.Equal(Geography.GreatCircle, scenario.Geography);
        Assert.Equal(year, scenario.StartYear);
    }

    [Theory]
    [InlineData(1816, 23)]
    [InlineData(1913, 44)]
    [InlineData(1950, 75)]
    [InlineData(1990, 165)] // both Germanies and unified Germany, both Yemens and unified Yemen
    [InlineData(2010, 194)]
    public void TheSystemHasAsManyStatesAsCowRecordsForTheYear(int year, int states) =>
        Assert.Equal(states, RealWorldScenario.Create(year, Data).States);

    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void ThePactsAreTheAtopDefenceDyadsBetweenMembersOfTheYear(int year)
    {
        var members = MembersInYear(year);
        var expected = DefenceDyads(year).Where(d => members.ContainsKey(d.Item1) && members.ContainsKey(d.Item2)).ToHashSet();
        var system = RealWorldSystem.Of(year, Data);

        var pairs = system.Pacts.Select(p => (system.States[p.A].Ccode, system.States[p.B].Ccode)).ToList();
        Assert.Equal(expected.Count, pairs.Count);
        Assert.True(expected.SetEquals(pairs));
        Assert.All(system.Pacts, p => Assert.True(p.A < p.B));
    }

    // The data README's orientation counts: the US had defence pacts with 31 states in 1950, 53 in 1990 and 65 in
    // 2010; 52, 109 and 144 states were in some defence pact. The data give exactly these with state-year membership.
    [Theory]
    [InlineData(1816, 36, 14, 0)]
    [InlineData(1913, 11, 12, 0)]
    [InlineData(1950, 312, 52, 31)]
    [InlineData(1990, 949, 109, 53)]
    [InlineData(2010, 1681, 144, 65)]
    public void TheDefencePactCountsAreAtopsForTheYear(int year, int pacts, int statesInPacts, int partnersOfTheUnitedStates)
    {
        var scenario = RealWorldScenario.Create(year, Data);
        int us = RealWorldSystem.Of(year, Data).IndexOf(RealWorldSystem.UnitedStates);

        Assert.Equal(pacts, scenario.Pacts.Count);
        Assert.Equal(statesInPacts, scenario.Pacts.SelectMany(p => new[] { p.A, p.B }).Distinct().Count());
        Assert.Equal(partnersOfTheUnitedStates, scenario.Pacts.Count(p => p.A == us || p.B == us));
    }

    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void TheUnitedStatesIsTheLeader(int year)
    {
        var scenario = RealWorldScenario.Create(year, Data);
        Assert.Equal("USA", scenario.StateOverrides.Single(o => o.State == scenario.Leader).Label);
    }

    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void EveryStateIsLocatedAtACapitalServingThatYear(int year)
    {
        var system = RealWorldSystem.Of(year, Data);
        Assert.All(system.States, s =>
        {
            Assert.InRange(s.Latitude, -90, 90);
            Assert.InRange(s.Longitude, -180, 180);
            Assert.Null(s.LocationFallback);
        });
        Assert.All(RealWorldScenario.Create(year, Data).StateOverrides, o => Assert.Equal(2, o.Location!.Count));
    }

    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void WealthHasMeanOneAndCapabilityTotalsTheInitialMilitaryShareOfIt(int year)
    {
        var scenario = RealWorldScenario.Create(year, Data);
        var wealth = scenario.StateOverrides.Select(o => o.Wealth!.Value).ToList();
        var capability = scenario.StateOverrides.Select(o => o.Capability!.Value).ToList();

        Assert.All(wealth, w => Assert.True(double.IsFinite(w) && w >= 1e-9, $"wealth {w}"));
        Assert.All(capability, m => Assert.True(double.IsFinite(m) && m >= 0, $"capability {m}"));
        Assert.Equal(1, wealth.Average(), 12);
        Assert.Equal(scenario.Parameters.InitialMilitaryShare, capability.Sum() / wealth.Sum(), 12);
    }

    [Theory]
    [MemberData(nameof(Years), MemberType = typeof(ReferenceData))]
    public void TheScenarioIsValidAndReadsBackUnchangedFromJson(int year)
    {
        var scenario = RealWorldScenario.Create(year, Data);
        Assert.Empty(ScenarioReader.Validate(scenario));

        string json = ScenarioWriter.ToJson(scenario);
        var read = ScenarioReader.Parse(json);
        Assert.Equal(json, ScenarioWriter.ToJson(read));
        Assert.Equal(scenario.StateOverrides, read.StateOverrides, (a, b) =>
            a.Wealth == b.Wealth && a.Capability == b.Capability && a.Label == b.Label && a.Location!.SequenceEqual(b.Location!));
    }

    [Fact]
    public void EveryYearTheDataCoverGivesAValidScenario()
    {
        Assert.Equal((1816, 2016), (Data.FirstYear, Data.LastYear));
        for (int year = Data.FirstYear; year <= Data.LastYear; year++)
        {
            var system = RealWorldSystem.Of(year, Data);
            Assert.Empty(ScenarioReader.Validate(RealWorldScenario.Create(system)));
            Assert.All(system.States, s => Assert.False(s.WealthFloored || s.LocationFallback is not null, $"{s.Abbreviation} in {year}"));
        }
    }

    [Fact]
    public void The1950WorldRunsForFiveTicks()
    {
        var scenario = RealWorldScenario.Create(1950, Data) with { Ticks = 5 };
        var result = WaltzSimulation.Run(scenario, 1950, default);

        Assert.Equal(75, scenario.States);
        Assert.Equal(5, result.Summary.Ticks);
        Assert.Equal(75, result.Summary.States);
        Assert.Equal(scenario.Leader, result.Summary.Leader);
        Assert.True(result.Summary.Survivors > 0);
        Assert.True(double.IsFinite(result.Summary.TotalWealth) && double.IsFinite(result.Summary.TotalCapability));
    }

    [Theory]
    [InlineData(1815)]
    [InlineData(2017)]
    public void AYearTheDataDoNotCoverIsRefused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RealWorldScenario.Create(year, Data));

    [Fact]
    public void EndOfYearMembershipCountsGermanyAndYemenOnceIn1990()
    {
        var system = RealWorldSystem.Of(1990, Data, SystemMembership.EndOfYear);
        var labels = system.States.Select(s => s.Abbreviation).ToHashSet();

        Assert.Equal(161, system.States.Count);
        Assert.Contains("GMY", labels);
        Assert.Contains("YEM", labels);
        Assert.DoesNotContain("GFR", labels);
        Assert.DoesNotContain("GDR", labels);
        Assert.DoesNotContain("YAR", labels);
        Assert.DoesNotContain("YPR", labels);
        Assert.Equal("realworld-1990-yearend", RealWorldScenario.Create(1990, Data, membership: SystemMembership.EndOfYear).Name);
    }

    [Fact]
    public void APactsAgeIsItsUnbrokenRunOfEarlierYears()
    {
        // ATOP links the US and Canada in 1942-1945 and again from 1949: in 1950 the pact is one year old.
        var system = RealWorldSystem.Of(1950, Data);
        int us = system.IndexOf(2), canada = system.IndexOf(20);
        Assert.Equal(1, system.Pacts.Single(p => p.A == us && p.B == canada).Age);
        Assert.Equal(3, RealWorldSystem.Of(1945, Data).Pacts.Single(p => p.A == us && p.B == canada).Age);
    }

    [Fact]
    public void AStateIsPlacedAtTheCapitalItHadWhileAMemberThatYear()
    {
        // France left the system on 11 November 1942, when Vichy was its capital; Paris served again from the 28th.
        // Brazil moved its capital to Brasilia in April 1960.
        var france = RealWorldSystem.Of(1942, Data).States.Single(s => s.Ccode == 220);
        var brazil = RealWorldSystem.Of(1960, Data).States.Single(s => s.Ccode == 140);

        Assert.Equal("Vichy", france.Capital);
        Assert.Equal("Brasilia", brazil.Capital);
    }

    [Fact]
    public void TheStatesWithoutMilitaryDataAreImputedAndNamedInTheDescription()
    {
        // NMC has neither military expenditure nor personnel for Sweden in 1816.
        var system = RealWorldSystem.Of(1816, Data);
        var sweden = system.States.Single(s => s.Ccode == 380);

        Assert.True(sweden.CapabilityImputed);
        Assert.Equal(["milex", "milper"], sweden.MissingComponents);
        Assert.Equal(0.05 * sweden.Wealth, sweden.Capability, 15);
        Assert.Contains("(no military data): SWD.", RealWorldScenario.Create(system).Description, StringComparison.Ordinal);
    }
}
