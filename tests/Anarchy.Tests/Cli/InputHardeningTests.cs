using System.Diagnostics;
using System.Text;
using Anarchy.Models.Waltz;

namespace Anarchy.Tests.Cli;

/// <summary>
/// Input that used to be accepted, accepted with the last of two values, or refused only after the runs: every
/// case here exits with code 2 before anything runs, names the field in the user's words, and writes nothing.
/// </summary>
public sealed class InputHardeningTests
{
    /// <summary>A sweep small enough to run in a moment; <c>FACTORS</c> and <c>DESIGN</c> are replaced.</summary>
    private const string SweepTemplate = """
        {
          "name": "tiny",
          "scenario": { "states": 4, "ticks": 3 },
          "factors": [ FACTORS ],
          "design": DESIGN,
          "replicates": 1,
          "outputs": ["wars"]
        }
        """;

    private static string Sweep(string factors = "{ \"name\": \"honour\", \"min\": 0, \"max\": 1 }", string design = "{ \"type\": \"grid\", \"levels\": 2 }") =>
        SweepTemplate.Replace("FACTORS", factors, StringComparison.Ordinal).Replace("DESIGN", design, StringComparison.Ordinal);

    /// <summary>Runs <c>sweep</c> and <c>validate</c> on the file and checks both refuse it, naming <paramref name="named"/>.</summary>
    private static void AssertSweepRefused(string json, params string[] named)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", json);
        var sweep = CliHarness.Run("sweep", file, "--out", scratch["o"]);
        var validate = CliHarness.Run("validate", file);
        foreach (var result in new[] { sweep, validate })
        {
            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Err}");
            foreach (var name in named) Assert.Contains(name, result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(scratch["o"]), "the sweep wrote an output folder");
    }

    /// <summary>Runs <c>run</c> and <c>validate</c> on the scenario and checks both refuse it, naming <paramref name="named"/>.</summary>
    private static CliResult AssertScenarioRefused(string json, params string[] named)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("scenario.json", json);
        var run = CliHarness.Run("run", "--scenario", file, "--runs", "1", "--ticks", "2", "--out", scratch["o"]);
        var validate = CliHarness.Run("validate", file);
        foreach (var result in new[] { run, validate })
        {
            Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Err}{result.Out}");
            foreach (var name in named) Assert.Contains(name, result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(scratch["o"]), "the run wrote an output folder");
        return validate;
    }

    private static string[] ErrorLines(CliResult result) =>
        result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A. Every constraint of a design is checked before the first run.

    [Fact]
    public void ASaltelliSweepWithOneBaseSampleIsRefusedBeforeAnyRun() =>
        AssertSweepRefused(Sweep(design: "{ \"type\": \"saltelli\", \"samples\": 1 }"), "design.samples", "2");

    [Fact]
    public void ASaltelliSweepWithTwoBaseSamplesRuns()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep(design: "{ \"type\": \"saltelli\", \"samples\": 2 }"));
        var result = CliHarness.Run("sweep", file, "--out", scratch["o"], "--threads", "1");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.True(File.Exists(scratch["o/sensitivity.csv"]));
    }

    [Fact]
    public void AFactorThatListsALevelTwiceIsRefusedAtValidation() =>
        AssertSweepRefused(Sweep(factors: "{ \"name\": \"honour\", \"levels\": [0.5, 0.2, 0.5] }"), "factors[0].levels[2]", "0.5");

    [Fact]
    public void AGridWithMoreThanTheMostPointsIsRefusedWithoutItsCountOverflowing()
    {
        // 25 factors of 1000 levels each: 10^75 points, which wraps to 0 in 64-bit arithmetic.
        var names = ParameterCatalog.All.Where(p => !p.IsInteger && p.Name != "epsilon").Take(25).ToList();
        var factors = string.Join(", ", names.Select(p => $"{{ \"name\": \"{p.Name}\", \"min\": {p.Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}, \"max\": {p.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}"));
        AssertSweepRefused(Sweep(factors: factors, design: "{ \"type\": \"grid\", \"levels\": 1000 }"), "design", "more than 10000000 points");
    }

    [Fact]
    public void ASweepOfMoreThanTheMostRunsIsRefused() =>
        // 3000 points x 1,000,000 replicates: more runs than a 32-bit count holds.
        AssertSweepRefused(Sweep(design: "{ \"type\": \"lhs\", \"samples\": 3000 }").Replace("\"replicates\": 1", "\"replicates\": 1000000", StringComparison.Ordinal),
            "replicates", "100000000");

    [Fact]
    public void AnOutputListedTwiceIsRefused() =>
        AssertSweepRefused(Sweep().Replace("[\"wars\"]", "[\"wars\", \"entangled\", \"wars\"]", StringComparison.Ordinal), "outputs[2]", "wars");

    // B. A field given twice is refused, naming it; the last value does not silently win.

    [Fact]
    public void AScenarioFieldGivenTwiceIsRefusedNamingIt()
    {
        var validate = AssertScenarioRefused("{ \"states\": 8, \"states\": 9 }", "states", "twice");
        Assert.DoesNotContain("valid scenario", validate.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"parameters\": { \"honour\": 0.5, \"honour\": 0.7 } }", "parameters.honour")]
    [InlineData("{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"wealth\": 1, \"wealth\": 2 } ] }", "stateOverrides[0].wealth")]
    [InlineData("{ \"states\": 4, \"shocks\": [ { \"tick\": 1, \"state\": 0, \"tick\": 2 } ] }", "shocks[0].tick")]
    [InlineData("{ \"states\": 4, \"pacts\": [ { \"a\": 0, \"b\": 1, \"b\": 2 } ] }", "pacts[0].b")]
    [InlineData("{ \"name\": \"a\", \"description\": \"x\", \"name\": \"b\" }", "name")]
    [InlineData("{ \"st\\u0061tes\": 8, \"states\": 9 }", "states")]
    public void ANestedScenarioFieldGivenTwiceIsRefusedNamingItsPath(string json, string path) =>
        AssertScenarioRefused(json, path + ": given twice");

    [Theory]
    [InlineData("\"replicates\": 1", "\"replicates\": 1, \"replicates\": 2", "replicates: given twice")]
    [InlineData("\"max\": 1 }", "\"max\": 1, \"max\": 0.5 }", "factors[0].max: given twice")]
    [InlineData("\"levels\": 2 }", "\"levels\": 2, \"type\": \"lhs\" }", "design.type: given twice")]
    [InlineData("\"ticks\": 3 }", "\"ticks\": 3, \"ticks\": 4 }", "scenario: ticks: given twice")]
    public void ASweepFieldGivenTwiceIsRefusedNamingItsPath(string from, string to, string message) =>
        AssertSweepRefused(Sweep().Replace(from, to, StringComparison.Ordinal), message);

    [Fact]
    public void AParameterSetTwiceOnTheCommandLineIsRefused()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--set", "honour=0.5", "--set", "honour=0.7", "--runs", "1", "--ticks", "2", "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set honour", result.Err, StringComparison.Ordinal);
        Assert.Contains("twice", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    // C. Contradictory and degenerate factors.

    [Fact]
    public void AFactorWithBothLevelsAndARangeIsRefused() =>
        AssertSweepRefused(Sweep(factors: "{ \"name\": \"honour\", \"levels\": [0.1, 0.5], \"min\": 0, \"max\": 1 }"), "factors[0]", "levels", "min");

    [Theory]
    [InlineData("grid")]
    [InlineData("lhs")]
    [InlineData("saltelli")]
    public void ARangeOfZeroWidthIsRefusedInEveryDesign(string design) =>
        AssertSweepRefused(
            Sweep(factors: "{ \"name\": \"honour\", \"min\": 0.5, \"max\": 0.5 }, { \"name\": \"looseness\", \"min\": 0, \"max\": 1 }",
                design: design == "grid" ? "\"grid\"" : $"{{ \"type\": \"{design}\", \"samples\": 4 }}"),
            "factors[0]", "zero width");

    [Theory]
    [InlineData("lhs")]
    [InlineData("sobol")]
    [InlineData("saltelli")]
    public void ASingleLevelIsRefusedInASamplingDesign(string design) =>
        AssertSweepRefused(
            Sweep(factors: "{ \"name\": \"honour\", \"levels\": [0.5] }, { \"name\": \"looseness\", \"min\": 0, \"max\": 1 }",
                design: $"{{ \"type\": \"{design}\", \"samples\": 4 }}"),
            "factors[0].levels", "at least two");

    [Fact]
    public void ASingleLevelInAGridHoldsTheParameterFixed()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep(factors: "{ \"name\": \"honour\", \"levels\": [0.5] }, { \"name\": \"looseness\", \"min\": 0, \"max\": 1 }"));
        var result = CliHarness.Run("validate", file);
        Assert.True(result.ExitCode == 0, result.Err);
    }

    [Theory]
    [InlineData("{ \"type\": \"grid\", \"samples\": 8 }", "design.samples")]
    [InlineData("{ \"type\": \"lhs\", \"samples\": 8, \"levels\": 3 }", "design.levels")]
    [InlineData("{ \"type\": 3 }", "design.type")]
    public void ADesignFieldThatDoesNotBelongToTheDesignIsRefused(string design, string named) =>
        AssertSweepRefused(Sweep(design: design), named);

    // D. Limits on size: cheap to refuse, few lines to read.

    [Fact]
    public void AFileLargerThanTheLimitIsRefusedFromItsLengthAlone()
    {
        using var scratch = new ScratchFolder();
        var file = scratch["huge.json"];
        using (var stream = File.Create(file))
        {
            stream.Write("{ \"states\": 4 }"u8);
            stream.SetLength(InputLimits.MaxFileBytes + 1); // zero bytes after the object
        }
        var watch = Stopwatch.StartNew();
        var validate = CliHarness.Run("validate", file);
        var run = CliHarness.Run("run", "--scenario", file, "--out", scratch["o"]);
        var sweep = CliHarness.Run("sweep", file, "--out", scratch["o"]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        foreach (var result in new[] { validate, run, sweep })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("16 MiB", result.Err, StringComparison.Ordinal);
            Assert.Single(ErrorLines(result));
        }
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void AHugeListOfStateOverridesGivesOneLineNotOnePerEntry()
    {
        var json = new StringBuilder("{ \"states\": 4, \"stateOverrides\": [");
        for (int i = 0; i < 200_000; i++) json.Append(i == 0 ? "" : ",").Append("{\"state\":9}");
        json.Append("] }");
        var validate = AssertScenarioRefused(json.ToString(), "stateOverrides", "200000", "4096");
        Assert.Single(ErrorLines(validate));
    }

    [Theory]
    [InlineData("pacts", "[0, 1]", InputLimits.MaxPacts)]
    [InlineData("shocks", "{ \"tick\": 0, \"state\": 0 }", InputLimits.MaxShocks)]
    public void AListLongerThanItsLimitIsRefusedInOneLine(string field, string item, int limit)
    {
        var json = $"{{ \"states\": 4, \"{field}\": [{string.Join(",", Enumerable.Repeat(item, limit + 1))}] }}";
        var validate = AssertScenarioRefused(json, field, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(ErrorLines(validate));
    }

    [Fact]
    public void ADescriptionLongerThanTheLimitIsRefused() =>
        AssertScenarioRefused($"{{ \"description\": \"{new string('x', InputLimits.MaxDescriptionLength + 1)}\" }}", "description", "4000");

    [Fact]
    public void ADescriptionAtTheLimitIsAccepted()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("s.json", $"{{ \"description\": \"{new string('x', InputLimits.MaxDescriptionLength)}\" }}");
        Assert.Equal(0, CliHarness.Run("validate", file).ExitCode);
    }

    [Fact]
    public void ALabelLongerThanTheLimitIsRefused() =>
        AssertScenarioRefused($"{{ \"states\": 4, \"stateOverrides\": [ {{ \"state\": 0, \"label\": \"{new string('x', InputLimits.MaxLabelLength + 1)}\" }} ] }}", "stateOverrides[0].label");

    [Fact]
    public void ASweepDescriptionLongerThanTheLimitIsRefused() =>
        AssertSweepRefused(Sweep().Replace("\"name\": \"tiny\",", $"\"name\": \"tiny\", \"description\": \"{new string('x', InputLimits.MaxDescriptionLength + 1)}\",", StringComparison.Ordinal), "description");

    [Fact]
    public void ManyErrorsAreListedUpToTheLimitAndThenCounted()
    {
        var fields = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"unknown{i}\": {i}"));
        var validate = AssertScenarioRefused($"{{ {fields} }}", "unknown0", "unknown19");
        var lines = ErrorLines(validate);
        Assert.Equal(InputLimits.MaxListedErrors + 1, lines.Length);
        Assert.DoesNotContain("unknown20", validate.Err, StringComparison.Ordinal);
        Assert.Equal("error: … and 80 more errors", lines[^1]);
    }

    [Theory]
    [InlineData("factors")]
    [InlineData("levels")]
    [InlineData("outputs")]
    public void ASweepListLongerThanItsLimitIsRefusedInOneLine(string list)
    {
        string json = list switch
        {
            "factors" => Sweep(factors: string.Join(", ", Enumerable.Repeat("{ \"name\": \"honour\", \"min\": 0, \"max\": 1 }", InputLimits.MaxFactors + 1))),
            "levels" => Sweep(factors: $"{{ \"name\": \"honour\", \"levels\": [{string.Join(", ", Enumerable.Repeat("0.5", InputLimits.MaxLevels + 1))}] }}"),
            _ => Sweep().Replace("[\"wars\"]", $"[{string.Join(", ", Enumerable.Repeat("\"wars\"", InputLimits.MaxOutputs + 1))}]", StringComparison.Ordinal),
        };
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", json);
        var result = CliHarness.Run("validate", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(list, result.Err, StringComparison.Ordinal);
        Assert.Single(ErrorLines(result));
    }

    // E. Messages in the user's words.

    [Theory]
    [InlineData("honour=1e400")]
    [InlineData("honour=-1e400")]
    [InlineData("honour=NaN")]
    [InlineData("honour=Infinity")]
    public void ANumberBeyondTheRangeOfADoubleOnTheCommandLineSaysSoAndGivesTheRange(string assignment)
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--set", assignment, "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set honour", result.Err, StringComparison.Ordinal);
        Assert.Contains("finite", result.Err, StringComparison.Ordinal);
        Assert.Contains("[0, 10]", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberBeyondTheRangeOfADoubleInAScenarioSaysSoOnce()
    {
        var validate = AssertScenarioRefused("{ \"parameters\": { \"honour\": 1e400 } }", "parameters.honour", "finite", "[0, 10]");
        Assert.Single(ErrorLines(validate));
        Assert.DoesNotContain("NaN", validate.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("got the number", validate.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"name\": \"a\\ud800b\" }", "name")]
    [InlineData("{ \"stateOverrides\": [ { \"state\": 0, \"ccode\\ud800\": 2 } ] }", "stateOverrides[0]")]
    public void AnUnpairedSurrogateEscapeIsRefusedNamingWhereItIs(string json, string path)
    {
        var validate = AssertScenarioRefused(json, path, "surrogate");
        Assert.Single(ErrorLines(validate));
    }

    [Fact]
    public void ValidateChecksASweepFileAsASweep()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep());
        var result = CliHarness.Run("validate", file);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("valid sweep 'tiny'", result.Out, StringComparison.Ordinal);
        Assert.Contains("anarchy sweep", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RunGivenASweepFileSaysToUseSweep()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep());
        var result = CliHarness.Run("run", "--scenario", file, "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sweep file", result.Err, StringComparison.Ordinal);
        Assert.Contains("anarchy sweep", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void SweepGivenAScenarioFileSaysToUseRun()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("scenario.json", "{ \"states\": 4, \"ticks\": 3 }");
        var result = CliHarness.Run("sweep", file, "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scenario file", result.Err, StringComparison.Ordinal);
        Assert.Contains("anarchy run --scenario", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("study")]
    public void AnUnknownEngineIsNamedWithTheEnginesThereAre(string command)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep());
        string[] args = command switch
        {
            "run" => ["run", "--engine", "turbo", "--out", scratch["o"]],
            "sweep" => ["sweep", file, "--engine", "turbo", "--out", scratch["o"]],
            _ => ["study", "entanglement", "--quick", "--engine", "turbo", "--out", scratch["o"]],
        };
        var result = CliHarness.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine: unknown engine 'turbo'; expected one of kernel, reference", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Anarchy.", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("Kernel")]
    public void AKnownEngineIsAcceptedInAnyCase(string engine)
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--engine", engine, "--runs", "1", "--ticks", "2", "--states", "3", "--out", scratch["o"]);
        Assert.True(result.ExitCode == 0, result.Err);
    }

    [Fact]
    public void AnEngineGivenAsANumberIsRefused()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--engine", "1", "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown engine '1'", result.Err, StringComparison.Ordinal);
    }
}
