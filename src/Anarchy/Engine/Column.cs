namespace Anarchy.Engine;

/// <summary>
/// One run's view of a column of values: element <c>i</c> is <c>data[offset + i * stride]</c>. A run simulated on
/// its own owns its arrays (stride 1); a run in a batch sees its lane of the batch's lane-interleaved arrays
/// (offset = lane, stride = lanes), so the batch's vector kernels and the reference rules read and write the same
/// memory and nothing is copied between them.
/// </summary>
public readonly struct Column<T>
{
    private readonly T[] _data;
    private readonly int _offset;
    private readonly int _stride;

    public Column(T[] data, int offset, int stride, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (length > 0 && offset + (long)(length - 1) * stride >= data.Length)
            throw new ArgumentException("the column does not fit its storage", nameof(length));
        _data = data;
        _offset = offset;
        _stride = stride;
        Length = length;
    }

    public int Length { get; }

    /// <summary>
    /// Element <paramref name="index"/>. Only the array's own bounds are checked: with one lane the array is exactly
    /// the column, and in a batch every lane's arithmetic is checked against the one-lane reference by the
    /// exactness tests, so an extra range check would only slow the hot loops.
    /// </summary>
    public ref T this[int index] => ref _data[_offset + index * _stride];

    public void Fill(T value)
    {
        for (int i = 0; i < Length; i++) this[i] = value;
    }
}
