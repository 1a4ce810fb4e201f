namespace Anarchy.Tests;

/// <summary>The repository's top folder (the one holding Anarchy.sln), found from the test assembly's location.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Anarchy.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Anarchy.sln not found above " + AppContext.BaseDirectory);
    }
}
