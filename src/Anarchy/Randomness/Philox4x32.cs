namespace Anarchy.Randomness;

/// <summary>
/// The Philox4x32-10 counter-based pseudo-random function (Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
/// as easy as 1, 2, 3", SC 2011; the Random123 library).
/// </summary>
/// <remarks>
/// A block maps a 128-bit counter and a 64-bit key to 128 pseudo-random bits with no state: the same inputs give the
/// same output on every machine, in any order, on any thread, and in any vector lane. For a fixed key the map is a
/// bijection of the counter, so distinct counters never give the same block. The output matches Random123's
/// <c>philox4x32_R(10, ctr, key)</c> and its known-answer vectors.
/// </remarks>
public static class Philox4x32
{
    /// <summary>Multiplier applied to counter word 0 in each round.</summary>
    public const uint Multiplier0 = 0xD251_1F53;

    /// <summary>Multiplier applied to counter word 2 in each round.</summary>
    public const uint Multiplier1 = 0xCD9E_8D57;

    /// <summary>Weyl increment added to key word 0 between rounds (the golden ratio, 2^32 / φ).</summary>
    public const uint Weyl0 = 0x9E37_79B9;

    /// <summary>Weyl increment added to key word 1 between rounds (√3 - 1, scaled by 2^32).</summary>
    public const uint Weyl1 = 0xBB67_AE85;

    /// <summary>The number of rounds (the "-10" of Philox4x32-10).</summary>
    public const int Rounds = 10;

    /// <summary>Computes one Philox4x32-10 block.</summary>
    /// <param name="c0">Counter word 0.</param>
    /// <param name="c1">Counter word 1.</param>
    /// <param name="c2">Counter word 2.</param>
    /// <param name="c3">Counter word 3.</param>
    /// <param name="k0">Key word 0.</param>
    /// <param name="k1">Key word 1.</param>
    /// <returns>The four 32-bit output words.</returns>
    /// <remarks>
    /// Each round computes the full 64-bit products M0·c0 = (hi0, lo0) and M1·c2 = (hi1, lo1) and replaces the
    /// counter with (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0). The key is incremented by (Weyl0, Weyl1), modulo 2^32,
    /// before every round after the first. Only 32×32→64-bit multiplication, xor and addition are used, all of which
    /// a vector kernel has lane for lane.
    /// </remarks>
    public static Output Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        // The ten rounds written out, the key of round r being (k0 + r Weyl0, k1 + r Weyl1) modulo 2^32.
        unchecked
        {
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + Weyl0, k1 + Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 2 * Weyl0, k1 + 2 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 3 * Weyl0, k1 + 3 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 4 * Weyl0, k1 + 4 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 5 * Weyl0, k1 + 5 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 6 * Weyl0, k1 + 6 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 7 * Weyl0, k1 + 7 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 8 * Weyl0, k1 + 8 * Weyl1);
            Round(ref c0, ref c1, ref c2, ref c3, k0 + 9 * Weyl0, k1 + 9 * Weyl1);
        }
        return new Output(c0, c1, c2, c3);
    }

    /// <summary>One round with key (k0, k1).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        ulong product0 = (ulong)Multiplier0 * c0;
        ulong product1 = (ulong)Multiplier1 * c2;
        uint next0 = (uint)(product1 >> 32) ^ c1 ^ k0;
        uint next2 = (uint)(product0 >> 32) ^ c3 ^ k1;
        c1 = (uint)product1;
        c3 = (uint)product0;
        c0 = next0;
        c2 = next2;
    }

    /// <summary>The 128-bit output of one Philox4x32-10 block, as four 32-bit words in Random123's order.</summary>
    /// <param name="X0">Output word 0.</param>
    /// <param name="X1">Output word 1.</param>
    /// <param name="X2">Output word 2.</param>
    /// <param name="X3">Output word 3.</param>
    public readonly record struct Output(uint X0, uint X1, uint X2, uint X3);
}
