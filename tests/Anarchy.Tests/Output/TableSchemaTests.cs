using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class TableSchemaTests
{
    [Fact]
    public void Columns_keep_their_order_and_are_found_by_name()
    {
        var schema = SampleSchemas.Runs();
        Assert.Equal("runs", schema.Name);
        Assert.Equal(["run", "share", "label"], schema.Columns.Select(c => c.Name));
        Assert.Equal(1, schema.IndexOf("share"));
        Assert.Equal(ColumnKind.Text, schema["label"].Kind);
        Assert.Equal(-1, schema.IndexOf("missing"));
        Assert.False(schema.Contains("missing"));
        Assert.Throws<KeyNotFoundException>(() => schema["missing"]);
    }

    [Fact]
    public void Column_names_must_be_unique_ignoring_case()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableSchema(
            "t",
            new ColumnSpec("year", ColumnKind.Int64, "", ""),
            new ColumnSpec("Year", ColumnKind.Int64, "", "")));
        Assert.Contains("'Year'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("with space")]
    [InlineData("comma,name")]
    [InlineData("dotted.name")]
    public void Column_names_must_be_identifiers(string name)
    {
        Assert.Throws<ArgumentException>(() => new TableSchema("t", new ColumnSpec(name, ColumnKind.Int64, "", "")));
    }

    [Fact]
    public void A_table_needs_a_valid_name_and_at_least_one_column()
    {
        Assert.Throws<ArgumentException>(() => new TableSchema("t", Array.Empty<ColumnSpec>()));
        Assert.Throws<ArgumentException>(() => new TableSchema("runs.csv", new ColumnSpec("x", ColumnKind.Int64, "", "")));
    }
}
