using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anarchy.Engine;
using Anarchy.MonteCarlo;
using Anarchy.Output;

namespace Anarchy.Sweeps;

/// <summary>A sweep's problem in the caller's input (a mismatched resume, a bad set of shards): exit code 2.</summary>
public sealed class SweepException : Exception
{
    public SweepException() { }
    public SweepException(string message) : base(message) { }
    public SweepException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>How a sweep (or one shard of it) ended.</summary>
/// <param name="OutputPath">The output folder.</param>
/// <param name="RunsPlanned">Runs of the sweep (or shard).</param>
/// <param name="RunsCompleted">Runs in the journal, from this and any earlier session.</param>
/// <param name="Completed">Whether every planned run is done and the data files are written.</param>
/// <param name="Elapsed">Wall time of this call.</param>
/// <param name="RunsThisSession">Runs this call ran (fewer than <paramref name="RunsCompleted"/> after a resume).</param>
public sealed record SweepResult(string OutputPath, long RunsPlanned, long RunsCompleted, bool Completed, TimeSpan Elapsed, long RunsThisSession);

/// <summary>
/// Runs a sweep or one shard of it into an output folder, crash-safe and resumable (docs/SWEEPS.md): finished runs
/// go to a journal as they are delivered, in run order (with <c>--panel</c>, their panel rows to a second journal,
/// <see cref="SweepPanels"/>); with <c>--resume</c> only the missing runs are run; when all are done, runs.csv/.parquet
/// and points.csv/.parquet (and the panel tables) are written from the journals, so the files of an interrupted and
/// resumed sweep equal an uninterrupted one's, byte for byte.
/// </summary>
public static class SweepRunner
{
    public const string JournalFile = "journal.bin";
    public const string SweepFile = "sweep.json";
    public const string ManifestFile = "manifest.json";

    public static SweepResult Run(SweepJob job, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var panelSchemas = DetailSchemas(job);
        var started = DateTimeOffset.UtcNow;
        using var folder = Prepare(job);
        var (first, end) = job.Shard.PointRange(job.Points);
        long planned = (long)(end - first) * job.Replicates;

        long completed = 0, before = 0;
        try
        {
            string panelPath = folder.PathOf(SweepPanels.JournalFile);
            // With series, events or panels, both journals keep the runs complete in both (SweepPanels); without, a
            // detail journal can only be left by a start with them that finished no run (Prepare refuses any other).
            long keep = job.HasDetail ? SweepPanels.CompleteRuns(panelPath).Runs : long.MaxValue;
            if (!job.HasDetail && File.Exists(panelPath)) File.Delete(panelPath);
            using (var journal = RunJournal.OpenForAppend(folder.PathOf(JournalFile), keep))
            using (var panels = job.HasDetail ? SweepPanels.OpenForAppend(panelPath, journal.Records, job.Series, job.Events, job.Panel ? job.Model.PanelSchemas.Count : 0) : null)
            {
                completed = before = journal.Records;
                WriteManifest(folder, job, "running", planned, completed, started, null);
                if (completed < planned)
                {
                    // Keys are made as the runs are taken, so memory does not grow with the size of the sweep.
                    long done = completed;
                    var plan = RunPlan.FromFunction(planned - done, i =>
                    {
                        long x = done + i;
                        int point = first + (int)(x / job.Replicates), replicate = (int)(x % job.Replicates);
                        return new RunKey((long)point * job.Replicates + replicate, point, replicate, job.SeedOf(point, replicate));
                    });
                    var outcome = MonteCarloRunner.Run(job.Model, plan, new RunDetail(job.Series, job.Events, job.Panel), new JournalSink(journal, panels), job.Threads,
                        progress is null ? null : new Offset(progress, completed, planned), cancellation);
                    completed = journal.Records;
                    if (outcome.Cancelled)
                    {
                        WriteManifest(folder, job, "interrupted", planned, completed, started, null);
                        return new SweepResult(folder.Path, planned, completed, false, DateTimeOffset.UtcNow - started, completed - before);
                    }
                }
            }

            // What is computed over the whole design (Sobol indices) waits for the merge when this is one shard.
            var afterFinish = job.Shard.Count == 1 ? job.AfterFinish : null;
            var points = afterFinish is null ? null : new List<Cell[]>();
            var files = Finish(folder, job.Model.RunSchema, job.Factors, job.Outputs, RunJournal.ReadRows(folder.PathOf(JournalFile)), points);
            if (job.HasDetail)
                files = FinishPanels(folder, panelSchemas, SweepPanels.ReadRows(folder.PathOf(SweepPanels.JournalFile), completed), files);
            afterFinish?.Invoke(new SweepPoints(folder.Path, new PointAggregator(job.Model.RunSchema, job.Factors, job.Outputs).Schema, points!));
            WriteManifest(folder, job, "completed", planned, completed, started, files);
            return new SweepResult(folder.Path, planned, completed, true, DateTimeOffset.UtcNow - started, completed - before);
        }
        catch (Exception e)
        {
            // The journal keeps every run delivered before the failure, so --resume continues from there.
            var failure = Failure(folder, e);
            long journalled = completed;
            try
            {
                journalled = RunJournal.Count(folder.PathOf(JournalFile));
            }
            catch (Exception count) when (OutputWriteException.IsWriteFailure(count) || count is InvalidDataException)
            {
                // As many as were known before the failure.
            }
            RunSet.TryWriteFailed(folder, () => WriteManifest(folder, job, "failed", planned, journalled, started, null, reason: failure.Message));
            if (ReferenceEquals(failure, e)) throw;
            throw failure;
        }
    }

