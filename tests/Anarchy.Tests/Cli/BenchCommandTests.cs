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
        Assert.Equal(10, entry.EnumerateObject().Count());
        Assert.Equal(8, entry.GetProperty("states").GetInt32());
        Assert.Equal(1, entry.GetProperty("threads").GetInt32());
        foreach (var name in Figures)
        {
            double value = entry.GetProperty(name).GetDouble();
            Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value}");
        }
        Assert.Equal(1, entry.GetProperty("threadScaling").GetDouble());
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
}
