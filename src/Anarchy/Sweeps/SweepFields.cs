using System.Globalization;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Models;
using Anarchy.Output;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Sweeps;

/// <summary>The limits of a sweep file, whatever the model.</summary>
public static class SweepLimits
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 4000;
    public const int MaxFactors = 64;
    public const int MaxLevels = 1000;
    public const int MaxPoints = 10_000_000;
    public const int MaxReplicates = 1_000_000;
    public const long MaxSweepRuns = 100_000_000;
    public const int MaxOutputs = 256;

    /// <summary>Largest sweep file read, and the same in words for messages.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;
    public const string MaxFileText = "16 MiB";

    /// <summary>Fewest base samples of a Saltelli design: the Sobol estimators divide by N - 1.</summary>
    public const int MinSaltelliSamples = 2;
}

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
/// The model-free fields of a sweep file (docs/SWEEPS.md): factors, design, outputs, and the checks that tie them
/// together. Each model's sweep reader reads its own base scenario and uses these for the rest.
/// </summary>
public static class SweepFields
{
    /// <summary>The design's points: one row per point, one column per factor, in the design's order.</summary>
    public static double[][] Points(IReadOnlyList<Factor> factors, DesignSpec design, ulong seed) => design.Type switch
    {
        "grid" => FullFactorial.Points(factors, design.Levels),
        "lhs" => LatinHypercube.Points(factors, design.Samples, seed),
        "sobol" => SobolSequence.Points(factors, design.Samples),
        _ => Saltelli.Points(factors, design.Samples),
    };

    /// <summary>How many points the design has (without making them).</summary>
    public static double PointCount(IReadOnlyList<Factor> factors, DesignSpec design) => design.Type switch
    {
        "grid" => factors.Aggregate(1.0, (n, f) => n * FullFactorial.LevelsOf(f, design.Levels).Count),
        "saltelli" => (double)design.Samples * (factors.Count + 2),
        _ => design.Samples,
    };

    /// <summary>Whole numbers up to 1e15 written out, larger ones in three significant digits.</summary>
    public static string Count(double n) => n < 1e15 ? n.ToString("F0", CultureInfo.InvariantCulture) : n.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Parameter names that contain or are contained in <paramref name="name"/>, ignoring case: suggestions.</summary>
    public static IEnumerable<string> Suggest(IModelDefinition model, string name) =>
        model.Parameters.Select(p => p.Name)
            .Where(n => n.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(n, StringComparison.OrdinalIgnoreCase))
            .Take(3);

    /// <summary>The constraints that tie the design to the factors: dimensions, base samples, one-level factors.</summary>
    public static void CheckDesign(DesignSpec design, List<(int Index, Factor Factor)> factors, List<string> problems)
    {
        if (design.Type is "saltelli" && factors.Count > 0 && 2 * factors.Count > SobolSequence.MaxDimensions)
            problems.Add($"design: saltelli with {factors.Count} factors needs {2 * factors.Count} Sobol dimensions; at most {SobolSequence.MaxDimensions / 2} factors are supported");
        if (design.Type is "sobol" && factors.Count > SobolSequence.MaxDimensions)
            problems.Add($"design: sobol supports at most {SobolSequence.MaxDimensions} factors, got {factors.Count}");
        if (design.Type is "saltelli" && design.Samples is > 0 and < SweepLimits.MinSaltelliSamples)
            problems.Add($"design.samples: value {design.Samples} is below {SweepLimits.MinSaltelliSamples}, the fewest base samples of a saltelli design (the Sobol indices need at least two)");
        if (design.Type is "grid") return;
        foreach (var (index, factor) in factors)
        {
            if (factor.Levels is { Count: < 2 })
                problems.Add($"factors[{index}].levels: a {design.Type} design samples between levels and needs at least two; to hold {factor.Name} fixed, set it in the scenario");
        }
    }

    /// <summary>The <c>factors</c> field: each a parameter of <paramref name="model"/> with levels or a range inside its own.</summary>
    public static void ReadFactors(JsonElement v, List<(int Index, Factor Factor)> factors, List<string> problems, IModelDefinition model)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add("factors: expected an array of { \"name\": ..., \"levels\": [...] } or { \"name\": ..., \"min\": ..., \"max\": ... }");
            return;
        }
        if (v.GetArrayLength() > SweepLimits.MaxFactors)
        {
            problems.Add($"factors: {v.GetArrayLength()} factors is more than the limit of {SweepLimits.MaxFactors}");
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
                        else if (p.Value.GetArrayLength() > SweepLimits.MaxLevels)
                        {
                            problems.Add($"{at}.levels: {p.Value.GetArrayLength()} levels is more than the limit of {SweepLimits.MaxLevels}");
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
            if (name is null || !model.TryFindParameter(name, out var info))
            {
                var hint = name is null ? [] : Suggest(model, name).ToList();
                problems.Add($"{at}.name: {(name is null ? "missing" : $"unknown parameter '{JsonInput.Truncate(name)}'")}" +
                    (hint.Count > 0 ? $" (did you mean {string.Join(", ", hint)}?)" : $" (run 'anarchy params --model {model.Name}' for the list)"));
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

    /// <summary>The <c>design</c> field.</summary>
    public static DesignSpec ReadDesign(JsonElement v, List<string> problems)
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
                case "samples": samples = Int(p.Value, "design.samples", 1, SweepLimits.MaxPoints, problems); hasSamples = true; break;
                case "levels": levels = Int(p.Value, "design.levels", 2, SweepLimits.MaxLevels, problems); hasLevels = true; break;
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

    /// <summary>The <c>outputs</c> field: columns of the model's runs table (not the run's keys).</summary>
    public static List<string> ReadOutputs(JsonElement v, List<string> problems, TableSchema runs)
    {
        var outputs = new List<string>();
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add("outputs: expected an array of run columns, e.g. [\"wars\", \"entangled\"]");
            return outputs;
        }
        if (v.GetArrayLength() > SweepLimits.MaxOutputs)
        {
            problems.Add($"outputs: {v.GetArrayLength()} entries is more than the limit of {SweepLimits.MaxOutputs}");
            return outputs;
        }
        int i = 0;
        foreach (var o in v.EnumerateArray())
        {
            string? name = o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            int column = name is null ? -1 : runs.IndexOf(name);
            if (column < 0 || name is "run" or "point" or "replicate" or "seed")
                problems.Add($"outputs[{i}]: {JsonInput.Truncate(o.GetRawText())} is not an output column of runs.csv (see docs/OUTPUTS.md)");
            else if (outputs.Contains(runs.Columns[column].Name))
                problems.Add($"outputs[{i}]: \"{name}\" is listed twice");
            else outputs.Add(runs.Columns[column].Name);
            i++;
        }
        if (outputs.Count == 0 && problems.Count == 0) problems.Add("outputs: empty (name at least one output, or leave the field out)");
        return outputs;
    }

    public static int Int(JsonElement v, string at, int min, int max, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long x) && x >= min && x <= max) return (int)x;
        problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is outside the allowed range [{min}, {max}] (whole numbers)");
        return min;
    }

    public static double Number(JsonElement v, string at, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        problems.Add(JsonInput.NotFinite(v, at) ?? $"{at}: expected a number, got {JsonInput.Truncate(v.GetRawText())}");
        return double.NaN;
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