    /// <summary>A failure to write becomes an <see cref="OutputWriteException"/> that says what is left; others stay as they are.</summary>
    internal static Exception Failure(OutputFolder folder, Exception e) =>
        e is not RunFailedException and not OutputWriteException and not OutputFolderException && OutputWriteException.IsWriteFailure(e)
            ? new OutputWriteException($"writing the output in '{folder.Path}' failed: {OutputWriteException.Describe(e)}; the unfinished files were removed, the journal keeps the finished runs (continue with --resume), and manifest.json says \"failed\"", e)
            : e;

    /// <summary>Writes runs.* and points.* from run rows in run order (adding the point rows to <paramref name="keepPoints"/> when given); returns the row count of each file.</summary>
    public static IReadOnlyDictionary<string, long> Finish(OutputFolder folder, TableSchema runSchema, IReadOnlyList<string> factors,
        IReadOnlyList<string> outputs, IEnumerable<Cell[]> rows, List<Cell[]>? keepPoints = null)
    {
        var aggregator = new PointAggregator(runSchema, factors, outputs);
        foreach (var name in new[] { "runs.csv", "runs.parquet", "points.csv", "points.parquet", "sensitivity.csv", "sensitivity.parquet" })
        {
            if (File.Exists(folder.PathOf(name))) File.Delete(folder.PathOf(name)); // a previous finish, rewritten identically
        }
        using var runs = TableOutput.Create(folder, runSchema);
        using var points = TableOutput.Create(folder, aggregator.Schema);
        foreach (var row in rows)
        {
            runs.WriteRow(row);
            if (aggregator.Add(row) is { } summary)
            {
                points.WriteRow(summary);
                keepPoints?.Add(summary);
            }
        }
        if (aggregator.Flush() is { } last)
        {
            points.WriteRow(last);
            keepPoints?.Add(last);
        }
        runs.Commit();
        points.Commit();
        return new Dictionary<string, long>
        {
            ["runs.csv"] = runs.RowCount,
            ["runs.parquet"] = runs.RowCount,
            ["points.csv"] = points.RowCount,
            ["points.parquet"] = points.RowCount,
        };
    }

