using System.Reflection;
using System.Text;
using System.Text.Json;
using Anarchy.Output;

namespace Anarchy.MonteCarlo;

/// <summary>The provenance record of a study, written as manifest.json beside its data (docs/OUTPUTS.md, "manifest").</summary>
public sealed record Manifest
{
    public required string Command { get; init; }
    public required string ModelName { get; init; }
    public required string ModelVersion { get; init; }
    public required string Engine { get; init; }
    public required ulong MasterSeed { get; init; }
    public required long RunsPlanned { get; init; }
    public required long RunsCompleted { get; init; }
    public required string Status { get; init; }
    /// <summary>Why a failed study failed; null otherwise.</summary>
    public string? Reason { get; init; }
    public required int Threads { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    public required string ScenarioJson { get; init; }
    public IReadOnlyDictionary<string, long> Files { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<long>? OnlyRuns { get; init; }

    /// <summary>How manifests are written: indented, and with text escaped only where JSON requires it, so that
    /// reasons and commands read as they were written.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The random-number scheme, in words; see docs/decisions/0001-random-numbers.md.</summary>
    public const string RandomScheme =
        "philox4x32-10; run seed = SeedSequence.Derive(masterSeed, point, replicate) with the top bit cleared; " +
        "draw counter = (tick, purpose, a, b), key = run seed; uniform = (top 52 bits + 0.5) * 2^-52; normal = AS241 inverse CDF";

    /// <summary>The model named by the manifest.json in <paramref name="folder"/>; null where there is no readable
    /// manifest or it names no model (folders written before models were named are the default model's).</summary>
    public static string? ReadModel(string folder)
    {
        string path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
                ? model.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tool's version, with the git commit it was built from when known.</summary>
    public static string ToolVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The git commit recorded at build time, or null.</summary>
    public static string? GitCommit
    {
        get
        {
            var version = ToolVersion;
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 && version.Length - plus > 8 ? version[(plus + 1)..] : null;
        }
    }

    /// <summary>The fields every manifest starts with: the tool and its version, the git commit, the command, the
    /// model and its version, the engine and the random-number scheme.</summary>
    public static void WriteProvenance(Utf8JsonWriter w, string command, string model, string modelVersion, string engine)
    {
        w.WriteString("tool", "anarchy");
        w.WriteString("toolVersion", ToolVersion);
        if (GitCommit is { } commit) w.WriteString("gitCommit", commit);
        else w.WriteNull("gitCommit");
        w.WriteString("command", command);
        w.WriteString("model", model);
        w.WriteString("modelVersion", modelVersion);
        w.WriteString("engine", engine);
        w.WriteString("randomScheme", RandomScheme);
    }

    public string ToJson() => ToJson(null);

    /// <summary>The manifest as JSON; with <paramref name="folder"/>, also the columns of its Parquet files
    /// (<see cref="TableColumns"/>).</summary>
    public string ToJson(string? folder)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Manifest.WriterOptions))
        {
            w.WriteStartObject();
            WriteProvenance(w, Command, ModelName, ModelVersion, Engine);
            w.WriteNumber("masterSeed", MasterSeed);
            w.WriteNumber("runsPlanned", RunsPlanned);
            w.WriteNumber("runsCompleted", RunsCompleted);
            if (OnlyRuns is not null)
            {
                w.WriteStartArray("onlyRuns");
                foreach (var r in OnlyRuns) w.WriteNumberValue(r);
                w.WriteEndArray();
            }
            w.WriteString("status", Status);
            if (Reason is not null) w.WriteString("reason", Reason);
            w.WriteNumber("threads", Threads);
            w.WriteString("started", Started.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("finished", Finished.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("wallSeconds", Math.Round((Finished - Started).TotalSeconds, 3));
            w.WriteString("machine", $"{Environment.MachineName}; {Environment.ProcessorCount} logical cores; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");
            w.WriteStartObject("files");
            foreach (var (name, rows) in Files.OrderBy(f => f.Key, StringComparer.Ordinal)) w.WriteNumber(name, rows);
            w.WriteEndObject();
            if (folder is not null) TableColumns.WriteManifestField(w, folder, Files.Keys);
            w.WritePropertyName("scenario");
            w.WriteRawValue(ScenarioJson);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void WriteTo(OutputFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        AtomicFile.WriteAllText(folder.PathOf("manifest.json"), ToJson(folder.Path) + "\n");
    }
}
