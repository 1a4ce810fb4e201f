using System.Globalization;
using System.Text.Json;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Sweeps;

/// <summary><c>anarchy sweep --series --events</c>: every run's series and events, with its point and replicate.</summary>
public sealed class SweepSeriesEventsTests
{
    private static readonly string Small = SweepCommandTests.Grid.Replace("\"replicates\": 4", "\"replicates\": 2", StringComparison.Ordinal);

    [Fact]
    public void EachPointsRowsAreThoseOfRunWithItsScenarioAndSeedWithThePointAndReplicateInFront()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Small.Replace("\"seed\": 11", "\"seed\": 11, \"commonRandomNumbers\": true", StringComparison.Ordinal));
        var sweep = CliHarness.Run("sweep", file, "--series", "--events", "--out", scratch["sweep"]);
        Assert.True(sweep.ExitCode == 0, sweep.Err);
        Assert.Contains("(runs.*, points.*, series.*, events.*, manifest.json)", sweep.Err, StringComparison.Ordinal);

        // With common random numbers, replicate r of every point has the seed of run r of 'anarchy run --seed 11'.
        var baseFile = scratch.Write("base.json", """{ "states": 6, "ticks": 15 }""");
        var points = File.ReadAllLines(scratch["sweep/points.csv"]);
        var header = points[0].Split(',');
        int events = 0;
        foreach (var line in points.Skip(1))
        {
            var point = header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            string p = point["point"], folder = scratch["run" + p];
            var run = CliHarness.Run("run", "--scenario", baseFile, "--seed", "11", "--runs", "2", "--series", "--events", "--out", folder,
                "--set", $"honour={point["honour"]}", "--set", $"looseness={point["looseness"]}", "--set", $"chainDepth={point["chainDepth"]}");
            Assert.Equal(0, run.ExitCode);
            foreach (var table in new[] { "series", "events" })
            {
                var expected = File.ReadAllLines(Path.Combine(folder, table + ".csv"));
                var actual = File.ReadAllLines(scratch[$"sweep/{table}.csv"]);
                Assert.Equal("point,replicate," + expected[0], actual[0]);
                // The sweep's run number is point * replicates + replicate; 'run' numbers its runs from 0.
                var mine = actual.Skip(1).Where(l => l.StartsWith(p + ",", StringComparison.Ordinal)).Select(l =>
                {
                    var cells = l.Split(',', 4);
                    long run = long.Parse(cells[2], CultureInfo.InvariantCulture);
                    Assert.Equal(cells[1], (run % 2).ToString(CultureInfo.InvariantCulture));
                    return (run % 2).ToString(CultureInfo.InvariantCulture) + "," + cells[3];
                }).ToList();
                Assert.Equal(expected.Skip(1), mine);
                if (table == "events") events += mine.Count;
                else Assert.Equal(2 * 15, mine.Count); // a row per run and tick
            }
        }
        Assert.True(events > 0, "no event in the whole sweep: make the scenario livelier");
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["sweep/manifest.json"]));
        Assert.True(manifest.RootElement.GetProperty("series").GetBoolean());
        Assert.True(manifest.RootElement.GetProperty("events").GetBoolean());
        Assert.False(manifest.RootElement.GetProperty("panel").GetBoolean());
        Assert.Equal(12 * 2 * 15, manifest.RootElement.GetProperty("files").GetProperty("series.csv").GetInt64());
    }

    [Fact]
    public void ShardsMergeToTheFilesOfOneSweepAndShardsWithOtherTablesAreRefused()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Small);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--series", "--events", "--out", scratch["whole"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--series", "--events", "--shard", "1/2", "--out", scratch["a"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--series", "--events", "--shard", "2/2", "--out", scratch["b"]).ExitCode);
        var merged = CliHarness.Run("merge", scratch["a"], scratch["b"], "--out", scratch["m"]);
        Assert.True(merged.ExitCode == 0, merged.Err);
        foreach (var name in new[] { "runs", "points", "series", "events" })
        {
            Assert.Equal(File.ReadAllBytes(scratch[$"whole/{name}.csv"]), File.ReadAllBytes(scratch[$"m/{name}.csv"]));
            Assert.Equal(File.ReadAllBytes(scratch[$"whole/{name}.parquet"]), File.ReadAllBytes(scratch[$"m/{name}.parquet"]));
        }

        Assert.Equal(0, CliHarness.Run("sweep", file, "--series", "--shard", "2/2", "--out", scratch["c"]).ExitCode);
        var mixed = CliHarness.Run("merge", scratch["a"], scratch["c"], "--out", scratch["m2"]);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("the shards were run with different tables (--series --events: ", mixed.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["m2"]));
    }

    [Fact]
    public void ResumingWithOtherTablesThanTheSweepStartedWithIsRefused()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Small);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--events", "--out", scratch["s"]).ExitCode);
        var stamps = Directory.GetFiles(scratch["s"]).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var other = CliHarness.Run("sweep", file, "--series", "--out", scratch["s"], "--resume");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("was started with --events, so its finished runs have only those tables; resume it with the same options", other.Err, StringComparison.Ordinal);
        Assert.Equal(stamps, Directory.GetFiles(scratch["s"]).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        var same = CliHarness.Run("sweep", file, "--events", "--out", scratch["s"], "--resume");
        Assert.True(same.ExitCode == 0, same.Err);
    }
}