    /// <summary>
    /// Writes the panel tables (<see cref="SweepPanels"/>) from (table index, row) pairs in run order, replacing any
    /// earlier ones; returns <paramref name="files"/> with their row counts added.
    /// </summary>
    public static IReadOnlyDictionary<string, long> FinishPanels(OutputFolder folder, IReadOnlyList<TableSchema> schemas,
        IEnumerable<(int Table, Cell[] Row)> rows, IReadOnlyDictionary<string, long> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var schema in schemas)
        {
            foreach (var name in new[] { schema.Name + ".csv", schema.Name + ".parquet" })
            {
                if (File.Exists(folder.PathOf(name))) File.Delete(folder.PathOf(name)); // a previous finish, rewritten identically
            }
        }
        var tables = new List<TableOutput>(schemas.Count);
        try
        {
            foreach (var schema in schemas) tables.Add(TableOutput.Create(folder, schema));
            foreach (var (table, row) in rows)
            {
                if (table < 0 || table >= tables.Count)
                    throw new InvalidDataException($"a panel row of table {table}; the model has {tables.Count} panel tables");
                tables[table].WriteRow(row);
            }
            foreach (var table in tables) table.Commit();
            var all = new Dictionary<string, long>(files, StringComparer.Ordinal);
            foreach (var table in tables)
            {
                all[Path.GetFileName(table.CsvPath)] = table.RowCount;
                all[Path.GetFileName(table.ParquetPath)] = table.RowCount;
            }
            return all;
        }
        finally
        {
            foreach (var table in tables) table.Dispose();
        }
    }

    /// <summary>The job's series, events and panel tables as asked for, checked before anything is written.</summary>
    internal static IReadOnlyList<TableSchema> DetailSchemas(SweepJob job)
    {
        if (job.Panel && job.Model.PanelSchemas.Count == 0) throw new ArgumentException($"the model '{job.Model.Name}' has no panel tables", nameof(job));
        return SweepPanels.Schemas(job.Model, job.Series, job.Events, job.Panel);
    }

    /// <summary>SHA-256 of a sweep file's text, as hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static OutputFolder Prepare(SweepJob job)
    {
        string sweepPath = Path.Combine(job.OutputPath, SweepFile);
        if (job.Resume && File.Exists(sweepPath))
        {
            if (Hash(File.ReadAllText(sweepPath)) != Hash(job.SweepText))
                throw new SweepException($"--resume: {job.OutputPath} holds a different sweep file; use another --out or run without --resume");
            using var manifest = ReadManifest(job.OutputPath);
            var shard = manifest is null ? ShardSpec.Whole : ShardOf(manifest.RootElement);
            if (shard != job.Shard)
                throw new SweepException($"--resume: {job.OutputPath} holds shard {shard}, not {job.Shard}");
            var (series, events, panels) = manifest is null
                ? (false, false, File.Exists(Path.Combine(job.OutputPath, SweepPanels.JournalFile)))
                : DetailOf(manifest.RootElement);
            if ((series, events, panels) != (job.Series, job.Events, job.Panel) && RunJournal.Count(Path.Combine(job.OutputPath, JournalFile)) > 0)
            {
                var started = job with { Series = series, Events = events, Panel = panels };
                if ((series, events) == (job.Series, job.Events))
                {
                    throw new SweepException(job.Panel
                        ? $"--resume: {job.OutputPath} was started without --panel, so its finished runs have no panel rows; resume it without --panel, or run the sweep with --panel into another --out (or with --overwrite)"
                        : $"--resume: {job.OutputPath} was started with --panel; resume it with --panel too");
                }
                string with = started.DetailOptions.Length > 0 ? "with " + started.DetailOptions : "without --series, --events or --panel";
                throw new SweepException($"--resume: {job.OutputPath} was started {with}, so its finished runs have only those tables; resume it with the same options, or run the sweep into another --out (or with --overwrite)");
            }
            return OutputFolder.Prepare(job.OutputPath, overwrite: false, allowExisting: true);
        }
        var folder = OutputFolder.Prepare(job.OutputPath, job.Overwrite && !job.Resume);
        WriteInputs(folder, job);
        return folder;
    }

