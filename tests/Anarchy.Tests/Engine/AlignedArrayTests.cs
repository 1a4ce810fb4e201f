using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine;

namespace Anarchy.Tests.Engine;

public sealed class AlignedArrayTests
{
    /// <summary>Where element 0 lies (the backing array is pinned, so its address holds).</summary>
    private static long Address<T>(AlignedArray<T> array) where T : unmanaged
    {
        Assert.True(Unsafe.AreSame(ref array.Start, ref array.Array[array.Origin]));
        return Marshal.UnsafeAddrOfPinnedArrayElement(array.Array, array.Origin);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(8 * 32 * 32)]
    public void ElementZeroLiesOnACacheLineAndEveryElementIsInTheBackingArray(int length)
    {
        var doubles = new AlignedArray<double>(length);
        var flags = new AlignedArray<bool>(length);
        Assert.Equal(0, Address(doubles) % 64);
        Assert.Equal(0, Address(flags) % 64);
        Assert.Equal(length, doubles.Span.Length);
        Assert.True(doubles.Origin + length <= doubles.Array.Length);
        doubles.Span.Fill(2);
        Assert.Equal(2, doubles[length - 1]);
        Assert.Equal(length * 2.0, doubles.Span.ToArray().Sum());
    }

    [Fact]
    public void EachArrayStartsAtTheLineOfItsPageItWasGivenAndSixtyFourInARowAllStartAtDifferentLines()
    {
        // The same element of two matrices must not share its offset within a 4 KB page.
        foreach (var array in Enumerable.Range(0, 10).Select(_ => new AlignedArray<double>(8 * 64 * 64)))
            Assert.Equal(array.PageLine, Address(array) % 4096 / 64);
        for (uint first = 0; first < 3; first++)
        {
            var lines = Enumerable.Range(0, 64).Select(k => AlignedArray<double>.PageLineOf(first + (uint)k)).ToArray();
            Assert.Equal(64, lines.Distinct().Count());
            for (int k = 1; k < 64; k++) Assert.Equal(7, (lines[k] - lines[k - 1] + 64) % 64);
        }
    }

    [Fact]
    public void WithoutAlignmentItIsAPlainArray()
    {
        var plain = new AlignedArray<int>(5, aligned: false);
        Assert.Equal(0, plain.Origin);
        Assert.Equal(5, plain.Array.Length);
    }

    [Fact]
    public void ClearingAColumnSetsEveryLaneBackToZeroAndItRegistersWithItsOwner()
    {
        var owner = new List<IClearable>();
        var column = new Interleaved<double>(3, 8, owner);
        Assert.Same(column, Assert.Single(owner));
        column.Span.Fill(5);
        column.Lane(7)[2] = 9;
        Assert.Equal(9, column.Span[2 * 8 + 7]);
        column.Clear();
        Assert.All(column.Span.ToArray(), x => Assert.Equal(0, x));
    }
}
