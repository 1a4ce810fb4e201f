using System.Text.Json;
using Anarchy.Engine;
using Anarchy.Input;
using Anarchy.Models;
using Anarchy.Output;

namespace Anarchy.Sweeps;

/// <summary>
/// A sweep of any registered model, read from a sweep file (docs/SWEEPS.md): the model's base scenario, factors
/// among its parameters, a design, replicates per point, a master seed and the outputs to summarise per point.
/// </summary>
public sealed record ModelSweep
{
    public required IModelDefinition Model { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required IModelScenario Scenario { get; init; }
    public required IReadOnlyList<Factor> Factors { get; init; }
    public required DesignSpec Design { get; init; }
    public required int Replicates { get; init; }
    public required ulong Seed { get; init; }
    public bool CommonRandomNumbers { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }

    public double[][] Points() => SweepFields.Points(Factors, Design, Seed);
}

/// <summary>Reads a sweep file of <see cref="ModelSweep.Model"/>: its own scenario reader reads the base scenario,
/// <see cref="SweepFields"/> the rest; every problem is listed, and every design point is checked before a run.</summary>
public static class ModelSweepReader
{
    /// <summary>The resolved base scenario, written beside the results.</summary>
    public const string ScenarioFile = "scenario.json";

    public static ModelSweep ReadFile(IModelDefinition model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        string text = JsonInput.ReadText(path, "sweep file", SweepLimits.MaxFileBytes, SweepLimits.MaxFileText, out var problem)
            ?? throw new InputFileException(problem!);
        return Parse(model, text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileName(path), null, path);
    }

    /// <summary>Parses a sweep; a scenario given as a path is read relative to <paramref name="directory"/>.</summary>
    public static ModelSweep Parse(IModelDefinition model, string json, string directory, string source) => Parse(model, json, directory, source, null);

    /// <summary>As <see cref="Parse(IModelDefinition, string, string, string)"/>, with the base scenario given instead of
    /// read from the file (a merge reads the scenario the shards recorded).</summary>
    public static ModelSweep Parse(IModelDefinition model, string json, string directory, string source, IModelScenario? scenarioOverride) =>
        Parse(model, json, directory, source, scenarioOverride, null);

    /// <summary>Fields only a sweep file has: a file with none of them may be a scenario file given by mistake.</summary>
    private static readonly string[] SweepOnlyFields = ["factors", "design", "scenario"];