    /// <summary>The sweep file and the job's extra files, as given.</summary>
    internal static void WriteInputs(OutputFolder folder, SweepJob job)
    {
        AtomicFile.WriteAllText(folder.PathOf(SweepFile), job.SweepText);
        foreach (var (name, text) in job.ExtraFiles) AtomicFile.WriteAllText(folder.PathOf(name), text);
    }

    internal static JsonDocument? ReadManifest(string directory)
    {
        string path = Path.Combine(directory, ManifestFile);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;
    }

    /// <summary>Which per-run tables a sweep's manifest says it writes (a manifest without the field: not that table).</summary>
    internal static (bool Series, bool Events, bool Panel) DetailOf(JsonElement manifest)
    {
        bool Flag(string name) => manifest.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        return (Flag("series"), Flag("events"), Flag("panel"));
    }

    internal static ShardSpec ShardOf(JsonElement manifest) =>
        manifest.TryGetProperty("shard", out var s) ? new ShardSpec(s.GetProperty("index").GetInt32(), s.GetProperty("count").GetInt32()) : ShardSpec.Whole;

    internal static void WriteManifest(OutputFolder folder, SweepJob job, string status, long planned, long completed,
        DateTimeOffset started, IReadOnlyDictionary<string, long>? files, IReadOnlyList<string>? mergedShards = null, string? reason = null)
    {
        var (first, end) = job.Shard.PointRange(job.Points);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Manifest.WriterOptions))
        {
            w.WriteStartObject();
            Manifest.WriteProvenance(w, job.Command, job.Model.Name, job.Model.Version, job.Engine);
            w.WriteString("sweepSha256", Hash(job.SweepText));
            w.WriteString("design", job.Design);
            w.WriteNumber("seed", job.Seed);
            w.WriteBoolean("commonRandomNumbers", job.CommonRandomNumbers);
            w.WriteBoolean("series", job.Series);
            w.WriteBoolean("events", job.Events);
            w.WriteBoolean("panel", job.Panel);
            w.WriteNumber("points", job.Points);
            w.WriteNumber("replicates", job.Replicates);
            w.WriteStartObject("shard");
            w.WriteNumber("index", job.Shard.Index);
            w.WriteNumber("count", job.Shard.Count);
            w.WriteNumber("firstPoint", first);
            w.WriteNumber("endPoint", end);
            w.WriteEndObject();
            if (mergedShards is not null)
            {
                w.WriteStartArray("mergedShards");
                foreach (var shard in mergedShards) w.WriteStringValue(Path.GetFullPath(shard));
                w.WriteEndArray();
            }
            w.WriteNumber("runsPlanned", planned);
            w.WriteNumber("runsCompleted", completed);
            w.WriteString("status", status);
            if (reason is not null) w.WriteString("reason", reason);
            w.WriteBoolean("complete", status == "completed");
            w.WriteNumber("threads", job.Threads);
            w.WriteString("started", started.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("finished", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartObject("files");
            foreach (var (name, rows) in (files ?? new Dictionary<string, long>()).OrderBy(f => f.Key, StringComparer.Ordinal))
                w.WriteNumber(name, rows);
            w.WriteEndObject();
            TableColumns.WriteManifestField(w, folder.Path, files?.Keys ?? []);
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(folder.PathOf(ManifestFile), Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    /// <summary>Journals each run's panel rows (when asked for) and then its summary row, so the panel journal never
    /// lags the run journal.</summary>
    private sealed class JournalSink(RunJournal journal, SweepPanels.Writer? panels) : IRunSink
    {
        public void Accept(RunKey key, RunRows rows)
        {
            panels?.Append(key, rows);
            journal.Append(rows.Summary);
        }
    }

    /// <summary>Progress of the whole shard, counting runs finished in earlier sessions.</summary>
    private sealed class Offset(IProgress<RunProgress> inner, long done, long planned) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => inner.Report(value with { Completed = done + value.Completed, Total = planned });
    }
}
