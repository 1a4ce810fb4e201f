using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.MonteCarlo;
using Anarchy.Input;

namespace Anarchy.Tests.Simulation;

public sealed class DefaultScenarioTests
{
    /// <summary>
    /// The default world is alive: over its first 20 runs every mechanism fires. Each count is a sum over 20 runs of
    /// 200 ticks; the per-run means are in the tens to hundreds for most of them and a few for deaths, so a zero
    /// total would mean the mechanism is switched off, not bad luck.
    /// </summary>
    [Fact]
    public void EveryMechanismOfTheDefaultScenarioFiresOverItsRuns()
    {
        var scenario = BuiltInScenarios.Default;
        var plan = RunPlan.Replicates(scenario.Seed, 20);
        var total = new EventCounts();
        for (int r = 0; r < plan.Count; r++)
            total.Add(WaltzSimulation.Run(scenario, plan[r].Seed, default).Summary.Counts);

        Assert.True(total.Disputes > 0, "disputes");
        Assert.True(total.Restrained > 0, "restrained");
        Assert.True(total.Deterred > 0, "deterred");
        Assert.True(total.Settled > 0, "settled");
        Assert.True(total.Wars > 0, "wars");
        Assert.True(total.PactsFormed > 0, "pacts formed");
        Assert.True(total.PactsLapsed > 0, "pacts lapsed");
        Assert.True(total.Abandonments > 0, "abandonments");
        Assert.True(total.Entangled > 0, "entanglements");
        Assert.True(total.Aligned > 0, "aligned stands");
        Assert.True(total.Deaths > 0, "deaths");
        Assert.True(total.WarsEnded > 0, "wars ended");
        // Most disputes do not become wars (design baseline, "What the defaults do").
        Assert.True(total.Wars < total.Disputes / 2, $"wars {total.Wars} of {total.Disputes} disputes");
    }

    [Fact]
    public void TheEmbeddedDefaultScenarioIsTheFileInExperiments()
    {
        var file = ScenarioReader.ReadFile(Path.Combine(RepositoryRoot.Path, "experiments", "default", "scenario.json"));
        Assert.Equal(ScenarioWriter.ToJson(file), ScenarioWriter.ToJson(BuiltInScenarios.Default));
    }

    [Fact]
    public void AScenarioWrittenToJsonReadsBackUnchanged()
    {
        var scenario = new Scenario
        {
            Name = "round-trip",
            States = 5,
            Ticks = 7,
            BurnIn = 3,
            StartYear = 1871,
            Seed = ulong.MaxValue,
            Poles = 2,
            PoleShare = 0.6,
            Leader = 1,
            Doctrine = Doctrine.Adaptive,
            Parameters = new ModelParameters { Honour = 0.7, ChainDepth = 3, InterestDimensions = 3 },
            StateOverrides = [new StateOverride { State = 2, Label = "B", Doctrine = Doctrine.Internal, Wealth = 2, Capability = 0.3, Location = [0.1, 0.2], Interests = [0.3, 0.4, 0.5], Revisionism = 0.9 }],
            Pacts = [new InitialPact(0, 1, 4)],
            Shocks = [new Shock(5, 0, 0.5, 0.9)],
        };
        string json = ScenarioWriter.ToJson(scenario);
        Assert.Equal(json, ScenarioWriter.ToJson(ScenarioReader.Parse(json)));
    }

    [Fact]
    public void TheStartYearIsOptionalWrittenOnlyWhenSetAndChecked()
    {
        Assert.Null(ScenarioReader.Parse("{}").StartYear);
        Assert.Null(ScenarioReader.Parse("{ \"startYear\": null }").StartYear);
        Assert.DoesNotContain("startYear", ScenarioWriter.ToJson(new Scenario()), StringComparison.Ordinal);

        var dated = ScenarioReader.Parse("{ \"startYear\": 1950 }");
        Assert.Equal(1950, dated.StartYear);
        Assert.Contains("\"startYear\": 1950,", ScenarioWriter.ToJson(dated), StringComparison.Ordinal);
        Assert.Equal(1950, ScenarioReader.Parse(ScenarioWriter.ToJson(dated)).StartYear);

        string Problem(string json) => Assert.Throws<InputFileException>(() => ScenarioReader.Parse(json)).Message;
        Assert.Contains("startYear: value 0 is outside the allowed range [1, 9999]", Problem("{ \"startYear\": 0 }"), StringComparison.Ordinal);
        Assert.Contains("startYear: value 10000 is outside the allowed range [1, 9999]", Problem("{ \"startYear\": 10000 }"), StringComparison.Ordinal);
        Assert.Contains("startYear: value 1950.5 is not a whole number", Problem("{ \"startYear\": 1950.5 }"), StringComparison.Ordinal);
        Assert.Contains("startYear: expected a number", Problem("{ \"startYear\": \"1950\" }"), StringComparison.Ordinal);
        Assert.Equal(["startYear: value -5 is outside the allowed range [1, 9999]"], ScenarioReader.Validate(new Scenario { StartYear = -5 }));
    }

    [Fact]
    public void ARunIsAPureFunctionOfScenarioAndSeed()
    {
        var scenario = new Scenario { States = 12, Ticks = 50 };
        var model = new WaltzModel(scenario);
        var key = new RunKey(3, 0, 3, RunPlan.SeedOf(scenario.Seed, 0, 3));
        var first = model.Execute(key, new RunDetail(true, true));
        var second = model.Execute(key, new RunDetail(true, true));

        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Events.Count, second.Events.Count);
        for (int i = 0; i < first.Events.Count; i++) Assert.Equal(first.Events[i], second.Events[i]);
    }

    [Fact]
    public void BurnInTicksAreSimulatedButNotRecorded()
    {
        var scenario = new Scenario { States = 12, Ticks = 30, BurnIn = 20 };
        var result = WaltzSimulation.Run(scenario, 99, new RunDetail(true, true));

        Assert.Equal(30, result.Series.Count);
        Assert.Equal(20, result.Series[0].Tick);
        Assert.All(result.Events, e => Assert.True(e.Tick >= 20));
        Assert.Equal(result.Series.Sum(s => s.Counts.Disputes), result.Summary.Counts.Disputes);
    }
}