    private static ModelSweep Parse(IModelDefinition model, string json, string directory, string source, IModelScenario? scenarioOverride, string? file)
    {
        ArgumentNullException.ThrowIfNull(model);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonInput.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException($"{source}: expected a JSON object");
            if (file is not null && !SweepOnlyFields.Any(f => root.TryGetProperty(f, out _)) && IsScenario(model, json))
                throw new InputFileException($"{source}: this is a scenario file (it has no factors), not a sweep; run it with 'anarchy run --scenario {file}', or see docs/SWEEPS.md to write a sweep of it");
            var problems = new List<string>();
            if (!JsonInput.CheckKeysAndText(root, "", problems, at => at == "scenario"))
                throw new InputFileException(problems);
            string name = "sweep", description = "";
            IModelScenario? scenario = null;
            var factors = new List<(int Index, Factor Factor)>();
            var design = new DesignSpec("grid");
            int replicates = 10;
            ulong seed = 1;
            bool crn = false, hasFactors = false;
            List<string>? outputs = null;
            foreach (var p in root.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "$schema": break;
                    case "model":
                        if (v.ValueKind != JsonValueKind.String || v.GetString() != model.Name)
                            problems.Add($"model: value {JsonInput.Truncate(v.GetRawText())} is not \"{model.Name}\" (a file for another model is read with that model: --model NAME)");
                        break;
                    case "name":
                        name = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                        if (name.Length == 0 || name.Length > SweepLimits.MaxNameLength || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.StartsWith('.'))
                            problems.Add($"name: value {JsonInput.Truncate(v.GetRawText())} must be 1 to {SweepLimits.MaxNameLength} letters, digits, '-', '_' or '.' (it names the output folder)");
                        break;
                    case "description":
                        if (v.ValueKind != JsonValueKind.String) problems.Add($"description: expected a string, got {JsonInput.Truncate(v.GetRawText())}");
                        else if ((description = v.GetString()!).Length > SweepLimits.MaxDescriptionLength)
                            problems.Add($"description: {description.Length} characters is more than the limit of {SweepLimits.MaxDescriptionLength} (it is copied into every manifest)");
                        break;
                    case "scenario": scenario = scenarioOverride ?? ReadScenario(model, v, directory, problems); break;
                    case "factors": hasFactors = true; SweepFields.ReadFactors(v, factors, problems, model); break;
                    case "design": design = SweepFields.ReadDesign(v, problems); break;
                    case "replicates": replicates = SweepFields.Int(v, "replicates", 1, SweepLimits.MaxReplicates, problems); break;
                    case "seed":
                        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong s)) seed = s;
                        else problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
                        break;
                    case "commonRandomNumbers":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) crn = v.GetBoolean();
                        else problems.Add($"commonRandomNumbers: value {JsonInput.Truncate(v.GetRawText())} is not true or false");
                        break;
                    case "outputs": outputs = SweepFields.ReadOutputs(v, problems, model.Tables.Runs); break;
                    default:
                        problems.Add($"{p.Name}: unknown field (allowed: model, name, description, scenario, factors, design, replicates, seed, commonRandomNumbers, outputs)");
                        break;
                }
            }
            if (!hasFactors) problems.Add("factors: missing (list the parameters the sweep varies)");
            else if (factors.Count == 0 && problems.Count == 0) problems.Add("factors: empty (list at least one parameter)");
            SweepFields.CheckDesign(design, factors, problems);
            if (problems.Count > 0) throw new InputFileException(problems);
            var baseScenario = scenario ?? scenarioOverride ?? model.ReadScenario(null, new ScenarioOverrides());
            var sweep = new ModelSweep
            {
                Model = model,
                Name = name,
                Description = description,
                Scenario = baseScenario,
                Factors = factors.Select(f => f.Factor).ToList(),
                Design = design,
                Replicates = replicates,
                Seed = seed,
                CommonRandomNumbers = crn,
                Outputs = outputs ?? model.CreateRunModel(baseScenario, EngineKind.Reference).KeyOutputs,
            };
            double points = SweepFields.PointCount(sweep.Factors, sweep.Design);
            if (points > SweepLimits.MaxPoints)
                problems.Add($"design: {SweepFields.Count(points)} points are more than {SweepLimits.MaxPoints} points, the most a design may have");
            else if (points * replicates > SweepLimits.MaxSweepRuns)
                problems.Add($"replicates: {SweepFields.Count(points)} points times {replicates} replicates is {SweepFields.Count(points * replicates)} runs, more than {SweepLimits.MaxSweepRuns}, the most a sweep may run (shard a larger study into several sweeps)");
            else
            {
                var names = sweep.Factors.Select(f => f.Name).ToList();
                var all = sweep.Points();
                for (int pt = 0; pt < all.Length && problems.Count == 0; pt++)
                {
                    try
                    {
                        model.WithParameters(baseScenario, names, all[pt]);
                    }
                    catch (InputFileException e)
                    {
                        problems.AddRange(e.Problems.Select(x => $"design point {pt}: {x}"));
                    }
                }
            }
            if (problems.Count > 0) throw new InputFileException(problems);
            return sweep;
        }
    }

    /// <summary>Whether the text reads as a valid scenario of the model.</summary>
    private static bool IsScenario(IModelDefinition model, string json)
    {
        try
        {
            model.ParseScenario(json, "file");
            return true;
        }
        catch (InputFileException)
        {
            return false;
        }
    }

    private static IModelScenario? ReadScenario(IModelDefinition model, JsonElement v, string directory, List<string> problems)
    {
        try
        {
            if (v.ValueKind == JsonValueKind.String && !JsonInput.CheckKeysAndText(v, "scenario", problems)) return null;
            if (v.ValueKind == JsonValueKind.String) return model.ReadScenario(Path.Combine(directory, v.GetString()!), new ScenarioOverrides());
            if (v.ValueKind == JsonValueKind.Object) return model.ParseScenario(v.GetRawText(), "scenario");
            problems.Add($"scenario: expected a scenario object or the path of a scenario file, got {JsonInput.Truncate(v.GetRawText())}");
        }
        catch (InputFileException e)
        {
            problems.AddRange(e.Problems.Select(p => "scenario: " + p));
        }
        return null;
    }

    /// <summary>The job <see cref="SweepRunner"/> runs for <paramref name="sweep"/>.</summary>
    public static SweepJob Job(ModelSweep sweep, string text, string outPath, EngineKind engine)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points();
        return new SweepJob
        {
            Model = sweep.Model.CreateSweepModel(sweep, points, engine) ?? new ModelSweepModel(sweep, points, engine),
            Points = points.Length,
            Replicates = sweep.Replicates,
            Seed = sweep.Seed,
            Factors = sweep.Factors.Select(f => f.Name).ToList(),
            Outputs = sweep.Outputs,
            OutputPath = outPath,
            SweepText = text,
            Design = sweep.Design.ToString(),
            CommonRandomNumbers = sweep.CommonRandomNumbers,
            Engine = sweep.Model.DescribeEngine(engine),
            AfterFinish = sweep.Design.Type == "saltelli" ? result => SweepSensitivity.Write(sweep.Outputs, sweep.Factors, sweep.Seed, result) : null,
            ExtraFiles = new Dictionary<string, string> { [ScenarioFile] = sweep.Scenario.ToJson() + "\n" },
        };
    }
}

