using Anarchy.Plots;

namespace Anarchy.Tests.Plots;

public sealed class CsvColumnsTests
{
    [Fact]
    public void ColumnsAreReadByNameWithQuotedFieldsAndEmptyFieldsAsMissing()
    {
        const string text = "run,outcome,value\r\n0,\"war, then \"\"peace\"\"\",1.5\n1,\"two\nlines\",\n2,settled,-3e-2";

        var table = CsvColumns.Parse(text, "events.csv");

        Assert.Equal(["run", "outcome", "value"], table.Names);
        Assert.Equal(3, table.Rows);
        Assert.Equal(["war, then \"peace\"", "two\nlines", "settled"], table.Text("outcome"));
        var values = table.Numbers("value");
        Assert.Equal(1.5, values[0]);
        Assert.True(double.IsNaN(values[1]));
        Assert.Equal(-0.03, values[2]);
    }

    [Fact]
    public void ARowWithTheWrongNumberOfFieldsOrATextInANumberColumnIsReported()
    {
        var ragged = Assert.Throws<PlotInputException>(() => CsvColumns.Parse("a,b\n1,2\n3\n", "points.csv"));
        Assert.Contains("points.csv: record 3 has 1 fields, the header has 2", ragged.Message, StringComparison.Ordinal);

        var table = CsvColumns.Parse("a,b\n1,x\n", "points.csv");
        var text = Assert.Throws<PlotInputException>(() => table.Numbers("b"));
        Assert.Contains("row 1, column 'b': 'x' is not a number", text.Message, StringComparison.Ordinal);
    }
}
