using System.Globalization;

namespace Anarchy.Sweeps.Designs;

/// <summary>
/// The 32-bit direction numbers of the Sobol sequence, built from Joe and Kuo's table (new-joe-kuo-6.21201) in
/// <c>JoeKuoDirectionNumbers.Table.cs</c>.
/// </summary>
/// <remarks>
/// Direction number k (1-based) of a dimension is V_k = m_k · 2^(32 - k) for k ≤ s, and for k &gt; s Bratley and
/// Fox's recurrence V_k = V_(k-s) ⊕ (V_(k-s) &gt;&gt; s) ⊕ a_1·V_(k-1) ⊕ … ⊕ a_(s-1)·V_(k-s+1), where a_j is bit
/// s - 1 - j of the table's a. Dimension 1 has no row: all its m_k are 1, so V_k = 2^(32 - k).
/// </remarks>
internal static partial class JoeKuoDirectionNumbers
{
    /// <summary>The number of direction numbers per dimension, one per bit of a 32-bit coordinate.</summary>
    internal const int Bits = 32;

    /// <summary>The dimensions the embedded table provides, dimension 1 included.</summary>
    internal const int Dimensions = 1000;

    private static readonly uint[][] Table = Build();

    /// <summary>The direction numbers V_1 … V_32 of a dimension (at index 0 … 31).</summary>
    /// <param name="dimension">The dimension, from 1 to <see cref="Dimensions"/>.</param>
    internal static uint[] Of(int dimension) => Table[dimension - 1];

    private static uint[][] Build()
    {
        var table = new uint[Dimensions][];
        var first = new uint[Bits];
        for (var k = 1; k <= Bits; k++)
        {
            first[k - 1] = 1u << (Bits - k);
        }

        table[0] = first;
        var lines = PublishedRows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != Dimensions || lines[0] != "d       s       a       m_i")
        {
            throw new InvalidOperationException("The embedded Joe–Kuo table is damaged: header or row count.");
        }

        for (var row = 1; row < lines.Length; row++)
        {
            var fields = lines[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var dimension = int.Parse(fields[0], CultureInfo.InvariantCulture);
            var degree = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var coefficients = uint.Parse(fields[2], CultureInfo.InvariantCulture);
            if (dimension != row + 1 || degree < 1 || degree >= Bits || fields.Length != 3 + degree)
            {
                throw new InvalidOperationException($"The embedded Joe–Kuo table is damaged at dimension {row + 1}.");
            }

            var v = new uint[Bits];
            for (var k = 1; k <= degree; k++)
            {
                var m = uint.Parse(fields[2 + k], CultureInfo.InvariantCulture);

                // Each m_k is odd and below 2^k, so V_k has its lowest set bit at position 32 - k.
                if ((m & 1) == 0 || m >= 1u << k)
                {
                    throw new InvalidOperationException($"The embedded Joe–Kuo table is damaged at dimension {dimension}.");
                }

                v[k - 1] = m << (Bits - k);
            }

            for (var k = degree + 1; k <= Bits; k++)
            {
                var next = v[k - degree - 1] ^ (v[k - degree - 1] >> degree);
                for (var j = 1; j < degree; j++)
                {
                    if (((coefficients >> (degree - 1 - j)) & 1) != 0)
                    {
                        next ^= v[k - j - 1];
                    }
                }

                v[k - 1] = next;
            }

            table[row] = v;
        }

        return table;
    }
}
