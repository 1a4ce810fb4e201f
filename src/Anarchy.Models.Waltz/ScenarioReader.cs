using System.Globalization;
using System.Text.Json;
using Anarchy.Input;

namespace Anarchy.Models.Waltz;

/// <summary>
/// Reads a scenario from JSON and validates it completely: every unknown field and every out-of-range value is
/// reported with its path (for example <c>stateOverrides[2].wealth</c>), the value and the allowed range.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Most states a scenario may have.</summary>
    public const int MaxStates = InputLimits.MaxStates;

    /// <summary>Most ticks a scenario may have (burn-in and recorded each): wealth compounds, and beyond this it could overflow.</summary>
    public const int MaxTicks = InputLimits.MaxTicks;

    /// <summary>Largest country code a state override may carry (COW ccodes run from 2 to 990).</summary>
    public const int MaxCcode = 999;

    /// <summary>Earliest calendar year a scenario may start in (positive, so that no year is the panel's -1 for none).</summary>
    public const int MinStartYear = 1;

    /// <summary>Latest calendar year a scenario may start in.</summary>
    public const int MaxStartYear = 9999;

    /// <summary>Reads and validates a scenario file.</summary>
    public static Scenario ReadFile(string path)
    {
        string text = ReadText(path, "scenario file");
        return Parse(text, Path.GetFileName(path), path);
    }

    /// <summary>The text of an input file, refused (<see cref="InputFileException"/>) if it is unreadable or over
    /// <see cref="InputLimits.MaxFileBytes"/>.</summary>
    public static string ReadText(string path, string what) =>
        JsonInput.ReadText(path, what, InputLimits.MaxFileBytes, InputLimits.MaxFileText, out var problem) ?? throw new InputFileException(problem!);

    /// <summary>Parses and validates scenario JSON. <paramref name="source"/> names the input in messages.</summary>
    public static Scenario Parse(string json, string source = "scenario") => Parse(json, source, null);

    /// <summary>Whether a parsed file is a sweep file rather than a scenario: it has the fields only a sweep has.</summary>
    public static bool IsSweep(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (root.TryGetProperty("factors", out _) || root.TryGetProperty("design", out _) || root.TryGetProperty("scenario", out _));

    /// <summary>Whether the JSON text is a sweep file (<see cref="IsSweep(JsonElement)"/>); false if it is not valid JSON.</summary>
    public static bool IsSweep(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, JsonInput.DocumentOptions);
            return JsonInput.CheckKeysAndText(doc.RootElement, "", []) && IsSweep(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Scenario Parse(string json, string source, string? file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, JsonInput.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{source}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        using (doc)
        {
            if (file is not null && IsSweep(doc.RootElement))
                throw new InputFileException($"{source}: this is a sweep file (it has factors, a design or a base scenario), not a scenario; run it with 'anarchy sweep {file}'");
            var reader = new Reader();
            if (!JsonInput.CheckKeysAndText(doc.RootElement, "", reader.Problems))
                throw new InputFileException(reader.Problems);
            var scenario = reader.ReadScenario(doc.RootElement);
            if (reader.Problems.Count == 0)
                reader.Problems.AddRange(Validate(scenario));
            if (reader.Problems.Count > 0)
                throw new InputFileException(reader.Problems);
            return scenario;
        }
    }

    /// <summary>Checks the cross-field rules of a scenario built in code or changed by overrides.</summary>
    public static IReadOnlyList<string> Validate(Scenario s)
    {
        var problems = new List<string>();
        void Range(string field, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
                problems.Add($"{field}: value {F(value)} is outside the allowed range [{F(min)}, {F(max)}]");
        }

        Range("states", s.States, 1, MaxStates);
        Range("ticks", s.Ticks, 1, MaxTicks);
        Range("burnIn", s.BurnIn, 0, MaxTicks);
        if (s.StartYear is { } startYear)
            Range("startYear", startYear, MinStartYear, MaxStartYear);
        Range("runs", s.Runs, 1, int.MaxValue);
        Range("poles", s.Poles, 0, s.States);
        if (s.Poles > 0)
            Range("poleShare", s.PoleShare, 0.01, 0.99);
        foreach (var info in ParameterCatalog.All)
        {
            if (info.Check(info.Get(s.Parameters)) is { } problem)
                problems.Add(problem);
        }
        problems.AddRange(ParameterCatalog.CheckConsistency(s.Parameters));
        if (s.Leader is { } leader)
            Range("leader", leader, 0, s.States - 1);

        var seen = new HashSet<int>();
        var ccodes = new Dictionary<int, int>();
        for (int i = 0; i < s.StateOverrides.Count; i++)
        {
            var o = s.StateOverrides[i];
            string at = $"stateOverrides[{i}]";
            Range(at + ".state", o.State, 0, s.States - 1);
            if (!seen.Add(o.State))
                problems.Add($"{at}.state: state {o.State} is overridden twice");
            if (o.Ccode is { } ccode)
            {
                Range(at + ".ccode", ccode, 0, MaxCcode);
                if (!ccodes.TryAdd(ccode, o.State))
                    problems.Add($"{at}.ccode: ccode {ccode} is already the ccode of state {ccodes[ccode]} (a ccode names one state)");
            }
            if (o.Wealth is { } w) Range(at + ".wealth", w, 1e-9, 1e9);
            if (o.Capability is { } m) Range(at + ".capability", m, 0, 1e9);
            if (o.Revisionism is { } r) Range(at + ".revisionism", r, 0, 1);
            if (o.Interests is { } u)
            {
                if (u.Count != s.Parameters.InterestDimensions)
                    problems.Add($"{at}.interests: has {u.Count} values, but interestDimensions is {s.Parameters.InterestDimensions}");
                for (int d = 0; d < u.Count; d++) Range($"{at}.interests[{d}]", u[d], 0, 1);
            }
            if (o.Location is { } x)
            {
                if (x.Count != 2)
                    problems.Add($"{at}.location: has {x.Count} values, expected 2");
                else if (s.Geography == Geography.Torus)
                {
                    Range(at + ".location[0]", x[0], 0, 1);
                    Range(at + ".location[1]", x[1], 0, 1);
                }
                else
                {
                    Range(at + ".location[0] (latitude)", x[0], -90, 90);
                    Range(at + ".location[1] (longitude)", x[1], -180, 180);
                }
            }
        }
        if (s.Geography == Geography.GreatCircle)
        {
            var located = s.StateOverrides.Where(o => o.Location is not null).Select(o => o.State).ToHashSet();
            var missing = Enumerable.Range(0, s.States).Where(i => !located.Contains(i)).Take(5).ToList();
            if (missing.Count > 0)
                problems.Add($"geography: greatCircle needs a location override for every state; missing for state(s) {string.Join(", ", missing)}");
        }

        var pairs = new HashSet<(int, int)>();
        for (int i = 0; i < s.Pacts.Count; i++)
        {
            var p = s.Pacts[i];
            string at = $"pacts[{i}]";
            Range(at + "[0]", p.A, 0, s.States - 1);
            Range(at + "[1]", p.B, 0, s.States - 1);
            Range(at + " age", p.Age, 0, MaxTicks);
            if (p.A == p.B)
                problems.Add($"{at}: a state cannot ally with itself (state {p.A})");
            else if (!pairs.Add((Math.Min(p.A, p.B), Math.Max(p.A, p.B))))
                problems.Add($"{at}: pact between {p.A} and {p.B} is listed twice");
        }
        for (int i = 0; i < s.Shocks.Count; i++)
        {
            var k = s.Shocks[i];
            string at = $"shocks[{i}]";
            Range(at + ".tick", k.Tick, 0, s.TotalTicks - 1);
            Range(at + ".state", k.State, 0, s.States - 1);
            Range(at + ".capabilityFactor", k.CapabilityFactor, 0, 1000);
            Range(at + ".wealthFactor", k.WealthFactor, 0, 1000);
        }
        // Shocks compound: a state's growing factors together may multiply its capability or wealth at most
        // MaxShockGrowth times over a run, so that both stay finite (summed as logarithms, which cannot overflow).
        var growth = new Dictionary<(int State, string Field), double>();
        foreach (var k in s.Shocks)
        {
            if (k.CapabilityFactor > 1) growth[(k.State, "capabilityFactor")] = growth.GetValueOrDefault((k.State, "capabilityFactor")) + Math.Log10(k.CapabilityFactor);
            if (k.WealthFactor > 1) growth[(k.State, "wealthFactor")] = growth.GetValueOrDefault((k.State, "wealthFactor")) + Math.Log10(k.WealthFactor);
        }
        foreach (var ((state, field), log10) in growth.OrderBy(g => g.Key.State).ThenBy(g => g.Key.Field, StringComparer.Ordinal))
        {
            if (log10 > Math.Log10(InputLimits.MaxShockGrowth))
                problems.Add($"shocks: the {field} values above 1 of state {state} multiply to about 1E+{Math.Round(log10).ToString(CultureInfo.InvariantCulture)}; at most {F(InputLimits.MaxShockGrowth)} over a run");
        }
        return problems;
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Walks the JSON tree, collecting problems instead of stopping at the first.</summary>
    private sealed class Reader
    {
        public List<string> Problems { get; } = [];

        public Scenario ReadScenario(JsonElement root)
        {
            var s = new Scenario();
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problems.Add("scenario: expected a JSON object at the top level");
                return s;
            }
            foreach (var prop in root.EnumerateObject())
            {
                var v = prop.Value;
                switch (prop.Name)
                {
                    case "$schema": break;
                    case "model": WaltzDefinition.CheckModelField(v, "model", Problems); break;
                    case "name": s = s with { Name = Name(v) }; break;
                    case "description": s = s with { Description = Text(v, "description", InputLimits.MaxDescriptionLength, "it is copied into every manifest") ?? "" }; break;
                    case "states": s = s with { States = Int(v, "states") }; break;
                    case "ticks": s = s with { Ticks = Int(v, "ticks") }; break;
                    case "burnIn": s = s with { BurnIn = Int(v, "burnIn") }; break;
                    case "startYear": s = s with { StartYear = v.ValueKind == JsonValueKind.Null ? null : Int(v, "startYear") }; break;
                    case "seed": s = s with { Seed = Seed(v) }; break;
                    case "runs": s = s with { Runs = Int(v, "runs") }; break;
                    case "doctrine": s = s with { Doctrine = Enum<Doctrine>(v, "doctrine") ?? Doctrine.Strategic }; break;
                    case "geography": s = s with { Geography = Enum<Geography>(v, "geography") ?? Geography.Torus }; break;
                    case "poles": s = s with { Poles = Int(v, "poles") }; break;
                    case "poleShare": s = s with { PoleShare = Number(v, "poleShare") }; break;
                    case "leader": s = s with { Leader = v.ValueKind == JsonValueKind.Null ? null : Int(v, "leader") }; break;
                    case "parameters": s = s with { Parameters = Parameters(v) }; break;
                    case "stateOverrides": s = s with { StateOverrides = Array(v, "stateOverrides", Override, InputLimits.MaxStateOverrides, "one per state") }; break;
                    case "pacts": s = s with { Pacts = Array(v, "pacts", Pact, InputLimits.MaxPacts) }; break;
                    case "shocks": s = s with { Shocks = Array(v, "shocks", Shock, InputLimits.MaxShocks) }; break;
                    default:
                        Unknown(prop.Name, "scenario", "model, name, description, states, ticks, burnIn, startYear, seed, runs, doctrine, geography, poles, poleShare, leader, parameters, stateOverrides, pacts, shocks");
                        break;
                }
            }
            return s;
        }

        private ModelParameters Parameters(JsonElement v)
        {
            var p = new ModelParameters();
            if (v.ValueKind != JsonValueKind.Object)
            {
                Problems.Add("parameters: expected an object of name: number");
                return p;
            }
            foreach (var prop in v.EnumerateObject())
            {
                if (!ParameterCatalog.TryFind(prop.Name, out var info))
                {
                    var hint = ParameterCatalog.Suggest(prop.Name).ToList();
                    Problems.Add($"parameters.{prop.Name}: unknown parameter" +
                        (hint.Count > 0 ? $" (did you mean {string.Join(", ", hint)}?)" : " (run 'anarchy params' for the list)"));
                    continue;
                }
                if (JsonInput.NotFinite(prop.Value, "parameters." + prop.Name, info.RangeText) is { } huge)
                {
                    Problems.Add(huge);
                    continue;
                }
                double value = Number(prop.Value, "parameters." + prop.Name);
                if (double.IsNaN(value))
                    continue;
                if (info.Check(value) is { } problem)
                    Problems.Add(problem);
                else
                    p = info.With(p, value);
            }
            return p;
        }

        private StateOverride Override(JsonElement v, string at)
        {
            var o = new StateOverride();
            if (!IsObject(v, at)) return o;
            foreach (var prop in v.EnumerateObject())
            {
                string f = at + "." + prop.Name;
                var e = prop.Value;
                switch (prop.Name)
                {
                    case "state": o = o with { State = Int(e, f) }; break;
                    case "label": o = o with { Label = Text(e, f, InputLimits.MaxLabelLength, "it is written into the panel tables") }; break;
                    case "ccode": o = o with { Ccode = Int(e, f) }; break;
                    case "doctrine": o = o with { Doctrine = Enum<Doctrine>(e, f) }; break;
                    case "wealth": o = o with { Wealth = Number(e, f) }; break;
                    case "capability": o = o with { Capability = Number(e, f) }; break;
                    case "revisionism": o = o with { Revisionism = Number(e, f) }; break;
                    case "location": o = o with { Location = Numbers(e, f) }; break;
                    case "interests": o = o with { Interests = Numbers(e, f) }; break;
                    default: Unknown(prop.Name, at, "state, label, ccode, doctrine, wealth, capability, location, interests, revisionism"); break;
                }
            }
            if (!v.TryGetProperty("state", out _))
                Problems.Add($"{at}.state: missing (which state does this override apply to?)");
            return o;
        }

        private InitialPact Pact(JsonElement v, string at)
        {
            if (v.ValueKind == JsonValueKind.Array)
            {
                var xs = Numbers(v, at);
                if (xs.Count != 2)
                {
                    Problems.Add($"{at}: expected a pair of state indices like [0, 1], got {xs.Count} values");
                    return new InitialPact(0, 1);
                }
                return new InitialPact(AsInt(xs[0], at + "[0]"), AsInt(xs[1], at + "[1]"));
            }
            if (!IsObject(v, at)) return new InitialPact(0, 1);
            int a = 0, b = 0, age = 0;
            foreach (var prop in v.EnumerateObject())
            {
                string f = at + "." + prop.Name;
                switch (prop.Name)
                {
                    case "a": a = Int(prop.Value, f); break;
                    case "b": b = Int(prop.Value, f); break;
                    case "age": age = Int(prop.Value, f); break;
                    default: Unknown(prop.Name, at, "a, b, age"); break;
                }
            }
            return new InitialPact(a, b, age);
        }

        private Shock Shock(JsonElement v, string at)
        {
            var k = new Shock(0, 0);
            if (!IsObject(v, at)) return k;
            foreach (var prop in v.EnumerateObject())
            {
                string f = at + "." + prop.Name;
                switch (prop.Name)
                {
                    case "tick": k = k with { Tick = Int(prop.Value, f) }; break;
                    case "state": k = k with { State = Int(prop.Value, f) }; break;
                    case "capabilityFactor": k = k with { CapabilityFactor = Number(prop.Value, f) }; break;
                    case "wealthFactor": k = k with { WealthFactor = Number(prop.Value, f) }; break;
                    default: Unknown(prop.Name, at, "tick, state, capabilityFactor, wealthFactor"); break;
                }
            }
            foreach (var required in new[] { "tick", "state" })
            {
                if (!v.TryGetProperty(required, out _))
                    Problems.Add($"{at}.{required}: missing");
            }
            return k;
        }

        private List<T> Array<T>(JsonElement v, string at, Func<JsonElement, string, T> item, int limit, string? why = null)
        {
            var list = new List<T>();
            if (v.ValueKind != JsonValueKind.Array)
            {
                Problems.Add($"{at}: expected an array, got {Describe(v)}");
                return list;
            }
            if (v.GetArrayLength() > limit)
            {
                Problems.Add($"{at}: {v.GetArrayLength()} entries is more than the limit of {limit}{(why is null ? "" : $" ({why})")}");
                return list;
            }
            int i = 0;
            foreach (var e in v.EnumerateArray())
                list.Add(item(e, $"{at}[{i++}]"));
            return list;
        }

        private bool IsObject(JsonElement v, string at)
        {
            if (v.ValueKind == JsonValueKind.Object) return true;
            Problems.Add($"{at}: expected an object, got {Describe(v)}");
            return false;
        }

        private void Unknown(string name, string at, string allowed) =>
            Problems.Add($"{(at == "scenario" ? name : at + "." + name)}: unknown field (allowed: {allowed})");

        private string Name(JsonElement v)
        {
            var name = Text(v, "name") ?? "default";
            if (name.Length == 0 || name.Length > 64 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.StartsWith('.'))
            {
                Problems.Add($"name: value \"{name}\" must be 1 to 64 letters, digits, '-', '_' or '.' (it names the output folder)");
                return "default";
            }
            return name;
        }

        private string? Text(JsonElement v, string at, int maxLength = InputLimits.MaxNameLength, string? why = null)
        {
            if (v.ValueKind != JsonValueKind.String)
            {
                Problems.Add($"{at}: expected a string, got {Describe(v)}");
                return null;
            }
            var text = v.GetString()!;
            if (text.Length <= maxLength) return text;
            Problems.Add($"{at}: {text.Length} characters is more than the limit of {maxLength}{(why is null ? "" : $" ({why})")}");
            return null;
        }

        private double Number(JsonElement v, string at)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
            Problems.Add(JsonInput.NotFinite(v, at) ?? $"{at}: expected a number, got {Describe(v)}");
            return double.NaN;
        }

        private int Int(JsonElement v, string at) => AsInt(Number(v, at), at);

        private int AsInt(double d, string at)
        {
            if (double.IsNaN(d)) return 0;
            if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            {
                Problems.Add($"{at}: value {F(d)} is not a whole number in the range of a 32-bit integer");
                return 0;
            }
            return (int)d;
        }

        private ulong Seed(JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong seed)) return seed;
            if (v.ValueKind == JsonValueKind.String && ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seed)) return seed;
            Problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not a whole number in [0, {ulong.MaxValue}]");
            return 0;
        }

        private List<double> Numbers(JsonElement v, string at)
        {
            var xs = new List<double>();
            if (v.ValueKind != JsonValueKind.Array)
            {
                Problems.Add($"{at}: expected an array of numbers, got {Describe(v)}");
                return xs;
            }
            if (v.GetArrayLength() > InputLimits.MaxVectorLength)
            {
                Problems.Add($"{at}: {v.GetArrayLength()} numbers is more than the limit of {InputLimits.MaxVectorLength}");
                return xs;
            }
            int i = 0;
            foreach (var e in v.EnumerateArray())
                xs.Add(Number(e, $"{at}[{i++}]"));
            return xs;
        }

        private T? Enum<T>(JsonElement v, string at) where T : struct, System.Enum
        {
            if (v.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(v.GetString(), ignoreCase: true, out var value)
                && System.Enum.IsDefined(value) && !char.IsAsciiDigit(v.GetString()![0]))
                return value;
            Problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
            return null;
        }

        private static string Describe(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => $"the string {JsonInput.Truncate(v.GetRawText())}",
            JsonValueKind.Number => $"the number {JsonInput.Truncate(v.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => v.ValueKind.ToString(),
        };
    }
}

/// <summary>Scenarios shipped inside the library.</summary>
public static class BuiltInScenarios
{
    /// <summary>The default scenario (experiments/default/scenario.json), used when no scenario file is given.</summary>
    public static Scenario Default
    {
        get
        {
            using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream("Anarchy.Scenarios.default.json")
                ?? throw new InvalidOperationException("the embedded default scenario is missing");
            using var reader = new StreamReader(stream);
            return ScenarioReader.Parse(reader.ReadToEnd(), "default scenario");
        }
    }
}
