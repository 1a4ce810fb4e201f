namespace Anarchy.Cli;

/// <summary>The command's two output streams: results on standard output, messages and progress on standard error.</summary>
public sealed class Terminal(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    /// <summary>True when standard error is an interactive terminal (progress may redraw one line).</summary>
    public bool Interactive => ReferenceEquals(Err, Console.Error) && !Console.IsErrorRedirected;

    public void Line(string text = "") => Out.WriteLine(text);

    public void Error(string text) => Err.WriteLine(text);
}
