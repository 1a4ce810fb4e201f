using System.CommandLine;
using System.Globalization;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Calibration;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Output;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy calibrate FILE</c>: estimates parameters against moments of the historical record by the simulated
/// method of moments (docs/CALIBRATION.md). Resumable: every evaluation is journalled as it finishes.
/// </summary>
internal sealed class CalibrateCommand(Terminal terminal)
{
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The calibration file (JSON); see docs/CALIBRATION.md." };
        var output = new Option<string?>("--out") { Description = "Output folder. Default: out/<calibration name>/." };
        var data = new Option<string>("--data") { Description = "The folder with the COW, ATOP and MID extracts.", DefaultValueFactory = _ => "data" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Results do not depend on it." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted calibration in its output folder: journalled evaluations are reused." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output folder." };
        var verbose = new Option<bool>("--verbose") { Description = "Show full error details." };
        var command = new Command("calibrate", "Estimate parameters against moments of the historical record (simulated method of moments, common random numbers).")
        {
            file, output, data, threads, resume, overwrite, verbose,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, file, output, data, threads, resume, overwrite, cancellation)));
        return command;
    }

    private int Execute(ParseResult parse, Argument<string> fileArgument, Option<string?> outputOption,
        Option<string> dataOption, Option<int?> threadsOption, Option<bool> resumeOption, Option<bool> overwriteOption, CancellationToken cancellation)
    {
        string file = parse.GetValue(fileArgument)!;
        string folder = parse.GetValue(dataOption)!;
        if (!Directory.Exists(folder))
            throw new InvalidInputException($"--data: folder '{folder}' not found (run from the repository's top folder, or pass --data)");
        ObservedRecord record;
        try
        {
            record = ObservedRecord.Load(folder);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"--data: {e.Message}", e);
        }
        int first = Math.Max(record.Data.FirstYear, record.DisputeData.FirstYear);
        var spec = CalibrationReader.ReadFile(file, first, RecordYears.LastYear(record));
        string text = File.ReadAllText(file);
        int workers = parse.GetValue(threadsOption) ?? Environment.ProcessorCount;
        if (workers < 1 || workers > 1024)
            throw new InvalidInputException($"--threads: value {workers} is outside the allowed range [1, 1024]");
        bool resume = parse.GetValue(resumeOption);
        string outPath = parse.GetValue(outputOption) ?? Path.Combine("out", spec.Name);

        using var calibrator = new Calibrator(spec, record, workers); // refuses zero record moments before the folder is touched
        using var outFolder = OutputFolder.Prepare(outPath, parse.GetValue(overwriteOption), allowExisting: resume);
        string specPath = outFolder.PathOf(CalibrationOutput.SpecFile);
        if (resume)
        {
            if (!File.Exists(specPath))
                throw new InvalidInputException($"--resume: '{outFolder.Path}' holds no {CalibrationOutput.SpecFile}, so it is not a calibration to continue; run without --resume");
            if (File.ReadAllText(specPath) != text)
                throw new InvalidInputException($"--resume: '{file}' differs from the calibration file the folder was started with ({specPath}); continue with that file, or start afresh with --overwrite");
        }
        else
        {
            AtomicFile.WriteAllText(specPath, text);
            AtomicFile.WriteAllText(outFolder.PathOf(OwnedEntries.ManifestFile),
                "{\n  \"kind\": \"calibration\",\n  \"complete\": false,\n  \"files\": { \"" + CalibrationOutput.SpecFile + "\": null, \"" + CalibrationOutput.JournalFile + "\": null }\n}\n");
        }

        int evaluations = spec.Starts * spec.MaxEvaluations;
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"Calibration '{spec.Name}': {spec.Parameters.Count} parameters, {calibrator.Fitted.Count} moments x {spec.Fit.Count} period(s) ({string.Join(", ", spec.Fit)}), {spec.Runs} runs per period, {spec.Starts} start(s) of at most {spec.MaxEvaluations} evaluations, {workers} thread{(workers == 1 ? "" : "s")}."));
        calibrator.OpenJournal(outFolder.PathOf(CalibrationOutput.JournalFile));
        CalibrationResult result;
        try
        {
            result = calibrator.Run(new Progress(terminal, evaluations), cancellation);
        }
        catch (OperationCanceledException)
        {
            terminal.Error($"Interrupted; every finished evaluation is kept. Continue with: anarchy calibrate {file} --out {outPath} --resume");
            return ExitCodes.Cancelled;
        }
        string commandLine = "anarchy " + string.Join(' ', parse.Tokens.Select(t => t.Value));
        CalibrationOutput.Write(result, calibrator, outFolder.Path, commandLine);
        terminal.Error(string.Create(CultureInfo.InvariantCulture,
            $"{result.Evaluations} evaluations ({calibrator.Reused} from the journal); objective {result.Objective:G4}."));
        for (int k = 0; k < spec.Parameters.Count; k++)
        {
            double se = result.StandardErrors[k];
            terminal.Line(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Parameters[k].Name,-22} {result.Estimate[k],12:G5}  {(double.IsFinite(se) ? $"(se {se:G3})" : "(not identified)")}"));
        }
        foreach (var row in CalibrationOutput.Rows(result, calibrator).Where(r => r.Fitted || r.Role == "predict"))
        {
            terminal.Line(string.Create(CultureInfo.InvariantCulture,
                $"{row.Role,-8} {row.Period,-10} {row.Moment.Name,-26} record {row.Record.Value,10:G4}  model {row.Model.Value,10:G4}  ratio {row.Ratio,6:F2}"));
        }
        terminal.Error($"Wrote {outFolder.Path}{Path.DirectorySeparatorChar} (report.md, estimates.csv, fit.csv, profiles.csv, calibrated-YEAR.json, profile.png, fit.png).");
        return ExitCodes.Success;
    }

    /// <summary>Progress on standard error: a line every few seconds with the evaluations and the best objective.</summary>
    private sealed class Progress(Terminal terminal, int budget) : IProgress<CalibrationProgress>
    {
        private TimeSpan _last = TimeSpan.Zero;
        private string _stage = "";

        public void Report(CalibrationProgress value)
        {
            var interval = terminal.Interactive ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
            if (value.Stage == _stage && value.Elapsed - _last < interval) return;
            _stage = value.Stage;
            _last = value.Elapsed;
            terminal.Error(string.Create(CultureInfo.InvariantCulture,
                $"{value.Stage}: {value.Evaluations} evaluations (budget {budget}), best objective {value.Best:G4}, {value.Elapsed.TotalSeconds:F0} s"));
        }
    }
}
