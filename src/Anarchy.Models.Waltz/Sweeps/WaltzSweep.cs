using System.Globalization;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;
using Anarchy.Engine;

namespace Anarchy.Models.Waltz.Sweeps;

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
    public double[][] Points() => SweepFields.Points(Factors, Design, Seed);
}

/// <summary>Reads and validates sweep files; every problem names its field, the value and what is allowed. Every
/// constraint of the design is checked here, before the first run: a sweep that reads runs to its end.</summary>
public static class WaltzSweepReader
{
    /// <summary>Most points a design may have.</summary>
    public const int MaxPoints = SweepLimits.MaxPoints;

    /// <summary>Fewest base samples of a Saltelli design: the Sobol estimators divide by N - 1.</summary>
    public const int MinSaltelliSamples = SweepLimits.MinSaltelliSamples;

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
                    case "factors": hasFactors = true; SweepFields.ReadFactors(v, factors, problems, WaltzDefinition.Instance); break;
                    case "design": design = SweepFields.ReadDesign(v, problems); break;
                    case "replicates": replicates = SweepFields.Int(v, "replicates", 1, InputLimits.MaxReplicates, problems); break;
                    case "seed":
                        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong s)) seed = s;
                        else problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
                        break;
                    case "commonRandomNumbers":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) crn = v.GetBoolean();
                        else problems.Add($"commonRandomNumbers: value {JsonInput.Truncate(v.GetRawText())} is not true or false");
                        break;
                    case "outputs": outputs = SweepFields.ReadOutputs(v, problems, WaltzTables.Runs); break;
                    default:
                        problems.Add($"{p.Name}: unknown field (allowed: model, name, description, scenario, factors, design, replicates, seed, commonRandomNumbers, outputs)");
                        break;
                }
            }
            if (!hasFactors) problems.Add("factors: missing (list the parameters the sweep varies)");
            else if (factors.Count == 0 && problems.Count == 0) problems.Add("factors: empty (list at least one parameter)");
            SweepFields.CheckDesign(design, factors, problems);
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
                double points = SweepFields.PointCount(sweep.Factors, sweep.Design);
                if (points > MaxPoints)
                    problems.Add($"design: {SweepFields.Count(points)} points are more than {MaxPoints} points, the most a design may have");
                else if (points * replicates > InputLimits.MaxSweepRuns)
                    problems.Add($"replicates: {SweepFields.Count(points)} points times {replicates} replicates is {SweepFields.Count(points * replicates)} runs, more than {InputLimits.MaxSweepRuns}, the most a sweep may run (shard a larger study into several sweeps)");
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

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
