using System.Text.Json;

namespace Anarchy.Plots;

/// <summary>
/// The output folder of <c>anarchy sweep</c>, read for plotting: <c>points.csv</c> (one row per parameter point),
/// the design (from <c>manifest.json</c>, else <c>sweep.json</c>) and, for a Saltelli design, <c>sensitivity.csv</c>
/// (docs/SWEEPS.md, "Outputs").
/// </summary>
public sealed class SweepResults
{
    /// <summary>The designs a sweep may have (docs/SWEEPS.md, "Designs").</summary>
    public static IReadOnlyList<string> Designs { get; } = ["grid", "lhs", "sobol", "saltelli"];

    private SweepResults(string folder, string design, IReadOnlyList<string> factors, IReadOnlyList<string> outputs,
        CsvColumns points, CsvColumns? sensitivity)
    {
        Folder = folder;
        Design = design;
        Factors = factors;
        Outputs = outputs;
        Points = points;
        SensitivityTable = sensitivity;
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>The design's type: <c>grid</c>, <c>lhs</c>, <c>sobol</c> or <c>saltelli</c>.</summary>
    public string Design { get; }

    /// <summary>True for a full-factorial grid, whose factor values repeat across points.</summary>
    public bool IsGrid => Design == "grid";

    /// <summary>The factors in the sweep file's order: the columns of points.csv between <c>point</c> and <c>replicates</c>.</summary>
    public IReadOnlyList<string> Factors { get; }

    /// <summary>The summarised outputs in the sweep file's order: each has <c>&lt;output&gt;_mean</c> and its companions in points.csv.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The number of parameter points.</summary>
    public int PointCount => Points.Rows;

    /// <summary>True when the folder holds sensitivity.csv (Saltelli designs).</summary>
    public bool HasSensitivity => SensitivityTable is not null;

    internal CsvColumns Points { get; }

    internal CsvColumns? SensitivityTable { get; }

    /// <summary>Reads a sweep output folder.</summary>
    /// <exception cref="PlotInputException">The folder or points.csv is missing, or a file is not as <c>anarchy sweep</c> writes it.</exception>
    public static SweepResults Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new PlotInputException($"folder '{folder}' does not exist");
        string pointsPath = Path.Combine(folder, "points.csv");
        if (!File.Exists(pointsPath)) throw new PlotInputException($"folder '{folder}' has no points.csv (the output of 'anarchy sweep')");
        var points = CsvColumns.Read(pointsPath);

        var names = points.Names;
        int replicates = IndexOf(names, "replicates");
        if (names.Count == 0 || names[0] != "point" || replicates < 1)
            throw new PlotInputException($"{pointsPath}: expected the columns point, the factors, replicates, then the outputs' summaries");
        var factors = names.Skip(1).Take(replicates - 1).ToList();
        var outputs = new List<string>();
        foreach (string name in names.Skip(replicates + 1))
        {
            if (name.EndsWith("_mean", StringComparison.Ordinal) && name.Length > 5)
            {
                string output = name[..^5];
                if (Summary.All(s => points.Contains(output + s))) outputs.Add(output);
            }
        }
        if (outputs.Count == 0) throw new PlotInputException($"{pointsPath}: no summarised output (no <output>_mean with _ci_low and _ci_high)");

        foreach (string name in names) points.Numbers(name); // every column of points.csv is numeric: fail now, not halfway through the plots
        string design = ReadDesign(folder);
        string sensitivityPath = Path.Combine(folder, "sensitivity.csv");
        var sensitivity = File.Exists(sensitivityPath) ? CsvColumns.Read(sensitivityPath) : null;
        if (sensitivity is not null)
        {
            foreach (string column in SensitivityColumns)
            {
                if (!sensitivity.Contains(column))
                    throw new PlotInputException($"{sensitivityPath}: no column '{column}' (expected {string.Join(", ", SensitivityColumns)})");
            }
            foreach (string column in SensitivityColumns.Skip(2)) sensitivity.Numbers(column);
        }
        return new SweepResults(folder, design, factors, outputs, points, sensitivity);
    }

    /// <summary>
    /// The outputs to plot: all summarised outputs when <paramref name="requested"/> is null or empty, otherwise the
    /// requested ones in the order given, duplicates dropped.
    /// </summary>
    /// <exception cref="PlotInputException">An output is not summarised in points.csv; the message lists those that are.</exception>
    public IReadOnlyList<string> ChooseOutputs(IEnumerable<string>? requested) => Choose(requested, Outputs, "output");

    /// <summary>Checks that <paramref name="factor"/> is one of the sweep's factors and returns it.</summary>
    /// <exception cref="PlotInputException">It is not; the message lists the factors.</exception>
    public string CheckFactor(string factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return Factors.Contains(factor, StringComparer.Ordinal)
            ? factor
            : throw new PlotInputException($"unknown factor '{factor}' (the factors of this sweep: {string.Join(", ", Factors)})");
    }

    internal static IReadOnlyList<string> Choose(IEnumerable<string>? requested, IReadOnlyList<string> allowed, string what)
    {
        var list = requested?.ToList() ?? [];
        if (list.Count == 0) return allowed;
        foreach (string name in list)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw new PlotInputException($"unknown {what} '{name}' (allowed: {string.Join(", ", allowed)})");
        }
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static readonly string[] Summary = ["_mean", "_ci_low", "_ci_high"];

    private static readonly string[] SensitivityColumns = ["output", "factor", "first_order", "first_order_low", "first_order_high", "total", "total_low", "total_high"];

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name) return i;
        }
        return -1;
    }

    /// <summary>The design's type from manifest.json (<c>"design": "grid (full factorial, ...)"</c>), else from sweep.json (grid when it names none).</summary>
    private static string ReadDesign(string folder)
    {
        string manifest = Path.Combine(folder, "manifest.json");
        if (TryReadJson(manifest) is { } m)
        {
            using (m)
            {
                if (m.RootElement.ValueKind == JsonValueKind.Object && m.RootElement.TryGetProperty("design", out var d) && d.ValueKind == JsonValueKind.String)
                    return CheckDesign(d.GetString()!.Split(' ', 2)[0], manifest);
            }
        }
        string sweep = Path.Combine(folder, "sweep.json");
        if (TryReadJson(sweep) is { } s)
        {
            using (s)
            {
                if (s.RootElement.ValueKind == JsonValueKind.Object && s.RootElement.TryGetProperty("design", out var d)
                    && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
                    return CheckDesign(t.GetString()!, sweep);
                return "grid";
            }
        }
        throw new PlotInputException($"folder '{folder}' has neither manifest.json nor sweep.json, so the design of the sweep is unknown");
    }

    private static string CheckDesign(string design, string source) =>
        Designs.Contains(design, StringComparer.Ordinal)
            ? design
            : throw new PlotInputException($"{source}: unknown design '{design}' (allowed: {string.Join(", ", Designs)})");

    private static JsonDocument? TryReadJson(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new PlotInputException($"{path}: cannot be read ({e.Message})", e);
        }
    }
}
