using System.Globalization;
using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.MonteCarlo;
using Anarchy.Output;
using Anarchy.Tests.Cli;
using Anarchy.Tests.RealWorld;
using CsCheck;

namespace Anarchy.Tests.Simulation;

/// <summary>
/// The state-year and dyad-year panel (docs/OUTPUTS.md, "panel_states" and "panel_dyads") agrees with the series
/// and the event log of the same run, on random small worlds with pacts, disputes, wars and deaths.
/// </summary>
public sealed class PanelTests
{
    private static readonly RunDetail Everything = new(Series: true, Events: true, Panel: true);

    private static readonly Gen<Scenario> Scenarios =
        from states in Gen.Int[1, 12]
        from ticks in Gen.Int[1, 40]
        from burnIn in Gen.Int[0, 6]
        from doctrine in Gen.Enum<Doctrine>()
        from honour in Gen.Double[0, 2]
        from chainDepth in Gen.Int[0, 4]
        from maxPacts in Gen.Int[0, 8]
        from escalation in Gen.Double[0, 1]
        from warCost in Gen.Double[0, 0.6]
        from lossRate in Gen.Double[0, 1]
        from deathShare in Gen.Double[0, 0.8]
        from reach in Gen.Double[0, 0.6]
        from warEnd in Gen.Double[0.05, 1]
        from seed in Gen.ULong
        select new Scenario
        {
            States = states,
            Ticks = ticks,
            BurnIn = burnIn,
            Seed = seed,
            Doctrine = doctrine,
            Pacts = states >= 3 ? [new InitialPact(0, 1, Age: 5), new InitialPact(1, 2)] : [],
            Parameters = new ModelParameters
            {
                Honour = honour,
                ChainDepth = chainDepth,
                MaxPacts = maxPacts,
                Escalation = escalation,
                WarCost = warCost,
                LossRate = lossRate,
                DeathShare = deathShare,
                Reach = reach,
                WarEndChance = warEnd,
            },
        };

    /// <summary>The same worlds without a burn-in, so that the event log holds the start of every war.</summary>
    private static readonly Gen<Scenario> ScenariosWithoutBurnIn = Scenarios.Select(s => s with { BurnIn = 0 });

    private static RunResult Run(Scenario scenario) => WaltzSimulation.Run(scenario, scenario.Seed, Everything);

    [Fact]
    public void StateRowsAreTheStatesAliveAtTheStartOfEachRecordedTick()
    {
        Scenarios.Sample(scenario =>
        {
            var result = Run(scenario);
            var states = result.Panel!.States;
            Assert.All(states, r => Assert.InRange(r.Tick, scenario.BurnIn, scenario.TotalTicks - 1));
            Assert.Equal(states.OrderBy(r => r.Tick).ThenBy(r => r.State), states);
            for (int k = 0; k < result.Series.Count; k++)
            {
                var series = result.Series[k];
                var rows = states.Where(r => r.Tick == series.Tick).ToList();
                if (k > 0) Assert.Equal(result.Series[k - 1].Alive, rows.Count);
                else if (scenario.BurnIn == 0) Assert.Equal(scenario.States, rows.Count);
                Assert.Equal(series.Alive, rows.Count(r => r.Alive));
                Assert.Equal(series.TotalWealth, rows.Where(r => r.Alive).Sum(r => r.Wealth), 1e-9);
                Assert.All(rows.Where(r => !r.Alive), r => Assert.True(r.Wealth == 0 && r.Capability == 0 && r.Pacts == 0));
            }
        }, iter: 200);
    }

    [Fact]
    public void PactsMatchTheSeriesStateByStateAndDyadByDyad()
    {
        Scenarios.Sample(scenario =>
        {
            var result = Run(scenario);
            var panel = result.Panel!;
            foreach (var series in result.Series)
            {
                var states = panel.States.Where(r => r.Tick == series.Tick).ToList();
                var pacts = panel.Dyads.Where(d => d.Tick == series.Tick && d.Pact).ToList();
                Assert.Equal(2 * series.Pacts, states.Sum(r => r.Pacts));
                Assert.Equal(series.Pacts, pacts.Count);
                Assert.All(states, r => Assert.Equal(r.Pacts, pacts.Count(d => d.StateA == r.State || d.StateB == r.State)));
            }
        }, iter: 200);
    }

