using System.Globalization;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;
using Anarchy.Engine;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>The experimental design of a sweep.</summary>
public sealed record DesignSpec(string Type, int Samples = 0, int Levels = 5)
{
    public override string ToString() => Type switch
    {
        "grid" => $"grid (full factorial, {Levels} levels per range factor)",
        "lhs" => $"lhs (Latin hypercube, {Samples} samples)",
        "sobol" => $"sobol (Sobol sequence, Joe-Kuo direction numbers, {Samples} points)",
        _ => $"saltelli (Saltelli 2010 scheme, {Samples} base samples)",
    };
}

/// <summary>
/// A sweep of the Waltz model, read from a sweep file (docs/SWEEPS.md): a base scenario, factors, a design,
/// replicates per point, a master seed, and the outputs to summarise per point.
/// </summary>
public sealed record WaltzSweep
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required Scenario Scenario { get; init; }
    public required IReadOnlyList<Factor> Factors { get; init; }
    public required DesignSpec Design { get; init; }
    public required int Replicates { get; init; }
    public required ulong Seed { get; init; }
    public bool CommonRandomNumbers { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>The design's points: one row per point, one column per factor, in the design's order.</summary>
    public double[][] Points() => Design.Type switch
    {
        "grid" => FullFactorial.Points(Factors, Design.Levels),
        "lhs" => LatinHypercube.Points(Factors, Design.Samples, Seed),
        "sobol" => SobolSequence.Points(Factors, Design.Samples),
        _ => Saltelli.Points(Factors, Design.Samples),
    };
}

/// <summary>Reads and validates sweep files; every problem names its field, the value and what is allowed. Every
/// constraint of the design is checked here, before the first run: a sweep that reads runs to its end.</summary>
public static class WaltzSweepReader
{
    /// <summary>Most points a design may have.</summary>
    public const int MaxPoints = InputLimits.MaxPoints;

    /// <summary>Fewest base samples of a Saltelli design: the Sobol estimators divide by N - 1.</summary>
    public const int MinSaltelliSamples = 2;

    private static readonly string[] ScenarioFields =
        ["states", "ticks", "burnIn", "startYear", "runs", "doctrine", "geography", "poles", "poleShare", "leader", "parameters", "stateOverrides", "pacts", "shocks"];

