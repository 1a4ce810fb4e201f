using System.Text.Json;

namespace Anarchy.Tests.Cli;

/// <summary>
/// The bench command's output, on a tiny workload. Its figures are timings of this machine, so only their form is
/// checked here: how fast the engine is belongs to the benchmarks, not the tests.
/// </summary>
public sealed class BenchCommandTests
{
    private static readonly string[] Figures =
    [
        "referenceStateTicksPerSecond", "kernelStateTicksPerSecond", "runsPerSecond", "perceptionGflops",
        "peakGflops", "speedupOverReference", "threadScaling", "fractionOfPeak",
    ];

    [Fact]
    public void BenchWithJsonPrintsOneObjectWithPositiveFiguresForEachSizeAndThreadCount()
    {
        var result = CliHarness.Run("bench", "--states", "8", "--threads", "1", "--ticks", "5", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out); // throws unless stdout is exactly one JSON value
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("processorCount").GetInt32());
        Assert.Contains(root.GetProperty("vectorWidth").GetInt32(), new[] { 256, 512 });
        Assert.Equal(5, root.GetProperty("ticks").GetInt32());
        var entry = Assert.Single(root.GetProperty("results").EnumerateArray());
        Assert.Equal(11, entry.EnumerateObject().Count());
        Assert.Equal(8, entry.GetProperty("states").GetInt32());
        Assert.Equal(1, entry.GetProperty("threads").GetInt32());
        foreach (var name in Figures)
        {
            double value = entry.GetProperty(name).GetDouble();
            Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value}");
        }
        Assert.Equal(1, entry.GetProperty("threadScaling").GetDouble());

        // Microseconds per run-tick of every phase of the kernel's tick, each non-negative; together they account
        // for the kernel's whole time per run-tick, within the clock's overhead and the batches' construction.
        var phases = entry.GetProperty("phases");
        string[] names = ["economy", "perception", "balancing", "formation", "dissolution", "targets", "disputes", "wars", "drift", "records"];
        Assert.Equal(names, phases.EnumerateObject().Select(p => p.Name));
        double total = 0;
        foreach (var phase in phases.EnumerateObject())
        {
            Assert.True(phase.Value.GetDouble() >= 0, $"{phase.Name} = {phase.Value}");
            total += phase.Value.GetDouble();
        }
        double perRunTick = 1e6 / (entry.GetProperty("runsPerSecond").GetDouble() * 5);
        Assert.InRange(total, 0.05 * perRunTick, 1.05 * perRunTick);
    }

    [Theory]
    [InlineData("--states", "0")]
    [InlineData("--states", "4097")]
    [InlineData("--threads", "0")]
    [InlineData("--ticks", "10001")]
    public void BenchWithAnOptionOutOfRangeExitsWithCodeTwoNamingIt(string option, string value)
    {
        var result = CliHarness.Run("bench", option, value, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Err, StringComparison.Ordinal);
        Assert.Contains(value, result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void AnyOtherModelIsMeasuredInRunsPerSecondOfItsScenario()
    {
        var result = CliHarness.Run("bench", "--model", "realpolitik", "--states", "12", "--ticks", "30", "--threads", "2", "--seconds", "0.05", "--json");

        Assert.True(result.ExitCode == 0, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("realpolitik", root.GetProperty("model").GetString());
        Assert.Equal("reference", root.GetProperty("engine").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([1, 2], results.Select(r => r.GetProperty("threads").GetInt32()));
        foreach (var r in results)
        {
            Assert.Equal(12, r.GetProperty("states").GetInt32());
            Assert.Equal("12 states of degree 8, up to 30 turns", r.GetProperty("workload").GetString());
            long runs = r.GetProperty("runs").GetInt64();
            double seconds = r.GetProperty("seconds").GetDouble(), rate = r.GetProperty("runsPerSecond").GetDouble();
            Assert.True(runs >= r.GetProperty("threads").GetInt32(), $"runs = {runs}");
            Assert.True(seconds >= 0.05, $"seconds = {seconds}");
            // Four significant digits each: the rate and the time per run agree with runs / seconds to that precision.
            Assert.Equal(runs / seconds, rate, rate * 2e-3);
            Assert.Equal(1 / rate, r.GetProperty("secondsPerRun").GetDouble(), 2e-3 / rate);
        }
        Assert.Equal(1, results[0].GetProperty("threadScaling").GetDouble());
        Assert.True(results[1].GetProperty("threadScaling").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--states", "1", "[2, 4096]")]
    [InlineData("--ticks", "0", "[1, 1000000]")]
    [InlineData("--seconds", "0", "[0.01, 3600]")]
    public void AnotherModelsBenchRefusesAnOptionOutOfItsRange(string option, string value, string range)
    {
        var result = CliHarness.Run("bench", "--model", "realpolitik", option, value, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option}: value {value} is outside the allowed range {range}", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
