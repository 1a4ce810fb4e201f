using System.Globalization;
using Anarchy.MonteCarlo;

namespace Anarchy.Cli;

/// <summary>
/// Progress of a long study on standard error: one redrawn line on a terminal, a plain line every few seconds when
/// redirected. Silent for the first second, so short studies print nothing.
/// </summary>
internal sealed class ProgressPrinter(Terminal terminal) : IProgress<RunProgress>
{
    private TimeSpan _last = TimeSpan.FromSeconds(1);
    private bool _drawn;

    public void Report(RunProgress value)
    {
        bool final = value.Completed == value.Total;
        var interval = terminal.Interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (!final && value.Elapsed - _last < interval) return;
        if (final && !_drawn) return;
        _last = value.Elapsed;
        double rate = value.Completed / Math.Max(value.Elapsed.TotalSeconds, 1e-9);
        double left = rate > 0 ? (value.Total - value.Completed) / rate : double.NaN;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"runs {value.Completed}/{value.Total} ({100.0 * value.Completed / value.Total:F0}%), {rate:F1} runs/s, {Remaining(left)} left");
        if (terminal.Interactive)
        {
            terminal.Err.Write("\r" + text.PadRight(70));
            if (final) terminal.Err.WriteLine();
        }
        else
        {
            terminal.Err.WriteLine(text);
        }
        _drawn = true;
    }

    private static string Remaining(double seconds) =>
        double.IsNaN(seconds) ? "?" : TimeSpan.FromSeconds(Math.Ceiling(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
