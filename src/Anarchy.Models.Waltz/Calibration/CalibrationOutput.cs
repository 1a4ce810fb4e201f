using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Output;
using Anarchy.Plots;

namespace Anarchy.Models.Waltz.Calibration;

/// <summary>One row of the fit table: a moment of a period, the record against the model at the estimate.</summary>
public sealed record FitRow(
    string Role,
    CalibrationPeriod Period,
    Moment Moment,
    bool Fitted,
    MomentEstimate Record,
    MomentEstimate Model)
{
    /// <summary>Model over record; NaN when the record is 0.</summary>
    public double Ratio => Record.Value > 0 ? Model.Value / Record.Value : double.NaN;

    /// <summary>Whether the model lies within a factor <paramref name="factor"/> of the record.</summary>
    public bool Within(double factor) => Record.Value > 0 && Ratio >= 1 / factor && Ratio <= factor;
}

/// <summary>
/// Writes a calibration's results (docs/CALIBRATION.md, "Outputs"): estimates.csv, fit.csv, starts.csv,
/// profiles.csv, a calibrated scenario per period, profile.png, fit.png, report.md and manifest.json.
/// </summary>
public static class CalibrationOutput
{
    /// <summary>The copy of the calibration file in the output folder; a resumed calibration must match it.</summary>
    public const string SpecFile = "calibration.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The journal of evaluations.</summary>
    public const string JournalFile = "journal.bin";

    /// <summary>The fit table rows: every moment of every fitted period, then of every predicted period.</summary>
    public static IReadOnlyList<FitRow> Rows(CalibrationResult result, Calibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(calibrator);
        var rows = new List<FitRow>();
        void Add(string role, Evaluation? evaluation)
        {
            if (evaluation is null) return;
            foreach (var period in evaluation.Periods)
            {
                for (int m = 0; m < Moments.All.Count; m++)
                {
                    var moment = Moments.All[m];
                    rows.Add(new FitRow(role, period.Period, moment, role == "fit" && result.Fitted.Contains(moment),
                        calibrator.RecordOf(period.Period, moment), period.Model[m]));
                }
            }
        }
        Add("fit", result.AtEstimate);
        Add("predict", result.Predicted);
        return rows;
    }

