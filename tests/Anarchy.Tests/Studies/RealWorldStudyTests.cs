using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick real-world study once for the tests of this class.</summary>
public sealed class RealWorldQuickStudy : QuickStudyRun
{
    public RealWorldQuickStudy()
        : base(new RealWorldStudy(new StudySettings { DataFolder = DataFolder }))
    {
        Record = ObservedRecord.Load(DataFolder);
        Comparisons = RealWorldStudy.Years.ToDictionary(y => y, y =>
            RealWorldStudy.Compare(y, RealWorldStudy.ScenarioOf(y, Record, quick: true), Record, ArmFolder(y)));
        Tests = RealWorldStudy.Tests(RealWorldStudy.Years.Select(y => Comparisons[y]).ToList(), RealWorldStudy.Years.Select(ArmFolder).ToList(), Record);
    }

    public static string DataFolder => Path.Combine(RepositoryRoot.Path, "data");

    public ObservedRecord Record { get; }

    public IReadOnlyDictionary<int, RealWorldStudy.YearComparison> Comparisons { get; }

    /// <summary>The study's verdicts, Holm-adjusted together.</summary>
    public RealWorldStudy.VerdictTests Tests { get; }

    private string ArmFolder(int year) => Path.Combine(Folder, "arms", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class RealWorldStudyTests(RealWorldQuickStudy study) : IClassFixture<RealWorldQuickStudy>
{
    [Fact]
    public void TheReportComparesEveryStartingYear()
    {
        string report = File.ReadAllText(study.Result.ReportPath);
        foreach (int year in RealWorldStudy.Years) Assert.Contains($"### {year}: ", report, StringComparison.Ordinal);
        Assert.Contains("## Where the model comes close and where it falls short", report, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(study.Folder, "simulated-over-observed.png")).Length > 10_000);
    }

    [Fact]
    public void EachStartRunsItsYearsUpToTheEndOfTheDisputeData()
    {
        Assert.Equal(20, study.Comparisons[1950].Years);
        Assert.Equal(5, study.Comparisons[2010].Years); // 2010-2014: MID 5.0 ends in 2014
        Assert.Equal(75, study.Comparisons[1950].States);
        Assert.All(study.Comparisons.Values, c => Assert.Equal(8, c.Runs));
    }

    [Fact]
    public void TheObservedColumnIsTheRecord()
    {
        var c = study.Comparisons[1950];
        var disputes = study.Record.Disputes(1950, 1969);
        Assert.Equal(disputes.DisputesPerYear, c["disputes per year"].Observed);
        Assert.Equal(disputes.LeaderDisputesPerYear, c["the leader's disputes per year"].Observed);
        Assert.Equal(study.Record.Alliances(1969).Years[0].Pacts, c["defence pacts in the last year"].Observed);
    }

    [Fact]
    public void TheLeadersDisputesAndCallsHonouredAreTheCalibrationsMoments()
    {
        // docs/CALIBRATION.md: leader_disputes_per_year counts the disputes the leader took part in
        // (leader_participated: initiator, target, an ally that stood, a joiner), not every role it played
        // (leader_disputes also counts objections to an ally's dispute and calls it refused); calls_honoured counts
        // calls in disputes that became wars (war_honoured over war_calls), as Leeds, Long and Mitchell count
        // commitments in wars. The two definitions differ in the data: from 1950 the leader objects to many of its
        // allies' disputes, and refusals outside wars are calls too.
        var runs = study.Arm("1950");
        var all = Enumerable.Range(0, runs.Rows).ToArray();
        var leader = study.Comparisons[1950]["the leader's disputes per year"];
        Assert.Equal(Anarchy.Statistics.MeanInterval.Of(runs.Values("leader_participated", all).Select(v => v / 20)), leader.Simulated);
        Assert.True(runs.Values("leader_disputes", all).Sum() > runs.Values("leader_participated", all).Sum());
        var honoured = Anarchy.Statistics.MeanInterval.Ratio(runs.Values("war_honoured", all), runs.Values("war_calls", all));
        Assert.Equal(honoured, Assert.Single(study.Tests.Reliability, r => r.Year == 1950).Simulated);
        Assert.True(runs.Values("calls", all).Sum() > runs.Values("war_calls", all).Sum());
        Assert.Equal(Anarchy.Models.Waltz.Calibration.Moments.LeedsHonoured, RealWorldStudy.ObservedReliability);
        // War size is war_participants: the states on the sides of the wars over the wars, pooled over runs.
        var size = Anarchy.Statistics.MeanInterval.Ratio(runs.Values("war_states", all), runs.Values("wars", all));
        Assert.Equal(size, Assert.Single(study.Tests.WarSize, w => w.Year == 1950).Simulated);
    }

    [Fact]
    public void EachStartHasTheParametersTheCalibrationGivesItsPeriod()
    {
        // The calibrations set the territorial-integrity norm per period: 0.9 for 1950-2012, none before 1914
        // (experiments/calibration/post1945.json and pre1914.json). The study does the same for its starts.
        string folder = Path.Combine(RepositoryRoot.Path, "experiments", "calibration");
        foreach (string file in new[] { "post1945.json", "pre1914.json" })
        {
            var spec = Anarchy.Models.Waltz.Calibration.CalibrationReader.ReadFile(Path.Combine(folder, file), 1816, 2014);
            foreach (var period in spec.Fit.Concat(spec.Predict))
            {
                double norm = period.Parameters.Where(p => p.Info.Name == "conquestNorm").Select(p => p.Value).DefaultIfEmpty(0).Single();
                Assert.Equal(norm, RealWorldStudy.ParametersOf(period.StartYear).ConquestNorm);
            }
        }
        Assert.Equal(0, RealWorldStudy.ParametersOf(1913).ConquestNorm);
        Assert.Equal(0.9, RealWorldStudy.ScenarioOf(1950, study.Record, quick: true).Parameters.ConquestNorm);
        Assert.Equal(0.9, RealWorldStudy.ScenarioOf(2010, study.Record, quick: true).Parameters.ConquestNorm);
        // War diffusion is the post-1945 estimate rounded to two significant figures, as the calibrated defaults are
        // (docs/MODEL.md, section 8); the abstract world's default stays 0.
        var estimate = File.ReadAllLines(Path.Combine(folder, "results", "post1945", "estimates.csv")).Single(l => l.StartsWith("diffusion,", StringComparison.Ordinal)).Split(',')[1];
        Assert.Equal(RealWorldStudy.Diffusion, Math.Round(double.Parse(estimate, System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.All(RealWorldStudy.Years, y => Assert.Equal(RealWorldStudy.Diffusion, RealWorldStudy.ScenarioOf(y, study.Record, quick: true).Parameters.Diffusion));
        Assert.Equal(0, new Anarchy.Models.Waltz.ModelParameters().Diffusion);
    }

    // What the model reproduces after 1945, with 8 runs per start: the number of defence pacts over the following
    // years stays within a factor of two of ATOP's (1950: 0.87, 1990: 0.94, 2010: 1.04 in the quick report; the
    // intervals are about +-3% of the mean). Pact formation and lapse are not calibrated to counts; the starts from
    // 1950 on begin with the observed pacts and keep most of them.
    [Theory]
    [InlineData(1950)]
    [InlineData(1990)]
    [InlineData(2010)]
    public void AfterTheSecondWorldWarThePactCountStaysWithinAFactorOfTwo(int year) =>
        Assert.True(study.Comparisons[year]["defence pacts, mean over the years"].WithinFactorTwo,
            $"{year}: ratio {study.Comparisons[year]["defence pacts, mean over the years"].Ratio:F2}");

    // Where it falls short. From 1913 the model starts far too few wars: escalation (0.055) is the post-1945
    // estimate, and the record of 1913-1932 has 0.8 wars a year (the First World War among them) against 0.11
    // [0.03, 0.18] simulated in the quick report, so the upper bound lies below the record (version 1's defaults,
    // escalation 0.3 among them, gave 0.84 a year from 1913). The leader still has too few disputes after 1945,
    // although projection and challenges raised them several-fold: the upper bound of the simulated rate lies below
    // the record of US MIDs (1950: 3.5 observed, 1.62 [0.95, 2.29] simulated; 1990: 3.4 against 1.94 [0.89, 2.99]).
    [Fact]
    public void FromNineteenThirteenItStartsTooFewWarsAndAfter1945TheLeaderHasTooFewDisputes()
    {
        var wars = study.Comparisons[1913]["wars per year"];
        Assert.True(wars.Simulated.Upper < wars.Observed, $"1913 wars: observed {wars.Observed}, simulated {wars.Simulated}");
        foreach (int year in new[] { 1950, 1990 })
        {
            var leader = study.Comparisons[year]["the leader's disputes per year"];
            Assert.True(leader.Simulated.Upper < leader.Observed, $"{year} leader: observed {leader.Observed}, simulated {leader.Simulated}");
            // But closer than before the calibration (0.24 and 0.38 of the record): more than a third of it.
            Assert.True(leader.Ratio > 1.0 / 3, $"{year} leader: ratio {leader.Ratio:F2}");
        }
    }

    // War size and reliability, now with the calibration's definitions. MID's wars (hostility level 5, 1816-2014)
    // have 4.25 states on average and 49% of them only two. The model's mean war size is not told apart from it for
    // any start after Holm's correction (quick report: 2.7 to 6.5 states, wide intervals over 8 runs). Its wars are
    // no longer rarely dyadic: from 1950 on more than a third are (quick report: 55%, 63%, 86%; 12% to 20% before the
    // calibration), because casusFoederis 0.02 leaves out the allies the initiator barely threatens (measured: 8% to
    // 24% at casusFoederis 0). And its allies honour calls in wars about as often as the 74.5% Leeds, Long and
    // Mitchell found (honour 0.16 was fitted to it): no start differs after the correction, and the 95% intervals of
    // 1950 and 1990 (80% [73, 88] and 74% [65, 83]) contain 74.5%.
    [Fact]
    public void ItsWarsAreAsLargeAndItsAlliesAsReliableAsHistorysAndAfter1945OftenDyadic()
    {
        var observed = RealWorldStudy.ObservedStatesPerWar(study.Record);
        Assert.Equal(106, observed.Length);
        double observedTwo = (double)observed.Count(n => n <= 2) / observed.Length;
        Assert.InRange(observedTwo, 0.45, 0.55);
        Assert.Equal(5, study.Tests.WarSize.Count);
        Assert.All(study.Tests.WarSize, w => Assert.Equal(0, w.Direction));
        foreach (int year in new[] { 1950, 1990, 2010 })
        {
            string folder = Path.Combine(study.Folder, "arms", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var wars = RealWorldStudy.StatesPerWar(folder).SelectMany(w => w).ToArray();
            Assert.All(wars, n => Assert.True(n >= 2));
            Assert.True((double)wars.Count(n => n <= 2) / wars.Length > 1.0 / 3, $"{year}: {wars.Count(n => n <= 2)} of {wars.Length} wars dyadic");
        }
        Assert.All(study.Tests.Reliability, r => Assert.Equal(0, r.Direction));
        foreach (int year in new[] { 1950, 1990 })
        {
            var honoured = Assert.Single(study.Tests.Reliability, r => r.Year == year).Simulated;
            Assert.InRange(RealWorldStudy.ObservedReliability, honoured.Lower, honoured.Upper);
        }
        Assert.Contains("the model's allies are neither significantly more nor less reliable than history's for any start (Holm)", study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observed_zero_is_missed_only_when_the_adjusted_test_says_so()
    {
        var interval = new Anarchy.Statistics.MeanInterval(2.8, 2.5, 3.1, 40);
        var missed = new RealWorldStudy.Statistic("wars per year", "wars", 0, interval) { AdjustedP = 0.001 };
        // The same interval excludes 0, but within a family the adjusted p-value can be above 0.05: no verdict.
        var corrected = new RealWorldStudy.Statistic("wars per year", "wars", 0, interval) { AdjustedP = 0.2 };
        var matched = new RealWorldStudy.Statistic("wars per year", "wars", 0, new Anarchy.Statistics.MeanInterval(0.1, -0.05, 0.25, 40)) { AdjustedP = 1 };
        var close = new RealWorldStudy.Statistic("disputes per year", "disputes", 20, new Anarchy.Statistics.MeanInterval(30, 28, 32, 40));
        Assert.True(missed.MissesAnObservedZero);
        Assert.False(missed.WithinFactorTwo);
        Assert.False(corrected.MissesAnObservedZero);
        Assert.False(matched.MissesAnObservedZero);
        Assert.True(close.WithinFactorTwo);
        Assert.False(close.MissesAnObservedZero);
        // In the quick study 2010's wars are such a case: 0 observed in 2010-2014, 0.53 [0.18, 0.87] a year
        // simulated, an interval that excludes 0, but Holm p 0.079 in the family, so it is not a verdict (the full
        // study's 40 runs make it one).
        var wars2010 = study.Tests.Comparisons.Single(c => c.Year == 2010)["wars per year"];
        Assert.True(wars2010.Simulated.Lower > 0, $"2010 wars: {wars2010.Simulated}");
        Assert.False(wars2010.MissesAnObservedZero);
        Assert.InRange(wars2010.AdjustedP, 0.05, 0.2);
    }

    [Fact]
    public void The_verdicts_are_one_holm_family()
    {
        // 3 statistics with an observed 0 in the quick study (the leader's partners in 1816 and 1913, wars in 2010),
        // and per start the share of calls in wars honoured and the mean war size, less one test without spread: the
        // runs from 1816 made 7 calls in wars, in 2 of the 8 runs, and honoured all of them, so the delta-method
        // standard error is 0 and the share gets no test (no verdict, not counted): 3 + 4 + 5 = 12 tests.
        Assert.Equal(12, study.Tests.FamilySize);
        var zeros = study.Tests.Comparisons.SelectMany(c => c.Statistics.Where(s => s.Observed == 0).Select(s => (c.Year, s))).ToList();
        Assert.Equal(3, zeros.Count);
        Assert.All(study.Tests.Comparisons.SelectMany(c => c.Statistics.Where(s => s.Observed != 0)), s => Assert.True(double.IsNaN(s.AdjustedP)));
        var reliability1816 = Assert.Single(study.Tests.Reliability, r => r.Year == 1816);
        Assert.Equal((1.0, 1.0), (reliability1816.Simulated.Lower, reliability1816.Simulated.Upper));
        Assert.True(double.IsNaN(reliability1816.Test.AdjustedP));
        Assert.Equal(0, reliability1816.Direction);
        // The leader's partners from 1816 (0 observed, 3.2 [2.1, 4.4] simulated) are missed after the correction;
        // 1913's partners are 0 in every run (p = 1), and 2010's wars are not a verdict (see above).
        var missed = zeros.Where(z => z.s.MissesAnObservedZero).Select(z => (z.Year, z.s.Name)).ToList();
        Assert.Equal([(1816, "the leader's pact partners in the last year")], missed);
        Assert.Contains("the p-values of all 12 such tests", study.Report, StringComparison.Ordinal);
        Assert.Contains("|  | wars | states per war | Holm p | 2 states | 3-4 | 5-9 | 10 or more | calls honoured | Holm p |", study.Report, StringComparison.Ordinal);
    }
}
