using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>Rows of the batch's pact bytes (<see cref="WorldStorage.PactLanes"/>) as bit sets.</summary>
internal static class PactRows
{
    /// <summary>
    /// Bit j of <paramref name="bits"/> set for each j &gt; i allied to i in some lane of the block (the lanes of
    /// <paramref name="laneMask"/> at bit <paramref name="laneShift"/> of byte <paramref name="laneByte"/>). With one
    /// byte per element a row is compared 32 bytes at a time (the storage is padded for the last row), so that
    /// finding the allied pairs costs no branch per pair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AlliedAbove(byte[] allied, int laneBytes, int laneByte, int laneShift, uint laneMask, int n, int i, Span<ulong> bits)
    {
        bits.Clear();
        if (laneBytes == 1 && Vector256.IsHardwareAccelerated)
        {
            ref byte row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(allied), i * n);
            var mask = Vector256.Create((byte)(laneMask << laneShift));
            for (int j = 0; j < n; j += 32)
            {
                var any = ~Vector256.Equals(Vector256.LoadUnsafe(ref row, (nuint)j) & mask, Vector256<byte>.Zero);
                bits[j >> 6] |= (ulong)any.ExtractMostSignificantBits() << (j & 63);
            }
            // Only partners above the diagonal and below N.
            for (int word = 0; word < bits.Length; word++)
            {
                int low = word << 6;
                if (i >= low) bits[word] &= i - low >= 63 ? 0 : ~0UL << (i - low + 1);
                if (n - low < 64) bits[word] &= (1UL << (n - low)) - 1;
            }
            return;
        }
        for (int j = i + 1; j < n; j++)
        {
            if (((uint)(allied[(i * n + j) * laneBytes + laneByte] >> laneShift) & laneMask) != 0) bits[j >> 6] |= 1UL << j;
        }
    }
}