    /// <summary>Writes every output file into <paramref name="folder"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(CalibrationResult result, Calibrator calibrator, string folder, string command)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(calibrator);
        var spec = result.Spec;
        var rows = Rows(result, calibrator);
        var files = new List<string>();
        void Text(string name, string text)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, name), text);
            files.Add(name);
        }

        var estimates = new StringBuilder("parameter,estimate,standard_error,lower_95,upper_95,min,max,start\n");
        for (int k = 0; k < spec.Parameters.Count; k++)
        {
            var p = spec.Parameters[k];
            double est = result.Estimate[k], se = result.StandardErrors[k];
            estimates.Append(Csv(p.Name, est, se, est - 1.96 * se, est + 1.96 * se, p.Min, p.Max, p.Start));
        }
        Text("estimates.csv", estimates.ToString());

        var fit = new StringBuilder("role,start_year,last_year,moment,fitted,record,record_lower,record_upper,model,model_se,model_lower,model_upper,run_lower,run_upper,ratio,within_1_5,within_2\n");
        foreach (var r in rows)
        {
            fit.Append(Csv(r.Role, r.Period.StartYear, r.Period.LastYear, r.Moment.Name, r.Fitted ? 1 : 0,
                r.Record.Value, r.Record.Lower, r.Record.Upper,
                r.Model.Value, r.Model.StandardError, r.Model.Value - 1.96 * r.Model.StandardError, r.Model.Value + 1.96 * r.Model.StandardError,
                r.Model.Lower, r.Model.Upper, r.Ratio, r.Within(1.5) ? 1 : 0, r.Within(2) ? 1 : 0));
        }
        Text("fit.csv", fit.ToString());

        var starts = new StringBuilder("start,objective,evaluations,exit," + string.Join(",", spec.Parameters.Select(p => p.Name + "_initial")) + "," + string.Join(",", spec.Parameters.Select(p => p.Name)) + "\n");
        foreach (var s in result.Starts)
            starts.Append(Csv([s.Start, s.Objective, s.Evaluations, s.Exit, .. s.Initial.Cast<object>(), .. s.Theta.Cast<object>()]));
        Text("starts.csv", starts.ToString());

        if (result.Profiles.Count > 0)
        {
            var profiles = new StringBuilder("parameter,value,objective\n");
            foreach (var profile in result.Profiles)
            {
                for (int q = 0; q < profile.Values.Count; q++) profiles.Append(Csv(profile.Parameter, profile.Values[q], profile.Objectives[q]));
            }
            Text("profiles.csv", profiles.ToString());
        }

        foreach (var period in spec.Fit.Concat(spec.Predict))
        {
            var scenario = calibrator.ScenarioOf(period, result.Estimate, runs: 200) with
            {
                Description = $"The international system of {period.StartYear} with the parameters calibrated by '{spec.Name}' " +
                              $"(fitted on {string.Join(", ", spec.Fit)}), {period.Years} years to {period.LastYear}.",
            };
            Text($"calibrated-{period.StartYear}.json", ScenarioWriter.ToJson(scenario) + "\n");
        }

        files.AddRange(Plots(result, rows, folder));
        Text("report.md", Report(result, rows, calibrator));
        Text(OwnedEntries.ManifestFile, Manifest(result, files, command));
        return files;
    }

    private static List<string> Plots(CalibrationResult result, IReadOnlyList<FitRow> rows, string folder)
    {
        var spec = result.Spec;
        var written = new List<string>();
        if (result.Profiles.Count > 0)
        {
            var lines = result.Profiles.Select((profile, k) =>
            {
                var p = spec.Parameters[k];
                return new LineSeries($"{p.Name} [{F(p.Min)}, {F(p.Max)}], estimate {F(result.Estimate[k])}",
                    [.. profile.Values.Select(v => (v - p.Min) / (p.Max - p.Min))],
                    [.. profile.Objectives.Select(o => Math.Log10(Math.Max(o, 1e-12)))]);
            }).ToList();
            ReportPlots.Lines(folder, "profile.png", $"Objective profiles: {spec.Name}",
                [$"each parameter moved across its range with the others at the estimate; minimum objective {F(result.Objective)}",
                 $"fitted on {string.Join(", ", spec.Fit)}; {spec.Runs} runs per period and point, common random numbers"],
                "position in the parameter's range (0 = min, 1 = max)", "log10 objective", lines);
            written.Add("profile.png");
        }
        var groups = Moments.All.Select(m => m.Name).ToList();
        var bars = rows.GroupBy(r => (r.Role, r.Period)).Select(g => new BarSeries(
            $"{g.Key.Role} {g.Key.Period}",
            [.. groups.Select(name => Log2(g.Single(r => r.Moment.Name == name).Ratio))])).ToList();
        ReportPlots.GroupedBars(folder, "fit.png", $"Model against the record: {spec.Name}",
            ["log2 of model / record at the estimate: 0 is a perfect fit, ±0.58 a factor of 1.5, ±1 a factor of 2",
             "moments whose record is 0 are left blank"],
            "moment", "log2(model / record)", [.. groups.Select(g => g.Replace("_per_", "\nper ", StringComparison.Ordinal).Replace('_', ' '))], bars);
        written.Add("fit.png");
        return written;
    }

    private static double Log2(double ratio) => ratio > 0 && double.IsFinite(ratio) ? Math.Log2(ratio) : double.NaN;

    /// <summary>The report: the estimates, then the fit table of every period with a verdict per moment.</summary>
    public static string Report(CalibrationResult result, IReadOnlyList<FitRow> rows, Calibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(calibrator);
        var spec = result.Spec;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Calibration: {spec.Name}\n\n");
        if (spec.Description.Length > 0) text.Append(spec.Description).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Simulated method of moments, {spec.Runs} runs per period and evaluation with common random numbers, {spec.Starts} Nelder–Mead start(s) of at most {spec.MaxEvaluations} evaluations; {result.Evaluations} evaluations in all. Fitted on {string.Join(", ", spec.Fit)}; moments: {string.Join(", ", result.Fitted.Select(m => m.Name))}. Minimum objective {F(result.Objective)} (a weighted sum of squared log ratios; with {result.Fitted.Count * spec.Fit.Count} fitted moments, a model as close as its sampling noise would score about {result.Fitted.Count * spec.Fit.Count}).\n\n");
        text.Append("| parameter | estimate | standard error | range searched |\n|---|---|---|---|\n");
        for (int k = 0; k < spec.Parameters.Count; k++)
        {
            var p = spec.Parameters[k];
            string se = double.IsFinite(result.StandardErrors[k]) ? F(result.StandardErrors[k]) : "not identified";
            text.Append(CultureInfo.InvariantCulture, $"| `{p.Name}` | {F(result.Estimate[k])} | {se} | [{F(p.Min)}, {F(p.Max)}] |\n");
        }
        text.Append("\n| start | objective | evaluations | ended |\n|---|---|---|---|\n");
        foreach (var s in result.Starts) text.Append(CultureInfo.InvariantCulture, $"| {s.Start} | {F(s.Objective)} | {s.Evaluations} | {s.Exit} |\n");
        foreach (var group in rows.GroupBy(r => (r.Role, r.Period)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {(group.Key.Role == "fit" ? "Fitted" : "Predicted")}: {group.Key.Period} ({group.Key.Period.Years} years)\n\n");
            text.Append("| moment | record (95% interval) | model (95% interval of the mean) | single runs, 95% | model / record | verdict |\n|---|---|---|---|---|---|\n");
            foreach (var r in group)
            {
                string verdict = r.Record.Value > 0
                    ? (r.Within(1.5) ? "within ×1.5" : r.Within(2) ? "within ×2" : r.Ratio > 1 ? "too high" : "too low")
                    : (r.Model.Value > 0 ? "record is 0; model is not" : "both 0");
                text.Append(CultureInfo.InvariantCulture,
                    $"| {r.Moment.Name}{(r.Fitted ? " (fitted)" : "")} | {F(r.Record.Value)} ({F(r.Record.Lower)}–{F(r.Record.Upper)}) | {F(r.Model.Value)} ({F(r.Model.Value - 1.96 * r.Model.StandardError)}–{F(r.Model.Value + 1.96 * r.Model.StandardError)}) | {F(r.Model.Lower)}–{F(r.Model.Upper)} | {F(r.Ratio)} | {verdict} |\n");
            }
        }
        text.Append("\nThe moments are defined on both sides in docs/CALIBRATION.md. Files: estimates.csv, fit.csv, starts.csv, profiles.csv, calibrated-YEAR.json (run one with `anarchy run --scenario`), profile.png, fit.png.\n");
        return text.ToString();
    }

    private static string Manifest(CalibrationResult result, IReadOnlyList<string> files, string command)
    {
        var spec = result.Spec;
        var manifest = new Dictionary<string, object?>
        {
            ["kind"] = "calibration",
            ["name"] = spec.Name,
            ["model"] = "waltz",
            ["model_version"] = WaltzModel.ModelVersion,
            ["command"] = command,
            ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
            ["runs_per_evaluation"] = spec.Runs,
            ["evaluations"] = result.Evaluations,
            ["objective"] = result.Objective,
            ["estimates"] = spec.Parameters.Select((p, k) => new Dictionary<string, object>
            {
                ["parameter"] = p.Name,
                ["estimate"] = result.Estimate[k],
                ["standard_error"] = double.IsFinite(result.StandardErrors[k]) ? result.StandardErrors[k] : "not identified",
            }).ToList(),
            ["files"] = files.Append(SpecFile).Append(JournalFile).Distinct().Order(StringComparer.Ordinal).ToDictionary(f => f, f => (object?)null),
        };
        return JsonSerializer.Serialize(manifest, Indented) + "\n";
    }

    private static string Csv(params object[] values) =>
        string.Join(",", values.Select(v => v switch
        {
            double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? "",
        })) + "\n";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
