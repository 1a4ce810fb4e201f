using System.Text;
using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class CsvTableWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_small_table_is_written_as_exact_rfc4180_text_with_invariant_numbers_and_nan_as_an_empty_field()
    {
        var path = Path.Combine(_dir.Path, "runs.csv");
        using (var writer = new CsvTableWriter(path, SampleSchemas.Runs()))
        {
            writer.WriteRow([1, 0.1, "plain"]);
            writer.WriteRow([2, 1e-300, "comma, here"]);
            writer.WriteRow([3, -0.5, "quote \"inside\""]);
            writer.WriteRow([long.MaxValue, double.NaN, "line\nbreak"]);
            writer.WriteRow([long.MinValue, 1e20, "carriage\rreturn"]);
            writer.WriteRow([0L, 123456.789, Cell.FromString(null)]);
            writer.WriteRow([-1, 2.0, "ünïcode"]);
            writer.Commit();
            Assert.Equal(7, writer.RowCount);
        }

        const string expected =
            "run,share,label\n" +
            "1,0.1,plain\n" +
            "2,1E-300,\"comma, here\"\n" +
            "3,-0.5,\"quote \"\"inside\"\"\"\n" +
            "9223372036854775807,,\"line\nbreak\"\n" +
            "-9223372036854775808,1E+20,\"carriage\rreturn\"\n" +
            "0,123456.789,\n" +
            "-1,2,ünïcode\n";
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal((byte)'r', bytes[0]); // no byte-order mark
    }

    [Fact]
    public void Every_written_double_parses_back_to_the_identical_value()
    {
        var values = new[] { 0.1, 1.0 / 3, Math.PI, double.Epsilon, double.MaxValue, -double.MinValue, 5e-324, 1e15 + 0.3, -0.0 };
        var schema = new TableSchema("t", new ColumnSpec("x", ColumnKind.Double, "", ""));
        var path = Path.Combine(_dir.Path, "t.csv");
        using (var writer = new CsvTableWriter(path, schema))
        {
            foreach (var value in values)
            {
                writer.WriteRow([value]);
            }

            writer.Commit();
        }

        var parsed = File.ReadAllLines(path).Skip(1)
            .Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), parsed.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_missing_value_in_a_one_column_table_is_quoted_so_the_row_is_not_a_blank_line()
    {
        var schema = new TableSchema("t", new ColumnSpec("x", ColumnKind.Double, "", ""));
        var path = Path.Combine(_dir.Path, "t.csv");
        using (var writer = new CsvTableWriter(path, schema))
        {
            writer.WriteRow([1.5]);
            writer.WriteRow([double.NaN]);
            writer.Commit();
        }

        Assert.Equal("x\n1.5\n\"\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void The_file_is_invisible_until_commit_and_gone_when_disposed_without_commit()
    {
        var path = Path.Combine(_dir.Path, "runs.csv");
        using (var writer = new CsvTableWriter(path, SampleSchemas.Runs()))
        {
            writer.WriteRow([1, 0.5, "a"]);
            Assert.False(File.Exists(path));
            Assert.All(_dir.Entries(), name => Assert.StartsWith(".", name, StringComparison.Ordinal));
        }

        Assert.Empty(_dir.Entries());
    }

    [Fact]
    public void Commit_leaves_only_the_final_file()
    {
        var path = Path.Combine(_dir.Path, "runs.csv");
        using (var writer = new CsvTableWriter(path, SampleSchemas.Runs()))
        {
            writer.Commit();
        }

        Assert.Equal(["runs.csv"], _dir.Entries());
        Assert.Equal("run,share,label\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_cell_of_the_wrong_kind_is_rejected_with_the_column_named_and_nothing_written()
    {
        var path = Path.Combine(_dir.Path, "runs.csv");
        using var writer = new CsvTableWriter(path, SampleSchemas.Runs());
        var error = Assert.Throws<ArgumentException>(() => writer.WriteRow([1, "not a number", "a"]));
        Assert.Contains("'share'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.RowCount);

        writer.WriteRow([1, 0.5, "a"]);
        writer.Commit();
        Assert.Equal("run,share,label\n1,0.5,a\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void An_infinite_double_is_rejected_with_the_column_named(double value)
    {
        using var writer = new CsvTableWriter(Path.Combine(_dir.Path, "runs.csv"), SampleSchemas.Runs());
        var error = Assert.Throws<ArgumentException>(() => writer.WriteRow([1, value, "a"]));
        Assert.Contains("'share'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_rejected()
    {
        using var writer = new CsvTableWriter(Path.Combine(_dir.Path, "runs.csv"), SampleSchemas.Runs());
        Assert.Throws<ArgumentException>(() => writer.WriteRow([1, 0.5]));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        var path = Path.Combine(_dir.Path, "runs.csv");
        File.WriteAllText(path, "old");
        Assert.Throws<IOException>(() => new CsvTableWriter(path, SampleSchemas.Runs()));
        Assert.Equal(["runs.csv"], _dir.Entries());
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void Rows_after_commit_and_a_second_commit_are_refused()
    {
        using var writer = new CsvTableWriter(Path.Combine(_dir.Path, "runs.csv"), SampleSchemas.Runs());
        writer.Commit();
        Assert.Throws<InvalidOperationException>(() => writer.WriteRow([1, 0.5, "a"]));
        Assert.Throws<InvalidOperationException>(writer.Commit);
    }

    [Fact]
    public void Rows_after_dispose_are_refused()
    {
        var writer = new CsvTableWriter(Path.Combine(_dir.Path, "runs.csv"), SampleSchemas.Runs());
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.WriteRow([1, 0.5, "a"]));
    }
}
