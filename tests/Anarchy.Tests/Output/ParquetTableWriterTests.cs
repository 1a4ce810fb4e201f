using Anarchy.Output;
using Parquet;
using Parquet.Schema;

namespace Anarchy.Tests.Output;

public sealed class ParquetTableWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static double ShareOf(int i) => i % 1000 == 0 ? double.NaN : (Math.Sqrt(i) * 1.5) - 3;

    private static string? LabelOf(int i) => i % 7 == 0 ? null : "row " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Two_hundred_thousand_rows_round_trip_in_four_row_groups_with_nan_read_back_as_null()
    {
        const int rows = 200_000;
        var path = Path.Combine(_dir.Path, "runs.parquet");
        using (var writer = new ParquetTableWriter(path, SampleSchemas.Runs(), rowGroupSize: 65_536))
        {
            for (var i = 0; i < rows; i++)
            {
                writer.WriteRow([(long)i * 3_000_000_000L, ShareOf(i), Cell.FromString(LabelOf(i))]);
            }

            writer.Commit();
            Assert.Equal(rows, writer.RowCount);
        }

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(4, reader.RowGroupCount);
        Assert.Equal("runs", reader.CustomMetadata["anarchy.table"]);
        Assert.Equal("fraction", reader.CustomMetadata["anarchy.unit.share"]);
        Assert.Equal("Scenario label", reader.CustomMetadata["anarchy.description.label"]);

        var fields = reader.Schema.DataFields;
        Assert.Equal(["run", "share", "label"], fields.Select(f => f.Name));
        Assert.False(fields[0].IsNullable);

        var row = 0;
        var groupSizes = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            groupSizes.Add(count);
            var runs = new long[count];
            var shares = new double?[count];
            var labels = new string[count];
            await group.ReadAsync<long>(fields[0], runs);
            await group.ReadAsync<double>(fields[1], shares);
            await group.ReadAsync(fields[2], labels);
            for (var k = 0; k < count; k++, row++)
            {
                Assert.Equal((long)row * 3_000_000_000L, runs[k]);
                var share = ShareOf(row);
                if (double.IsNaN(share))
                {
                    Assert.Null(shares[k]);
                }
                else
                {
                    Assert.Equal(share, shares[k]!.Value);
                }

                Assert.Equal(LabelOf(row), labels[k]);
            }
        }

        Assert.Equal(rows, row);
        Assert.Equal([65_536L, 65_536L, 65_536L, 200_000L - (3 * 65_536L)], groupSizes);
    }

    [Fact]
    public async Task A_table_with_no_rows_is_a_valid_file_with_the_schema()
    {
        var path = Path.Combine(_dir.Path, "runs.parquet");
        using (var writer = new ParquetTableWriter(path, SampleSchemas.Runs()))
        {
            writer.Commit();
        }

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(["run", "share", "label"], reader.Schema.DataFields.Select(f => f.Name));
    }

    [Fact]
    public void Nothing_is_visible_before_commit_and_nothing_remains_after_dispose_without_commit()
    {
        var path = Path.Combine(_dir.Path, "runs.parquet");
        using (var writer = new ParquetTableWriter(path, SampleSchemas.Runs(), rowGroupSize: 10))
        {
            for (var i = 0; i < 25; i++)
            {
                writer.WriteRow([i, 0.5, "a"]);
            }

            Assert.False(File.Exists(path));
            Assert.All(_dir.Entries(), name => Assert.StartsWith(".", name, StringComparison.Ordinal));
        }

        Assert.Empty(_dir.Entries());
    }

    [Fact]
    public void A_cell_of_the_wrong_kind_is_rejected_with_the_column_named()
    {
        using var writer = new ParquetTableWriter(Path.Combine(_dir.Path, "runs.parquet"), SampleSchemas.Runs());
        var error = Assert.Throws<ArgumentException>(() => writer.WriteRow([1, 0.5, 42]));
        Assert.Contains("'label'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.RowCount);
    }

    [Fact]
    public void An_infinite_double_is_rejected_with_the_column_named()
    {
        using var writer = new ParquetTableWriter(Path.Combine(_dir.Path, "runs.parquet"), SampleSchemas.Runs());
        var error = Assert.Throws<ArgumentException>(() => writer.WriteRow([1, double.PositiveInfinity, "a"]));
        Assert.Contains("'share'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_group_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ParquetTableWriter(Path.Combine(_dir.Path, "runs.parquet"), SampleSchemas.Runs(), rowGroupSize: 0));
        Assert.Empty(_dir.Entries());
    }

    [Fact]
    public void The_same_rows_give_byte_identical_files()
    {
        var first = Path.Combine(_dir.Path, "a.parquet");
        var second = Path.Combine(_dir.Path, "b.parquet");
        foreach (var path in new[] { first, second })
        {
            using var writer = new ParquetTableWriter(path, SampleSchemas.Runs(), rowGroupSize: 100);
            for (var i = 0; i < 1_000; i++)
            {
                writer.WriteRow([i, ShareOf(i), Cell.FromString(LabelOf(i))]);
            }

            writer.Commit();
        }

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void A_constructor_that_fails_after_creating_its_temporary_file_deletes_it()
    {
        // Buffers of int.MaxValue rows cannot be allocated; the temporary file already exists when that fails.
        Assert.ThrowsAny<Exception>(() => new ParquetTableWriter(Path.Combine(_dir.Path, "runs.parquet"), SampleSchemas.Runs(), rowGroupSize: int.MaxValue));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));

        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetTableWriter(Path.Combine(_dir.Path, "runs.parquet"), SampleSchemas.Runs(), rowGroupSize: 0));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task Flags_codes_for_none_empty_text_and_integer_lists_are_stored_as_parquet_types_and_read_back()
    {
        var schema = new TableSchema("events",
        [
            new ColumnSpec("alive", ColumnKind.Int64, ColumnSpec.FlagUnit, "1 if alive"),
            new ColumnSpec("other", ColumnKind.Int64, "state", "the counterpart, or -1") { MissingCode = -1 },
            new ColumnSpec("outcome", ColumnKind.Text, "", "how it ended"),
            new ColumnSpec("side_a", ColumnKind.Text, "", "states, ';'-separated") { IntegerList = true },
        ]);
        string path = Path.Combine(_dir.Path, "events.parquet");
        string?[] sides = ["3;1;4", "", "15", "9;2"];
        using (var writer = new ParquetTableWriter(path, schema, rowGroupSize: 3))
        {
            for (int i = 0; i < sides.Length; i++)
                writer.WriteRow([(long)(i % 2), i == 1 ? -1L : i, Cell.FromString(i == 2 ? "" : "won"), Cell.FromString(sides[i])]);
            // A list of something other than integers is refused before anything reaches the file.
            Assert.Throws<ArgumentException>(() => RowValidator.Validate(schema, [1L, 0L, Cell.FromString(""), Cell.FromString("3;x")]));
            Assert.Throws<ArgumentException>(() => RowValidator.Validate(schema, [2L, 0L, Cell.FromString(""), Cell.FromString("")]));
            writer.Commit();
        }

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal("-1", reader.CustomMetadata["anarchy.missing.other"]);
        var top = reader.Schema.Fields;
        Assert.IsType<ListField>(top[3]);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(typeof(bool), fields[0].ClrType);
        Assert.True(fields[1].IsNullable);
        var alive = new List<bool>();
        var other = new List<long?>();
        var outcome = new List<string?>();
        var lists = new List<List<long>?>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = (int)group.RowCount;
            var a = new bool[count];
            var o = new long?[count];
            var t = new string[count];
            await group.ReadAsync<bool>(fields[0], a);
            await group.ReadAsync<long>(fields[1], o);
            await group.ReadAsync(fields[2], t);
            alive.AddRange(a);
            other.AddRange(o);
            outcome.AddRange(t);
            // The list's levels: definition 0 a null list, 2 an element; repetition 0 a row's first entry.
            var values = new long[16];
            var definitions = new int[16];
            var repetitions = new int[16];
            await group.ReadRawAsync<long>(fields[3], values, definitions, repetitions);
            int v = 0, rowsStarted = 0;
            List<long>? current = null;
            for (int k = 0; k < values.Length; k++)
            {
                if (repetitions[k] == 0)
                {
                    if (rowsStarted == count) break; // past the column: the buffers are larger than it
                    if (rowsStarted > 0) lists.Add(current);
                    rowsStarted++;
                    current = definitions[k] == 0 ? null : [];
                }
                if (definitions[k] == 2) current!.Add(values[v++]);
            }
            lists.Add(current);
        }
        Assert.Equal([false, true, false, true], alive);
        Assert.Equal([0L, null, 2L, 3L], other);
        Assert.Equal(["won", "won", null, "won"], outcome);
        Assert.Equal(4, lists.Count);
        Assert.Equal([3L, 1, 4], lists[0]);
        Assert.Null(lists[1]);
        Assert.Equal([15L], lists[2]);
        Assert.Equal([9L, 2], lists[3]);
    }
}
