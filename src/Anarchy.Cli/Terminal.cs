using Spectre.Console;

namespace Anarchy.Cli;

/// <summary>The command's two output streams: results on standard output, messages and progress on standard error.</summary>
public sealed class Terminal(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    /// <summary>True when standard error is an interactive terminal (progress may redraw one line).</summary>
    public bool Interactive => ReferenceEquals(Err, System.Console.Error) && !System.Console.IsErrorRedirected;

    public void Line(string text = "") => Out.WriteLine(text);

    /// <summary>A console for tables on standard output: colours on a terminal, plain text when redirected.</summary>
    public IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    public void Error(string text) => Err.WriteLine(text);
}
