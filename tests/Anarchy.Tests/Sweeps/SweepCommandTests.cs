using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Sweeps;

public sealed class SweepCommandTests
{
    internal const string Grid = """
        {
          "name": "small-grid",
          "scenario": { "states": 6, "ticks": 15 },
          "factors": [
            { "name": "honour", "levels": [0.1, 0.6] },
            { "name": "looseness", "min": 0, "max": 1 },
            { "name": "chainDepth", "levels": [1, 3] }
          ],
          "design": { "type": "grid", "levels": 3 },
          "replicates": 4,
          "seed": 11,
          "outputs": ["wars", "entangled", "mean_burden"]
        }
        """;

    private static readonly string[] DataFiles = ["runs.csv", "runs.parquet", "points.csv", "points.parquet"];

    [Fact]
    public void AGridSweepWritesRunsInPointAndReplicateOrderAndOnePointRowPerPoint()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid);
        var result = CliHarness.Run("sweep", file, "--out", scratch["o"]);

        Assert.Equal(0, result.ExitCode);
        var runs = File.ReadAllLines(scratch["o/runs.csv"]);
        Assert.Equal(1 + 12 * 4, runs.Length); // 2 x 3 x 2 points, 4 replicates each
        Assert.StartsWith("run,point,replicate,honour,looseness,chainDepth,seed,", runs[0], StringComparison.Ordinal);
        for (int r = 0; r < 48; r++)
            Assert.StartsWith($"{r},{r / 4},{r % 4},", runs[r + 1], StringComparison.Ordinal);
        var points = File.ReadAllLines(scratch["o/points.csv"]);
        Assert.Equal(1 + 12, points.Length);
        Assert.StartsWith("point,honour,looseness,chainDepth,replicates,wars_mean,wars_sd,wars_ci_low,wars_ci_high,wars_median,wars_q05,wars_q95,", points[0], StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["o/manifest.json"]));
        Assert.True(manifest.RootElement.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void PointSummariesAreComputedFromThatPointsRuns()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["o"]).ExitCode);

        var runs = Table(scratch["o/runs.csv"]);
        var points = Table(scratch["o/points.csv"]);
        foreach (var point in points)
        {
            var wars = runs.Where(r => r["point"] == point["point"]).Select(r => double.Parse(r["wars"], CultureInfo.InvariantCulture)).Order().ToArray();
            double mean = wars.Average();
            double sd = Math.Sqrt(wars.Sum(w => (w - mean) * (w - mean)) / (wars.Length - 1));
            Assert.Equal(mean, double.Parse(point["wars_mean"], CultureInfo.InvariantCulture), 12);
            Assert.Equal(sd, double.Parse(point["wars_sd"], CultureInfo.InvariantCulture), 12);
            // Type 7 median of 4 values: the mean of the middle two.
            Assert.Equal((wars[1] + wars[2]) / 2, double.Parse(point["wars_median"], CultureInfo.InvariantCulture), 12);
            Assert.Equal("4", point["replicates"]);
        }
    }

    [Fact]
    public void TheKernelAndTheReferenceEngineGiveTheSameSweep()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid.Replace("\"commonRandomNumbers\": false", "", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["kernel"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["reference"], "--engine", "reference").ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["reference/" + name]), File.ReadAllBytes(scratch["kernel/" + name]));
    }

    [Fact]
    public void WithCommonRandomNumbersEveryPointUsesTheSameSeedsAndOtherwiseEachPointHasItsOwn()
    {
        using var scratch = new ScratchFolder();
        var crn = scratch.Write("crn.json", Grid.Replace("\"seed\": 11", "\"seed\": 11, \"commonRandomNumbers\": true", StringComparison.Ordinal));
        var plain = scratch.Write("plain.json", Grid);
        Assert.Equal(0, CliHarness.Run("sweep", crn, "--out", scratch["crn"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", plain, "--out", scratch["plain"]).ExitCode);

        var withCrn = Table(scratch["crn/runs.csv"]);
        Assert.All(withCrn, r => Assert.Equal(withCrn[int.Parse(r["replicate"], CultureInfo.InvariantCulture)]["seed"], r["seed"]));
        var without = Table(scratch["plain/runs.csv"]);
        Assert.Equal(without.Count, without.Select(r => r["seed"]).Distinct().Count());
    }

    [Fact]
    public void ShardsMergedEqualASingleProcessByteForByte()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["single"], "--threads", "2").ExitCode);
        for (int k = 1; k <= 3; k++)
            Assert.Equal(0, CliHarness.Run("sweep", file, "--shard", $"{k}/3", "--out", scratch[$"s{k}"], "--threads", "1").ExitCode);

        var merged = CliHarness.Run("merge", scratch["s2"], scratch["s1"], scratch["s3"], "--out", scratch["merged"]);
        Assert.Equal(0, merged.ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["single/" + name]), File.ReadAllBytes(scratch["merged/" + name]));

        var missing = CliHarness.Run("merge", scratch["s1"], scratch["s3"], "--out", scratch["m2"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("2/3 missing", missing.Err, StringComparison.Ordinal);
        var duplicate = CliHarness.Run("merge", scratch["s1"], scratch["s1"], scratch["s3"], "--out", scratch["m3"]);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("given twice", duplicate.Err, StringComparison.Ordinal);
        var other = scratch.Write("other.json", Grid.Replace("\"seed\": 11", "\"seed\": 12", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", other, "--shard", "2/3", "--out", scratch["x2"]).ExitCode);
        var mixed = CliHarness.Run("merge", scratch["s1"], scratch["x2"], scratch["s3"], "--out", scratch["m4"]);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("different sweep files", mixed.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInterruptedSweepResumedEqualsAnUninterruptedOne()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid.Replace("\"replicates\": 4", "\"replicates\": 300", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["whole"]).ExitCode);

        // Cancel (as Ctrl+C does) once some runs are in the journal: whatever the machine's speed, mid-sweep.
        using (var cancel = new CancellationTokenSource())
        {
            string journal = scratch["resumed/journal.bin"];
            var watcher = new Thread(() =>
            {
                while (!cancel.IsCancellationRequested && (!File.Exists(journal) || new FileInfo(journal).Length < 20_000)) Thread.Sleep(2);
                cancel.Cancel();
            });
            watcher.Start();
            var first = CliHarness.Run(cancel.Token, "sweep", file, "--out", scratch["resumed"], "--threads", "1");
            cancel.Cancel();
            watcher.Join();
            Assert.Equal(130, first.ExitCode);
        }
        Assert.False(File.Exists(scratch["resumed/runs.csv"]));
        var resumed = CliHarness.Run("sweep", file, "--out", scratch["resumed"], "--resume");
        Assert.Equal(0, resumed.ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["resumed/" + name]));
    }

    [Fact]
    public void ASweepKilledMidWriteResumesToTheSameFiles()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid.Replace("\"replicates\": 4", "\"replicates\": 400", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["whole"]).ExitCode);

        // A separate process, killed with SIGKILL while it writes: no handler runs, nothing is flushed on exit.
        string cli = typeof(Anarchy.Cli.CliApp).Assembly.Location;
        using (var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "sweep", file, "--out", scratch["killed"], "--threads", "1"])
        { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            string journal = scratch["killed/journal.bin"];
            while (DateTime.UtcNow < deadline && (!File.Exists(journal) || new FileInfo(journal).Length < 20_000)) Thread.Sleep(20);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Assert.False(File.Exists(scratch["killed/runs.csv"]), "the process finished before it could be killed; make the sweep larger");

        var resumed = CliHarness.Run("sweep", file, "--out", scratch["killed"], "--resume");
        Assert.Equal(0, resumed.ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["killed/" + name]));
    }

    [Fact]
    public void ASaltelliSweepWritesSensitivityIndicesForEveryFactorAndOutput()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("saltelli.json", """
            {
              "name": "small-saltelli",
              "scenario": { "states": 5, "ticks": 10 },
              "factors": [ { "name": "honour", "min": 0, "max": 1 }, { "name": "escalation", "min": 0, "max": 1 } ],
              "design": { "type": "saltelli", "samples": 16 },
              "replicates": 2,
              "outputs": ["wars", "disputes"]
            }
            """);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["o"]).ExitCode);
        Assert.Equal(1 + 16 * 4, File.ReadAllLines(scratch["o/points.csv"]).Length);
        var rows = Table(scratch["o/sensitivity.csv"]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["honour", "escalation", "honour", "escalation"], rows.Select(r => r["factor"]));
    }

    public static TheoryData<string, string> BadSweeps => new()
    {
        { Grid.Replace("\"name\": \"honour\"", "\"name\": \"honor\"", StringComparison.Ordinal), "factors[0].name" },
        { Grid.Replace("\"min\": 0, \"max\": 1", "\"min\": 1, \"max\": 0", StringComparison.Ordinal), "empty range" },
        { Grid.Replace("\"replicates\": 4", "\"replicates\": 0", StringComparison.Ordinal), "replicates" },
        { Grid.Replace("\"levels\": [0.1, 0.6]", "\"levels\": []", StringComparison.Ordinal), "factors[0].levels" },
        { Grid.Replace("\"levels\": [0.1, 0.6]", "\"levels\": [0.1, -2]", StringComparison.Ordinal), "honour" },
        { Grid.Replace("\"type\": \"grid\", \"levels\": 3", "\"type\": \"lhs\"", StringComparison.Ordinal), "design.samples" },
        { Grid.Replace("\"wars\",", "\"warz\",", StringComparison.Ordinal), "outputs[0]" },
        { Grid.Replace("\"seed\": 11", "\"seed\": 11, \"colour\": 1", StringComparison.Ordinal), "colour" },
        { "{ \"factors\": [ ", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadSweeps))]
    public void ABadSweepFileExitsWithCodeTwoNamingTheFieldAndWritesNothing(string json, string named)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("bad.json", json);
        var result = CliHarness.Run("sweep", file, "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void ShardFourOfThreeIsRefusedAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("grid.json", Grid);
        var result = CliHarness.Run("sweep", file, "--shard", "4/3", "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shard 4/3", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    private static List<Dictionary<string, string>> Table(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
