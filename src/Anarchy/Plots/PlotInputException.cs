namespace Anarchy.Plots;

/// <summary>
/// The folder to plot is not usable: it is missing, lacks the table a plot needs, or a plot names an output or a
/// factor the folder does not have. The message names the bad value and what is allowed. Thrown before any file is
/// written.
/// </summary>
public sealed class PlotInputException : Exception
{
    public PlotInputException() { }

    public PlotInputException(string message) : base(message) { }

    public PlotInputException(string message, Exception inner) : base(message, inner) { }
}
