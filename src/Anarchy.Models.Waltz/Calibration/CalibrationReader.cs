using System.Globalization;
using System.Text.Json;
using Anarchy.Input;

namespace Anarchy.Models.Waltz.Calibration;

/// <summary>
/// Reads and validates a calibration file (docs/CALIBRATION.md, "The calibration file"). Every problem is collected
/// and reported together, each naming the field, the value and what is allowed (<see cref="InputFileException"/>).
/// </summary>
public static class CalibrationReader
{
    private static readonly string[] Fields =
    [
        "name", "description", "fit", "predict", "parameters", "fixed", "moments", "runs", "seed", "starts",
        "maxEvaluations", "tolerance", "bootstrap", "profilePoints",
    ];

    /// <summary>Most parameters one calibration estimates.</summary>
    public const int MaxParameters = 12;

    /// <summary>Most runs per period and evaluation.</summary>
    public const int MaxRuns = 100_000;

    /// <summary>Reads and validates a calibration file; <paramref name="firstYear"/> and <paramref name="lastYear"/>
    /// are the years the record covers.</summary>
    public static CalibrationSpec ReadFile(string path, int firstYear, int lastYear)
    {
        string text = ScenarioReader.ReadText(path, "calibration file");
        return Parse(text, Path.GetFileName(path), firstYear, lastYear);
    }

