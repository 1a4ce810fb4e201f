using System.Globalization;
using Anarchy.MonteCarlo;

namespace Anarchy.Cli;

/// <summary>
/// Progress of a long study on standard error: one redrawn line on a terminal, a plain line every few seconds when
/// redirected. Silent for the first second, so short studies print nothing. The rate and the time left are measured
/// from the first completed runs on, not from the start: the first batch also pays for compiling the code and
/// starting the threads, which made the first estimates many times too long.
/// </summary>
internal sealed class ProgressPrinter(Terminal terminal) : IProgress<RunProgress>
{
    /// <summary>How long the rate is measured before a time left is shown.</summary>
    internal static readonly TimeSpan Settling = TimeSpan.FromSeconds(1);

    private TimeSpan _last = TimeSpan.FromSeconds(1);
    private bool _drawn;
    private (TimeSpan Elapsed, long Completed)? _first;

    public void Report(RunProgress value)
    {
        Observe(value);
        bool final = value.Completed == value.Total;
        var interval = terminal.Interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (!final && value.Elapsed - _last < interval) return;
        if (final && !_drawn) return;
        _last = value.Elapsed;
        string text = Line(value);
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

    /// <summary>The progress line: runs done, and once measured, the rate and the time left.</summary>
    internal string Line(RunProgress value)
    {
        string done = string.Create(CultureInfo.InvariantCulture, $"runs {value.Completed}/{value.Total} ({100.0 * value.Completed / value.Total:F0}%)");
        Observe(value);
        if (_first is not { } first || value.Completed <= first.Completed || value.Elapsed - first.Elapsed < Settling)
            return done + ", estimating the time left";
        double rate = (value.Completed - first.Completed) / (value.Elapsed - first.Elapsed).TotalSeconds;
        double left = (value.Total - value.Completed) / rate;
        return done + string.Create(CultureInfo.InvariantCulture, $", {rate:F1} runs/s, {Remaining(left)} left");
    }

    /// <summary>Notes the first report with completed runs: the rate is measured from there.</summary>
    private void Observe(RunProgress value)
    {
        if (value.Completed > 0 && _first is null) _first = (value.Elapsed, value.Completed);
    }

    private static string Remaining(double seconds) =>
        double.IsNaN(seconds) ? "?" : TimeSpan.FromSeconds(Math.Ceiling(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
