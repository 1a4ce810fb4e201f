using Anarchy.Output;

namespace Anarchy.Tests.Output;

public sealed class CellTests
{
    [Fact]
    public void Implicit_conversions_give_the_matching_kind_and_value()
    {
        Cell fromLong = 5L;
        Cell fromInt = 7;
        Cell fromDouble = 0.5;
        Cell fromString = "x";
        Assert.Equal((ColumnKind.Int64, 5L), (fromLong.Kind, fromLong.AsInt64));
        Assert.Equal((ColumnKind.Int64, 7L), (fromInt.Kind, fromInt.AsInt64));
        Assert.Equal((ColumnKind.Double, 0.5), (fromDouble.Kind, fromDouble.AsDouble));
        Assert.Equal((ColumnKind.Text, "x"), (fromString.Kind, fromString.AsText));
    }

    [Fact]
    public void Booleans_become_zero_or_one()
    {
        Assert.Equal(1L, Cell.FromBoolean(true).AsInt64);
        Assert.Equal(0L, Cell.FromBoolean(false).AsInt64);
    }

    [Fact]
    public void Reading_a_cell_as_another_kind_throws()
    {
        Cell cell = 1.5;
        Assert.Throws<InvalidOperationException>(() => cell.AsInt64);
        Assert.Throws<InvalidOperationException>(() => cell.AsText);
    }

    [Fact]
    public void Cells_are_equal_when_kind_and_value_are()
    {
        Assert.Equal(Cell.FromDouble(double.NaN), Cell.FromDouble(double.NaN));
        Assert.NotEqual(Cell.FromInt64(1), Cell.FromDouble(1));
        Assert.True(Cell.FromString("a") == "a");
    }
}
