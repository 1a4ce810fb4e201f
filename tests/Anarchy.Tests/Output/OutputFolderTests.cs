using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class OutputFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_missing_folder_is_created_with_its_parents()
    {
        var path = Path.Combine(_dir.Path, "a", "b");
        var folder = OutputFolder.Prepare(path, overwrite: false);
        Assert.True(Directory.Exists(path));
        Assert.Equal(Path.GetFullPath(path), folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "runs.csv"), folder.PathOf("runs.csv"));
    }

    [Fact]
    public void An_existing_empty_folder_is_used_as_it_is()
    {
        var folder = OutputFolder.Prepare(_dir.Path, overwrite: false);
        Assert.Equal(_dir.Path, folder.Path);
        Assert.Empty(_dir.Entries());
    }

    [Fact]
    public void An_existing_non_empty_folder_is_refused_with_a_message_naming_it_and_the_overwrite_option()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "runs.csv"), "old");
        var error = Assert.Throws<OutputFolderExistsException>(() => OutputFolder.Prepare(_dir.Path, overwrite: false));
        Assert.Contains(_dir.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error.Message, StringComparison.Ordinal);
        Assert.Equal(_dir.Path, error.FolderPath);
    }

    [Fact]
    public void Refusing_creates_and_changes_nothing()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sub"));
        File.WriteAllText(Path.Combine(_dir.Path, "runs.csv"), "old");
        Assert.Throws<OutputFolderExistsException>(() => OutputFolder.Prepare(_dir.Path, overwrite: false));
        Assert.Equal(["runs.csv", "sub"], _dir.Entries());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_dir.Path, "sub")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(_dir.Path, "runs.csv")));
    }

    [Fact]
    public void A_path_that_is_a_file_is_refused_and_left_alone()
    {
        var path = Path.Combine(_dir.Path, "out");
        File.WriteAllText(path, "not a folder");
        Assert.Throws<IOException>(() => OutputFolder.Prepare(path, overwrite: true));
        Assert.Equal("not a folder", File.ReadAllText(path));
    }

    [Fact]
    public void Overwrite_empties_the_folder_but_keeps_it()
    {
        var path = Path.Combine(_dir.Path, "out");
        Directory.CreateDirectory(Path.Combine(path, "nested", "deeper"));
        File.WriteAllText(Path.Combine(path, "runs.csv"), "old");
        File.WriteAllText(Path.Combine(path, ".hidden"), "old");
        File.WriteAllText(Path.Combine(path, "nested", "deeper", "x.txt"), "old");

        var folder = OutputFolder.Prepare(path, overwrite: true);

        Assert.True(Directory.Exists(folder.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Overwrite_removes_a_link_to_another_folder_without_touching_its_target()
    {
        var outside = Path.Combine(_dir.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep");
        var path = Path.Combine(_dir.Path, "out");
        Directory.CreateDirectory(Path.Combine(path, "nested"));
        Directory.CreateSymbolicLink(Path.Combine(path, "link"), outside);
        Directory.CreateSymbolicLink(Path.Combine(path, "nested", "link"), outside);

        OutputFolder.Prepare(path, overwrite: true);

        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "keep.txt")));
    }

    [Theory]
    [InlineData("../runs.csv")]
    [InlineData("sub/runs.csv")]
    [InlineData("..")]
    [InlineData("")]
    public void Only_bare_file_names_are_accepted(string fileName)
    {
        var folder = OutputFolder.Prepare(_dir.Path, overwrite: false);
        Assert.ThrowsAny<ArgumentException>(() => folder.PathOf(fileName));
    }
}
