using System.Text.Json;
using System.Text.RegularExpressions;

namespace Anarchy.Output;

/// <summary>
/// Which entries of an output folder anarchy wrote, and may therefore remove when the folder is overwritten
/// (README, "Output folders"): its manifests (manifest.json, study.json), the inputs it copies there (sweep.json,
/// scenario.json), the sweep journals (runs and panel rows), the report, the files the manifest lists, the tables runs, series, events and
/// points and sensitivity (.csv, .parquet), the plots recorded in plots.json, the lock file and hidden temporary
/// files; a study's <c>arms/</c> folder and a <c>plots/</c> folder when everything in them is anarchy's too.
/// Anything else (a link, another folder, a file of the user's) is foreign.
/// </summary>
public static partial class OwnedEntries
{
    /// <summary>The manifest of a run, sweep, merge or study arm.</summary>
    public const string ManifestFile = "manifest.json";
    /// <summary>The record of a research study.</summary>
    public const string StudyFile = "study.json";
    /// <summary>The record of the plots written into a folder.</summary>
    public const string PlotsFile = "plots.json";

    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal)
    {
        ManifestFile, StudyFile, PlotsFile, "sweep.json", "scenario.json", "journal.bin", "panel_journal.bin", "report.md", "sensitivity.csv", "sensitivity.parquet", FolderLock.FileName,
        "runs.csv", "runs.parquet", "series.csv", "series.parquet", "events.csv", "events.parquet", "points.csv", "points.parquet",
    };

    /// <summary>Whether the folder holds one of anarchy's manifests, the sign that anarchy wrote it.</summary>
    public static bool IsAnarchyFolder(string folder) =>
        File.Exists(Path.Combine(folder, ManifestFile)) || File.Exists(Path.Combine(folder, StudyFile));

    /// <summary>The entries of the folder that anarchy did not write, as paths relative to it, sorted.</summary>
    public static IReadOnlyList<string> Foreign(string folder)
    {
        var foreign = new List<string>();
        Collect(folder, "", foreign);
        foreign.Sort(StringComparer.Ordinal);
        return foreign;
    }

    private static void Collect(string folder, string prefix, List<string> foreign)
    {
        var listed = Listed(folder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            string name = prefix + entry.Name;
            if (entry.LinkTarget is not null)
            {
                foreign.Add(name); // never anarchy's: it writes no links
            }
            else if (entry is DirectoryInfo directory)
            {
                if (entry.Name == "arms" && prefix.Length == 0)
                {
                    foreach (var arm in directory.EnumerateFileSystemInfos())
                    {
                        if (arm is DirectoryInfo && arm.LinkTarget is null && File.Exists(Path.Combine(arm.FullName, ManifestFile)))
                            Collect(arm.FullName, name + "/" + arm.Name + "/", foreign);
                        else
                            foreign.Add(name + "/" + arm.Name);
                    }
                }
                else if (entry.Name == "plots" && File.Exists(Path.Combine(directory.FullName, PlotsFile)))
                {
                    Collect(directory.FullName, name + "/", foreign);
                }
                else
                {
                    foreign.Add(name + "/");
                }
            }
            else if (!(Fixed.Contains(entry.Name) || listed.Contains(entry.Name) || TemporaryName().IsMatch(entry.Name)))
            {
                foreign.Add(name);
            }
        }
    }

    /// <summary>The file names the folder's manifest ("files") and plots record list.</summary>
    private static HashSet<string> Listed(string folder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            string manifest = Path.Combine(folder, ManifestFile);
            if (File.Exists(manifest))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(manifest));
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Object)
                    foreach (var file in files.EnumerateObject()) names.Add(file.Name);
            }
            names.UnionWith(PlotRecord.Read(folder));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // An unreadable record lists nothing: its files count as foreign, which only makes overwriting stricter.
        }
        return names;
    }

    /// <summary>The hidden temporary files of <see cref="AtomicFile"/>, the table writers and the plots.</summary>
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}

/// <summary>
/// plots.json: the PNG files anarchy wrote into a folder, so that a later plot may replace them (and an overwrite
/// remove them) while a file of the same name that anarchy did not write is never touched.
/// </summary>
public static class PlotRecord
{
    private static readonly object Gate = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The names recorded in the folder's plots.json (none if it has none).</summary>
    public static IReadOnlyList<string> Read(string folder)
    {
        string path = Path.Combine(folder, OwnedEntries.PlotsFile);
        if (!File.Exists(path)) return [];
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
            ? files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToList()
            : [];
    }

    /// <summary>Whether a plot may be written under <paramref name="fileName"/>: no such file yet, or one anarchy wrote.</summary>
    public static bool MayWrite(string folder, string fileName)
    {
        lock (Gate)
        {
            return !File.Exists(Path.Combine(folder, fileName)) || ReadQuietly(folder).Contains(fileName);
        }
    }

    /// <summary>Adds a written plot to the folder's plots.json.</summary>
    public static void Add(string folder, string fileName)
    {
        lock (Gate)
        {
            var names = new SortedSet<string>(ReadQuietly(folder), StringComparer.Ordinal) { fileName };
            string json = JsonSerializer.Serialize(new { tool = "anarchy", files = names.ToArray() }, Indented);
            AtomicFile.WriteAllText(Path.Combine(folder, OwnedEntries.PlotsFile), json + "\n");
        }
    }

    private static IReadOnlyList<string> ReadQuietly(string folder)
    {
        try
        {
            return Read(folder);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
