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
    /// <summary>Cell kinds of the compact encoding, beside <see cref="ColumnKind"/>'s: an integer as a zigzag
    /// LEB128 varint, and a text with its length (-1 for a missing one) as one.</summary>
    private const byte CompactInt64 = 3, CompactText = 4;
    private readonly FileStream _stream;
    private readonly MemoryStream _buffer = new();
    private readonly bool _compact;
    private DateTime _lastSync = DateTime.UtcNow;

    private RunJournal(FileStream stream, long records, bool compact)
    {
        _stream = stream;
        Records = records;
        _compact = compact;
    }

    /// <summary>Rows in the journal.</summary>
    public long Records { get; private set; }

    /// <summary>Opens (or creates) a journal for appending, cutting off a torn last record.</summary>
    public static RunJournal OpenForAppend(string path) => OpenForAppend(path, long.MaxValue);

    /// <summary>
    /// Opens (or creates) a journal for appending, keeping at most its first <paramref name="keep"/> complete rows
    /// and cutting off the rest (a torn last record included).
    /// </summary>
    public static RunJournal OpenForAppend(string path, long keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        long valid = 0, records = 0;
        if (File.Exists(path) && keep > 0)
        {
            using var reader = File.OpenRead(path);
            foreach (var (_, end) in ReadRecords(reader))
            {
                valid = end;
                if (++records == keep) break;
            }
        }
        return OpenAt(path, valid, records);
    }

    /// <summary>Opens (or creates) a journal for appending after its first <paramref name="length"/> bytes, which hold
    /// <paramref name="records"/> complete rows (as <see cref="Scan"/> found them); anything after them is cut off.
    /// A <paramref name="compact"/> journal writes integers and text lengths as varints (small numbers take a byte or
    /// two instead of eight): for journals of many small rows, such as panel rows. Either kind reads back alike.</summary>
    internal static RunJournal OpenAt(string path, long length, long records, bool compact = false)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (stream.Length < length) throw new InvalidDataException($"{path} is shorter than the {length} bytes of journal to keep");
            stream.SetLength(length);
            stream.Seek(length, SeekOrigin.Begin);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new RunJournal(stream, records, compact);
    }

    /// <summary>Appends one row and hands it to the operating system.</summary>
    public void Append(ReadOnlySpan<Cell> row)
    {
        Write(row);
        Flush();
    }

    /// <summary>Appends one row to the journal's buffer; <see cref="Flush"/> hands the buffered rows to the operating
    /// system (a row of several, such as a run's panel rows, is then written in few calls).</summary>
    public void Write(ReadOnlySpan<Cell> row)
    {
        _buffer.SetLength(0);
        Encode(_buffer, row, _compact);
        var payload = _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], payload.Length);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, Checksum(payload));
        _stream.Write(header);
        _stream.Write(payload);
        _stream.Write(trailer);
        Records++;
    }

    /// <summary>Hands the rows written so far to the operating system (so a killed process loses none of them), and
    /// syncs them to disk when the last sync is more than a few seconds old.</summary>
    public void Flush()
    {
        _stream.Flush(flushToDisk: false);
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

    /// <summary>Every complete row of a journal file, in order, with the offset just after its record.</summary>
    internal static IEnumerable<(Cell[] Row, long End)> Scan(string path)
    {
        if (!File.Exists(path)) yield break;
        using var reader = File.OpenRead(path);
        foreach (var record in ReadRecords(reader)) yield return record;
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

    private static void Encode(MemoryStream output, ReadOnlySpan<Cell> row, bool compact)
    {
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(word, row.Length);
        output.Write(word[..4]);
        foreach (var cell in row)
        {
            if (compact && cell.Kind == ColumnKind.Int64)
            {
                output.WriteByte(CompactInt64);
                WriteVarint(output, cell.AsInt64);
                continue;
            }
            if (compact && cell.Kind == ColumnKind.Text)
            {
                output.WriteByte(CompactText);
                var chars = cell.AsText;
                var utf8 = chars is null ? [] : Encoding.UTF8.GetBytes(chars);
                WriteVarint(output, chars is null ? -1 : utf8.Length);
                output.Write(utf8);
                continue;
            }
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
            byte code = span[at++];
            if (code == CompactInt64)
            {
                row[c] = Cell.FromInt64(ReadVarint(span, ref at));
                continue;
            }
            if (code == CompactText)
            {
                long n = ReadVarint(span, ref at);
                if (n < 0 || n > span.Length - at)
                {
                    if (n != -1) throw new InvalidDataException("a journal record with a text of a bad length");
                    row[c] = Cell.FromString(null);
                    continue;
                }
                row[c] = Cell.FromString(Encoding.UTF8.GetString(span.Slice(at, (int)n)));
                at += (int)n;
                continue;
            }
            var kind = (ColumnKind)code;
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

    /// <summary>A signed integer as a zigzag LEB128 varint: 1 byte up to 63 in magnitude, at most 10.</summary>
    private static void WriteVarint(MemoryStream output, long value)
    {
        ulong v = (ulong)((value << 1) ^ (value >> 63));
        while (v >= 0x80)
        {
            output.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }
        output.WriteByte((byte)v);
    }

    private static long ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = span[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return (long)(v >> 1) ^ -(long)(v & 1);
        }
        throw new InvalidDataException("a journal record with a varint of more than 10 bytes");
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
