using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Input;

namespace Anarchy.Models.Waltz;

/// <summary>
/// Writes a scenario as JSON with every parameter resolved, in the format <see cref="ScenarioReader"/> reads, so a
/// manifest's scenario can be fed straight back to <c>anarchy run --scenario</c>.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>The scenario as indented JSON.</summary>
    public static string ToJson(Scenario s)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            Write(w, s);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the scenario as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("description", s.Description);
        w.WriteNumber("states", s.States);
        w.WriteNumber("ticks", s.Ticks);
        w.WriteNumber("burnIn", s.BurnIn);
        if (s.StartYear is { } startYear) w.WriteNumber("startYear", startYear);
        w.WriteNumber("seed", s.Seed);
        w.WriteNumber("runs", s.Runs);
        w.WriteString("doctrine", s.Doctrine.ToString());
        w.WriteString("geography", GeographyName(s.Geography));
        w.WriteNumber("poles", s.Poles);
        w.WriteNumber("poleShare", s.PoleShare);
        if (s.Leader is { } leader) w.WriteNumber("leader", leader);
        else w.WriteNull("leader");

        w.WriteStartObject("parameters");
        foreach (var info in ParameterCatalog.All)
        {
            double v = info.Get(s.Parameters);
            if (info.IsInteger) w.WriteNumber(info.Name, (long)v);
            else w.WriteNumber(info.Name, v);
        }
        w.WriteEndObject();

        w.WriteStartArray("stateOverrides");
        foreach (var o in s.StateOverrides)
        {
            w.WriteStartObject();
            w.WriteNumber("state", o.State);
            if (o.Label is not null) w.WriteString("label", o.Label);
            if (o.Ccode is { } ccode) w.WriteNumber("ccode", ccode);
            if (o.Doctrine is { } d) w.WriteString("doctrine", d.ToString());
            if (o.Wealth is { } wealth) w.WriteNumber("wealth", wealth);
            if (o.Capability is { } m) w.WriteNumber("capability", m);
            if (o.Location is { } x) Numbers(w, "location", x);
            if (o.Interests is { } u) Numbers(w, "interests", u);
            if (o.Revisionism is { } r) w.WriteNumber("revisionism", r);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("pacts");
        foreach (var p in s.Pacts)
        {
            w.WriteStartObject();
            w.WriteNumber("a", p.A);
            w.WriteNumber("b", p.B);
            w.WriteNumber("age", p.Age);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("shocks");
        foreach (var k in s.Shocks)
        {
            w.WriteStartObject();
            w.WriteNumber("tick", k.Tick);
            w.WriteNumber("state", k.State);
            w.WriteNumber("capabilityFactor", k.CapabilityFactor);
            w.WriteNumber("wealthFactor", k.WealthFactor);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string GeographyName(Geography g) => g == Geography.Torus ? "torus" : "greatCircle";

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> xs)
    {
        w.WriteStartArray(name);
        foreach (var x in xs) w.WriteNumberValue(x);
        w.WriteEndArray();
    }
}

/// <summary>Applies <c>--set name=value</c> assignments to a scenario's parameters.</summary>
public static class ParameterAssignments
{
    /// <summary>Returns the scenario with each assignment applied; throws <see cref="InputFileException"/> listing every bad one.</summary>
    public static Scenario Apply(Scenario scenario, IEnumerable<string> assignments)
    {
        var problems = new List<string>();
        var p = scenario.Parameters;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            int eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add($"--set '{a}': expected NAME=VALUE, for example --set honour=0.5");
                continue;
            }
            string name = a[..eq].Trim(), text = a[(eq + 1)..].Trim();
            if (!ParameterCatalog.TryFind(name, out var info))
            {
                var hint = ParameterCatalog.Suggest(name).ToList();
                problems.Add($"--set {name}: unknown parameter" +
                    (hint.Count > 0 ? $" (did you mean {string.Join(", ", hint)}?)" : " (run 'anarchy params' for the list)"));
                continue;
            }
            if (!given.TryAdd(info.Name, text))
            {
                problems.Add($"--set {info.Name}: given twice ({given[info.Name]}, then {text}); set a parameter once");
                continue;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                problems.Add($"--set {name}: value '{text}' is not a number (allowed range {info.RangeText})");
                continue;
            }
            if (!double.IsFinite(value))
            {
                problems.Add($"--set {name}: value '{text}' is not a finite number (allowed range {info.RangeText})");
                continue;
            }
            if (info.Check(value) is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            p = info.With(p, value);
        }
        var result = scenario with { Parameters = p };
        if (problems.Count == 0)
            problems.AddRange(ScenarioReader.Validate(result));
        if (problems.Count > 0)
            throw new InputFileException(problems);
        return result;
    }
}
