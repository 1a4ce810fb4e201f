using System.Globalization;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Calibration;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Tests.Cli;
using Anarchy.Tests.RealWorld;
using Anarchy.Input;

namespace Anarchy.Tests.Calibration;

/// <summary>The calibration's moments, its file reader, and the calibrator end to end on a tiny world.</summary>
public sealed class CalibrationTests
{
    private static readonly Lazy<ObservedRecord> Record = new(() => ObservedRecord.Load(ReferenceData.Folder));

    [Fact]
    public void TheRecordOf1950To2012CountsWhatAPlainReadingOfTheFilesCounts()
    {
        // Independent counts: MIDs by styear and hostlev from a plain split of cow_mid_disps.csv, and members per year
        // from cow_states.csv (any day of the year).
        var years = RecordYears.Of(Record.Value, 1950, 63);
        var disputes = ReferenceData.Rows(MilitarizedDisputes.DisputesFile)
            .Where(r => int.Parse(r["styear"], CultureInfo.InvariantCulture) is >= 1950 and <= 2012).ToList();
        Assert.Equal(disputes.Count, years.Years.Sum(y => y.Disputes));
        Assert.Equal(disputes.Count(r => r["hostlev"] == "5"), years.Years.Sum(y => y.Wars));
        int stateYears = Enumerable.Range(1950, 63).Sum(y => ReferenceData.MembersInYear(y).Count);
        Assert.Equal(stateYears, years.Years.Sum(y => y.States));
        Assert.Equal(ReferenceData.MembersInYear(1950).Count, years.Years[0].Cohort);
        // The figures quoted for 1950-2012: 1.7% of disputes reach war, 0.173 disputes and 0.0029 wars per state-year.
        var war = MomentEstimate.OfRecord(Moments.Find("war_share")!, years, 200, 1);
        Assert.InRange(war.Value, 0.0160, 0.0170);
        Assert.InRange(MomentEstimate.OfRecord(Moments.Find("disputes_per_state_year")!, years, 200, 1).Value, 0.172, 0.174);
        Assert.InRange(MomentEstimate.OfRecord(Moments.Find("wars_per_state_year")!, years, 200, 1).Value, 0.0028, 0.0029);
        // The bootstrap interval brackets the value and is reproducible for a seed.
        Assert.True(war.Lower < war.Value && war.Value < war.Upper);
        Assert.Equal(war, MomentEstimate.OfRecord(Moments.Find("war_share")!, years, 200, 1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 2)]
    [InlineData(24, 3)]  // cube root 2.88
    [InlineData(42, 3)]  // 3.476
    [InlineData(43, 4)]  // 3.503
    [InlineData(63, 4)]
    [InlineData(91, 4)]  // 4.498
    [InlineData(92, 5)]  // 4.514
    public void TheRecordBootstrapUsesBlocksOfTheCubeRootOfTheYearsRounded(int years, int length) =>
        Assert.Equal(length, MomentEstimate.BlockLength(years));

    [Fact]
    public void BlocksOfYearsWidenTheIntervalOfAPersistentStockButNotItsValue()
    {
        // Pacts in force 1950-2012 grow with the system and persist from year to year: resampling single years
        // treats the years as independent and understates the spread; 4-year blocks keep neighbouring years
        // together. 2,000 resamples each: the Monte Carlo error of a bootstrap standard error is about
        // 1 / sqrt(2 * 2000) = 1.6% of it, far below the difference asserted (10%).
        var years = RecordYears.Of(Record.Value, 1950, 63);
        var pacts = Moments.Find("pacts_per_state")!;
        var plain = MomentEstimate.OfRecord(pacts, years, 2000, 3, blockLength: 1);
        var blocks = MomentEstimate.OfRecord(pacts, years, 2000, 3);
        Assert.Equal(plain.Value, blocks.Value);
        Assert.True(blocks.StandardError > 1.1 * plain.StandardError, $"blocks {blocks.StandardError}, single years {plain.StandardError}");
    }

    [Fact]
    public void ThePooledRatioAndItsStandardErrorMatchTheHandCalculation()
    {
        // Pairs (1, 2), (3, 2), (2, 4): R = 6 / 8 = 0.75; residuals x - R y = -0.5, 1.5, -1; their sum of squares 3.5,
        // / (n - 1) = 1.75, / n = 0.5833, / ybar^2 (ybar = 8/3) gives 0.08203; se = 0.28641.
        var (value, se) = MomentEstimate.PooledRatio([(1, 2), (3, 2), (2, 4)]);
        Assert.Equal(0.75, value);
        Assert.Equal(Math.Sqrt(3.5 / 2 / 3 / (64.0 / 9)), se, 12);
    }

    private const string Tiny = """
        {
          "name": "tiny",
          "fit": [{ "startYear": 1816, "years": 6 }],
          "predict": [{ "startYear": 1871, "years": 4, "parameters": { "conquestNorm": 0.5 } }],
          "parameters": [{ "name": "escalation", "min": 0.05, "max": 0.6, "start": 0.3 }],
          "moments": ["disputes_per_state_year", "pacts_per_state"],
          "runs": 8, "starts": 2, "maxEvaluations": 12, "profilePoints": 3, "bootstrap": 100
        }
        """;

    private static CalibrationSpec Parse(string json) => CalibrationReader.Parse(json, "test.json", 1816, 2014);

    [Fact]
    public void ACalibrationIsDeterministicWhateverTheThreadsAndAResumeReplaysItFromTheJournal()
    {
        using var scratch = new ScratchFolder();
        var spec = Parse(Tiny);
        CalibrationResult first;
        using (var calibrator = new Calibrator(spec, Record.Value, threads: 1, scratch["journal.bin"]))
            first = calibrator.Run();
        using var twoThreads = new Calibrator(spec, Record.Value, threads: 2);
        var second = twoThreads.Run();
        Assert.Equal(first.Estimate, second.Estimate);
        Assert.Equal(first.Objective, second.Objective);
        Assert.Equal(first.StandardErrors, second.StandardErrors);
        Assert.Equal(2, first.Starts.Count);
        Assert.All(first.Starts, s => Assert.True(s.Evaluations <= 12));
        Assert.InRange(first.Estimate[0], 0.05, 0.6);
        Assert.Equal(3, Assert.Single(first.Profiles).Values.Count);
        Assert.NotNull(first.Predicted);

        // Every evaluation is in the journal: a resumed calibration runs nothing and ends with the same numbers.
        using var resumed = new Calibrator(spec, Record.Value, threads: 2, scratch["journal.bin"]);
        var replay = resumed.Run();
        Assert.True(resumed.Reused > 0);
        Assert.Equal(first.Estimate, replay.Estimate);
        Assert.Equal(first.Objective, replay.Objective);

        // The objective is the weighted sum of squared log ratios of the fitted moments.
        double objective = 0;
        for (int m = 0; m < resumed.Fitted.Count; m++)
            objective += resumed.CurrentWeights[0][m] * Math.Pow(resumed.LogRatio(replay.AtEstimate, 0, resumed.Fitted[m]), 2);
        Assert.Equal(replay.Objective, objective, 12);
    }

    [Fact]
    public void TheCommandWritesItsTablesAndAScenarioThatRunAccepts()
    {
        using var scratch = new ScratchFolder();
        string file = scratch.Write("tiny.json", Tiny);
        var result = CliHarness.Run("calibrate", file, "--out", scratch["out"], "--data", ReferenceData.Folder, "--threads", "2");
        Assert.True(result.ExitCode == 0, result.Err);
        foreach (string name in new[] { "report.md", "estimates.csv", "fit.csv", "starts.csv", "profiles.csv", "profile.png", "fit.png", "manifest.json", "calibrated-1816.json", "calibrated-1871.json" })
            Assert.True(File.Exists(Path.Combine(scratch["out"], name)), name);
        var fit = File.ReadAllLines(Path.Combine(scratch["out"], "fit.csv"));
        Assert.Equal(1 + 2 * Moments.All.Count, fit.Length);
        var scenario = ScenarioReader.ReadFile(Path.Combine(scratch["out"], "calibrated-1871.json"));
        Assert.Equal((1871, 4, 0.5), (scenario.StartYear, scenario.Ticks, scenario.Parameters.ConquestNorm));
        Assert.InRange(scenario.Parameters.Escalation, 0.05, 0.6);

        // A second run into the same folder is refused; --resume reuses every evaluation and writes the same fit.
        Assert.Equal(2, CliHarness.Run("calibrate", file, "--out", scratch["out"], "--data", ReferenceData.Folder).ExitCode);
        string before = File.ReadAllText(Path.Combine(scratch["out"], "fit.csv"));
        var resumed = CliHarness.Run("calibrate", file, "--out", scratch["out"], "--data", ReferenceData.Folder, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        Assert.Contains("from the journal", resumed.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(scratch["out"], "fit.csv")));
    }

    [Theory]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [{"name": "chainDepth", "min": 0, "max": 3}]}""", "parameters[0].name: 'chainDepth' is an integer parameter")]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [{"name": "escalation", "min": 0.5, "max": 0.1}]}""", "parameters[0]: min 0.5 must be below max 0.1")]
    [InlineData("""{"fit": [{"startYear": 1800}], "parameters": [{"name": "escalation", "min": 0, "max": 1}]}""", "fit[0].startYear: value 1800 is outside the allowed range [1816, 2014]")]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [{"name": "escalation", "min": 0, "max": 1}], "fixed": {"escalation": 0.2}}""", "'escalation' is also under \"fixed\"")]
    [InlineData("""{"fit": [{"startYear": 1950, "parameters": {"escalation": 0.2}}], "parameters": [{"name": "escalation", "min": 0, "max": 1}]}""", "fit[0].parameters.escalation: 'escalation' is also estimated")]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [{"name": "escalation", "min": 0, "max": 1}], "moments": ["wars", "war_share", "war_share"]}""", "moments[0]: value \"wars\" is not a moment")]
    [InlineData("""{"fit": [{"startYear": 1950, "years": 99}], "parameters": [{"name": "escalation", "min": 0, "max": 1}]}""", "fit[0].years: value 99 is outside the allowed range [1, 65]")]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [{"name": "minBurden", "min": 0, "max": 0.5}]}""", "parameters: at a corner of the box, parameter 'minBurden'")]
    [InlineData("""{"fit": [{"startYear": 1950}], "parameters": [], "runs": 1, "colour": 3}""", "colour: unknown field")]
    public void ABadFileIsRefusedNamingTheFieldAndNothingIsWritten(string json, string expected)
    {
        var error = Assert.Throws<InputFileException>(() => Parse(json));
        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));

        using var scratch = new ScratchFolder();
        string file = scratch.Write("bad.json", json);
        var result = CliHarness.Run("calibrate", file, "--out", scratch["out"], "--data", ReferenceData.Folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["out"]));
    }

    [Fact]
    public void AListedMomentWhoseRecordIsZeroIsRefusedAndAnUnlistedOneIsLeftOut()
    {
        const string Base = """{"fit": [{"startYear": 1950, "years": 63}], "parameters": [{"name": "escalation", "min": 0, "max": 1}]""";
        var listed = Parse(Base + """, "moments": ["conquests_per_state_year"]}""");
        var error = Assert.Throws<InputFileException>(() => new Calibrator(listed, Record.Value, 1));
        Assert.Contains("'conquests_per_state_year' is 0 in the record of 1950-2012", error.Message, StringComparison.Ordinal);
        using var calibrator = new Calibrator(Parse(Base + "}"), Record.Value, 1);
        Assert.DoesNotContain(calibrator.Fitted, m => m.Name == "conquests_per_state_year");
        Assert.Contains(calibrator.Fitted, m => m.Name == "war_share");
    }
}
