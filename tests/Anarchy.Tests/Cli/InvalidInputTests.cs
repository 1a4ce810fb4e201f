namespace Anarchy.Tests.Cli;

/// <summary>Every kind of bad input exits with code 2, names what is wrong, and leaves no output folder.</summary>
public sealed class InvalidInputTests
{
    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--set", "honour=-1"], "honour" },
        { ["--set", "honour=abc"], "honour" },
        { ["--set", "honor=0.5"], "honor" },
        { ["--set", "honour"], "NAME=VALUE" },
        { ["--set", "chainDepth=1.5"], "chainDepth" },
        { ["--set", "minBurden=0.3"], "minBurden" },
        { ["--runs", "0"], "--runs" },
        { ["--ticks", "-3"], "--ticks" },
        { ["--states", "0"], "--states" },
        { ["--threads", "0"], "--threads" },
        { ["--only", "9", "--runs", "5"], "--only" },
        { ["--seed", "-1"], "--seed" },
        { ["--bogus"], "--bogus" },
        { ["--scenario", "no-such-file.json"], "no-such-file.json" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ABadOptionExitsWithCodeTwoNamingTheFieldAndWritesNothing(string[] options, string named)
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run(["run", .. options, "--out", scratch["o"]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal); // a message, not a stack trace
    }

    public static TheoryData<string, string> BadScenarios => new()
    {
        { "{ \"states\": 10, ", "not valid JSON" },
        { "[1, 2]", "JSON object" },
        { "{ \"statez\": 10 }", "statez" },
        { "{ \"states\": 0 }", "states" },
        { "{ \"states\": 5000 }", "states" },
        { "{ \"ticks\": 2.5 }", "ticks" },
        { "{ \"startYear\": 0 }", "startYear" },
        { "{ \"startYear\": 1950.5 }", "startYear" },
        { "{ \"parameters\": { \"honour\": -1 } }", "honour" },
        { "{ \"parameters\": { \"loosness\": 0.5 } }", "loosness" },
        { "{ \"parameters\": { \"looseness\": \"tight\" } }", "looseness" },
        { "{ \"doctrine\": \"Pacifist\" }", "doctrine" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 7, \"wealth\": 1 } ] }", "stateOverrides[0].state" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"wealth\": -1 } ] }", "stateOverrides[0].wealth" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"interests\": [0.5] } ] }", "stateOverrides[0].interests" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"location\": [0.5, 1.5] } ] }", "stateOverrides[0].location[1]" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"colour\": \"red\" } ] }", "stateOverrides[0].colour" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"ccode\": 1000 } ] }", "stateOverrides[0].ccode" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"ccode\": 2.5 } ] }", "stateOverrides[0].ccode" },
        { "{ \"states\": 4, \"stateOverrides\": [ { \"state\": 1, \"ccode\": 2 }, { \"state\": 2, \"ccode\": 2 } ] }", "stateOverrides[1].ccode" },
        { "{ \"states\": 4, \"pacts\": [ [0, 0] ] }", "pacts[0]" },
        { "{ \"states\": 4, \"pacts\": [ [0, 9] ] }", "pacts[0][1]" },
        { "{ \"states\": 4, \"shocks\": [ { \"tick\": 1000, \"state\": 0, \"capabilityFactor\": 0.5 } ] }", "shocks[0].tick" },
        // Each factor is within range, but three of 1000 for one state would multiply its capability by 10^9.
        { "{ \"states\": 4, \"ticks\": 5, \"shocks\": [ { \"tick\": 1, \"state\": 2, \"capabilityFactor\": 1000 }, { \"tick\": 2, \"state\": 2, \"capabilityFactor\": 1000 }, { \"tick\": 2, \"state\": 2, \"capabilityFactor\": 1000 } ] }", "capabilityFactor values above 1 of state 2 multiply to about 1E+9; at most 1000000" },
        { "{ \"states\": 4, \"leader\": 4 }", "leader" },
        { "{ \"states\": 4, \"poles\": 2, \"poleShare\": 1.5 }", "poleShare" },
        { "{ \"geography\": \"greatCircle\", \"states\": 2 }", "geography" },
        { "{ \"name\": \"../escape\" }", "name" },
    };

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public void ABadScenarioFileExitsWithCodeTwoNamingTheFieldAndWritesNothing(string json, string named)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("bad.json", json);

        var run = CliHarness.Run("run", "--scenario", file, "--out", scratch["o"]);
        var validate = CliHarness.Run("validate", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains(named, validate.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"fit\": [ { \"startYear\": 1700 } ], \"parameters\": [ { \"name\": \"escalation\", \"min\": 0.1, \"max\": 0.5 } ] }", "fit[0].startYear: value 1700")]
    [InlineData("{ \"fit\": [ { \"startYear\": 1950 } ], \"parameters\": [ { \"name\": \"escalation\", \"min\": 0.5, \"max\": 0.1 } ] }", "parameters[0]: min 0.5 must be below max 0.1")]
    [InlineData("{ \"fit\": [ { \"startYear\": 1950 } ], \"parameters\": [ { \"name\": \"nonsense\", \"min\": 0, \"max\": 1 } ] }", "nonsense")]
    public void ValidateChecksACalibrationFileAsCalibrateDoes(string json, string named)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("bad.json", json);
        var validate = CliHarness.Run("validate", file);
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains(named, validate.Err, StringComparison.Ordinal);
        var calibrate = CliHarness.Run("calibrate", file, "--out", scratch["o"], "--data", Path.Combine(RepositoryRoot.Path, "data"));
        Assert.Equal(2, calibrate.ExitCode);
        Assert.Contains(named, calibrate.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void TheShippedScenariosAndSweepFilesAreValid()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "experiments"), "*.json", SearchOption.AllDirectories))
        {
            if (File.ReadAllText(file).Contains("\"fit\"", StringComparison.Ordinal))
            {
                var calibration = CliHarness.Run("validate", file);
                Assert.True(calibration.ExitCode == 0, $"{file}: {calibration.Err}");
                Assert.Contains("valid calibration", calibration.Out, StringComparison.Ordinal);
                continue;
            }
            if (File.ReadAllText(file).Contains("\"factors\"", StringComparison.Ordinal))
            {
                var sweep = CliHarness.Run("validate", file); // any model's: the file's "model" field says whose
                Assert.True(sweep.ExitCode == 0, $"{file}: {sweep.Err}");
                Assert.Contains(" sweep '", sweep.Out, StringComparison.Ordinal);
                continue;
            }
            var result = CliHarness.Run("validate", file);
            Assert.True(result.ExitCode == 0, $"{file}: {result.Err}");
        }
    }
}