    [Fact]
    public void DisputeDyadsAreTheDistinctPairsOfTheTicksDisputes()
    {
        Scenarios.Sample(scenario =>
        {
            var result = Run(scenario);
            foreach (var series in result.Series)
            {
                var expected = result.Events.Where(e => e.Kind == EventKinds.Dispute && e.Tick == series.Tick)
                    .Select(e => Dyad(e.State, e.Other)).ToHashSet();
                var actual = result.Panel!.Dyads.Where(d => d.Tick == series.Tick && d.Dispute).Select(d => (d.StateA, d.StateB)).ToList();
                Assert.Equal(expected.Count, actual.Count);
                Assert.True(expected.SetEquals(actual));
                Assert.True(actual.Count <= series.Counts.Disputes);
            }
        }, iter: 200);
    }

    [Fact]
    public void AtWarAndWarDyadsFollowTheWarsOfTheEventLog()
    {
        ScenariosWithoutBurnIn.Sample(scenario =>
        {
            var result = Run(scenario);
            var wars = Wars(result.Events, scenario.TotalTicks);
            var died = result.Events.Where(e => e.Kind == EventKinds.Death).ToDictionary(e => e.State, e => e.Tick);
            bool AliveAtStart(int state, int tick) => !died.TryGetValue(state, out int at) || at >= tick;

            foreach (var series in result.Series)
            {
                int t = series.Tick;
                var fought = wars.Where(w => w.Start <= t && t <= w.End).ToList();
                var atWar = fought.SelectMany(w => w.A.Concat(w.B)).Where(s => AliveAtStart(s, t)).ToHashSet();
                var enemies = fought.SelectMany(w => w.A.SelectMany(a => w.B.Select(b => (a, b))))
                    .Where(p => AliveAtStart(p.a, t) && AliveAtStart(p.b, t)).Select(p => Dyad(p.a, p.b)).ToHashSet();

                var states = result.Panel!.States.Where(r => r.Tick == t).ToList();
                Assert.True(atWar.SetEquals(states.Where(r => r.AtWar).Select(r => r.State)));
                Assert.True(enemies.SetEquals(result.Panel.Dyads.Where(d => d.Tick == t && d.War).Select(d => (d.StateA, d.StateB))));
                // Each war fought in the tick has two living principals, and no state fights two wars at once.
                long warsFought = series.WarsOngoing + series.Counts.WarsEnded;
                Assert.Equal(fought.Count, warsFought);
                Assert.True(states.Count(r => r.AtWar) >= 2 * warsFought);
                Assert.Equal(warsFought == 0, !states.Any(r => r.AtWar));
            }
        }, iter: 200);
    }

    [Fact]
    public void PactAgesAgreeWithThePactEvents()
    {
        ScenariosWithoutBurnIn.Sample(scenario =>
        {
            var result = Run(scenario);
            var pacts = result.Panel!.Dyads.Where(d => d.Pact).ToDictionary(d => (d.Tick, d.StateA, d.StateB), d => d.PactAge);
            var formed = result.Events.Where(e => e.Kind == EventKinds.PactFormed).Select(e => (e.Tick, Dyad(e.State, e.Other))).ToHashSet();

            foreach (var ((tick, a, b), age) in pacts)
            {
                bool justFormed = formed.Contains((tick, (a, b)));
                if (tick > 0) Assert.Equal(justFormed, age == 1);
                if (pacts.TryGetValue((tick - 1, a, b), out int before)) Assert.True(age == before + 1 || (justFormed && age == 1));
                else if (tick > 0 || justFormed) Assert.Equal(1, age);
                else Assert.Equal(scenario.Pacts.Single(p => Dyad(p.A, p.B) == (a, b)).Age + 1, age); // an initial pact
            }
            foreach (var end in result.Events.Where(e => e.Kind is EventKinds.PactLapsed or EventKinds.PactBroken && e.Duration > 0 && e.Tick > 0))
                Assert.Equal(end.Duration, pacts[(end.Tick - 1, Math.Min(end.State, end.Other), Math.Max(end.State, end.Other))]);
        }, iter: 200);
    }

    [Fact]
    public void DyadRowsAreOrderedPairsOfPanelStatesWithSomethingInThem()
    {
        Scenarios.Sample(scenario =>
        {
            var panel = Run(scenario).Panel!;
            var present = panel.States.Select(r => (r.Tick, r.State)).ToHashSet();
            Assert.Equal(panel.Dyads.OrderBy(d => d.Tick).ThenBy(d => d.StateA).ThenBy(d => d.StateB), panel.Dyads);
            Assert.Equal(panel.Dyads.Count, panel.Dyads.Select(d => (d.Tick, d.StateA, d.StateB)).Distinct().Count());
            foreach (var d in panel.Dyads)
            {
                Assert.True(d.StateA < d.StateB);
                Assert.Contains((d.Tick, d.StateA), present);
                Assert.Contains((d.Tick, d.StateB), present);
                Assert.True(d.Pact || d.Dispute || d.War);
                Assert.Equal(d.Pact, d.PactAge >= 1);
                Assert.False(d.Pact && d.War, "allies never fight each other");
            }
        }, iter: 200);
    }

