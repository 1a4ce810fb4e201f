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
