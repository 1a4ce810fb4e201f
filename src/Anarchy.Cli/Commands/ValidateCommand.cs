using System.CommandLine;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Models;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Calibration;
using Anarchy.Models.Waltz.Sweeps;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy validate FILE</c>: checks a scenario, sweep or calibration file without running it.</summary>
internal sealed class ValidateCommand(Terminal terminal)
{
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario, sweep or calibration file (JSON) to check." };
        var model = ModelOption.Create();
        var command = new Command("validate", "Check a scenario, sweep or calibration file without running it.") { file, model };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            var chosen = ModelOption.Resolve(parse.GetValue(model), path);
            bool isDefault = chosen == ModelCatalog.Registry.Default;
            // The readers throw InputFileException: exit 2 with the problems listed.
            string text = ScenarioReader.ReadText(path, "file");
            if (isDefault && IsCalibration(text))
            {
                // The years of the record in data/ (MID 1816-2014); a start year outside them is refused here as by calibrate.
                var spec = CalibrationReader.Parse(text, Path.GetFileName(path), RecordFirstYear, RecordLastYear);
                terminal.Line($"{path}: valid calibration '{spec.Name}' ({spec.Parameters.Count} parameter{(spec.Parameters.Count == 1 ? "" : "s")}, {spec.Fit.Count} fitted and {spec.Predict.Count} predicted period{(spec.Predict.Count == 1 ? "" : "s")}, {spec.Runs} runs per period). Run it with: anarchy calibrate {path}");
                return ExitCodes.Success;
            }
            if (ScenarioReader.IsSweep(text))
            {
                var sweep = Anarchy.Sweeps.ModelSweepReader.ReadFile(chosen, path);
                long points = sweep.Points().Length;
                string whose = isDefault ? "" : chosen.Name + " ";
                terminal.Line($"{path}: valid {whose}sweep '{sweep.Name}' ({sweep.Factors.Count} factor{(sweep.Factors.Count == 1 ? "" : "s")}, {sweep.Design}: {points} points x {sweep.Replicates} replicates = {points * sweep.Replicates} runs). Run it with: anarchy sweep {path}");
                return ExitCodes.Success;
            }
            if (!isDefault)
            {
                // Other models have scenario and sweep files (calibrations are the Waltz model's).
                var read = chosen.ReadScenario(path, new ScenarioOverrides());
                terminal.Line($"{path}: valid {chosen.Name} scenario '{read.Name}' ({read.Describe()}, {read.Runs} runs, seed {read.Seed}). Run it with: anarchy run --scenario {path}");
                return ExitCodes.Success;
            }
            var scenario = ScenarioReader.ReadFile(path);
            terminal.Line($"{path}: valid scenario '{scenario.Name}' ({scenario.States} states, {scenario.Ticks} ticks after a burn-in of {scenario.BurnIn}, {scenario.Runs} runs, seed {scenario.Seed}). Run it with: anarchy run --scenario {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The years the record in data/ covers for calibration (the MID data, 1816-2014).</summary>
    private const int RecordFirstYear = 1816, RecordLastYear = 2014;

    /// <summary>A calibration file is an object with a <c>fit</c> field (scenarios and sweeps have none).</summary>
    private static bool IsCalibration(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, JsonInput.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("fit", out _);
        }
        catch (JsonException)
        {
            return false; // the scenario reader reports the syntax error
        }
    }
}