    [Fact]
    public void KeepingThePanelChangesNoOtherResult()
    {
        Scenarios.Sample(scenario =>
        {
            var with = Run(scenario);
            var without = WaltzSimulation.Run(scenario, scenario.Seed, new RunDetail(Series: true, Events: true));
            Assert.Null(without.Panel);
            Assert.Equal(WaltzTables.RunRow(without.Summary), WaltzTables.RunRow(with.Summary));
            Assert.Equal(without.Series.Select(s => WaltzTables.SeriesRow(0, s)), with.Series.Select(s => WaltzTables.SeriesRow(0, s)));
            Assert.Equal(without.Events, with.Events);
        }, iter: 100);
    }

    [Fact]
    public void PanelRowsNameTheStatesByTheirLabelAndCcode()
    {
        var scenario = new Scenario
        {
            States = 4,
            Ticks = 3,
            Pacts = [new InitialPact(0, 3)],
            StateOverrides =
            [
                new StateOverride { State = 0, Label = "USA", Ccode = 2 },
                new StateOverride { State = 2, Label = "only a label" },
                new StateOverride { State = 3, Ccode = 740 },
            ],
        };
        var rows = new WaltzModel(scenario).Execute(new RunKey(7, 0, 7, 99), new RunDetail(false, false, Panel: true));
        var states = WaltzTables.PanelStates;
        var dyads = WaltzTables.PanelDyads;

        var first = rows.Panels[0].Take(4).ToList();
        Assert.Equal(["USA", "", "only a label", ""], first.Select(r => r[states.IndexOf("label")].AsText));
        Assert.Equal([2L, -1, -1, 740], first.Select(r => r[states.IndexOf("ccode")].AsInt64));
        Assert.All(rows.Panels[0], r => Assert.Equal(7, r[states.IndexOf("run")].AsInt64));
        Assert.All(rows.Panels[1], r => Assert.Equal(7, r[dyads.IndexOf("run")].AsInt64));

        var dyad = WaltzTables.PanelDyadRow(7, new StateNames(scenario), new PanelDyadRow(1, 0, 3, true, 2, false, false));
        Assert.Equal(("USA", "", 2L, 740L), (dyad[dyads.IndexOf("label_a")].AsText, dyad[dyads.IndexOf("label_b")].AsText,
            dyad[dyads.IndexOf("ccode_a")].AsInt64, dyad[dyads.IndexOf("ccode_b")].AsInt64));
    }

    [Fact]
    public void ARealWorldPanelIsKeyedLikeCowByCcodeAndYear()
    {
        var scenario = RealWorldScenario.Create(1950, ReferenceData.Data) with { Ticks = 4, Runs = 1 };
        var rows = new WaltzModel(scenario).Execute(new RunKey(0, 0, 0, 5), new RunDetail(false, false, Panel: true));
        var states = WaltzTables.PanelStates;
        var dyads = WaltzTables.PanelDyads;
        static long Int(Cell[] row, TableSchema table, string column) => row[table.IndexOf(column)].AsInt64;

        Assert.All(rows.Panels[0], r => Assert.Equal(1950 + Int(r, states, "tick"), Int(r, states, "year")));
        Assert.All(rows.Panels[1], r => Assert.Equal(1950 + Int(r, dyads, "tick"), Int(r, dyads, "year")));
        Assert.All(rows.Panels[1], r => Assert.True(Int(r, dyads, "ccode_a") < Int(r, dyads, "ccode_b")));
        var first = rows.Panels[0].Where(r => Int(r, states, "year") == 1950).ToList();
        Assert.Equal(ReferenceData.MembersInYear(1950).Keys.Select(c => (long)c), first.Select(r => Int(r, states, "ccode")));
        Assert.Equal(ReferenceData.MembersInYear(1950).Values, first.Select(r => r[states.IndexOf("label")].AsText));
        Assert.Equal(first.Count, first.Select(r => Int(r, states, "ccode")).Distinct().Count());
    }

