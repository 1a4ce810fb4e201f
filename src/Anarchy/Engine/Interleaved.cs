using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Anarchy.Engine;

/// <summary>
/// A column for a batch of runs, lane-interleaved: element <c>i</c> of lane <c>l</c> is at <c>i * Lanes + l</c>, so
/// the lanes of one element are contiguous and load as one vector. With one lane it is a plain array. With more,
/// element 0 starts on a 64-byte boundary (<see cref="AlignedArray{T}"/>), so that no vector of lanes straddles two
/// cache lines.
/// </summary>
public sealed class Interleaved<T> : IClearable where T : unmanaged
{
    private readonly AlignedArray<T> _elements;

    /// <param name="count">Elements per lane.</param>
    /// <param name="lanes">Lanes (runs).</param>
    /// <param name="owner">Where the column adds itself, so that its owner can clear all its columns at once.</param>
    public Interleaved(int count, int lanes, ICollection<IClearable>? owner = null)
    {
        Count = count;
        Lanes = lanes;
        _elements = new AlignedArray<T>(Math.Max(1, count * lanes), aligned: lanes > 1);
        owner?.Add(this);
    }

    /// <summary>Elements per lane.</summary>
    public int Count { get; }

    public int Lanes { get; }

    /// <summary>Element 0 of lane 0; element <c>i</c> of lane <c>l</c> is <c>i * Lanes + l</c> elements on.</summary>
    public ref T Start
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _elements.Start;
    }

    /// <summary>Every element, lanes interleaved.</summary>
    public Span<T> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _elements.Span;
    }

    /// <summary>One lane's view.</summary>
    public Column<T> Lane(int lane) => new(_elements.Array, _elements.Origin + lane, Lanes, Count);

    /// <summary>Sets every element to its default, as a new column has it.</summary>
    public void Clear() => _elements.Span.Clear();
}

/// <summary>Storage that can be set back to the state it was made in (every element its default).</summary>
public interface IClearable
{
    void Clear();
}

/// <summary>
/// An array whose element 0 lies on a 64-byte boundary (a cache line; one 512-bit vector): the backing array is
/// pinned, so that the garbage collector never moves it, and <see cref="Origin"/> elements of it are skipped. Vector
/// loads at multiples of eight doubles from <see cref="Start"/> then touch one cache line each instead of two. Each
/// aligned array made starts 7 cache lines further into its 4 KB page than the one made before it, so that the same
/// element of two arrays of one size does not lie at the same offset within a page (the processor first matches a
/// load against earlier stores by those 12 address bits, and would hold a load from one array behind a store to the
/// other). Without <c>aligned</c> it is a plain array (the reference engine's one-lane storage).
/// </summary>
public sealed class AlignedArray<T> where T : unmanaged
{
    private const int Boundary = 64;
    private const int Page = 4096;

    /// <summary>Aligned arrays made so far: each starts 7 cache lines further into its 4 KB page than the one before.</summary>
    private static int s_placed;

    public unsafe AlignedArray(int length, bool aligned = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        if (!aligned)
        {
            Array = new T[length];
            return;
        }
        int size = Unsafe.SizeOf<T>();
        Array = GC.AllocateArray<T>(length + Page / size, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Array));
        PageLine = PageLineOf((uint)Interlocked.Increment(ref s_placed));
        nint wanted = (nint)PageLine * Boundary;
        Origin = (int)((wanted - (address & (Page - 1)) + Page) & (Page - 1)) / size;
    }

    /// <summary>The cache line of its 4 KB page at which the <paramref name="placed"/>-th aligned array starts: 7 lines
    /// on from the one before, so that 64 arrays made one after another start at 64 different lines.</summary>
    internal static int PageLineOf(uint placed) => (int)(placed * 7 % (Page / Boundary));

    /// <summary>The cache line of its 4 KB page at which element 0 lies (0 for a plain array).</summary>
    internal int PageLine { get; }

    /// <summary>Elements, from <see cref="Start"/>.</summary>
    public int Length { get; }

    /// <summary>The backing array; element 0 is its element <see cref="Origin"/>.</summary>
    public T[] Array { get; }

    /// <summary>Elements of <see cref="Array"/> before element 0.</summary>
    public int Origin { get; }

    /// <summary>Element 0.</summary>
    public ref T Start
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Array), Origin);
    }

    /// <summary>Every element.</summary>
    public Span<T> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Array.AsSpan(Origin, Length);
    }

    /// <summary>Element <paramref name="index"/>, unchecked beyond the backing array's own bounds.</summary>
    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Array[Origin + index];
    }
}
