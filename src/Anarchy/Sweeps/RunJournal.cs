using System.Buffers.Binary;
using System.Text;
using Anarchy.Output;

namespace Anarchy.Sweeps;

/// <summary>
/// An append-only file of finished runs' summary rows, in run order, that survives any interruption: each row is
/// written and handed to the operating system as soon as its run is delivered (so a killed process loses nothing it
/// finished), and synced to disk every few seconds. Each record carries its length and a checksum, so a record torn
/// by a crash mid-write is recognised and cut off when the journal is opened again. The final data files are
/// produced from the journal, so an interrupted and resumed sweep ends with the same bytes as an uninterrupted one.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private const uint Magic = 0x4E524A41; // "AJRN"
    private readonly FileStream _stream;
    private readonly MemoryStream _buffer = new();
    private DateTime _lastSync = DateTime.UtcNow;

    private RunJournal(FileStream stream, long records)
    {
        _stream = stream;
        Records = records;
    }

    /// <summary>Rows in the journal.</summary>
    public long Records { get; private set; }

    /// <summary>Opens (or creates) a journal for appending, cutting off a torn last record.</summary>
    public static RunJournal OpenForAppend(string path)
    {
        long valid = 0, records = 0;
        if (File.Exists(path))
        {
            using var reader = File.OpenRead(path);
            foreach (var (_, end) in ReadRecords(reader))
            {
                valid = end;
                records++;
            }
        }
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        stream.SetLength(valid);
        stream.Seek(valid, SeekOrigin.Begin);
        return new RunJournal(stream, records);
    }

    /// <summary>Appends one row and hands it to the operating system.</summary>
    public void Append(ReadOnlySpan<Cell> row)
    {
        _buffer.SetLength(0);
        Encode(_buffer, row);
        var payload = _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, Checksum(payload));
        _stream.Write(header);
        _stream.Write(payload);
        _stream.Write(trailer);
        _stream.Flush(flushToDisk: false);
        Records++;
        if (DateTime.UtcNow - _lastSync > TimeSpan.FromSeconds(5)) Sync();
    }

    /// <summary>Forces everything appended so far to disk.</summary>
    public void Sync()
    {
        _stream.Flush(flushToDisk: true);
        _lastSync = DateTime.UtcNow;
    }

    public void Dispose()
    {
        try
        {
            Sync();
        }
        finally
        {
            _stream.Dispose();
            _buffer.Dispose();
        }
    }

    /// <summary>The complete rows in a journal file (0 if there is none).</summary>
    public static long Count(string path)
    {
        if (!File.Exists(path)) return 0;
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long records = 0;
        foreach (var _ in ReadRecords(reader)) records++;
        return records;
    }

    /// <summary>Every complete row of a journal file, in order.</summary>
    public static IEnumerable<Cell[]> ReadRows(string path)
    {
        if (!File.Exists(path)) yield break;
        using var reader = File.OpenRead(path);
        foreach (var (row, _) in ReadRecords(reader)) yield return row;
    }

    private static IEnumerable<(Cell[] Row, long End)> ReadRecords(Stream stream)
    {
        var header = new byte[8];
        var trailer = new byte[8];
        while (true)
        {
            if (!ReadExactly(stream, header)) yield break;
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic) yield break;
            int length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
            if (length < 0 || length > 1 << 26) yield break;
            var payload = new byte[length];
            if (!ReadExactly(stream, payload) || !ReadExactly(stream, trailer)) yield break;
            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != Checksum(payload)) yield break;
            yield return (Decode(payload), stream.Position);
        }
    }

    private static bool ReadExactly(Stream stream, byte[] buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    private static void Encode(MemoryStream output, ReadOnlySpan<Cell> row)
    {
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(word, row.Length);
        output.Write(word[..4]);
        foreach (var cell in row)
        {
            output.WriteByte((byte)cell.Kind);
            switch (cell.Kind)
            {
                case ColumnKind.Int64:
                    BinaryPrimitives.WriteInt64LittleEndian(word, cell.AsInt64);
                    output.Write(word);
                    break;
                case ColumnKind.Double:
                    BinaryPrimitives.WriteInt64LittleEndian(word, BitConverter.DoubleToInt64Bits(cell.AsDouble));
                    output.Write(word);
                    break;
                default:
                    var text = cell.AsText;
                    if (text is null)
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(word, -1);
                        output.Write(word[..4]);
                        break;
                    }
                    var bytes = Encoding.UTF8.GetBytes(text);
                    BinaryPrimitives.WriteInt32LittleEndian(word, bytes.Length);
                    output.Write(word[..4]);
                    output.Write(bytes);
                    break;
            }
        }
    }

    private static Cell[] Decode(byte[] payload)
    {
        var span = payload.AsSpan();
        int count = BinaryPrimitives.ReadInt32LittleEndian(span);
        int at = 4;
        var row = new Cell[count];
        for (int c = 0; c < count; c++)
        {
            var kind = (ColumnKind)span[at++];
            switch (kind)
            {
                case ColumnKind.Int64:
                    row[c] = Cell.FromInt64(BinaryPrimitives.ReadInt64LittleEndian(span[at..]));
                    at += 8;
                    break;
                case ColumnKind.Double:
                    row[c] = Cell.FromDouble(BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(span[at..])));
                    at += 8;
                    break;
                default:
                    int length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
                    at += 4;
                    if (length < 0)
                    {
                        row[c] = Cell.FromString(null);
                        break;
                    }
                    row[c] = Cell.FromString(Encoding.UTF8.GetString(span.Slice(at, length)));
                    at += length;
                    break;
            }
        }
        return row;
    }

    /// <summary>FNV-1a, 64 bits: enough to recognise a torn or garbled record.</summary>
    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
