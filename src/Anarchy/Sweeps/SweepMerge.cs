using Anarchy.Output;

namespace Anarchy.Sweeps;

/// <summary>
/// Combines the output folders of a sweep's shards into the data files a single process would have written, byte
/// for byte: the shards' journals are read in shard order (each shard holds a contiguous range of points) and
/// finished as one (with their panel journals when they were run with <c>--panel</c>). Refuses shards of different
/// sweep files, duplicate or missing shards, unfinished shards, and a mix of shards with and without panels.
/// </summary>
public static class SweepMerge
{
    /// <summary>The sweep file text all shards share, the shards in order and whether they have panel tables (all
    /// or none may), after checking them. Throws <see cref="SweepException"/>.</summary>
    public static (string SweepText, IReadOnlyList<string> Ordered, bool Panel) Check(IReadOnlyList<string> shardFolders)
    {
        var (text, ordered, detail) = CheckDetail(shardFolders);
        return (text, ordered, detail.Panel);
    }

    /// <summary>As <see cref="Check"/>, with which of the series, events and panel tables the shards have (they must
    /// all have the same).</summary>
    public static (string SweepText, IReadOnlyList<string> Ordered, (bool Series, bool Events, bool Panel) Detail) CheckDetail(IReadOnlyList<string> shardFolders)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        if (shardFolders.Count == 0) throw new SweepException("merge: give the shard folders to merge");
        var shards = new List<(string Folder, ShardSpec Shard, string Hash, string Text, bool Panel, (bool, bool, bool) Detail)>();
        foreach (var folder in shardFolders)
        {
            string sweepPath = Path.Combine(folder, SweepRunner.SweepFile);
            if (!File.Exists(sweepPath))
                throw new SweepException($"merge: {folder} is not a sweep output folder (no {SweepRunner.SweepFile})");
            using var manifest = SweepRunner.ReadManifest(folder)
                ?? throw new SweepException($"merge: {folder} has no {SweepRunner.ManifestFile}");
            var root = manifest.RootElement;
            string status = root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
            if (status != "completed")
                throw new SweepException($"merge: {folder} is not complete (status '{status}'); finish it with 'anarchy sweep ... --resume' first");
            string text = File.ReadAllText(sweepPath);
            var detail = SweepRunner.DetailOf(root);
            bool panel = detail.Panel;
            if ((detail.Series || detail.Events || panel) && !File.Exists(Path.Combine(folder, SweepPanels.JournalFile)))
                throw new SweepException($"merge: {folder} was run with {Options(detail)} but has no {SweepPanels.JournalFile}, which holds those rows; run the shard again with the same options");
            shards.Add((folder, SweepRunner.ShardOf(root), SweepRunner.Hash(text), text, panel, detail));
        }
        var hashes = shards.Select(s => s.Hash).Distinct(StringComparer.Ordinal).ToList();
        if (hashes.Count > 1)
        {
            var groups = string.Join("; ", shards.GroupBy(s => s.Hash).Select(g => string.Join(", ", g.Select(s => s.Folder))));
            throw new SweepException($"merge: the folders come from different sweep files ({groups})");
        }
        var counts = shards.Select(s => s.Shard.Count).Distinct().ToList();
        if (counts.Count > 1)
            throw new SweepException($"merge: the folders split the sweep into different numbers of shards ({string.Join(", ", counts)})");
        int n = counts[0];
        var duplicates = shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            var d = duplicates[0];
            throw new SweepException($"merge: shard {d.Key}/{n} is given twice ({string.Join(", ", d.Select(s => s.Folder))})");
        }
        var missing = Enumerable.Range(1, n).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new SweepException($"merge: shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"{m}/{n}"))} missing");
        if (shards.Any(s => s.Panel) && shards.Any(s => !s.Panel))
        {
            string with = string.Join(", ", shards.Where(s => s.Panel).Select(s => s.Folder));
            string without = string.Join(", ", shards.Where(s => !s.Panel).Select(s => s.Folder));
            throw new SweepException($"merge: some shards have panel tables (run with --panel: {with}) and some do not ({without}); the merged panel tables would miss their runs. Run the shards without them again with --panel --overwrite, or merge shards all run without --panel");
        }
        var details = shards.Select(s => s.Detail).Distinct().ToList();
        if (details.Count > 1)
        {
            string groups = string.Join("; ", shards.GroupBy(s => s.Detail).Select(g => $"{Options(g.Key)}: {string.Join(", ", g.Select(s => s.Folder))}"));
            throw new SweepException($"merge: the shards were run with different tables ({groups}); run them all with the same --series, --events and --panel");
        }
        return (shards[0].Text, shards.OrderBy(s => s.Shard.Index).Select(s => s.Folder).ToList(), shards[0].Detail);
    }

    /// <summary>The options of a set of tables, as on the command line.</summary>
    private static string Options((bool Series, bool Events, bool Panel) detail)
    {
        string text = string.Join(' ', new[] { detail.Series ? "--series" : "", detail.Events ? "--events" : "", detail.Panel ? "--panel" : "" }.Where(o => o.Length > 0));
        return text.Length > 0 ? text : "no --series, --events or --panel";
    }

    /// <summary>Writes the merged data files and a manifest listing the shards into the job's output folder.</summary>
    public static void Merge(SweepJob job, IReadOnlyList<string> orderedShards)
    {
        var started = DateTimeOffset.UtcNow;
        CheckOutput(job.OutputPath, orderedShards);
        var panelSchemas = SweepRunner.DetailSchemas(job);
        using var folder = OutputFolder.Prepare(job.OutputPath, job.Overwrite);
        var whole = job with { Shard = ShardSpec.Whole };
        try
        {
            SweepRunner.WriteInputs(folder, job);
            var rows = orderedShards.SelectMany(s => RunJournal.ReadRows(Path.Combine(s, SweepRunner.JournalFile)));
            var points = job.AfterFinish is null ? null : new List<Output.Cell[]>();
            var files = SweepRunner.Finish(folder, job.Model.RunSchema, job.Factors, job.Outputs, rows, points);
            if (job.HasDetail)
            {
                var panelRows = orderedShards.SelectMany(s => SweepPanels.ReadRows(Path.Combine(s, SweepPanels.JournalFile),
                    RunJournal.Count(Path.Combine(s, SweepRunner.JournalFile))));
                files = SweepRunner.FinishPanels(folder, panelSchemas, panelRows, files);
            }
            job.AfterFinish?.Invoke(new SweepPoints(folder.Path, new PointAggregator(job.Model.RunSchema, job.Factors, job.Outputs).Schema, points!));

            long runs = files["runs.csv"];
            SweepRunner.WriteManifest(folder, whole, "completed", runs, runs, started, files, orderedShards);
        }
        catch (Exception e)
        {
            var failure = SweepRunner.Failure(folder, e);
            MonteCarlo.RunSet.TryWriteFailed(folder, () => SweepRunner.WriteManifest(folder, whole, "failed", 0, 0, started, null, orderedShards, failure.Message));
            if (ReferenceEquals(failure, e)) throw;
            throw failure;
        }
    }

    /// <summary>
    /// Refuses an output folder that is one of the shards, lies inside one, or holds one: writing there would
    /// replace or mix with the inputs being read.
    /// </summary>
    public static void CheckOutput(string outputPath, IReadOnlyList<string> shardFolders)
    {
        if (string.IsNullOrWhiteSpace(outputPath)) return; // OutputFolder.Prepare says what is wrong with it
        string output = Normalised(outputPath);
        foreach (var shard in shardFolders)
        {
            string input = Normalised(shard);
            string? relation = output == input ? "is"
                : output.StartsWith(input + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "lies inside"
                : input.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "contains"
                : null;
            if (relation is not null)
                throw new SweepException($"merge: --out {outputPath} {relation} the shard folder {shard}; merging there would overwrite the shards being merged. Choose an --out outside every shard folder");
        }
    }

    /// <summary>A folder's full path with links resolved where they exist, without a trailing separator.</summary>
    private static string Normalised(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        // Resolve the longest existing prefix's links, so that two spellings of one folder compare equal.
        var existing = new DirectoryInfo(full);
        var rest = new Stack<string>();
        while (existing.Parent is not null && !existing.Exists)
        {
            rest.Push(existing.Name);
            existing = existing.Parent;
        }
        string resolved = Resolve(existing);
        foreach (var part in rest) resolved = Path.Combine(resolved, part);
        return Path.TrimEndingDirectorySeparator(resolved);
    }

    private static string Resolve(DirectoryInfo directory)
    {
        if (directory.Parent is null) return directory.FullName;
        string parent = Resolve(directory.Parent);
        string here = Path.Combine(parent, directory.Name);
        var info = new DirectoryInfo(here);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            return Path.TrimEndingDirectorySeparator(target.FullName);
        return here;
    }
}
