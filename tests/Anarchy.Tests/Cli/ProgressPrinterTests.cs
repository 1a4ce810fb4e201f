using Anarchy.Cli;
using Anarchy.MonteCarlo;

namespace Anarchy.Tests.Cli;

/// <summary>The progress line's rate and time left are measured from the first completed runs, not from the start.</summary>
public sealed class ProgressPrinterTests
{
    private static ProgressPrinter Printer() => new(new Terminal(TextWriter.Null, TextWriter.Null));

    [Fact]
    public void TheTimeLeftWaitsForARateMeasuredAfterTheFirstBatch()
    {
        var printer = Printer();
        // 3,000 runs in batches of 64; the first batch took 2 s (compilation, threads starting), later ones 0.2 s.
        Assert.Equal("runs 0/3000 (0%), estimating the time left", printer.Line(new RunProgress(0, 3000, TimeSpan.FromSeconds(1))));
        Assert.Equal("runs 64/3000 (2%), estimating the time left", printer.Line(new RunProgress(64, 3000, TimeSpan.FromSeconds(2))));
        Assert.Equal("runs 192/3000 (6%), estimating the time left", printer.Line(new RunProgress(192, 3000, TimeSpan.FromSeconds(2.4))));
        // From the first batch on: 576 runs in 1.8 s is 320 runs/s, so the 2,360 left take 7.4 s. Measured from the
        // start (640 runs in 3.8 s) it would have said 14 s.
        Assert.Equal("runs 640/3000 (21%), 320.0 runs/s, 0:08 left", printer.Line(new RunProgress(640, 3000, TimeSpan.FromSeconds(3.8))));
    }

    [Fact]
    public void ALongJobShowsHours()
    {
        var printer = Printer();
        printer.Line(new RunProgress(10, 100_000, TimeSpan.FromSeconds(1)));
        Assert.Equal("runs 20/100000 (0%), 5.0 runs/s, 5:33:16 left", printer.Line(new RunProgress(20, 100_000, TimeSpan.FromSeconds(3))));
    }
}
