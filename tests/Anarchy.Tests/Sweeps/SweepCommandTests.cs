using System.Buffers.Binary;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheKernelAndTheReferenceEngineGiveTheSameSweep(bool commonRandomNumbers)
    {
        using var scratch = new ScratchFolder();
        string json = commonRandomNumbers
            ? Grid.Replace("\"seed\": 11", "\"seed\": 11, \"commonRandomNumbers\": true", StringComparison.Ordinal)
            : Grid;
        var file = scratch.Write("grid.json", json);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["kernel"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["reference"], "--engine", "reference").ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["reference/" + name]), File.ReadAllBytes(scratch["kernel/" + name]));

        // The setting took effect: the manifest records it, and with common random numbers the 12 points share the
        // 4 replicate seeds instead of having 48 seeds of their own.
        foreach (var engine in new[] { "kernel", "reference" })
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(scratch[engine + "/manifest.json"]));
            Assert.Equal(commonRandomNumbers, manifest.RootElement.GetProperty("commonRandomNumbers").GetBoolean());
        }
        Assert.Equal(commonRandomNumbers ? 4 : 48, Table(scratch["kernel/runs.csv"]).Select(r => r["seed"]).Distinct().Count());
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
        var file = scratch.Write("grid.json", Grid.Replace("\"replicates\": 4", "\"replicates\": 1000", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["whole"]).ExitCode);

        // Cancel (as Ctrl+C does) once some runs are in the journal: whatever the machine's speed, mid-sweep.
        string journal = scratch["resumed/journal.bin"];
        using (var cancel = new CancellationTokenSource())
        {
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
            Assert.False(File.Exists(scratch["resumed/runs.csv"]), "the sweep finished before it was cancelled; make it larger");

            // The journal holds a prefix of the sweep's runs, and the message reports exactly that many.
            int kept = JournalRecords(File.ReadAllBytes(journal)).Count;
            Assert.InRange(kept, 1, 12 * 1000 - 1);
            Assert.Contains($"Interrupted after {kept} of {12 * 1000} runs", first.Err, StringComparison.Ordinal);
            using var manifest = JsonDocument.Parse(File.ReadAllText(scratch["resumed/manifest.json"]));
            Assert.Equal("interrupted", manifest.RootElement.GetProperty("status").GetString());
            Assert.Equal(kept, manifest.RootElement.GetProperty("runsCompleted").GetInt64());
        }
        var resumed = CliHarness.Run("sweep", file, "--out", scratch["resumed"], "--resume");
        Assert.Equal(0, resumed.ExitCode);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["resumed/" + name]));
        Assert.Equal(File.ReadAllBytes(scratch["whole/journal.bin"]), File.ReadAllBytes(journal)); // no run journalled twice
    }

    [Fact]
    public async Task ASweepKilledMidWriteResumesFromItsJournalToTheSameFiles()
    {
        using var scratch = new ScratchFolder();
        // Large enough that one thread takes seconds (the kernel ran 4,800 of these runs in 0.7 s, before the kill).
        const int planned = 12 * 2000;
        var file = scratch.Write("grid.json", Grid.Replace("\"replicates\": 4", "\"replicates\": 2000", StringComparison.Ordinal));
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["whole"]).ExitCode);
        byte[] wholeJournal = File.ReadAllBytes(scratch["whole/journal.bin"]);
        Assert.Equal(planned, JournalRecords(wholeJournal).Count);

        // A separate process, killed with SIGKILL while it writes: no handler runs, nothing is flushed on exit.
        string cli = typeof(Anarchy.Cli.CliApp).Assembly.Location;
        string journal = scratch["killed/journal.bin"];
        string childErr;
        using (var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "sweep", file, "--out", scratch["killed"], "--threads", "1"])
        { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && !process.HasExited && (!File.Exists(journal) || new FileInfo(journal).Length < 20_000)) await Task.Delay(20);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            childErr = await stderr;
            Assert.Equal("", await stdout); // a sweep prints its results to files only
        }
        // The child started this very sweep and was killed before it finished it.
        Assert.Contains($"Sweep 'small-grid': grid (full factorial, 3 levels per range factor), 12 points x 2000 replicates = {planned} runs, 1 thread.",
            childErr, StringComparison.Ordinal);
        Assert.DoesNotContain("runs done", childErr, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch["killed/runs.csv"]), "the process finished before it could be killed; make the sweep larger");

        // At the kill the journal held the first runs of the sweep, record for record those of the uninterrupted one
        // (any torn record after them is cut off on resume).
        byte[] atKill = File.ReadAllBytes(journal);
        var records = JournalRecords(atKill);
        Assert.InRange(records.Count, 1, planned - 1);
        var last = records[^1];
        Assert.Equal(wholeJournal.AsSpan(0, last.End).ToArray(), atKill.AsSpan(0, last.End).ToArray());

        // A copy of the killed folder whose first and last journalled runs are marked with impossible war counts.
        CopyFolder(scratch["killed"], scratch["marked"]);
        int warsColumn = Array.IndexOf(File.ReadAllLines(scratch["whole/runs.csv"])[0].Split(','), "wars");
        Assert.True(warsColumn > 0);
        var marks = new Dictionary<int, long> { [0] = 999_999, [records.Count - 1] = 999_998 };
        byte[] marked = File.ReadAllBytes(scratch["marked/journal.bin"]);
        foreach (var (record, wars) in marks) SetInt64Cell(marked, records[record], warsColumn, wars);
        File.WriteAllBytes(scratch["marked/journal.bin"], marked);
        Assert.Equal(records.Count, JournalRecords(marked).Count); // the marked records are still valid

        var resumed = CliHarness.Run("sweep", file, "--out", scratch["killed"], "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{planned} runs done", resumed.Err, StringComparison.Ordinal);
        foreach (var name in DataFiles)
            Assert.Equal(File.ReadAllBytes(scratch["whole/" + name]), File.ReadAllBytes(scratch["killed/" + name]));
        Assert.Equal(wholeJournal, File.ReadAllBytes(journal)); // each run journalled once, the torn tail cut off

        // Resuming the marked copy keeps the marks: the runs journalled before the kill were read back, not run again,
        // and every other run was run and equals the uninterrupted sweep's.
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["marked"], "--resume").ExitCode);
        var expected = File.ReadAllLines(scratch["whole/runs.csv"]);
        var actual = File.ReadAllLines(scratch["marked/runs.csv"]);
        Assert.Equal(expected.Length, actual.Length);
        for (int line = 0; line < expected.Length; line++)
        {
            if (line >= 1 && marks.TryGetValue(line - 1, out long wars))
            {
                var cells = expected[line].Split(',');
                cells[warsColumn] = wars.ToString(CultureInfo.InvariantCulture);
                Assert.Equal(string.Join(',', cells), actual[line]);
            }
            else
            {
                Assert.Equal(expected[line], actual[line]);
            }
        }
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

    /// <summary>One complete record of a journal file: where it starts and ends, and where its payload lies.</summary>
    internal readonly record struct JournalRecord(int Start, int PayloadStart, int PayloadLength)
    {
        public int End => PayloadStart + PayloadLength + 8;
    }

    /// <summary>
    /// The complete records of journal.bin, read by the format src/Anarchy/Sweeps/RunJournal.cs writes and without it:
    /// each record is the magic 0x4E524A41 ("AJRN", little-endian), the payload's length (int32), the payload and the
    /// payload's 64-bit FNV-1a hash. Reading stops at the first record that is cut short or fails its hash (a record
    /// torn by a kill).
    /// </summary>
    internal static List<JournalRecord> JournalRecords(byte[] bytes)
    {
        var records = new List<JournalRecord>();
        int at = 0;
        while (at + 8 <= bytes.Length && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) == 0x4E524A41)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            if (length < 0 || (long)at + 16 + length > bytes.Length) break;
            var record = new JournalRecord(at, at + 8, length);
            if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(record.End - 8)) != Fnv1a(bytes.AsSpan(record.PayloadStart, length))) break;
            records.Add(record);
            at = record.End;
        }
        return records;
    }

    /// <summary>
    /// Overwrites an integer cell of a record's row and its hash. The payload is the cell count (int32) and then each
    /// cell: a kind byte (0 integer, 1 real, 2 text) followed by 8 bytes, or for text by a length (int32, -1 for a
    /// missing value) and that many UTF-8 bytes.
    /// </summary>
    private static void SetInt64Cell(byte[] bytes, JournalRecord record, int column, long value)
    {
        var payload = bytes.AsSpan(record.PayloadStart, record.PayloadLength);
        Assert.InRange(column, 0, BinaryPrimitives.ReadInt32LittleEndian(payload) - 1);
        int at = 4;
        for (int c = 0; c < column; c++)
        {
            byte kind = payload[at++];
            at += kind == 2 ? 4 + Math.Max(0, BinaryPrimitives.ReadInt32LittleEndian(payload[at..])) : 8;
        }
        Assert.Equal(0, payload[at]); // an integer cell
        BinaryPrimitives.WriteInt64LittleEndian(payload[(at + 1)..], value);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(record.End - 8), Fnv1a(payload));
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    internal static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var path in Directory.GetFiles(from)) File.Copy(path, Path.Combine(to, Path.GetFileName(path)));
    }

    private static List<Dictionary<string, string>> Table(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
