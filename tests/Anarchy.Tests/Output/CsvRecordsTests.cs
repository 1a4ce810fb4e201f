using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class CsvRecordsTests
{
    private static List<string[]> Records(string text) => CsvRecords.Read(new StringReader(text), "t.csv").ToList();

    [Fact]
    public void CrLfLfAndCrEndRecordsAndAFinalLineEndingIsOptional()
    {
        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]], Records("a,b\r\n1,2\n3,4\r5,6"));
        Assert.Equal([["a"], ["1"]], Records("a\n1\n"));
    }

    [Fact]
    public void QuotedFieldsKeepCommasLineBreaksAndDoubledQuotes()
    {
        Assert.Equal([["x,y", "say \"hi\"", "two\r\nlines", ""]], Records("\"x,y\",\"say \"\"hi\"\"\",\"two\r\nlines\",\n"));
    }

    [Fact]
    public void EmptyFieldsAreKeptAndBlankLinesAreSkipped()
    {
        Assert.Equal([["", "", ""], ["1", "", "3"]], Records(",,\n\n1,,3\n"));
    }

    [Fact]
    public void AnUnclosedQuoteIsAnError()
    {
        var e = Assert.Throws<InvalidDataException>(() => Records("a\n\"open\n"));
        Assert.Contains("t.csv: record 2: a quoted field is not closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableNeedsAHeaderDistinctNamesAndEqualRecordLengths()
    {
        static void Table(string text) => CsvRecords.ReadTable(new StringReader(text), "t.csv");
        Assert.Contains("t.csv: the file is empty", Assert.Throws<InvalidDataException>(() => Table("")).Message, StringComparison.Ordinal);
        Assert.Contains("the column 'a' appears twice", Assert.Throws<InvalidDataException>(() => Table("a,a\n1,2\n")).Message, StringComparison.Ordinal);
        Assert.Contains("record 3 has 1 fields, the header has 2", Assert.Throws<InvalidDataException>(() => Table("a,b\n1,2\n3\n")).Message, StringComparison.Ordinal);
        var (header, rows) = CsvRecords.ReadTable(new StringReader("a,b\n1,2\n"), "t.csv");
        Assert.Equal(["a", "b"], header);
        Assert.Equal([["1", "2"]], rows);
    }
}
