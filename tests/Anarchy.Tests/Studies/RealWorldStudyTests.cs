using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick real-world study once for the tests of this class.</summary>
public sealed class RealWorldQuickStudy : QuickStudyRun
{
    public RealWorldQuickStudy()
        : base(new RealWorldStudy(new WaltzStudySettings { DataFolder = DataFolder }))
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

    // What the model reproduces after 1945, with 8 runs per start: the number of defence pacts over the following
    // years stays within a factor of two of ATOP's (1950: 0.82, 1990: 0.88, 2010: 1.02 in the quick report; the
    // intervals are about +-4% of the mean).
    [Theory]
    [InlineData(1950)]
    [InlineData(1990)]
    [InlineData(2010)]
    public void AfterTheSecondWorldWarThePactCountStaysWithinAFactorOfTwo(int year) =>
        Assert.True(study.Comparisons[year]["defence pacts, mean over the years"].WithinFactorTwo,
            $"{year}: ratio {study.Comparisons[year]["defence pacts, mean over the years"].Ratio:F2}");

    // Where it falls short: it starts too many wars and gives the leader too few disputes. The margins are the 95%
    // t intervals over 8 runs: the lower bound of simulated wars per year lies above the observed rate of MIDs at
    // hostility level 5, and the upper bound of the leader's simulated disputes per year below the observed rate of
    // US MIDs (1950: 3.5 a year observed, about 0.8 +- 0.6 simulated; 1990: 3.4 against about 1.0 +- 0.5).
    [Theory]
    [InlineData(1950)]
    [InlineData(1990)]
    public void ItStartsTooManyWarsAndGivesTheLeaderTooFewDisputes(int year)
    {
        var wars = study.Comparisons[year]["wars per year"];
        var leader = study.Comparisons[year]["the leader's disputes per year"];
        Assert.True(wars.Simulated.Lower > wars.Observed, $"{year} wars: observed {wars.Observed}, simulated {wars.Simulated}");
        Assert.True(leader.Simulated.Upper < leader.Observed, $"{year} leader: observed {leader.Observed}, simulated {leader.Simulated}");
    }

    // War size: MID's wars (hostility level 5, 1816-2014) have 4.25 states on average and 49% of them only two. The
    // model's mean is close (4.1 to 4.7 in the quick report) but its wars are rarely dyadic (11% to 22%): every ally
    // that stands joins. Its allies honour calls more often than the 74.5% Leeds, Long and Mitchell found; the margin is
    // the lower bound of the delta-method 95% interval over 8 runs (quick report: 80% to 87%).
    [Fact]
    public void TheModelsWarsAreRarelyDyadicAndItsAlliesMoreReliableThanHistorys()
    {
        var observed = RealWorldStudy.ObservedStatesPerWar(study.Record);
        Assert.Equal(106, observed.Length);
        double observedTwo = (double)observed.Count(n => n <= 2) / observed.Length;
        Assert.InRange(observedTwo, 0.45, 0.55);
        foreach (int year in RealWorldStudy.Years)
        {
            string folder = Path.Combine(study.Folder, "arms", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var wars = RealWorldStudy.StatesPerWar(folder).SelectMany(w => w).ToArray();
            Assert.All(wars, n => Assert.True(n >= 2));
            Assert.True((double)wars.Count(n => n <= 2) / wars.Length < observedTwo / 2, $"{year}: {wars.Count(n => n <= 2)} of {wars.Length} wars dyadic");
            var runs = study.Arm(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var all = Enumerable.Range(0, runs.Rows).ToArray();
            var honoured = Anarchy.Statistics.MeanInterval.Ratio(runs.Values("honoured", all), runs.Values("calls", all));
            Assert.True(honoured.Lower > RealWorldStudy.ObservedReliability, $"{year}: honoured {honoured}");
            // The verdict: significantly more reliable after Holm's correction over the study's 13 tests (the largest
            // adjusted p-value, 2010's, is about 0.001 in the quick report).
            var verdict = Assert.Single(study.Tests.Reliability, r => r.Year == year);
            Assert.Equal(honoured, verdict.Simulated);
            Assert.Equal(1, verdict.Direction);
        }
        Assert.Contains("the model's allies are significantly more reliable than history's for every start (Holm)", study.Report, StringComparison.Ordinal);
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
        Assert.Contains("| wars per year | 1 of 4 |", study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verdicts_are_one_holm_family()
    {
        // 3 statistics with an observed 0 in the quick study (the leader's partners in 1816 and 1913, wars in 2010),
        // and per start the share of calls honoured and the mean war size: 3 + 5 + 5 tests.
        Assert.Equal(13, study.Tests.FamilySize);
        var zeros = study.Tests.Comparisons.SelectMany(c => c.Statistics.Where(s => s.Observed == 0).Select(s => (c.Year, s))).ToList();
        Assert.Equal(3, zeros.Count);
        Assert.All(study.Tests.Comparisons.SelectMany(c => c.Statistics.Where(s => s.Observed != 0)), s => Assert.True(double.IsNaN(s.AdjustedP)));
        // 2010's wars (0 observed, 2.8 [2.0, 3.6] simulated) and the leader's partners from 1816 (0 observed, 2.1
        // [1.0, 3.3]) are missed after the correction; 1913's partners are 0 in every run (p = 1).
        var missed = zeros.Where(z => z.s.MissesAnObservedZero).Select(z => (z.Year, z.s.Name)).ToList();
        Assert.Equal([(1816, "the leader's pact partners in the last year"), (2010, "wars per year")], missed);
        // The model's mean war size is not told apart from the record's for any start after the correction.
        Assert.Equal(5, study.Tests.WarSize.Count);
        Assert.All(study.Tests.WarSize, w => Assert.Equal(0, w.Direction));
        Assert.Contains("the p-values of all 13 such tests", study.Report, StringComparison.Ordinal);
        Assert.Contains("|  | wars | states per war | Holm p | 2 states | 3-4 | 5-9 | 10 or more | calls honoured | Holm p |", study.Report, StringComparison.Ordinal);
    }
}
