using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class OutputFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_missing_folder_is_created_with_its_parents_and_locked_until_released()
    {
        var path = Path.Combine(_dir.Path, "a", "b");
        using (var folder = OutputFolder.Prepare(path, overwrite: false))
        {
            Assert.True(Directory.Exists(path));
            Assert.Equal(Path.GetFullPath(path), folder.Path);
            Assert.Equal(Path.Combine(folder.Path, "runs.csv"), folder.PathOf("runs.csv"));
            Assert.True(File.Exists(Path.Combine(path, FolderLock.FileName)));
            var second = Assert.Throws<OutputFolderLockedException>(() => OutputFolder.Prepare(path, overwrite: true, allowExisting: true));
            Assert.Contains($"process {Environment.ProcessId} ", second.Message, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
        using var again = OutputFolder.Prepare(path, overwrite: false);
    }

    [Fact]
    public void An_existing_empty_folder_is_used_as_it_is()
    {
        using (var folder = OutputFolder.Prepare(_dir.Path, overwrite: false))
        {
            Assert.Equal(_dir.Path, folder.Path);
        }
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
    public void A_path_that_is_a_file_or_empty_is_refused_and_left_alone()
    {
        var path = Path.Combine(_dir.Path, "out");
        File.WriteAllText(path, "not a folder");
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Prepare(path, overwrite: true));
        Assert.Contains("is a file, not a folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(path));
        Assert.Contains("empty", Assert.Throws<OutputFolderException>(() => OutputFolder.Prepare("", overwrite: false)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overwrite_removes_only_anarchys_files_from_a_folder_anarchy_wrote()
    {
        var path = Path.Combine(_dir.Path, "out");
        Directory.CreateDirectory(Path.Combine(path, "plots"));
        foreach (var name in new[] { "manifest.json", "runs.csv", "runs.parquet", "panel_x.csv", ".runs.csv.0123456789abcdef0123456789abcdef.tmp" })
            File.WriteAllText(Path.Combine(path, name), "old");
        File.WriteAllText(Path.Combine(path, "manifest.json"), """{ "files": { "panel_x.csv": 3 } }""");
        File.WriteAllText(Path.Combine(path, "plots", "a.png"), "png");
        PlotRecord.Add(Path.Combine(path, "plots"), "a.png");

        using (var folder = OutputFolder.Prepare(path, overwrite: true))
        {
            Assert.Equal([FolderLock.FileName], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
    }

    [Fact]
    public void Overwrite_refuses_a_folder_without_a_manifest_and_removes_nothing()
    {
        var path = Path.Combine(_dir.Path, "p");
        Directory.CreateDirectory(Path.Combine(path, ".git"));
        File.WriteAllText(Path.Combine(path, "keep.txt"), "k");
        File.WriteAllText(Path.Combine(path, "runs.csv"), "mine");
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Prepare(path, overwrite: true));
        Assert.Contains("not written by anarchy", error.Message, StringComparison.Ordinal);
        Assert.Equal([".git", "keep.txt", "runs.csv"], Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Overwrite_names_every_foreign_entry_and_removes_nothing()
    {
        var path = Path.Combine(_dir.Path, "out");
        var outside = Path.Combine(_dir.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep");
        Directory.CreateDirectory(Path.Combine(path, ".git"));
        Directory.CreateDirectory(Path.Combine(path, "plots"));
        File.WriteAllText(Path.Combine(path, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(path, "runs.csv"), "old");
        File.WriteAllText(Path.Combine(path, "keep.txt"), "mine");
        File.WriteAllText(Path.Combine(path, "plots", "mine.png"), "mine");
        Directory.CreateSymbolicLink(Path.Combine(path, "link"), outside);

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Prepare(path, overwrite: true));

        Assert.Contains("4 entries anarchy did not write (.git/, keep.txt, link, plots/)", error.Message, StringComparison.Ordinal);
        Assert.Equal([".git", "keep.txt", "link", "manifest.json", "plots", "runs.csv"],
            Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(path, "plots", "mine.png")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "keep.txt")));
    }

    [Fact]
    public void A_study_folder_is_owned_down_through_its_arms()
    {
        var path = Path.Combine(_dir.Path, "study");
        Directory.CreateDirectory(Path.Combine(path, "arms", "a"));
        Directory.CreateDirectory(Path.Combine(path, "arms", "b"));
        File.WriteAllText(Path.Combine(path, "study.json"), "{}");
        File.WriteAllText(Path.Combine(path, "report.md"), "#");
        File.WriteAllText(Path.Combine(path, "arms", "a", "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(path, "arms", "a", "journal.bin"), "");
        File.WriteAllText(Path.Combine(path, "arms", "b", "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(path, "arms", "b", "data.xlsx"), "mine");
        Assert.Equal(["arms/b/data.xlsx"], OwnedEntries.Foreign(path));
        File.Delete(Path.Combine(path, "arms", "b", "data.xlsx"));
        Assert.Empty(OwnedEntries.Foreign(path));
        using var folder = OutputFolder.Prepare(path, overwrite: true);
        Assert.False(Directory.Exists(Path.Combine(path, "arms")));
    }

    [Fact]
    public void A_refusal_leaves_no_lock_file_and_no_folder_it_created()
    {
        var path = Path.Combine(_dir.Path, "held");
        using var holder = OutputFolder.Prepare(path, overwrite: false);
        Assert.Throws<OutputFolderLockedException>(() => OutputFolder.Prepare(path, overwrite: false));
        Assert.Equal([FolderLock.FileName], Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName));

        File.WriteAllText(Path.Combine(_dir.Path, "file"), "x");
        Assert.Throws<OutputFolderException>(() => OutputFolder.Prepare(Path.Combine(_dir.Path, "file"), overwrite: false));
        Assert.Equal(["file", "held"], _dir.Entries());
    }

    [Theory]
    [InlineData("../runs.csv")]
    [InlineData("sub/runs.csv")]
    [InlineData("..")]
    [InlineData("")]
    public void Only_bare_file_names_are_accepted(string fileName)
    {
        using var folder = OutputFolder.Prepare(_dir.Path, overwrite: false);
        Assert.ThrowsAny<ArgumentException>(() => folder.PathOf(fileName));
    }
}
