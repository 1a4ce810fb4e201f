using System.Globalization;

namespace Anarchy.Output;

/// <summary>
/// One value of an output row, held without boxing. Rows are passed as <c>ReadOnlySpan&lt;Cell&gt;</c>, so a row
/// can live on the stack: <c>writer.WriteRow([run, seed, 0.25, "baseline"])</c>.
/// </summary>
/// <remarks>
/// <c>default(Cell)</c> is the Int64 value 0. A double's bits share the integer's storage, which keeps the struct
/// at 24 bytes.
/// </remarks>
public readonly struct Cell : IEquatable<Cell>
{
    private readonly long _bits;
    private readonly string? _text;

    private Cell(ColumnKind kind, long bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        _text = text;
    }

    /// <summary>The kind of value this cell holds.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The integer value.</summary>
    /// <exception cref="InvalidOperationException">The cell does not hold an Int64.</exception>
    public long AsInt64 => Kind == ColumnKind.Int64 ? _bits : throw WrongKind(ColumnKind.Int64);

    /// <summary>The double value; NaN means missing.</summary>
    /// <exception cref="InvalidOperationException">The cell does not hold a Double.</exception>
    public double AsDouble => Kind == ColumnKind.Double ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(ColumnKind.Double);

    /// <summary>The text value; <see langword="null"/> means missing.</summary>
    /// <exception cref="InvalidOperationException">The cell does not hold Text.</exception>
    public string? AsText => Kind == ColumnKind.Text ? _text : throw WrongKind(ColumnKind.Text);

    /// <summary>An Int64 cell.</summary>
    public static Cell FromInt64(long value) => new(ColumnKind.Int64, value, null);

    /// <summary>An Int64 cell from a 32-bit integer.</summary>
    public static Cell FromInt32(int value) => new(ColumnKind.Int64, value, null);

    /// <summary>A Double cell. NaN is written as missing; infinities are rejected by the writers.</summary>
    public static Cell FromDouble(double value) => new(ColumnKind.Double, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A Text cell; <see langword="null"/> is written as missing.</summary>
    public static Cell FromString(string? value) => new(ColumnKind.Text, 0, value);

    /// <summary>An Int64 cell holding 1 for <see langword="true"/> and 0 for <see langword="false"/>.</summary>
    /// <remarks>Integers rather than "True"/"False" text, because 0/1 sums and averages directly in every analysis tool.</remarks>
    public static Cell FromBoolean(bool value) => FromInt64(value ? 1 : 0);

    /// <summary>Converts a 64-bit integer to an Int64 cell.</summary>
    public static implicit operator Cell(long value) => FromInt64(value);

    /// <summary>Converts a 32-bit integer to an Int64 cell.</summary>
    public static implicit operator Cell(int value) => FromInt32(value);

    /// <summary>Converts a double to a Double cell.</summary>
    public static implicit operator Cell(double value) => FromDouble(value);

    /// <summary>Converts a string to a Text cell.</summary>
    public static implicit operator Cell(string? value) => FromString(value);

    /// <summary>Whether two cells hold the same kind and value. Doubles compare by bits, so NaN equals NaN.</summary>
    public static bool operator ==(Cell left, Cell right) => left.Equals(right);

    /// <summary>Whether two cells differ in kind or value.</summary>
    public static bool operator !=(Cell left, Cell right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Cell other) =>
        Kind == other.Kind && _bits == other._bits && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>The value in invariant culture, for diagnostics.</summary>
    public override string ToString() => Kind switch
    {
        ColumnKind.Int64 => _bits.ToString(CultureInfo.InvariantCulture),
        ColumnKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        _ => _text ?? "<missing>",
    };

    private InvalidOperationException WrongKind(ColumnKind wanted) =>
        new($"The cell holds {Kind}, not {wanted}.");
}
