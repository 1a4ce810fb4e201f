using Anarchy.Cli;

namespace Anarchy.Tests.Cli;

/// <summary>Runs the anarchy command in-process and captures what it prints.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err);

internal static class CliHarness
{
    public static CliResult Run(params string[] args) => Run(CancellationToken.None, args);

    public static CliResult Run(CancellationToken cancellation, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.RunAsync(args, stdout, stderr, cancellation).GetAwaiter().GetResult();
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anarchy-tests-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public string Write(string name, string contents)
    {
        File.WriteAllText(this[name], contents);
        return this[name];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
