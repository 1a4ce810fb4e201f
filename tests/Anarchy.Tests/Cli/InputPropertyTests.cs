using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit.Abstractions;

namespace Anarchy.Tests.Cli;

/// <summary>
/// A property test of the input layer: random mutations of valid scenario and sweep files (fields deleted,
/// duplicated, retyped, out of range, oversized, unknown, escaped) fed to <c>validate</c>, <c>run</c> and
/// <c>sweep</c>. Whatever the mutant, the command exits with 0 or 2, never with an unhandled exception (exit 1, a
/// stack trace, the <c>--verbose</c> hint), and writes nothing when it exits with 2.
/// </summary>
public sealed partial class InputPropertyTests(ITestOutputHelper output)
{
    /// <summary>A small valid scenario that uses every section of the format.</summary>
    private const string ScenarioSeed = """
        {
          "$schema": "https://example.org/anarchy-scenario.json",
          "name": "tiny",
          "description": "A small world for the input property test.",
          "states": 4,
          "ticks": 3,
          "burnIn": 1,
          "startYear": 1900,
          "seed": 7,
          "runs": 2,
          "doctrine": "Strategic",
          "geography": "torus",
          "poles": 0,
          "poleShare": 0.5,
          "leader": 0,
          "parameters": { "honour": 0.5, "chainDepth": 2, "growth": 0.01, "maxPacts": 3 },
          "stateOverrides": [
            { "state": 2, "label": "Ruritania", "ccode": 200, "doctrine": "Adaptive", "wealth": 2, "capability": 1,
              "revisionism": 0.3, "location": [0.25, 0.75], "interests": [0.5, 0.5] }
          ],
          "pacts": [ [0, 1], { "a": 1, "b": 2, "age": 3 } ],
          "shocks": [ { "tick": 1, "state": 3, "capabilityFactor": 0.5, "wealthFactor": 0.9 } ]
        }
        """;

    /// <summary>Small valid sweeps (a handful of runs of a tiny world each): a grid, a Latin hypercube, and one
    /// whose base scenario is a file next to it.</summary>
    private static readonly string[] SweepSeeds =
    [
        """
        {
          "name": "tiny-grid",
          "description": "A small grid for the input property test.",
          "scenario": { "states": 4, "ticks": 3, "parameters": { "growth": 0.01 }, "pacts": [ [0, 1] ] },
          "factors": [ { "name": "honour", "min": 0, "max": 1 }, { "name": "chainDepth", "levels": [1, 2] } ],
          "design": { "type": "grid", "levels": 2 },
          "replicates": 1,
          "seed": 11,
          "commonRandomNumbers": false,
          "outputs": ["wars", "entangled"]
        }
        """,
        """
        {
          "name": "tiny-lhs",
          "scenario": { "states": 4, "ticks": 3, "shocks": [ { "tick": 1, "state": 0, "capabilityFactor": 0.5, "wealthFactor": 1 } ] },
          "factors": [ { "name": "looseness", "min": 0, "max": 1 }, { "name": "warCost", "levels": [0.1, 0.3] } ],
          "design": { "type": "lhs", "samples": 3 },
          "replicates": 1,
          "seed": 3,
          "commonRandomNumbers": true,
          "outputs": ["wars"]
        }
        """,
        """
        {
          "name": "tiny-file",
          "scenario": "base.json",
          "factors": [ { "name": "honour", "levels": [0, 1] } ],
          "design": "grid",
          "replicates": 2,
          "seed": 5,
          "outputs": ["wars"]
        }
        """,
    ];

    /// <summary>The base scenario a sweep may name by path (written next to the sweep file).</summary>
    private const string SweepBaseScenario = """{ "states": 4, "ticks": 3, "runs": 1 }""";

    /// <summary>A sweep that validates with at most this many runs is also run; larger valid mutants are only validated.</summary>
    private const int MaxSweepRunsToRun = 64;

    private enum Kind { Delete, Duplicate, Retype, OutOfRange, Oversize, Unknown, Escape, Corrupt }

    /// <summary>One mutation: what to do, where (an index into the candidate locations, taken modulo their count) and
    /// which variant of the mutation.</summary>
    private sealed record Mutation(Kind Kind, int Where, int Variant);

    private sealed record Case(int Seed, Mutation[] Mutations);

