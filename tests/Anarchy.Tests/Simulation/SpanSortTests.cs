using Anarchy.Engine;
using CsCheck;

namespace Anarchy.Tests.Simulation;

public class SpanSortTests
{
    private readonly struct Ascending : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    [Fact]
    public void SortsLikeArraySortAtEveryLength()
    {
        // Lengths 0 to 300 cover the insertion sort (up to 16) and the heapsort; duplicates included.
        Gen.Int[-50, 50].Array[0, 300].Sample(values =>
        {
            var expected = (int[])values.Clone();
            Array.Sort(expected);
            SpanSort.Sort(values.AsSpan(), default(Ascending));
            Assert.Equal(expected, values);
        }, iter: 2_000);
    }

    [Fact]
    public void AllocatesNothing()
    {
        var values = Enumerable.Range(0, 200).Select(i => (i * 7919) % 200).ToArray();
        SpanSort.Sort(values.AsSpan(), default(Ascending));
        Array.Reverse(values);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SpanSort.Sort(values.AsSpan(), default(Ascending));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Enumerable.Range(0, 200), values);
    }
}