    /// <summary>Parses and validates calibration JSON. <paramref name="source"/> names the input in messages.</summary>
    public static CalibrationSpec Parse(string json, string source, int firstYear, int lastYear)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonInput.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{source}: not valid JSON ({e.Message})");
        }
        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputFileException($"{source}: a calibration file is a JSON object");
            if (!JsonInput.CheckKeysAndText(root, "", problems)) throw new InputFileException(problems);
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                    problems.Add($"{property.Name}: unknown field (allowed: {string.Join(", ", Fields)})");
            }

            var spec = new CalibrationSpec
            {
                Name = Name(root, problems),
                Description = Text(root, "description", problems),
                Fit = Periods(root, "fit", required: true, firstYear, lastYear, problems),
                Predict = Periods(root, "predict", required: false, firstYear, lastYear, problems),
                Runs = Integer(root, "runs", 100, 2, MaxRuns, problems),
                Seed = Seed(root, problems),
                Starts = Integer(root, "starts", 2, 1, 20, problems),
                MaxEvaluations = Integer(root, "maxEvaluations", 150, 10, 100_000, problems),
                Tolerance = Number(root, "tolerance", 1e-3, 1e-12, 1, problems),
                Bootstrap = Integer(root, "bootstrap", 1000, 100, 100_000, problems),
                ProfilePoints = Integer(root, "profilePoints", 9, 0, 101, problems),
            };
            var (fixedParameters, fixedNames) = Fixed(root, problems);
            var parameters = Parameters(root, fixedNames, problems);
            var moments = MomentList(root, problems);
            if (spec.ProfilePoints is 1 or 2)
                problems.Add($"profilePoints: value {spec.ProfilePoints} is outside the allowed values (0 for no profiles, or 3 to 101)");
            spec = spec with { Fixed = fixedParameters, FixedNames = fixedNames, Parameters = parameters, Moments = moments, MomentsListed = root.TryGetProperty("moments", out _) };
            foreach (var (period, index, field) in spec.Fit.Select((p, i) => (p, i, "fit")).Concat(spec.Predict.Select((p, i) => (p, i, "predict"))))
            {
                foreach (var (info, _) in period.Parameters)
                {
                    if (parameters.Any(p => p.Name == info.Name))
                        problems.Add($"{field}[{index}].parameters.{info.Name}: '{info.Name}' is also estimated; a parameter is either estimated or set");
                }
            }
            var clash = spec.Fit.Select(p => p.StartYear).Intersect(spec.Predict.Select(p => p.StartYear)).ToList();
            foreach (int year in clash) problems.Add($"predict: the start year {year} is also fitted; a period is either fitted or predicted");
            if (problems.Count == 0) problems.AddRange(CheckBox(spec));
            if (problems.Count > 0) throw new InputFileException(problems);
            return spec;
        }
    }

    /// <summary>Cross-parameter rules (for example minBurden &lt;= maxBurden) checked at every corner of the box.</summary>
    private static IEnumerable<string> CheckBox(CalibrationSpec spec)
    {
        int k = spec.Parameters.Count;
        var seen = new HashSet<string>();
        for (int corner = 0; corner < 1 << k; corner++)
        {
            var theta = spec.Parameters.Select((p, i) => (corner >> i & 1) == 1 ? p.Max : p.Min).ToArray();
            foreach (string problem in ParameterCatalog.CheckConsistency(spec.At(theta)))
            {
                if (seen.Add(problem)) yield return $"parameters: at a corner of the box, {problem}";
            }
        }
    }

    private static string Name(JsonElement root, List<string> problems)
    {
        string name = Text(root, "name", problems, "calibration");
        bool valid = name.Length is >= 1 and <= 64 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!valid) problems.Add($"name: value '{JsonInput.Truncate(name)}' is not allowed (1 to 64 letters, digits, '-', '_', '.'; not starting with '.')");
        return name;
    }

    private static string Text(JsonElement root, string field, List<string> problems, string fallback = "")
    {
        if (!root.TryGetProperty(field, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{field}: must be a string");
            return fallback;
        }
        string text = v.GetString()!;
        if (text.Length > InputLimits.MaxDescriptionLength)
            problems.Add($"{field}: {text.Length} characters is longer than the limit of {InputLimits.MaxDescriptionLength}");
        return text;
    }

    private static int Integer(JsonElement root, string field, int fallback, int min, int max, List<string> problems) =>
        root.TryGetProperty(field, out var v) ? IntegerValue(v, field, min, max, problems) ?? fallback : fallback;

    private static int? IntegerValue(JsonElement v, string at, int min, int max, List<string> problems)
    {
        string range = $"[{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || !double.IsFinite(d) || d != Math.Floor(d))
        {
            problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is not an integer (allowed range {range})");
            return null;
        }
        if (d < min || d > max)
        {
            problems.Add($"{at}: value {v.GetRawText()} is outside the allowed range {range}");
            return null;
        }
        return (int)d;
    }

    private static double Number(JsonElement root, string field, double fallback, double min, double max, List<string> problems)
    {
        if (!root.TryGetProperty(field, out var v)) return fallback;
        return NumberValue(v, field, min, max, problems) ?? fallback;
    }

    private static double? NumberValue(JsonElement v, string at, double min, double max, List<string> problems)
    {
        string range = $"[{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";
        if (JsonInput.NotFinite(v, at, range) is { } notFinite)
        {
            problems.Add(notFinite);
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d))
        {
            problems.Add($"{at}: value {JsonInput.Truncate(v.GetRawText())} is not a number (allowed range {range})");
            return null;
        }
        if (d < min || d > max)
        {
            problems.Add($"{at}: value {v.GetRawText()} is outside the allowed range {range}");
            return null;
        }
        return d;
    }

    private static ulong Seed(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("seed", out var v)) return 1;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong n)) return n;
        if (v.ValueKind == JsonValueKind.String && ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s)) return s;
        problems.Add($"seed: value {JsonInput.Truncate(v.GetRawText())} is not an integer in [0, 18446744073709551615] (a number or a decimal string)");
        return 1;
    }

    private static List<CalibrationPeriod> Periods(JsonElement root, string field, bool required, int firstYear, int lastYear, List<string> problems)
    {
        var periods = new List<CalibrationPeriod>();
        if (!root.TryGetProperty(field, out var v))
        {
            if (required) problems.Add($"{field}: missing (a list of periods such as {{\"startYear\": 1950, \"years\": 63}})");
            return periods;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{field}: must be a list of periods such as {{\"startYear\": 1950, \"years\": 63}}");
            return periods;
        }
        int index = 0;
        foreach (var item in v.EnumerateArray())
        {
            string at = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: must be an object with startYear and years");
                continue;
            }
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("startYear" or "years" or "parameters"))
                    problems.Add($"{at}.{property.Name}: unknown field (allowed: startYear, years, parameters)");
            }
            int? start = item.TryGetProperty("startYear", out var s) ? IntegerValue(s, at + ".startYear", firstYear, lastYear, problems) : null;
            if (!item.TryGetProperty("startYear", out _)) problems.Add($"{at}.startYear: missing (a year from {firstYear} to {lastYear})");
            if (start is null) continue;
            int maxYears = lastYear - start.Value + 1;
            int years = item.TryGetProperty("years", out var y) ? IntegerValue(y, at + ".years", 1, maxYears, problems) ?? 0 : Math.Min(maxYears, 63);
            if (years == 0) continue;
            if (periods.Any(p => p.StartYear == start.Value))
                problems.Add($"{at}.startYear: {start.Value} is listed twice in {field}");
            var own = new List<(ParameterInfo, double)>();
            if (item.TryGetProperty("parameters", out var overrides))
            {
                var (set, names) = ParameterObject(overrides, at + ".parameters", problems);
                own.AddRange(names.Select(n => (Find(n), set[n])));
            }
            periods.Add(new CalibrationPeriod(start.Value, years) { Parameters = own });
        }
        if (required && index == 0) problems.Add($"{field}: the list is empty; give at least one period");
        if (index > 16) problems.Add($"{field}: {index} periods is more than the limit of 16");
        return periods;
    }

    private static (ModelParameters Parameters, List<string> Names) Fixed(JsonElement root, List<string> problems)
    {
        var parameters = new ModelParameters();
        if (!root.TryGetProperty("fixed", out var v)) return (parameters, []);
        var (values, names) = ParameterObject(v, "fixed", problems);
        foreach (string name in names) parameters = Find(name).With(parameters, values[name]);
        return (parameters, names);
    }

    private static ParameterInfo Find(string name) => ParameterCatalog.TryFind(name, out var info) ? info : throw new KeyNotFoundException(name);

    /// <summary>An object of parameter: value, each checked against the parameter's range.</summary>
    private static (Dictionary<string, double> Values, List<string> Names) ParameterObject(JsonElement v, string path, List<string> problems)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var names = new List<string>();
        if (v.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object of parameter: value");
            return (values, names);
        }
        foreach (var property in v.EnumerateObject())
        {
            string at = path + "." + property.Name;
            if (!ParameterCatalog.TryFind(property.Name, out var info))
            {
                problems.Add($"{at}: unknown parameter{Hint(property.Name)}");
                continue;
            }
            if (NumberValue(property.Value, at, info.Min, info.Max, problems) is not { } value) continue;
            if (info.Check(value) is { } problem)
            {
                problems.Add($"{at}: {problem}");
                continue;
            }
            values[info.Name] = value;
            names.Add(info.Name);
        }
        return (values, names);
    }

    private static List<CalibratedParameter> Parameters(JsonElement root, List<string> fixedNames, List<string> problems)
    {
        var parameters = new List<CalibratedParameter>();
        if (!root.TryGetProperty("parameters", out var v) || v.ValueKind != JsonValueKind.Array)
        {
            problems.Add("parameters: missing or not a list (each item: {\"name\": ..., \"min\": ..., \"max\": ..., \"start\": optional})");
            return parameters;
        }
        int index = 0;
        foreach (var item in v.EnumerateArray())
        {
            string at = $"parameters[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: must be an object with name, min, max and optionally start");
                continue;
            }
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("name" or "min" or "max" or "start"))
                    problems.Add($"{at}.{property.Name}: unknown field (allowed: name, min, max, start)");
            }
            if (!item.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{at}.name: missing or not a string (a parameter name; see anarchy params)");
                continue;
            }
            string name = n.GetString()!;
            if (!ParameterCatalog.TryFind(name, out var info))
            {
                problems.Add($"{at}.name: unknown parameter '{JsonInput.Truncate(name)}'{Hint(name)}");
                continue;
            }
            if (info.IsInteger)
            {
                problems.Add($"{at}.name: '{name}' is an integer parameter ({info.RangeText}); the optimiser needs a continuous one (fix it under \"fixed\" or run a sweep over it)");
                continue;
            }
            if (parameters.Any(p => p.Name == name)) problems.Add($"{at}.name: '{name}' is listed twice");
            if (fixedNames.Contains(name)) problems.Add($"{at}.name: '{name}' is also under \"fixed\"; a parameter is either estimated or fixed");
            double? min = item.TryGetProperty("min", out var lo) ? NumberValue(lo, $"{at}.min", info.Min, info.Max, problems) : Missing($"{at}.min", info, problems);
            double? max = item.TryGetProperty("max", out var hi) ? NumberValue(hi, $"{at}.max", info.Min, info.Max, problems) : Missing($"{at}.max", info, problems);
            if (min is null || max is null) continue;
            if (min >= max)
            {
                problems.Add($"{at}: min {F(min.Value)} must be below max {F(max.Value)}");
                continue;
            }
            double start = (min.Value + max.Value) / 2;
            if (item.TryGetProperty("start", out var st) && NumberValue(st, $"{at}.start", min.Value, max.Value, problems) is { } s)
                start = s;
            parameters.Add(new CalibratedParameter(info, min.Value, max.Value, start));
        }
        if (index == 0) problems.Add("parameters: the list is empty; name at least one parameter to estimate");
        if (index > MaxParameters) problems.Add($"parameters: {index} parameters is more than the limit of {MaxParameters}");
        return parameters;
    }

    private static double? Missing(string at, ParameterInfo info, List<string> problems)
    {
        problems.Add($"{at}: missing (a number in the parameter's range {info.RangeText})");
        return null;
    }

    private static List<Moment> MomentList(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("moments", out var v)) return [.. Moments.All];
        var moments = new List<Moment>();
        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"moments: must be a list of moment names ({Moments.Names})");
            return moments;
        }
        int index = 0;
        foreach (var item in v.EnumerateArray())
        {
            string at = $"moments[{index++}]";
            if (item.ValueKind != JsonValueKind.String || Moments.Find(item.GetString()!) is not { } moment)
            {
                problems.Add($"{at}: value {JsonInput.Truncate(item.GetRawText())} is not a moment (allowed: {Moments.Names})");
                continue;
            }
            if (moments.Contains(moment)) problems.Add($"{at}: '{moment.Name}' is listed twice");
            else moments.Add(moment);
        }
        if (index == 0) problems.Add("moments: the list is empty; name at least one moment to fit");
        return moments;
    }

    private static string Hint(string name)
    {
        var suggestions = ParameterCatalog.Suggest(name).ToList();
        return suggestions.Count > 0 ? $" (did you mean {string.Join(", ", suggestions)}?)" : " (see anarchy params)";
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
