using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_file_is_written_as_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_dir.Path, "manifest.json");
        AtomicFile.WriteAllText(path, "{\"name\":\"é\"}\n");
        Assert.Equal("{\"name\":\"é\"}\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["manifest.json"], _dir.Entries());
    }

    [Fact]
    public void An_existing_file_is_replaced_and_no_temporary_file_remains()
    {
        var path = Path.Combine(_dir.Path, "manifest.json");
        AtomicFile.WriteAllText(path, "first, and longer than the second");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["manifest.json"], _dir.Entries());
    }

    [Fact]
    public void A_missing_folder_is_an_error_and_nothing_is_created()
    {
        var path = Path.Combine(_dir.Path, "missing", "manifest.json");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(_dir.Entries());
    }
}
