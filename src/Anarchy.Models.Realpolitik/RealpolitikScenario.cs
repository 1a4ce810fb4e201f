using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Models;

namespace Anarchy.Models.Realpolitik;

/// <summary>A scenario of the realpolitik preset: how many states, turns, runs, the seed and the parameters.</summary>
public sealed record RealpolitikScenario : IModelScenario
{
    public string Name { get; init; } = "realpolitik";
    public string Description { get; init; } = "";
    /// <summary>States on the graph of borders at the start (statesim <c>network_n</c>).</summary>
    public int States { get; init; } = 98;
    /// <summary>The turn limit (statesim <c>niter</c>; with the default quirk, turns 1 to Turns - 1 are played).</summary>
    public int Turns { get; init; } = 1000;
    public int Runs { get; init; } = 100;
    public ulong Seed { get; init; } = 1;
    public RealpolitikParameters Parameters { get; init; } = new();

    public string Describe() => $"{States} states of degree {Parameters.Degree}, up to {Turns} turns";

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", RealpolitikDefinition.Instance.Name);
            w.WriteString("name", Name);
            if (Description.Length > 0) w.WriteString("description", Description);
            w.WriteNumber("states", States);
            w.WriteNumber("turns", Turns);
            w.WriteNumber("runs", Runs);
            w.WriteNumber("seed", Seed);
            w.WriteStartObject("parameters");
            foreach (var p in RealpolitikCatalog.All) w.WriteNumber(p.Name, p.Get(Parameters));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>Reads and validates realpolitik scenario files, listing every problem with its field, value and range.</summary>
public static class RealpolitikScenarioReader
{
    public const int MaxStates = 4096, MaxTurns = 1_000_000;

    public static RealpolitikScenario ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot be read ({e.Message})");
        }
        return Parse(text, path);
    }

    public static RealpolitikScenario Parse(string json, string source)
    {
        var problems = new List<string>();
        var s = new RealpolitikScenario();
        try
        {
            using var document = JsonDocument.Parse(json, JsonInput.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException($"{source}: expected a JSON object at the top level");
            foreach (var prop in root.EnumerateObject())
            {
                var v = prop.Value;
                switch (prop.Name)
                {
                    case "$schema": break;
                    case "model":
                        if (v.ValueKind != JsonValueKind.String || v.GetString() != RealpolitikDefinition.Instance.Name)
                            problems.Add($"model: value {JsonInput.Truncate(v.GetRawText())} is not \"{RealpolitikDefinition.Instance.Name}\"");
                        break;
                    case "name":
                        string name = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                        if (name.Length is 0 or > 64 || name.StartsWith('.') || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                            problems.Add($"name: value {JsonInput.Truncate(v.GetRawText())} must be 1 to 64 letters, digits, '-', '_' or '.', not starting with '.' (it names the output folder)");
                        else s = s with { Name = name };
                        break;
                    case "description":
                        if (v.ValueKind != JsonValueKind.String) problems.Add($"description: expected a string, got {JsonInput.Truncate(v.GetRawText())}");
                        else s = s with { Description = v.GetString()! };
                        break;
                    case "states": s = s with { States = Int(v, "states", 2, MaxStates, problems) }; break;
                    case "turns": s = s with { Turns = Int(v, "turns", 1, MaxTurns, problems) }; break;
                    case "runs": s = s with { Runs = Int(v, "runs", 1, int.MaxValue, problems) }; break;
                    case "seed":
                        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong seed)) s = s with { Seed = seed };
                        else problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
                        break;
                    case "parameters":
                        if (v.ValueKind != JsonValueKind.Object)
                        {
                            problems.Add("parameters: expected an object of NAME: value");
                            break;
                        }
                        foreach (var p in v.EnumerateObject())
                        {
                            if (!RealpolitikCatalog.TryFind(p.Name, out var info))
                                problems.Add($"parameters.{p.Name}: unknown parameter (run 'anarchy params --model realpolitik' for the list)");
                            else if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double value))
                                problems.Add($"parameters.{p.Name}: expected a number, got {JsonInput.Truncate(p.Value.GetRawText())}");
                            else if (info.Check(value) is { } problem) problems.Add($"parameters.{p.Name}: {problem}");
                            else s = s with { Parameters = info.With(s.Parameters, value) };
                        }
                        break;
                    default:
                        problems.Add($"{prop.Name}: unknown field (allowed: model, name, description, states, turns, runs, seed, parameters)");
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{source}: not valid JSON ({e.Message})");
        }
        Check(s, problems);
        if (problems.Count > 0) throw new InputFileException(problems);
        return s;
    }

    /// <summary>The constraints between fields: a regular graph needs an even n d and d below n.</summary>
    internal static void Check(RealpolitikScenario s, List<string> problems)
    {
        int d = s.Parameters.Degree;
        if (d >= s.States) problems.Add($"parameters.degree: value {d} must be below states ({s.States})");
        else if ((long)s.States * d % 2 != 0) problems.Add($"states and degree: {s.States} states of degree {d} make an odd number of border ends; one of them must be even");
    }

    /// <summary>Applies <c>NAME=VALUE</c> assignments, listing every bad one.</summary>
    public static RealpolitikScenario Apply(RealpolitikScenario scenario, IEnumerable<string> assignments)
    {
        var problems = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (string a in assignments)
        {
            int eq = a.IndexOf('=', StringComparison.Ordinal);
            string name = eq > 0 ? a[..eq].Trim() : a, text = eq > 0 ? a[(eq + 1)..].Trim() : "";
            if (eq <= 0) problems.Add($"--set '{a}': expected NAME=VALUE, for example --set victorySigma=3");
            else if (!RealpolitikCatalog.TryFind(name, out var info)) problems.Add($"--set {name}: unknown parameter (run 'anarchy params --model realpolitik' for the list)");
            else if (!given.Add(name)) problems.Add($"--set {name}: given twice; set a parameter once");
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) problems.Add($"--set {name}: value '{text}' is not a number");
            else if (info.Check(value) is { } problem) problems.Add($"--set {name}: {problem}");
            else scenario = scenario with { Parameters = info.With(scenario.Parameters, value) };
        }
        Check(scenario, problems);
        if (problems.Count > 0) throw new InputFileException(problems);
        return scenario;
    }

    private static int Int(JsonElement v, string at, int min, int max, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long x) && x >= min && x <= max) return (int)x;
        problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is outside the allowed range [{min}, {max}] (whole numbers)");
        return min;
    }
}
