using Anarchy.Output;
using Parquet;

namespace Anarchy.Tests.Output;

public sealed class TableOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Both_files_appear_together_on_commit_holding_the_same_rows()
    {
        using var folder = OutputFolder.Prepare(Path.Combine(_dir.Path, "out"), overwrite: false);
        using (var output = TableOutput.Create(folder, SampleSchemas.Runs()))
        {
            output.WriteRow([1, 0.25, "a"]);
            output.WriteRow([2, double.NaN, "b,c"]);
            Assert.Empty(Directory.EnumerateFiles(folder.Path, "runs.*"));
            output.Commit();
            Assert.Equal(2, output.RowCount);
            Assert.Equal(folder.PathOf("runs.csv"), output.CsvPath);
            Assert.Equal(folder.PathOf("runs.parquet"), output.ParquetPath);
        }

        Assert.Equal(["runs.csv", "runs.parquet"], Directory.EnumerateFileSystemEntries(folder.Path)
            .Select(Path.GetFileName).Where(n => n != FolderLock.FileName).Order(StringComparer.Ordinal));
        Assert.Equal("run,share,label\n1,0.25,a\n2,,\"b,c\"\n", File.ReadAllText(folder.PathOf("runs.csv")));

        await using var reader = await ParquetReader.CreateAsync(folder.PathOf("runs.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        var shares = new double?[2];
        await group.ReadAsync<double>(reader.Schema.DataFields[1], shares);
        Assert.Equal([0.25, null], shares);
    }

    [Fact]
    public void Dispose_without_commit_leaves_no_file_at_all()
    {
        using (var output = new TableOutput(_dir.Path, SampleSchemas.Runs()))
        {
            output.WriteRow([1, 0.25, "a"]);
            Assert.DoesNotContain("runs.csv", _dir.Entries());
            Assert.DoesNotContain("runs.parquet", _dir.Entries());
        }

        Assert.Empty(_dir.Entries());
    }

    [Fact]
    public void A_bad_row_reaches_neither_file()
    {
        using var output = new TableOutput(_dir.Path, SampleSchemas.Runs());
        var error = Assert.Throws<ArgumentException>(() => output.WriteRow([1.5, 0.25, "a"]));
        Assert.Contains("'run'", error.Message, StringComparison.Ordinal);
        output.WriteRow([1, 0.25, "a"]);
        output.Commit();
        Assert.Equal(1, output.RowCount);
        Assert.Equal("run,share,label\n1,0.25,a\n", File.ReadAllText(output.CsvPath));
    }

    [Fact]
    public void When_the_parquet_file_cannot_be_started_the_csv_temporary_file_is_removed()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "runs.parquet"), "taken");
        Assert.Throws<IOException>(() => new TableOutput(_dir.Path, SampleSchemas.Runs()));
        Assert.Equal(["runs.parquet"], _dir.Entries());
    }
}