    private sealed record Mutant(string Text, IReadOnlyList<string> Log)
    {
        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (var line in Log) sb.Append("  ").AppendLine(line);
            sb.Append("  file (").Append(Text.Length.ToString(CultureInfo.InvariantCulture)).AppendLine(" chars):");
            sb.AppendLine(Text.Length <= 1500 ? Text : Text[..1500] + "\n  ...(cut)");
            return sb.ToString();
        }
    }

    private static readonly Gen<Mutation> Mutations =
        Gen.Select(
            Gen.Frequency((3, Kind.Delete), (3, Kind.Duplicate), (4, Kind.Retype), (4, Kind.OutOfRange), (2, Kind.Oversize), (2, Kind.Unknown),
                (2, Kind.Escape), (1, Kind.Corrupt)),
            Gen.Int[0, 100_000], Gen.Int[0, 1000],
            (kind, where, variant) => new Mutation(kind, where, variant));

    private static Gen<Case> Cases(int seeds) =>
        Gen.Select(Gen.Int[0, seeds - 1], Mutations.Array[1, 3], (seed, mutations) => new Case(seed, mutations));

    private static int _scenarioRefused, _scenarioAccepted, _sweepRefused, _sweepAccepted, _sweepRun;

    [Fact]
    public void TheSeedsAreValidAndRun()
    {
        using var scratch = new ScratchFolder();
        var scenario = scratch.Write("scenario.json", ScenarioSeed);
        var validate = CliHarness.Run("validate", scenario);
        Assert.True(validate.ExitCode == 0, validate.Err);
        Assert.Contains("valid scenario 'tiny'", validate.Out, StringComparison.Ordinal);
        var run = CliHarness.Run("run", "--scenario", scenario, "--runs", "1", "--ticks", "2", "--states", "4", "--threads", "1", "--out", scratch["o"]);
        Assert.True(run.ExitCode == 0, run.Err);

        scratch.Write("base.json", SweepBaseScenario);
        for (int i = 0; i < SweepSeeds.Length; i++)
        {
            var sweep = scratch.Write("sweep.json", SweepSeeds[i]);
            var check = CliHarness.Run("validate", sweep);
            Assert.True(check.ExitCode == 0, check.Err);
            Assert.Contains("valid sweep", check.Out, StringComparison.Ordinal);
            Assert.True(SweepRuns(check) is > 0 and <= MaxSweepRunsToRun, check.Out);
            var result = CliHarness.Run("sweep", sweep, "--out", scratch[$"s{i}"], "--threads", "1");
            Assert.True(result.ExitCode == 0, result.Err);
        }
    }

    [Fact]
    public void MutatedScenariosExitWithZeroOrTwoAndWriteNothingOnTwo()
    {
        Cases(1).Sample(c =>
        {
            var mutant = Build(ScenarioSeed, c, sweep: false);
            using var scratch = new ScratchFolder();
            var file = scratch.Write("scenario.json", mutant.Text);
            var validate = CliHarness.Run("validate", file);
            Check("validate", validate, null, mutant);
            if (validate.ExitCode == 0)
                Assert.True(validate.Out.Contains("valid scenario", StringComparison.Ordinal), $"validate exited 0 without saying so:\n{validate.Out}\n{mutant}");

            // The overrides keep a valid mutant's run small; the file is still read and checked as written.
            var run = CliHarness.Run("run", "--scenario", file, "--runs", "1", "--ticks", "2", "--states", "4", "--threads", "1", "--out", scratch["o"]);
            Check("run", run, scratch["o"], mutant);
            if (validate.ExitCode == 2)
                Assert.True(run.ExitCode == 2, $"validate refused the file but run exited {run.ExitCode}:\n{validate.Err}\n{mutant}");
            if (validate.ExitCode == 0) Interlocked.Increment(ref _scenarioAccepted);
            else Interlocked.Increment(ref _scenarioRefused);
        }, iter: 800, print: c => Build(ScenarioSeed, c, sweep: false).ToString());
        output.WriteLine($"scenario mutants: {_scenarioAccepted} accepted, {_scenarioRefused} refused");
    }

    [Fact]
    public void MutatedSweepsExitWithZeroOrTwoAndWriteNothingOnTwo()
    {
        Cases(SweepSeeds.Length).Sample(c =>
        {
            var mutant = Build(SweepSeeds[c.Seed], c, sweep: true);
            using var scratch = new ScratchFolder();
            scratch.Write("base.json", SweepBaseScenario);
            var file = scratch.Write("sweep.json", mutant.Text);
            var validate = CliHarness.Run("validate", file);
            Check("validate", validate, null, mutant);
            if (validate.ExitCode == 0)
            {
                Interlocked.Increment(ref _sweepAccepted);
                // A valid scenario mutant of a sweep is validated as a scenario, which is fine; only sweeps are run.
                if (!validate.Out.Contains("valid sweep", StringComparison.Ordinal) || SweepRuns(validate) > MaxSweepRunsToRun) return;
            }
            else Interlocked.Increment(ref _sweepRefused);

            var sweep = CliHarness.Run("sweep", file, "--out", scratch["o"], "--threads", "1");
            Check("sweep", sweep, scratch["o"], mutant);
            Assert.True(sweep.ExitCode == validate.ExitCode,
                $"validate exited {validate.ExitCode} but sweep exited {sweep.ExitCode}:\n{validate.Err}{validate.Out}\n{sweep.Err}\n{mutant}");
            if (sweep.ExitCode == 0) Interlocked.Increment(ref _sweepRun);
        }, iter: 300, print: c => Build(SweepSeeds[c.Seed], c, sweep: true).ToString());
        output.WriteLine($"sweep mutants: {_sweepAccepted} accepted ({_sweepRun} run), {_sweepRefused} refused");
    }

    private static void Check(string command, CliResult result, string? outFolder, Mutant mutant)
    {
        string what = $"{command} exited {result.ExitCode}\nstderr:\n{result.Err}\nstdout:\n{Cut(result.Out)}\nmutations:\n  {string.Join("\n  ", mutant.Log)}";
        Assert.True(result.ExitCode is 0 or 2, what);
        Assert.False(result.Err.Contains("   at ", StringComparison.Ordinal), "a stack trace: " + what);
        Assert.False(result.Err.Contains("--verbose", StringComparison.Ordinal), "an unexpected failure: " + what);
        if (result.ExitCode == 2 && outFolder is not null)
            Assert.False(Directory.Exists(outFolder), "exit 2 left an output folder: " + what);
    }

    private static string Cut(string text) => text.Length <= 2000 ? text : text[..2000] + "...(cut)";

    private static long SweepRuns(CliResult validate)
    {
        var m = RunsPattern().Match(validate.Out);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : long.MaxValue;
    }

    [GeneratedRegex(@"= (\d+) runs\)")]
    private static partial Regex RunsPattern();

    // Building a mutant: the seed is parsed into a JsonNode tree, mutated in place, and written out. What a JsonNode
    // cannot hold (a key given twice, a number beyond a double, an escape written a particular way, a lone surrogate)
    // is written as a placeholder string and spliced into the text afterwards.

    private sealed class Builder(bool sweep)
    {
        public readonly Dictionary<string, string> Raw = new(StringComparer.Ordinal);
        public readonly List<string> Log = [];
        public readonly List<Mutation> TextMutations = [];
        public readonly bool Sweep = sweep;

        /// <summary>A placeholder that is replaced by <paramref name="raw"/> (JSON text, quotes included) in the output.</summary>
        public string Placeholder(string raw)
        {
            string key = $"@@raw{Raw.Count}@@";
            Raw[key] = raw;
            return key;
        }

        /// <summary>A node that is written as <paramref name="raw"/> JSON text.</summary>
        public JsonValue RawNode(string raw) => JsonValue.Create(Placeholder(raw))!;

        /// <summary>The JSON text of a key as it will be written.</summary>
        public string KeyText(string key) => Raw.TryGetValue(key, out var raw) ? raw : JsonSerializer.Serialize(key);

        public string Resolve(string text)
        {
            // Placeholders may nest (a duplicated placeholder key holds a placeholder); resolve newest first.
            for (int i = Raw.Count - 1; i >= 0; i--)
            {
                string key = $"@@raw{i}@@";
                text = text.Replace("\"" + key + "\"", Raw[key], StringComparison.Ordinal);
            }
            return text;
        }
    }

    /// <summary>A place in the tree: the parent and the key or index of the child there.</summary>
    private sealed record Location(JsonNode Parent, string? Key, int Index, string Path)
    {
        public JsonNode? Value => Key is not null ? Parent.AsObject()[Key] : Parent.AsArray()[Index];

        public void Set(JsonNode? value)
        {
            if (Key is not null) Parent.AsObject()[Key] = value;
            else Parent.AsArray()[Index] = value;
        }

        public void Remove()
        {
            if (Key is not null) Parent.AsObject().Remove(Key);
            else Parent.AsArray().RemoveAt(Index);
        }
    }

    private static Mutant Build(string seed, Case c, bool sweep)
    {
        var root = JsonNode.Parse(seed, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var b = new Builder(sweep);
        foreach (var m in c.Mutations)
        {
            if (m.Kind == Kind.Corrupt) b.TextMutations.Add(m);
            else Apply(root, m, b);
        }
        string text = b.Resolve(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        foreach (var m in b.TextMutations) text = Corrupt(text, m, b.Log);
        return new Mutant(text, b.Log);
    }

    private static List<Location> Locations(JsonNode root)
    {
        var all = new List<Location>();
        void Walk(JsonNode node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToList())
                    {
                        string at = path.Length == 0 ? key : path + "." + key;
                        all.Add(new Location(o, key, -1, at));
                        if (child is not null) Walk(child, at);
                    }
                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++)
                    {
                        string at = $"{path}[{i}]";
                        all.Add(new Location(a, null, i, at));
                        if (a[i] is { } child) Walk(child, at);
                    }
                    break;
            }
        }
        Walk(root, "");
        return all;
    }

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>The location <paramref name="where"/> picks among those <paramref name="prefer"/> accepts, or among all
    /// when none does; null when the tree has no locations.</summary>
    private static Location? Pick(JsonNode root, int where, Func<Location, bool>? prefer = null)
    {
        var all = Locations(root);
        if (all.Count == 0) return null;
        var preferred = prefer is null ? all : all.Where(prefer).ToList();
        var from = preferred.Count > 0 ? preferred : all;
        return from[where % from.Count];
    }

    private static readonly string[] OutOfRangeNumbers =
    [
        "-1", "-0", "0", "0.5", "2.5", "-2.5", "1e300", "-1e300", "1e400", "-1e400", "1e-400", "9223372036854775808", "9223372036854775807",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4097", "10001", "1000001", "10000001", "100000001", "1e-320", "5e-324", "1.0", "1E1", "3.0000000000000001", "0.1", "1e-7", "-0.0",
        "123456789012345678901234567890", "0.9999999999999999", "1.7976931348623157e308", "1.7976931348623159e308", "2", "16", "17", "64",
        "65", "100", "256", "257",
    ];

    private static readonly string[] Strings =
    [
        "abc", "", " ", "greatCircle", "GreatCircle", "TORUS", "strategic", "Internal", "external", "ADAPTIVE", "1", "0", "-1", "1e400", "NaN",
        "Infinity", "Strategic,Internal", " torus", "grid", "lhs", "sobol", "saltelli", "wars", "run", "seed", "replicate", "honour",
        "chainDepth", "base.json", "sweep.json", "missing.json", "o", ".", "..", "/", "/dev/null", "../tiny", "a/b", "a\\b", "con", "nul",
        "18446744073709551615", "18446744073709551616", "-0", "true", "null", "Internal,External", "torus,greatCircle", "interestDimensions",
        "minBurden", "maxBurden", "initialBurden", "neighbours", "epsilon", "maxPacts", "winThreshold", "poles", "point", "survivors",
        "mean_burden", "leader_entangled",
    ];

    private static readonly string[] Escapes =
    [
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800b\"", "\"\\ud83d\\ude00\"", "\"\\\"\"", "\"\\\\\"", "\"\\/\"",
        "\"\\n\\t\\r\\b\\f\"", "\"t\\u006Frus\"", "\"\\u0053trategic\"", "\"w\\u0061rs\"", "\"h\\u006fnour\"", "\"\\u00e9\"", "\"\\u202e\"",
        "\"\\ufeff\"", "\"\\uffff\"", "\"tiny\\u0000\"", "\"..\\/x\"",
    ];

    private static readonly string[] UnknownKeys =
    [
        "bogus", "Name", "STATES", "States", "", " states", "states ", "$schema", "__proto__", "\u00e9", "factor", "parameter", "scenarios", "extra",
    ];

    /// <summary>A replacement of another type for a value (number → string, object → array, null, bool, nested object...).</summary>
    private static JsonNode? Retyped(JsonNode? original, int variant, Builder b, out string what)
    {
        switch (variant % 16)
        {
            case 0:
                what = "its JSON text as a string";
                return JsonValue.Create(original?.ToJsonString() ?? "null");
            case 1: what = "an empty array"; return new JsonArray();
            case 2: what = "an array holding it"; return new JsonArray(original?.DeepClone());
            case 3: what = "an empty object"; return new JsonObject();
            case 4: what = "an object holding it"; return new JsonObject { ["value"] = original?.DeepClone() };
            case 5: what = "null"; return null;
            case 6: what = "true"; return JsonValue.Create(true);
            case 7: what = "false"; return JsonValue.Create(false);
            case 8: what = "0"; return JsonValue.Create(0);
            case 9: what = "1"; return JsonValue.Create(1);
            case 10:
                what = "arrays nested 70 deep";
                return b.RawNode(new string('[', 70) + new string(']', 70));
            case 11:
                what = "arrays nested 55 deep";
                return b.RawNode(new string('[', 55) + "1" + new string(']', 55));
            case 12:
                what = "a nested object";
                return new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray(1, "x", null) } };
            default:
                string s = Strings[variant / 16 % Strings.Length];
                what = JsonSerializer.Serialize(s);
                return JsonValue.Create(s);
        }
    }

    private static void Apply(JsonNode root, Mutation m, Builder b)
    {
        switch (m.Kind)
        {
            case Kind.Delete:
                {
                    if (Pick(root, m.Where) is not { } at) return;
                    b.Log.Add($"delete {at.Path}");
                    at.Remove();
                    break;
                }
            case Kind.Duplicate:
                {
                    if (Pick(root, m.Where, l => l.Key is not null) is not { Key: { } key } at) return;
                    var obj = at.Parent.AsObject();
                    JsonNode? value;
                    string what;
                    if (m.Variant % 3 == 0) { value = at.Value?.DeepClone(); what = "the same value"; }
                    else if (m.Variant % 3 == 1) { value = Retyped(at.Value, m.Variant / 3, b, out what); }
                    else { string n = OutOfRangeNumbers[m.Variant / 3 % OutOfRangeNumbers.Length]; value = b.RawNode(n); what = n; }
                    // The second key is written as the first, or with every character escaped ("st\u0061tes" repeats "states").
                    bool escaped = m.Variant / 3 % 4 == 3 && !b.Raw.ContainsKey(key);
                    obj[b.Placeholder(escaped ? Escaped(key) : b.KeyText(key))] = value;
                    b.Log.Add($"duplicate {at.Path}{(escaped ? " as " + Escaped(key) : "")} with {what}");
                    break;
                }
            case Kind.Retype:
                {
                    if (Pick(root, m.Where) is not { } at) return;
                    var value = Retyped(at.Value, m.Variant, b, out string what);
                    b.Log.Add($"retype {at.Path} to {what}");
                    at.Set(value);
                    break;
                }
            case Kind.OutOfRange:
                {
                    if (Pick(root, m.Where, l => KindOf(l.Value) == JsonValueKind.Number) is not { } at) return;
                    string n = OutOfRangeNumbers[m.Variant % OutOfRangeNumbers.Length];
                    b.Log.Add($"set {at.Path} to {n}");
                    at.Set(b.RawNode(n));
                    break;
                }
            case Kind.Oversize:
                Oversize(root, m, b);
                break;
            case Kind.Unknown:
                {
                    // An unknown key in an object: the root, or the object at a location.
                    var objects = new List<(JsonObject Object, string Path)>();
                    if (root is JsonObject top) objects.Add((top, "(top level)"));
                    foreach (var l in Locations(root))
                    {
                        if (l.Value is JsonObject o) objects.Add((o, l.Path));
                    }
                    if (objects.Count == 0) return;
                    var (obj, path) = objects[m.Where % objects.Count];
                    string key = UnknownKeys[m.Variant % UnknownKeys.Length];
                    var value = Retyped(null, m.Variant / UnknownKeys.Length, b, out string what);
                    obj[b.Placeholder(JsonSerializer.Serialize(key))] = value;
                    b.Log.Add($"add unknown key {JsonSerializer.Serialize(key)} = {what} to {path}");
                    break;
                }
            case Kind.Escape:
                {
                    if (m.Variant % 2 == 0)
                    {
                        if (Pick(root, m.Where, l => KindOf(l.Value) == JsonValueKind.String) is not { } at) return;
                        string raw = Escapes[m.Variant / 2 % Escapes.Length];
                        b.Log.Add($"set {at.Path} to {raw}");
                        at.Set(b.RawNode(raw));
                    }
                    else
                    {
                        // A key written with escapes: every character as \uXXXX, or with a lone surrogate or a NUL appended.
                        if (Pick(root, m.Where, l => l.Key is not null && !b.Raw.ContainsKey(l.Key)) is not { Key: { } key } at) return;
                        string raw = (m.Variant / 2 % 3) switch
                        {
                            0 => Escaped(key),
                            1 => "\"" + key + "\\ud800\"",
                            _ => "\"" + key + "\\u0000\"",
                        };
                        var obj = at.Parent.AsObject();
                        var value = obj[key];
                        obj.Remove(key);
                        obj[b.Placeholder(raw)] = value;
                        b.Log.Add($"write the key of {at.Path} as {raw}");
                    }
                    break;
                }
        }
    }

    /// <summary>A key as JSON text with every character escaped as \uXXXX.</summary>
    private static string Escaped(string key) => "\"" + string.Concat(key.Select(ch => $"\\u{(int)ch:x4}")) + "\"";

    private static readonly int[] LongStrings = [65, 101, 4000, 4001, 5000, 100_000];
    private static readonly int[] LongLists = [5000, 4097, 1001, 257, 65, 17];

    private static void Oversize(JsonNode root, Mutation m, Builder b)
    {
        if (Pick(root, m.Where, l => KindOf(l.Value) is JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Object) is not { } at) return;
        switch (at.Value)
        {
            case JsonArray list:
                {
                    int n = LongLists[m.Variant % LongLists.Length];
                    var item = list.Count > 0 ? list[m.Variant / LongLists.Length % list.Count] : JsonValue.Create(0);
                    var big = new JsonArray();
                    for (int i = 0; i < n; i++) big.Add(item?.DeepClone());
                    b.Log.Add($"repeat an item of {at.Path} {n} times");
                    at.Set(big);
                    break;
                }
            case JsonObject obj:
                {
                    int n = LongLists[m.Variant % LongLists.Length];
                    for (int i = 0; i < n; i++) obj[$"k{i}"] = i;
                    b.Log.Add($"add {n} unknown keys to {at.Path}");
                    break;
                }
            default:
                {
                    int n = LongStrings[m.Variant % LongStrings.Length];
                    string unit = (m.Variant / LongStrings.Length % 4) switch { 0 => "a", 1 => "\u00e9", 2 => "\ud83d\ude00", _ => "-" };
                    var s = new StringBuilder(n * unit.Length);
                    while (s.Length < n) s.Append(unit);
                    b.Log.Add($"set {at.Path} to {n} characters of {JsonSerializer.Serialize(unit)}");
                    at.Set(JsonValue.Create(s.ToString()));
                    break;
                }
        }
    }

    /// <summary>A change to the text itself: cut short, a stray character, a byte order mark, a comment, nothing.</summary>
    private static string Corrupt(string text, Mutation m, List<string> log)
    {
        int at = text.Length == 0 ? 0 : m.Where % text.Length;
        switch (m.Variant % 10)
        {
            case 0: log.Add($"cut the text at {at}"); return text[..at];
            case 1: log.Add($"insert ',' at {at}"); return text.Insert(at, ",");
            case 2: log.Add("prepend a byte order mark"); return "\ufeff" + text;
            case 3: log.Add("append 'x'"); return text + "x";
            case 4: log.Add("append a second document"); return text + "\n{}";
            case 5: log.Add($"insert a comment at {at}"); return text.Insert(at, "/* c */");
            case 6: log.Add("empty the file"); return "";
            case 7: log.Add("replace the first ':' with '='"); return ReplaceFirst(text, ":", "=");
            case 8: log.Add($"insert NaN at {at}"); return text.Insert(at, "NaN");
            default: log.Add($"insert a NUL character at {at}"); return text.Insert(at, "\0");
        }
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        return i < 0 ? text : text[..i] + to + text[(i + from.Length)..];
    }
}