    public static WaltzSweep ReadFile(string path)
    {
        string text = ScenarioReader.ReadText(path, "sweep file");
        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileName(path), null, path);
    }

    /// <summary>Parses a sweep; a scenario given as a path is read relative to <paramref name="directory"/>.</summary>
    public static WaltzSweep Parse(string json, string directory, string source = "sweep") => Parse(json, directory, source, null);

    /// <summary>As <see cref="Parse(string, string, string)"/>, with the base scenario given instead of read from the file
    /// (a merge reads the scenario the shards recorded).</summary>
    public static WaltzSweep Parse(string json, string directory, string source, Scenario? scenarioOverride) =>
        Parse(json, directory, source, scenarioOverride, null);

    private static WaltzSweep Parse(string json, string directory, string source, Scenario? scenarioOverride, string? file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, JsonInput.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}");
        }
        using (doc)
        {
            var problems = new List<string>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException($"{source}: expected a JSON object");
            if (file is not null && !ScenarioReader.IsSweep(root)
                && ScenarioFields.Any(f => root.TryGetProperty(f, out _)))
                throw new InputFileException($"{source}: this is a scenario file (it has no factors), not a sweep; run it with 'anarchy run --scenario {file}', or see docs/SWEEPS.md to write a sweep of it");
            if (!JsonInput.CheckKeysAndText(root, "", problems, at => at == "scenario"))
                throw new InputFileException(problems);
            string name = "sweep", description = "";
            Scenario? scenario = null;
            var factors = new List<(int Index, Factor Factor)>();
            var design = new DesignSpec("grid");
            int replicates = 10;
            ulong seed = 1;
            bool crn = false;
            List<string>? outputs = null;
            bool hasFactors = false;
            foreach (var p in root.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "$schema": break;
                    case "model": WaltzDefinition.CheckModelField(v, "model", problems); break;
                    case "name":
                        name = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                        if (name.Length == 0 || name.Length > InputLimits.MaxNameLength || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.StartsWith('.'))
                            problems.Add($"name: value {JsonInput.Truncate(v.GetRawText())} must be 1 to {InputLimits.MaxNameLength} letters, digits, '-', '_' or '.' (it names the output folder)");
                        break;
                    case "description":
                        if (v.ValueKind != JsonValueKind.String) problems.Add($"description: expected a string, got {JsonInput.Truncate(v.GetRawText())}");
                        else if ((description = v.GetString()!).Length > InputLimits.MaxDescriptionLength)
                            problems.Add($"description: {description.Length} characters is more than the limit of {InputLimits.MaxDescriptionLength} (it is copied into every manifest)");
                        break;
                    case "scenario": scenario = scenarioOverride ?? ReadScenario(v, directory, problems); break;
                    case "factors": hasFactors = true; ReadFactors(v, factors, problems); break;
                    case "design": design = ReadDesign(v, problems); break;
                    case "replicates": replicates = Int(v, "replicates", 1, InputLimits.MaxReplicates, problems); break;
                    case "seed":
                        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong s)) seed = s;
                        else problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
                        break;
                    case "commonRandomNumbers":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) crn = v.GetBoolean();
                        else problems.Add($"commonRandomNumbers: value {JsonInput.Truncate(v.GetRawText())} is not true or false");
                        break;
                    case "outputs": outputs = ReadOutputs(v, problems); break;
                    default:
                        problems.Add($"{p.Name}: unknown field (allowed: model, name, description, scenario, factors, design, replicates, seed, commonRandomNumbers, outputs)");
                        break;
                }
            }
            if (!hasFactors) problems.Add("factors: missing (list the parameters the sweep varies)");
            else if (factors.Count == 0 && problems.Count == 0) problems.Add("factors: empty (list at least one parameter)");
            CheckDesign(design, factors, problems);
            var sweep = new WaltzSweep
            {
                Name = name,
                Description = description,
                Scenario = scenario ?? scenarioOverride ?? BuiltInScenarios.Default,
                Factors = factors.Select(f => f.Factor).ToList(),
                Design = design,
                Replicates = replicates,
                Seed = seed,
                CommonRandomNumbers = crn,
                Outputs = outputs ?? new WaltzModel(BuiltInScenarios.Default).KeyOutputs,
            };
            if (problems.Count == 0)
            {
                double points = PointCount(sweep);
                if (points > MaxPoints)
                    problems.Add($"design: {Count(points)} points are more than {MaxPoints} points, the most a design may have");
                else if (points * replicates > InputLimits.MaxSweepRuns)
                    problems.Add($"replicates: {Count(points)} points times {replicates} replicates is {Count(points * replicates)} runs, more than {InputLimits.MaxSweepRuns}, the most a sweep may run (shard a larger study into several sweeps)");
                else
                {
                    // Every point's scenario must be valid (e.g. minBurden may not exceed maxBurden).
                    var model = new WaltzSweepModel(sweep.Scenario, sweep.Factors, sweep.Points(), EngineKind.Reference);
                    for (int pt = 0; pt < (int)points && problems.Count == 0; pt++)
                    {
                        foreach (var problem in ScenarioReader.Validate(model.ScenarioOf(pt)))
                            problems.Add($"design point {pt}: {problem}");
                    }
                }
            }
            if (problems.Count > 0) throw new InputFileException(problems);
            return sweep;
        }
    }

    /// <summary>The constraints that tie the design to the factors: dimensions, base samples, one-level factors.</summary>
    private static void CheckDesign(DesignSpec design, List<(int Index, Factor Factor)> factors, List<string> problems)
    {
        if (design.Type is "saltelli" && factors.Count > 0 && 2 * factors.Count > SobolSequence.MaxDimensions)
            problems.Add($"design: saltelli with {factors.Count} factors needs {2 * factors.Count} Sobol dimensions; at most {SobolSequence.MaxDimensions / 2} factors are supported");
        if (design.Type is "sobol" && factors.Count > SobolSequence.MaxDimensions)
            problems.Add($"design: sobol supports at most {SobolSequence.MaxDimensions} factors, got {factors.Count}");
        if (design.Type is "saltelli" && design.Samples is > 0 and < MinSaltelliSamples)
            problems.Add($"design.samples: value {design.Samples} is below {MinSaltelliSamples}, the fewest base samples of a saltelli design (the Sobol indices need at least two)");
        if (design.Type is "grid") return;
        foreach (var (index, factor) in factors)
        {
            if (factor.Levels is { Count: < 2 })
                problems.Add($"factors[{index}].levels: a {design.Type} design samples between levels and needs at least two; to hold {factor.Name} fixed, set it in the scenario");
        }
    }

    private static double PointCount(WaltzSweep s) => s.Design.Type switch
    {
        "grid" => s.Factors.Aggregate(1.0, (n, f) => n * FullFactorial.LevelsOf(f, s.Design.Levels).Count),
        "saltelli" => (double)s.Design.Samples * (s.Factors.Count + 2),
        _ => s.Design.Samples,
    };

    private static string Count(double n) => n < 1e15 ? n.ToString("F0", CultureInfo.InvariantCulture) : n.ToString("G3", CultureInfo.InvariantCulture);

    private static Scenario? ReadScenario(JsonElement v, string directory, List<string> problems)
    {
        try
        {
            if (v.ValueKind == JsonValueKind.String && !JsonInput.CheckKeysAndText(v, "scenario", problems))
                return null;
            if (v.ValueKind == JsonValueKind.String)
                return ScenarioReader.ReadFile(Path.Combine(directory, v.GetString()!));
            if (v.ValueKind == JsonValueKind.Object)
                return ScenarioReader.Parse(v.GetRawText(), "scenario");
            problems.Add($"scenario: expected a scenario object or the path of a scenario file, got {JsonInput.Truncate(v.GetRawText())}");
        }
        catch (InputFileException e)
        {
            problems.AddRange(e.Problems.Select(p => "scenario: " + p));
        }
        return null;
    }

    private static void ReadFactors(JsonElement v, List<(int, Factor)> factors, List<string> problems)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add("factors: expected an array of { \"name\": ..., \"levels\": [...] } or { \"name\": ..., \"min\": ..., \"max\": ... }");
            return;
        }
        if (v.GetArrayLength() > InputLimits.MaxFactors)
        {
            problems.Add($"factors: {v.GetArrayLength()} factors is more than the limit of {InputLimits.MaxFactors}");
            return;
        }
        int i = 0;
        foreach (var f in v.EnumerateArray())
        {
            int index = i++;
            string at = $"factors[{index}]";
            if (f.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: expected an object");
                continue;
            }
            string? name = null;
            double? min = null, max = null;
            List<double>? levels = null;
            bool tooMany = false;
            foreach (var p in f.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "name": name = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null; break;
                    case "min": min = Number(p.Value, $"{at}.min", problems); break;
                    case "max": max = Number(p.Value, $"{at}.max", problems); break;
                    case "levels":
                        levels = [];
                        if (p.Value.ValueKind != JsonValueKind.Array) problems.Add($"{at}.levels: expected an array of numbers");
                        else if (p.Value.GetArrayLength() > InputLimits.MaxLevels)
                        {
                            problems.Add($"{at}.levels: {p.Value.GetArrayLength()} levels is more than the limit of {InputLimits.MaxLevels}");
                            tooMany = true;
                        }
                        else
                        {
                            int k = 0;
                            foreach (var l in p.Value.EnumerateArray()) levels.Add(Number(l, $"{at}.levels[{k++}]", problems));
                        }
                        break;
                    default: problems.Add($"{at}.{p.Name}: unknown field (allowed: name, levels, min, max)"); break;
                }
            }
            if (tooMany) continue;
            if (name is null || !ParameterCatalog.TryFind(name, out var info))
            {
                var hint = name is null ? [] : ParameterCatalog.Suggest(name).ToList();
                problems.Add($"{at}.name: {(name is null ? "missing" : $"unknown parameter '{JsonInput.Truncate(name)}'")}" +
                    (hint.Count > 0 ? $" (did you mean {string.Join(", ", hint)}?)" : " (run 'anarchy params' for the list)"));
                continue;
            }
            if (factors.Any(x => x.Item2.Name == name)) problems.Add($"{at}.name: parameter '{name}' is varied twice");
            if (levels is not null && (min is not null || max is not null))
            {
                problems.Add($"{at}: give either levels or min and max, not both (levels lists the values; min and max bound a range)");
                continue;
            }
            if (levels is not null)
            {
                if (levels.Count == 0) problems.Add($"{at}.levels: empty (give at least one level)");
                var seen = new HashSet<double>();
                for (int k = 0; k < levels.Count; k++)
                {
                    if (double.IsNaN(levels[k])) continue;
                    if (info.Check(levels[k]) is { } problem) problems.Add($"{at}.levels[{k}]: {problem}");
                    else if (!seen.Add(levels[k])) problems.Add($"{at}.levels[{k}]: value {F(levels[k])} is listed twice");
                }
                if (levels.Count > 0) factors.Add((index, new Factor(name, levels.Min(), levels.Max(), info.IsInteger, levels)));
                continue;
            }
            if (min is not { } lo || max is not { } hi)
            {
                problems.Add($"{at}: give either levels or both min and max");
                continue;
            }
            if (double.IsNaN(lo) || double.IsNaN(hi)) continue;
            if (hi < lo) problems.Add($"{at}: empty range (min {F(lo)} is above max {F(hi)})");
            else if (hi == lo) problems.Add($"{at}: the range [{F(lo)}, {F(hi)}] has zero width; to hold {name} fixed, set it in the scenario (or give one level in a grid)");
            if (info.Check(lo) is { } low) problems.Add($"{at}.min: {low}");
            if (info.Check(hi) is { } high) problems.Add($"{at}.max: {high}");
            factors.Add((index, new Factor(name, lo, hi, info.IsInteger)));
        }
    }

    private static DesignSpec ReadDesign(JsonElement v, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            string only = v.GetString() ?? "";
            if (only is "grid") return new DesignSpec("grid");
            problems.Add(only is "lhs" or "sobol" or "saltelli"
                ? $"design: a {only} design needs a number of samples: {{ \"type\": \"{only}\", \"samples\": 64 }}"
                : $"design: value {JsonInput.Truncate(v.GetRawText())} is not one of grid, lhs, sobol, saltelli");
            return new DesignSpec("grid");
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            problems.Add("design: expected { \"type\": \"grid\" | \"lhs\" | \"sobol\" | \"saltelli\", ... }");
            return new DesignSpec("grid");
        }
        string type = "grid";
        int samples = 0, levels = 5;
        bool hasSamples = false, hasLevels = false;
        foreach (var p in v.EnumerateObject())
        {
            switch (p.Name)
            {
                case "type":
                    type = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "";
                    if (type is not ("grid" or "lhs" or "sobol" or "saltelli"))
                        problems.Add($"design.type: value {JsonInput.Truncate(p.Value.GetRawText())} is not one of grid, lhs, sobol, saltelli");
                    break;
                case "samples": samples = Int(p.Value, "design.samples", 1, MaxPoints, problems); hasSamples = true; break;
                case "levels": levels = Int(p.Value, "design.levels", 2, InputLimits.MaxLevels, problems); hasLevels = true; break;
                default: problems.Add($"design.{p.Name}: unknown field (allowed: type, samples, levels)"); break;
            }
        }
        if (type is "lhs" or "sobol" or "saltelli")
        {
            if (!hasSamples) problems.Add($"design.samples: missing (a {type} design needs a number of samples)");
            if (hasLevels) problems.Add($"design.levels: a {type} design takes samples, not levels (levels belong to a grid)");
        }
        else if (type is "grid" && hasSamples)
            problems.Add("design.samples: a grid design takes levels per range factor, not samples (samples belong to lhs, sobol and saltelli)");
        return new DesignSpec(type, samples, levels);
    }

    private static List<string> ReadOutputs(JsonElement v, List<string> problems)
    {
        var outputs = new List<string>();
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add("outputs: expected an array of run columns, e.g. [\"wars\", \"entangled\"]");
            return outputs;
        }
        if (v.GetArrayLength() > InputLimits.MaxOutputs)
        {
            problems.Add($"outputs: {v.GetArrayLength()} entries is more than the limit of {InputLimits.MaxOutputs}");
            return outputs;
        }
        int i = 0;
        foreach (var o in v.EnumerateArray())
        {
            string? name = o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            int column = name is null ? -1 : WaltzTables.Runs.IndexOf(name);
            if (column < 0 || name is "run" or "point" or "replicate" or "seed")
                problems.Add($"outputs[{i}]: {JsonInput.Truncate(o.GetRawText())} is not an output column of runs.csv (see docs/OUTPUTS.md)");
            else if (outputs.Contains(WaltzTables.Runs.Columns[column].Name))
                problems.Add($"outputs[{i}]: \"{name}\" is listed twice");
            else outputs.Add(WaltzTables.Runs.Columns[column].Name);
            i++;
        }
        if (outputs.Count == 0 && problems.Count == 0) problems.Add("outputs: empty (name at least one output, or leave the field out)");
        return outputs;
    }

    private static int Int(JsonElement v, string at, int min, int max, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long x) && x >= min && x <= max) return (int)x;
        problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is outside the allowed range [{min}, {max}] (whole numbers)");
        return min;
    }

    private static double Number(JsonElement v, string at, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        problems.Add(JsonInput.NotFinite(v, at) ?? $"{at}: expected a number, got {JsonInput.Truncate(v.GetRawText())}");
        return double.NaN;
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
