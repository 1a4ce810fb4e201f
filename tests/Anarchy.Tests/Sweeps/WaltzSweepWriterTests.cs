using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Models.Waltz.Sweeps;
using Anarchy.Sweeps;

namespace Anarchy.Tests.Sweeps;

/// <summary>A sweep written by <see cref="WaltzSweepWriter"/> reads back as the same sweep.</summary>
public sealed class WaltzSweepWriterTests
{
    private static WaltzSweep RoundTrip(WaltzSweep sweep) =>
        WaltzSweepReader.Parse(WaltzSweepWriter.ToJson(sweep), Path.GetTempPath(), "written");

    private static void AssertSame(WaltzSweep expected, WaltzSweep actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(ScenarioWriter.ToJson(expected.Scenario), ScenarioWriter.ToJson(actual.Scenario));
        Assert.Equal(expected.Factors.Count, actual.Factors.Count);
        for (int f = 0; f < expected.Factors.Count; f++)
        {
            var (e, a) = (expected.Factors[f], actual.Factors[f]);
            Assert.Equal((e.Name, e.Min, e.Max, e.IsInteger), (a.Name, a.Min, a.Max, a.IsInteger));
            Assert.Equal(e.Levels is null, a.Levels is null);
            if (e.Levels is not null) Assert.Equal(e.Levels, a.Levels!);
        }
        Assert.Equal(expected.Design.Type, actual.Design.Type);
        if (expected.Design.Type == "grid") Assert.Equal(expected.Design.Levels, actual.Design.Levels);
        else Assert.Equal(expected.Design.Samples, actual.Design.Samples);
        Assert.Equal(expected.Replicates, actual.Replicates);
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.CommonRandomNumbers, actual.CommonRandomNumbers);
        Assert.Equal(expected.Outputs, actual.Outputs);
        Assert.Equal(expected.Points(), actual.Points());
        Assert.Equal(WaltzSweepWriter.ToJson(expected), WaltzSweepWriter.ToJson(actual));
    }

    [Fact]
    public void The_entanglement_sweep_round_trips()
    {
        var sweep = ExperimentFiles.Sweep("entanglement/sweep.json");
        Assert.Equal("entanglement", sweep.Name);
        Assert.Equal(4 * 3 * 3 * 5, sweep.Points().Length);
        Assert.Equal(1948UL, sweep.Seed);
        Assert.Equal(ExperimentFiles.Scenario("entanglement/scenario-unipolar.json"), sweep.Scenario, new ScenarioJsonComparer());
        AssertSame(sweep, RoundTrip(sweep));
    }

    [Fact]
    public void The_quick_entanglement_sweeps_round_trip()
    {
        foreach (string polarity in EntanglementStudy.Polarities)
        {
            var sweep = EntanglementStudy.Sweep(polarity, quick: true);
            Assert.Equal(16, sweep.Points().Length);
            AssertSame(sweep, RoundTrip(sweep));
        }
    }

    [Fact]
    public void A_range_factor_with_a_latin_hypercube_round_trips()
    {
        var sweep = new WaltzSweep
        {
            Name = "lhs-range",
            Description = "Ranges \"quoted\" and a\nnew line",
            Scenario = new Scenario { States = 7, Ticks = 12, BurnIn = 3, Seed = 99, Runs = 2, Parameters = new ModelParameters { Honour = 0.7 } },
            Factors =
            [
                new Factor("looseness", 0.1, 0.9),
                new Factor("chainDepth", 1, 4, IsInteger: true),
                Factor.WithLevels("honour", 0, 0.3333333333333333, 2),
            ],
            Design = new DesignSpec("lhs", Samples: 17),
            Replicates = 3,
            Seed = ulong.MaxValue,
            CommonRandomNumbers = true,
            Outputs = ["wars", "pacts_with_strongest", "leader_insecure_share"],
        };
        var back = RoundTrip(sweep);
        AssertSame(sweep, back);
        Assert.Equal(17, back.Points().Length);
        Assert.Null(back.Factors[0].Levels);
        Assert.Equal(ulong.MaxValue, back.Seed);
    }

    [Theory]
    [InlineData("grid", 0, 3)]
    [InlineData("sobol", 8, 5)]
    [InlineData("saltelli", 4, 5)]
    public void Every_design_type_round_trips(string type, int samples, int levels)
    {
        var sweep = new WaltzSweep
        {
            Name = "designs",
            Scenario = new Scenario { States = 4, Ticks = 5 },
            Factors = [new Factor("looseness", 0, 1), new Factor("warCost", 0, 0.5)],
            Design = new DesignSpec(type, samples, levels),
            Replicates = 1,
            Seed = 0,
            Outputs = ["wars"],
        };
        AssertSame(sweep, RoundTrip(sweep));
    }

    [Fact]
    public void Every_built_in_sweep_round_trips()
    {
        foreach (string path in ExperimentFiles.All.Where(p => p.EndsWith(".json", StringComparison.Ordinal) && p.Contains("sweep", StringComparison.Ordinal)))
        {
            var sweep = ExperimentFiles.Sweep(path);
            AssertSame(sweep, RoundTrip(sweep));
        }
    }

    private sealed class ScenarioJsonComparer : IEqualityComparer<Scenario>
    {
        public bool Equals(Scenario? x, Scenario? y) => ScenarioWriter.ToJson(x!) == ScenarioWriter.ToJson(y!);
        public int GetHashCode(Scenario obj) => ScenarioWriter.ToJson(obj).GetHashCode(StringComparison.Ordinal);
    }
}
