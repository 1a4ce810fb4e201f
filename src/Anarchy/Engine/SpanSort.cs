namespace Anarchy.Engine;

/// <summary>
/// An in-place sort that allocates nothing (<c>MemoryExtensions.Sort</c> with a comparer boxes it and wraps it in a
/// delegate on every call). Insertion sort for short spans, heapsort otherwise:
/// O(n log n) in the worst case. Not stable, so the order must be strict (no two distinct elements compare equal)
/// for the result to be unique.
/// </summary>
public static class SpanSort
{
    private const int InsertionLimit = 16;

    /// <summary>Sorts <paramref name="span"/> ascending by <paramref name="comparer"/>.</summary>
    public static void Sort<T, TComparer>(Span<T> span, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        if (span.Length <= InsertionLimit)
        {
            InsertionSort(span, comparer);
            return;
        }
        for (int root = span.Length / 2 - 1; root >= 0; root--) SiftDown(span, root, span.Length, comparer);
        for (int end = span.Length - 1; end > 0; end--)
        {
            (span[0], span[end]) = (span[end], span[0]);
            SiftDown(span, 0, end, comparer);
        }
    }

    /// <summary>
    /// Arranges <paramref name="span"/> as a heap whose top is the first element in <paramref name="comparer"/>'s
    /// order, so that <see cref="PopFirst"/> yields the elements in ascending order one at a time: cheaper than a
    /// full sort when only the first few are wanted.
    /// </summary>
    public static void MakeHeap<T, TComparer>(Span<T> span, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        var reversed = new Reversed<T, TComparer>(comparer);
        for (int root = span.Length / 2 - 1; root >= 0; root--) SiftDown(span, root, span.Length, reversed);
    }

    /// <summary>Removes and returns the first element of the heap held in the first <paramref name="count"/> elements
    /// of <paramref name="span"/> (made by <see cref="MakeHeap"/>), and decrements <paramref name="count"/>.</summary>
    public static T PopFirst<T, TComparer>(Span<T> span, ref int count, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        var first = span[0];
        count--;
        span[0] = span[count];
        SiftDown(span, 0, count, new Reversed<T, TComparer>(comparer));
        return first;
    }

    /// <summary>The reverse order: a max-heap in it is a min-heap in the original.</summary>
    private readonly struct Reversed<T, TComparer>(TComparer inner) : IComparer<T> where TComparer : struct, IComparer<T>
    {
        public int Compare(T? x, T? y) => inner.Compare(y, x);
    }

    private static void InsertionSort<T, TComparer>(Span<T> span, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        for (int i = 1; i < span.Length; i++)
        {
            var item = span[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(span[j], item) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }
            span[j + 1] = item;
        }
    }

    /// <summary>Restores the max-heap property below <paramref name="root"/> within the first <paramref name="count"/> elements.</summary>
    private static void SiftDown<T, TComparer>(Span<T> span, int root, int count, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        while (true)
        {
            int child = 2 * root + 1;
            if (child >= count) return;
            if (child + 1 < count && comparer.Compare(span[child + 1], span[child]) > 0) child++;
            if (comparer.Compare(span[child], span[root]) <= 0) return;
            (span[root], span[child]) = (span[child], span[root]);
            root = child;
        }
    }
}