/// <summary>
/// A model over the points of a sweep: point p runs the base scenario with the factors set to the design's values;
/// its runs table is the model's with the factor values inserted after <c>replicate</c>.
/// </summary>
public sealed class ModelSweepModel : IRunModel
{
    private readonly IRunModel[] _points;
    private readonly double[][] _values;
    private readonly bool[] _integer;
    private readonly int _insertAt;

    public ModelSweepModel(ModelSweep sweep, double[][] points, EngineKind engine)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(points);
        var names = sweep.Factors.Select(f => f.Name).ToList();
        _values = points;
        _points = points.Select(p => sweep.Model.CreateRunModel(sweep.Model.WithParameters(sweep.Scenario, names, p), engine)).ToArray();
        var parameters = names.Select(n => sweep.Model.TryFindParameter(n, out var info) ? info : throw new ArgumentException($"unknown parameter '{n}'", nameof(sweep))).ToArray();
        _integer = parameters.Select(p => p.IsInteger).ToArray();
        var plain = sweep.Model.Tables.Runs.Columns.ToList();
        _insertAt = plain.FindIndex(c => c.Name == "replicate") + 1;
        RunSchema = new TableSchema("runs", plain.Take(_insertAt)
            .Concat(parameters.Select(p => new ColumnSpec(p.Name, p.IsInteger ? ColumnKind.Int64 : ColumnKind.Double, p.Unit, "sweep factor: " + p.Meaning)))
            .Concat(plain.Skip(_insertAt)));
        Name = sweep.Model.Name;
        Version = sweep.Model.Version;
        SeriesSchema = sweep.Model.Tables.Series;
        EventSchema = sweep.Model.Tables.Events;
        KeyOutputs = sweep.Outputs;
    }

    public string Name { get; }
    public string Version { get; }
    public TableSchema RunSchema { get; }
    public TableSchema SeriesSchema { get; }
    public TableSchema EventSchema { get; }
    public IReadOnlyList<string> KeyOutputs { get; }

    public RunRows Execute(RunKey key, RunDetail detail)
    {
        var rows = _points[key.Point].Execute(key, detail);
        var values = _values[key.Point];
        var summary = new Cell[rows.Summary.Length + values.Length];
        Array.Copy(rows.Summary, summary, _insertAt);
        for (int f = 0; f < values.Length; f++) summary[_insertAt + f] = _integer[f] ? Cell.FromInt64((long)values[f]) : Cell.FromDouble(values[f]);
        Array.Copy(rows.Summary, _insertAt, summary, _insertAt + values.Length, rows.Summary.Length - _insertAt);
        return rows with { Summary = summary };
    }
}
