using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Anarchy.Engine;
using Anarchy.Models;
using Anarchy.Output;
using Anarchy.Studies;

namespace Anarchy.View;

/// <summary>
/// <c>anarchy view DIR</c>: one self-contained HTML page that animates a run of an output folder: its agents where
/// the model places them, sized and coloured by the model's view, its ties and events as they happen, and its series
/// as small charts. The run is played again from the seed its runs table records (runs are pure functions of their
/// seeds), so any run of any run folder can be watched; the page needs no network (its script and styles are inline).
/// </summary>
public static class RunViewPage
{
    public const string FileName = "view.html";

    /// <summary>Writes the page for run <paramref name="run"/> (null: the folder's first) of <paramref name="folder"/>
    /// to <paramref name="outPath"/> (null: view.html in the folder) and returns its path.</summary>
    /// <exception cref="ViewException">The folder is not a run folder of <paramref name="model"/>, has no such run, or
    /// the model has no view.</exception>
    public static string Write(IModelDefinition model, string folder, long? run, string? outPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(folder);
        string manifestPath = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifestPath)) throw new ViewException($"DIR: '{folder}' has no manifest.json: it is not an output folder of anarchy run");
        string scenarioJson;
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath)))
        {
            if (!manifest.RootElement.TryGetProperty("scenario", out var s) || s.ValueKind != JsonValueKind.Object)
                throw new ViewException($"DIR: '{folder}' holds no scenario in its manifest (a sweep's folder?); view a run folder of 'anarchy run' (re-run a sweep's point with anarchy run --scenario and --set)");
            scenarioJson = s.GetRawText();
        }
        if (!File.Exists(Path.Combine(folder, "runs.csv"))) throw new ViewException($"DIR: '{folder}' has no runs.csv");
        var runs = ResultTable.Read(folder, "runs.csv");
        if (runs.Rows == 0) throw new ViewException($"DIR: '{folder}' holds no finished run");
        var numbers = runs["run"];
        int row = run is null ? 0 : Array.IndexOf(numbers, (double)run.Value);
        if (row < 0)
            throw new ViewException($"--run: value {run} is not a run of '{folder}' (its runs: {Describe(numbers)})");
        var key = new RunKey((long)numbers[row], (long)runs["point"][row], (long)runs["replicate"][row],
            ulong.Parse(runs.Text("seed")[row], CultureInfo.InvariantCulture));

        var scenario = model.ParseScenario(scenarioJson, "manifest.json scenario");
        var view = model.CreateView(scenario, key) ?? throw new ViewException($"--model: the model {model.Name} has no view");
        var rows = model.CreateRunModel(scenario, EngineKind.Reference).Execute(key, new RunDetail(Series: true, Events: true));
        string data = Data(model, key, scenario, view, rows);
        string page = Template().Replace("__ANARCHY_DATA__", data, StringComparison.Ordinal);
        string path = outPath ?? Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(path, page);
        return Path.GetFullPath(path);
    }

    private static string Describe(double[] runs) =>
        runs.Length <= 5 ? string.Join(", ", runs.Select(r => r.ToString(CultureInfo.InvariantCulture)))
            : $"{runs[0].ToString(CultureInfo.InvariantCulture)} to {runs[^1].ToString(CultureInfo.InvariantCulture)}, {runs.Length} runs";

    private static string Template() => Resource("Anarchy.View.view.html");

    private static string Resource(string name)
    {
        using var stream = typeof(RunViewPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the view's resource {name} is not in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Everything the page shows, as JSON safe to place inside a script element.</summary>
    private static string Data(IModelDefinition model, RunKey key, IModelScenario scenario, RunView view, RunRows rows)
    {
        var tables = model.Tables;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", model.Name);
            w.WriteString("version", model.Version);
            w.WriteString("scenario", scenario.Name);
            w.WriteString("describe", scenario.Describe());
            w.WriteNumber("run", key.Run);
            w.WriteString("seed", key.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteString("time", tables.SeriesTime.Name);
            w.WriteString("layout", view.Layout);
            w.WriteString("sizeLabel", view.SizeLabel);
            w.WriteString("groupLabel", view.GroupLabel);
            w.WriteString("tieLabel", view.TieLabel);
            w.WriteStartArray("names");
            foreach (string name in view.Names) w.WriteStringValue(name);
            w.WriteEndArray();
            Numbers(w, "x", view.X);
            Numbers(w, "y", view.Y);
            if (view.Layout == "earth")
            {
                // The coastlines (Natural Earth 1:110m land, via world-atlas): rings of longitude, latitude pairs.
                w.WritePropertyName("land");
                w.WriteRawValue(Resource("Anarchy.View.land-110m.rings.json"));
            }
            w.WriteStartArray("frames");
            foreach (var frame in view.Frames)
            {
                w.WriteStartObject();
                w.WriteNumber("t", frame.Time);
                Numbers(w, "size", frame.Size);
                w.WriteString("alive", string.Concat(frame.Alive.Select(a => a ? '1' : '0')));
                w.WriteStartArray("group");
                foreach (int g in frame.Group) w.WriteNumberValue(g);
                w.WriteEndArray();
                w.WriteStartArray("ties");
                foreach (var (a, b) in frame.Ties)
                {
                    w.WriteNumberValue(a);
                    w.WriteNumberValue(b);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Table(w, "series", tables.Series, rows.Series);
            Table(w, "events", tables.Events, rows.Events);
            w.WriteStartArray("seriesDefaults");
            foreach (string name in tables.SeriesDefaults.Count > 0 ? tables.SeriesDefaults : tables.Series.Columns.Skip(2).Take(6).Select(c => c.Name))
                w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        // "</" would end the script element that holds the data.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    /// <summary>Numbers to four significant digits: what a picture can show, and a page a tenth the size.</summary>
    private static void Numbers(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(double.IsFinite(v) ? double.Parse(v.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : 0);
        w.WriteEndArray();
    }

    private static void Table(Utf8JsonWriter w, string name, TableSchema schema, IReadOnlyList<Cell[]> rows)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("columns");
        foreach (var c in schema.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("unit", c.Unit);
            w.WriteString("description", c.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var row in rows)
        {
            w.WriteStartArray();
            foreach (var cell in row)
            {
                switch (cell.Kind)
                {
                    case ColumnKind.Int64: w.WriteNumberValue(cell.AsInt64); break;
                    case ColumnKind.Double:
                        if (double.IsFinite(cell.AsDouble)) w.WriteNumberValue(double.Parse(cell.AsDouble.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                        else w.WriteNullValue();
                        break;
                    default: w.WriteStringValue(cell.AsText ?? ""); break;
                }
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>A folder or option that <c>anarchy view</c> cannot use; the message names it.</summary>
public sealed class ViewException : Exception
{
    public ViewException() { }
    public ViewException(string message) : base(message) { }
    public ViewException(string message, Exception inner) : base(message, inner) { }
}
