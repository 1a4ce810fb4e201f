using System.Buffers.Binary;
using Anarchy.Tests.Cli;
using SkiaSharp;

namespace Anarchy.Tests.Plots;

public sealed class PlotCommandTests
{
    // The sweep tests' small grid: 12 points, 4 replicates, outputs wars, entangled and mean_burden.
    private const string Grid = Anarchy.Tests.Sweeps.SweepCommandTests.Grid;

    private const string Saltelli = """
        {
          "name": "small-saltelli",
          "scenario": { "states": 6, "ticks": 15 },
          "factors": [
            { "name": "honour", "min": 0, "max": 2 },
            { "name": "looseness", "min": 0, "max": 1 }
          ],
          "design": { "type": "saltelli", "samples": 16 },
          "replicates": 2,
          "seed": 5,
          "outputs": ["wars", "entangled"]
        }
        """;

    private static readonly string[] SeriesPlots =
        ["series-wars.png", "series-entangled.png", "series-aligned.png", "series-pacts.png", "series-alive.png", "series-mean_burden.png"];

    [Fact]
    public void AGridSweepGetsAMainEffectPlotPerOutputAndFactorAndAHeatmapOfTheFirstTwoFactors()
    {
        using var scratch = new ScratchFolder();
        Sweep(scratch, Grid, "sweep");

        var result = CliHarness.Run("plot", scratch["sweep"]);

        Assert.Equal(0, result.ExitCode);
        string[] expected =
        [
            .. new[] { "wars", "entangled", "mean_burden" }.SelectMany(o => new[] { "honour", "looseness", "chainDepth" }.Select(f => $"{o}-by-{f}.png")),
            "wars-by-honour-and-looseness.png", "entangled-by-honour-and-looseness.png", "mean_burden-by-honour-and-looseness.png",
        ];
        Assert.Equal(expected.Order(), Directory.GetFiles(scratch["sweep/plots"], "*.png").Select(Path.GetFileName).Order());
        Assert.Equal(expected.Select(f => Path.Combine(scratch["sweep"], "plots", f)), Lines(result.Out));
        foreach (string file in expected) AssertIsAPlot(Path.Combine(scratch["sweep/plots"], file));
    }

    [Fact]
    public void ChosenOutputsAndFactorsGiveOnlyTheirPlotsInTheFolderNamedByOut()
    {
        using var scratch = new ScratchFolder();
        Sweep(scratch, Grid, "sweep");

        var result = CliHarness.Run("plot", scratch["sweep"], "--output", "entangled", "--x", "chainDepth", "--y", "looseness", "--out", scratch["figures"]);

        Assert.Equal(0, result.ExitCode);
        string[] expected = ["entangled-by-honour.png", "entangled-by-looseness.png", "entangled-by-chainDepth.png", "entangled-by-chainDepth-and-looseness.png"];
        Assert.Equal(expected.Order(), Directory.GetFiles(scratch["figures"], "*.png").Select(Path.GetFileName).Order());
        Assert.False(Directory.Exists(scratch["sweep/plots"]));
        AssertIsAPlot(scratch["figures/entangled-by-chainDepth-and-looseness.png"]);
    }

    [Fact]
    public void ASaltelliSweepGetsBinnedMainEffectsAndSobolIndexBarsButNoDefaultHeatmap()
    {
        using var scratch = new ScratchFolder();
        Sweep(scratch, Saltelli, "sweep");

        var result = CliHarness.Run("plot", scratch["sweep"]);

        Assert.Equal(0, result.ExitCode);
        string[] expected =
        [
            "wars-by-honour.png", "wars-by-looseness.png", "entangled-by-honour.png", "entangled-by-looseness.png",
            "sensitivity-wars.png", "sensitivity-entangled.png",
        ];
        Assert.Equal(expected.Order(), Directory.GetFiles(scratch["sweep/plots"], "*.png").Select(Path.GetFileName).Order());
        foreach (string file in expected) AssertIsAPlot(Path.Combine(scratch["sweep/plots"], file));
    }

    [Fact]
    public void ARunWithSeriesGetsATimeSeriesPlotPerDefaultOutput()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "6", "--ticks", "30", "--states", "10", "--series", "--out", scratch["run"]).ExitCode);

        var result = CliHarness.Run("plot", scratch["run"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SeriesPlots.Order(), Directory.GetFiles(scratch["run/plots"], "*.png").Select(Path.GetFileName).Order());
        Assert.Equal(SeriesPlots.Select(f => Path.Combine(scratch["run"], "plots", f)), Lines(result.Out));
        foreach (string file in SeriesPlots) AssertIsAPlot(Path.Combine(scratch["run/plots"], file));
    }

    [Fact]
    public void AnUnknownOutputExitsWithTwoNamingItAndTheAllowedOnesAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        Sweep(scratch, Grid, "sweep");

        var result = CliHarness.Run("plot", scratch["sweep"], "--output", "entangled", "--output", "glory");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output: unknown output 'glory' (allowed: wars, entangled, mean_burden)", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["sweep/plots"]));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AnUnknownSeriesOutputExitsWithTwoAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "2", "--ticks", "10", "--states", "6", "--series", "--out", scratch["run"]).ExitCode);

        var result = CliHarness.Run("plot", scratch["run"], "--output", "entangled_total");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output: unknown output 'entangled_total' (allowed: alive, pacts,", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["run/plots"]));
    }

    [Theory]
    [InlineData("--x", "glory", "--y", "looseness", "--x: unknown factor 'glory' (the factors of this sweep: honour, looseness, chainDepth)")]
    [InlineData("--x", "honour", "--y", "glory", "--y: unknown factor 'glory' (the factors of this sweep: honour, looseness, chainDepth)")]
    [InlineData("--x", "honour", "--y", "honour", "a heatmap needs two different factors (both are 'honour')")]
    public void ABadHeatmapFactorExitsWithTwoNamingItAndWritesNothing(string xOption, string x, string yOption, string y, string message)
    {
        using var scratch = new ScratchFolder();
        Sweep(scratch, Grid, "sweep");

        var result = CliHarness.Run("plot", scratch["sweep"], xOption, x, yOption, y);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["sweep/plots"]));
    }

    [Fact]
    public void AMissingFolderOrOneWithoutPointsOrSeriesExitsWithTwo()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "2", "--ticks", "10", "--states", "6", "--out", scratch["run"]).ExitCode);

        var missing = CliHarness.Run("plot", scratch["nowhere"]);
        var noSeries = CliHarness.Run("plot", scratch["run"]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, noSeries.ExitCode);
        Assert.Contains("has neither points.csv", noSeries.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["run/plots"]));
    }

    private static void Sweep(ScratchFolder scratch, string json, string folder)
    {
        string file = scratch.Write(folder + ".json", json);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch[folder], "--threads", "2").ExitCode);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A PNG (signature, then an IHDR chunk of 1000 x 650) that decodes to an image with many colours, not a blank canvas.</summary>
    private static void AssertIsAPlot(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(650, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));

        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 3)
        {
            for (int x = 0; x < bitmap.Width; x += 3) colours.Add((uint)bitmap.GetPixel(x, y));
        }
        // Text, axes, data and the legend bring in dozens of shades (anti-aliasing alone gives many); a blank or
        // single-colour image has one or two.
        Assert.True(colours.Count > 20, $"{path}: only {colours.Count} colours");
    }
}
