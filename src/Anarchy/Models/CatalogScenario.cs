using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Input;

namespace Anarchy.Models;

/// <summary>
/// A scenario of the common shape: a name, a description, a few whole-number sizes (states, turns, years...), runs, a
/// seed, and parameters from a catalogue. <see cref="CatalogScenarioFormat{TScenario, TParameters}"/> reads, writes
/// and overrides such scenarios for any model.
/// </summary>
public interface ICatalogScenario<TSelf, TParameters> : IModelScenario
    where TSelf : ICatalogScenario<TSelf, TParameters>
    where TParameters : class
{
    string Description { get; }

    TParameters Parameters { get; }

    /// <summary>This scenario with the given fields changed (null leaves a field as it is).</summary>
    TSelf With(string? name = null, string? description = null, int? runs = null, ulong? seed = null, TParameters? parameters = null);
}

/// <summary>One whole-number size of a scenario: its JSON field, the command-line option that overrides it, its range.</summary>
public sealed record ScenarioSize<TScenario>(string Field, string Option, int Min, int Max, Func<TScenario, int> Get, Func<TScenario, int, TScenario> Set);

/// <summary>
/// Reads, validates, overrides and writes a model's <see cref="ICatalogScenario{TSelf, TParameters}"/>: every problem
/// is listed with its field, value and allowed range.
/// </summary>
public sealed class CatalogScenarioFormat<TScenario, TParameters>
    where TScenario : ICatalogScenario<TScenario, TParameters>
    where TParameters : class, new()
{
    /// <summary>The model's name, as in the <c>model</c> field and after <c>--model</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The model's parameters.</summary>
    public required IReadOnlyList<ModelParameter<TParameters>> Catalog { get; init; }

    /// <summary>The scenario's sizes, in file order.</summary>
    public required IReadOnlyList<ScenarioSize<TScenario>> Sizes { get; init; }

    /// <summary>The default scenario, which a file's fields change.</summary>
    public required Func<TScenario> Default { get; init; }

    /// <summary>A parameter assignment shown in the message for a malformed <c>--set</c>, e.g. <c>demand=300</c>.</summary>
    public required string ExampleAssignment { get; init; }

    /// <summary>Constraints between fields, adding a problem for each that fails; none by default.</summary>
    public Action<TScenario, List<string>> Check { get; init; } = (_, _) => { };

    /// <summary>The scenario in <paramref name="path"/>, validated completely.</summary>
    /// <exception cref="InputFileException">The file cannot be read or is invalid.</exception>
    public TScenario ReadFile(string path)
    {
        string text = JsonInput.ReadText(path, "scenario file", MaxFileBytes, "1 MiB", out var problem)
            ?? throw new InputFileException(problem!);
        return Parse(text, path);
    }

    /// <summary>The largest scenario file read (a scenario of this shape is a few hundred bytes).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The scenario in <paramref name="json"/> (from <paramref name="source"/>), validated completely.</summary>
    /// <exception cref="InputFileException">It is invalid; every problem is listed.</exception>
    public TScenario Parse(string json, string source)
    {
        var problems = new List<string>();
        var s = Default();
        try
        {
            using var document = JsonDocument.Parse(json, JsonInput.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException($"{source}: expected a JSON object at the top level");
            // A key given twice would otherwise be read as its last value.
            if (JsonInput.CheckKeysAndText(root, "", problems))
            {
                foreach (var prop in root.EnumerateObject())
                    s = Field(s, prop, problems);
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

    private TScenario Field(TScenario s, JsonProperty prop, List<string> problems)
    {
        var v = prop.Value;
        var size = Sizes.FirstOrDefault(z => z.Field == prop.Name);
        if (size is not null) return size.Set(s, Int(v, size.Field, size.Min, size.Max, problems));
        switch (prop.Name)
        {
            case "$schema":
                return s;
            case "model":
                if (v.ValueKind != JsonValueKind.String || v.GetString() != Model)
                    problems.Add($"model: value {JsonInput.Truncate(v.GetRawText())} is not \"{Model}\"");
                return s;
            case "name":
                string name = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                if (name.Length is > 0 and <= 64 && !name.StartsWith('.') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                    return s.With(name: name);
                problems.Add($"name: value {JsonInput.Truncate(v.GetRawText())} must be 1 to 64 letters, digits, '-', '_' or '.', not starting with '.' (it names the output folder)");
                return s;
            case "description":
                if (v.ValueKind == JsonValueKind.String) return s.With(description: v.GetString()!);
                problems.Add($"description: expected a string, got {JsonInput.Truncate(v.GetRawText())}");
                return s;
            case "runs":
                return s.With(runs: Int(v, "runs", 1, int.MaxValue, problems));
            case "seed":
                if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong seed)) return s.With(seed: seed);
                problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
                return s;
            case "parameters":
                return Parameters(s, v, problems);
            default:
                problems.Add($"{prop.Name}: unknown field (allowed: model, name, description, {string.Join(", ", Sizes.Select(z => z.Field))}, runs, seed, parameters)");
                return s;
        }
    }

    private TScenario Parameters(TScenario s, JsonElement v, List<string> problems)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            problems.Add("parameters: expected an object of NAME: value");
            return s;
        }
        var parameters = s.Parameters;
        foreach (var p in v.EnumerateObject())
        {
            if (!TryFind(p.Name, out var info))
                problems.Add($"parameters.{p.Name}: unknown parameter (run 'anarchy params --model {Model}' for the list)");
            else if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double value))
                problems.Add($"parameters.{p.Name}: expected a number, got {JsonInput.Truncate(p.Value.GetRawText())}");
            else if (info.Check(value) is { } problem) problems.Add($"parameters.{p.Name}: {problem}");
            else parameters = info.With(parameters, value);
        }
        return s.With(parameters: parameters);
    }

    /// <summary>
    /// The scenario in <paramref name="path"/> (the default when null) with the command line's
    /// <paramref name="overrides"/>: runs, seed, the sizes whose options are given, and <c>NAME=VALUE</c> assignments.
    /// </summary>
    /// <exception cref="InputFileException">The file or an override is invalid.</exception>
    public TScenario Read(string? path, ScenarioOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var s = path is null ? Default() : ReadFile(path);
        if (overrides.Runs is { } runs) s = s.With(runs: ScenarioOverrides.Checked("--runs", runs, 1, int.MaxValue));
        if (overrides.Seed is { } seed) s = s.With(seed: seed);
        foreach (var size in Sizes)
        {
            int? value = size.Option switch { "--ticks" => overrides.Ticks, "--states" => overrides.States, _ => null };
            if (value is { } v) s = size.Set(s, ScenarioOverrides.Checked(size.Option, v, size.Min, size.Max));
        }
        return Apply(s, overrides.Assignments ?? []);
    }

    /// <summary>Applies <c>NAME=VALUE</c> assignments, listing every bad one.</summary>
    /// <exception cref="InputFileException">An assignment is invalid, or the result breaks a constraint.</exception>
    public TScenario Apply(TScenario scenario, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(assignments);
        var problems = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        var parameters = scenario.Parameters;
        foreach (string a in assignments)
        {
            int eq = a.IndexOf('=', StringComparison.Ordinal);
            string name = eq > 0 ? a[..eq].Trim() : a, text = eq > 0 ? a[(eq + 1)..].Trim() : "";
            if (eq <= 0) problems.Add($"--set '{a}': expected NAME=VALUE, for example --set {ExampleAssignment}");
            else if (!TryFind(name, out var info)) problems.Add($"--set {name}: unknown parameter (run 'anarchy params --model {Model}' for the list)");
            else if (!given.Add(name)) problems.Add($"--set {name}: given twice; set a parameter once");
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) problems.Add($"--set {name}: value '{text}' is not a number");
            else if (info.Check(value) is { } problem) problems.Add($"--set {name}: {problem}");
            else parameters = info.With(parameters, value);
        }
        scenario = scenario.With(parameters: parameters);
        Check(scenario, problems);
        if (problems.Count > 0) throw new InputFileException(problems);
        return scenario;
    }

    /// <summary><paramref name="scenario"/> with the named parameters set (a sweep's design point), checked.</summary>
    /// <exception cref="InputFileException">A name is unknown or the combination breaks a constraint.</exception>
    public TScenario WithParameters(TScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var parameters = scenario.Parameters;
        for (int f = 0; f < names.Count; f++)
        {
            if (!TryFind(names[f], out var info)) throw new InputFileException($"unknown parameter '{names[f]}'");
            parameters = info.With(parameters, values[f]);
        }
        scenario = scenario.With(parameters: parameters);
        var problems = new List<string>();
        Check(scenario, problems);
        return problems.Count == 0 ? scenario : throw new InputFileException(problems);
    }

    /// <summary>The scenario as JSON, every field and parameter written; <see cref="Parse"/> reads it back equal.</summary>
    public string ToJson(TScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", Model);
            w.WriteString("name", scenario.Name);
            if (scenario.Description.Length > 0) w.WriteString("description", scenario.Description);
            foreach (var size in Sizes) w.WriteNumber(size.Field, size.Get(scenario));
            w.WriteNumber("runs", scenario.Runs);
            w.WriteNumber("seed", scenario.Seed);
            w.WriteStartObject("parameters");
            foreach (var p in Catalog) w.WriteNumber(p.Name, p.Get(scenario.Parameters));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The parameter called <paramref name="name"/> (case-sensitive), if the catalogue has one.</summary>
    public bool TryFind(string name, out ModelParameter<TParameters> info)
    {
        foreach (var p in Catalog)
        {
            if (p.Name == name)
            {
                info = p;
                return true;
            }
        }
        info = null!;
        return false;
    }

    private static int Int(JsonElement v, string at, int min, int max, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long x) && x >= min && x <= max) return (int)x;
        problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is outside the allowed range [{min}, {max}] (whole numbers)");
        return min;
    }
}
