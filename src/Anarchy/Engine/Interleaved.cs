namespace Anarchy.Engine;

/// <summary>
/// A column for a batch of runs, lane-interleaved: element <c>i</c> of lane <c>l</c> is at <c>i * Lanes + l</c>, so
/// the lanes of one element are contiguous and load as one vector. With one lane it is a plain array.
/// </summary>
public sealed class Interleaved<T>
{
    public Interleaved(int count, int lanes)
    {
        Count = count;
        Lanes = lanes;
        Data = new T[Math.Max(1, count * lanes)];
    }

    /// <summary>Elements per lane.</summary>
    public int Count { get; }

    public int Lanes { get; }

    public T[] Data { get; }

    /// <summary>One lane's view.</summary>
    public Column<T> Lane(int lane) => new(Data, lane, Lanes, Count);
}
