using System.CommandLine;
using System.Runtime.InteropServices;
using Anarchy.Cli.Commands;
using Anarchy.Models.Waltz;
using Anarchy.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Anarchy.Input;

namespace Anarchy.Cli;

/// <summary>
/// The <c>anarchy</c> command: a thin host over the library. The generic host supplies configuration and services;
/// the command runs here, in the caller's thread, and its exit code is returned (not from a background service).
/// Ctrl+C and SIGTERM cancel the token the commands receive; finished runs are kept.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new Terminal(stdout, stderr));
        builder.Services.AddSingleton<RunCommand>();
        builder.Services.AddSingleton<ParamsCommand>();
        builder.Services.AddSingleton<ValidateCommand>();
        builder.Services.AddSingleton<SweepCommand>();
        builder.Services.AddSingleton<RealWorldCommand>();
        builder.Services.AddSingleton<BenchCommand>();
        builder.Services.AddSingleton<PlotCommand>();
        builder.Services.AddSingleton<StudyCommand>();
        builder.Services.AddSingleton<CalibrateCommand>();
        builder.Services.AddSingleton<ViewCommand>();
        using var host = builder.Build();
        var terminal = host.Services.GetRequiredService<Terminal>();

        var root = new RootCommand("Anarchy: agent-based Monte Carlo simulation of the anarchic international system (Waltz's self-help, alliances and entanglement).");
        root.Subcommands.Add(host.Services.GetRequiredService<RunCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<ParamsCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<ValidateCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<SweepCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<SweepCommand>().BuildMerge());
        root.Subcommands.Add(host.Services.GetRequiredService<RealWorldCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<BenchCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<PlotCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<StudyCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<CalibrateCommand>().Build());
        root.Subcommands.Add(host.Services.GetRequiredService<ViewCommand>().Build());

        var parse = root.Parse(args);
        bool verbose = args.Contains("--verbose");
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) terminal.Error($"error: {Plain(error.Message)}");
            terminal.Error("Run 'anarchy --help' or 'anarchy <command> --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var sigxfsz = IgnoreFileSizeSignal();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true; // let the command finish its files and exit with 130
            if (!cancel.IsCancellationRequested) terminal.Error("Cancelling: finishing the runs in progress and closing the files...");
            cancel.Cancel();
        }

        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            int exit = Classify(e);
            terminal.Error(verbose && exit == ExitCodes.Failure ? $"error: {e}" : $"error: {Describe(e)}");
            if (exit == ExitCodes.Failure && !verbose) terminal.Error("(run again with --verbose for details)");
            return exit;
        }
    }

    /// <summary>A parse error in the user's words: .NET type names become what they mean.</summary>
    private static string Plain(string message) => message
        .Replace("'System.Nullable`1[System.Int32]'", "integer", StringComparison.Ordinal)
        .Replace("'System.Nullable`1[System.UInt64]'", "whole number", StringComparison.Ordinal)
        .Replace("'System.Nullable`1[System.Int64]'", "integer", StringComparison.Ordinal)
        .Replace("'System.Nullable`1[System.Double]'", "number", StringComparison.Ordinal)
        .Replace("'System.Int32'", "integer", StringComparison.Ordinal)
        .Replace("'System.Int64'", "integer", StringComparison.Ordinal)
        .Replace("'System.UInt64'", "whole number", StringComparison.Ordinal)
        .Replace("'System.Double'", "number", StringComparison.Ordinal);

    /// <summary>
    /// A write past the file-size limit (<c>ulimit -f</c>) raises SIGXFSZ, whose default action kills the process
    /// before it can clean up; handled, the write fails with an error instead, and the command removes its unfinished
    /// files and records the failure (exit code 3).
    /// </summary>
    private static PosixSignalRegistration? IgnoreFileSizeSignal()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return null;
        const int sigxfsz = 25; // the same number on Linux, macOS and the BSDs
        try
        {
            return PosixSignalRegistration.Create((PosixSignal)sigxfsz, context => context.Cancel = true);
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }

    private static int Classify(Exception e) => e switch
    {
        OutputWriteException => ExitCodes.OutputFailed,
        InputFileException or InvalidInputException or OutputFolderException or Anarchy.Sweeps.SweepException or Anarchy.Studies.StudyException => ExitCodes.InvalidInput,
        OperationCanceledException => ExitCodes.Cancelled,
        _ => ExitCodes.Failure,
    };

    private static string Describe(Exception e) => e switch
    {
        InputFileException s => s.Listing(InputFileException.MaxListed, Environment.NewLine + "error: "),
        _ => e.Message,
    };
}
