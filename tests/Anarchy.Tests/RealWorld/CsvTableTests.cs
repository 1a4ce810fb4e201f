using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>The data files are read as RFC 4180 CSV in the invariant culture, an empty field being a missing value.</summary>
public sealed class CsvTableTests
{
    private static CsvTable Read(string text) => CsvTable.Read(new StringReader(text), "test.csv");

    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var t = Read("name,note\r\n\"Washington, D.C.\",\"the \"\"capital\"\"\r\nof the USA\"\r\nplain,\"\"\r\n");

        Assert.Equal(2, t.Count);
        Assert.Equal("Washington, D.C.", t.Text(0, t.Column("name")));
        Assert.Equal("the \"capital\"\r\nof the USA", t.Text(0, t.Column("note")));
        Assert.Equal("", t.Text(1, t.Column("note")));
    }

    [Fact]
    public void AnEmptyFieldIsAMissingValueAndNumbersUseTheInvariantCulture()
    {
        var t = Read("a,b,c\n1.5,,-2e3\n");

        Assert.Equal(1.5, t.OptionalNumber(0, 0));
        Assert.Null(t.OptionalNumber(0, 1));
        Assert.Equal(-2000, t.Number(0, 2));
    }

    [Fact]
    public void ColumnsAreFoundByNameInAnyOrder()
    {
        var t = Read("year,ccode\n1950,2\n");
        Assert.Equal(2, t.Integer(0, t.Column("ccode")));
        Assert.Equal(1950, t.Integer(0, t.Column("year")));
    }

    [Fact]
    public void ARecordWithTheWrongNumberOfFieldsIsReportedWithItsPosition()
    {
        var e = Assert.Throws<InvalidDataException>(() => Read("a,b\n1,2\n3\n"));
        Assert.Contains("test.csv: record 3 has 1 fields, the header has 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldThatIsNotANumberIsReportedWithItsColumn()
    {
        var t = Read("ccode,year\n2,19x0\n");
        var e = Assert.Throws<InvalidDataException>(() => t.Integer(0, t.Column("year")));
        Assert.Contains("record 2, column year: '19x0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnIsReportedByName()
    {
        var e = Assert.Throws<InvalidDataException>(() => Read("a\n1\n").Column("lat"));
        Assert.Contains("no column 'lat'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsReportedWithItsPath()
    {
        string folder = Path.Combine(Path.GetTempPath(), "anarchy-no-data-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<FileNotFoundException>(() => RealWorldData.Load(folder));
        Assert.Contains(RealWorldData.StatesFile, e.Message, StringComparison.Ordinal);
    }
}