    [Fact]
    public void TheYearIsTheStartYearPlusTheTickWithTheBurnInAndMinusOneWithoutAStartYear()
    {
        var scenario = new Scenario { States = 6, Ticks = 3, BurnIn = 2, Pacts = [new InitialPact(0, 1)] };
        var detail = new RunDetail(false, false, Panel: true);
        var key = new RunKey(0, 0, 0, 11);
        var states = WaltzTables.PanelStates;
        var dyads = WaltzTables.PanelDyads;

        var dated = new WaltzModel(scenario with { StartYear = 1816 }).Execute(key, detail);
        Assert.Equal([1818L, 1819, 1820], dated.Panels[0].Select(r => r[states.IndexOf("year")].AsInt64).Distinct());
        Assert.All(dated.Panels[1], r => Assert.Equal(1816 + r[dyads.IndexOf("tick")].AsInt64, r[dyads.IndexOf("year")].AsInt64));
        Assert.NotEmpty(dated.Panels[1]);

        var undated = new WaltzModel(scenario).Execute(key, detail);
        Assert.All(undated.Panels[0], r => Assert.Equal(-1, r[states.IndexOf("year")].AsInt64));
        Assert.All(undated.Panels[1], r => Assert.Equal(-1, r[dyads.IndexOf("year")].AsInt64));
        Assert.Equal(dated.Panels[0].Count, undated.Panels[0].Count);
    }

    [Fact]
    public void AStudyRefusesAPanelFromAModelWithoutPanelTablesAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var model = new WithoutPanels(new WaltzModel(new Scenario { States = 4, Ticks = 3 }, EngineKind.Reference));
        var request = PanelStudy(model, scratch["o"], runs: 2);

        var error = Assert.Throws<ArgumentException>(() => RunSet.Run(request));
        Assert.Contains("no panel tables", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void ACancelledStudysPanelTablesHoldExactlyItsFinishedRunsEachToItsLastTick()
    {
        using var scratch = new ScratchFolder();
        using var cancel = new CancellationTokenSource();
        var request = PanelStudy(new WaltzModel(new Scenario { States = 8, Ticks = 20 }), scratch["c"], runs: 100_000);

        var outcome = RunSet.Run(request, new CancelAfter(cancel, runs: 40), cancel.Token).Outcome;

        Assert.True(outcome.Cancelled);
        Assert.InRange(outcome.Completed, 40, 99_999);
        var rows = File.ReadAllLines(scratch["c/panel_states.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        var lastTickOfEachRun = rows.GroupBy(c => long.Parse(c[0], CultureInfo.InvariantCulture)).Select(g => (g.Key, g.Max(c => int.Parse(c[1], CultureInfo.InvariantCulture))));
        Assert.Equal(Enumerable.Range(0, (int)outcome.Completed).Select(r => ((long)r, 19)), lastTickOfEachRun);
        Assert.True(File.Exists(scratch["c/panel_dyads.parquet"]));
        Assert.Empty(Directory.GetFiles(scratch["c"], "*.tmp"));
    }

    private static RunSetRequest PanelStudy(IRunModel model, string folder, int runs) => new()
    {
        Model = model,
        Plan = RunPlan.Replicates(1, runs),
        OutputPath = folder,
        MasterSeed = 1,
        ScenarioJson = "{}",
        Detail = new RunDetail(false, false, Panel: true),
        Threads = 2,
    };

    /// <summary>Cancels the study once it has delivered a number of runs.</summary>
    private sealed class CancelAfter(CancellationTokenSource cancel, long runs) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Completed >= runs) cancel.Cancel();
        }
    }

    private static (int, int) Dyad(int i, int j) => (Math.Min(i, j), Math.Max(i, j));

    private sealed record WarSpan(int Start, int End, int[] A, int[] B);

    /// <summary>Each war's ticks and sides from its war_start and war_end events (sides are complete at the start).</summary>
    private static List<WarSpan> Wars(IReadOnlyList<ModelEvent> events, int totalTicks)
    {
        var ends = events.Where(e => e.Kind == EventKinds.WarEnd).ToDictionary(e => e.War, e => e.Tick);
        static int[] Side(string side) => side.Split(';').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return events.Where(e => e.Kind == EventKinds.WarStart)
            .Select(e => new WarSpan(e.Tick, ends.TryGetValue(e.War, out int end) ? end : totalTicks, Side(e.SideA), Side(e.SideB)))
            .ToList();
    }
}

/// <summary>A model with the tables of another but no panel tables (the interface's default).</summary>
internal sealed class WithoutPanels(IRunModel inner) : IRunModel
{
    public string Name => inner.Name;
    public string Version => inner.Version;
    public TableSchema RunSchema => inner.RunSchema;
    public TableSchema SeriesSchema => inner.SeriesSchema;
    public TableSchema EventSchema => inner.EventSchema;
    public IReadOnlyList<string> KeyOutputs => inner.KeyOutputs;
    public RunRows Execute(RunKey key, RunDetail detail) => inner.Execute(key, detail);
}
