namespace Anarchy.Randomness;

/// <summary>
/// Derives each run's seed from an experiment's master seed, its design point and its replicate number.
/// </summary>
/// <remarks>
/// The derivation is one Philox4x32-10 block with key = master seed (k0 = low 32 bits, k1 = high 32 bits) and
/// counter = (point low, point high, replicate low, replicate high ^ <see cref="DomainSeparation"/>); the run seed is
/// <c>((ulong)X0 &lt;&lt; 32) | X1</c>. Seeds of different runs are therefore unrelated, and a run's seed does not
/// depend on which other runs exist or in which order they are started. Because the constant sets the top bit of
/// counter word 3, and model draws keep that word (<c>b</c>) below 2^31, a derivation block can never be the same
/// block as a model draw, even if a master seed were reused as a run seed (for replicates below 2^32).
/// </remarks>
public static class SeedSequence
{
    /// <summary>
    /// The constant xor-ed into counter word 3 of every derivation block ("C0DE 5EED"; its top bit is set).
    /// </summary>
    public const uint DomainSeparation = 0xC0DE_5EED;

    /// <summary>The seed of one run of a design point.</summary>
    /// <param name="masterSeed">The experiment's master seed.</param>
    /// <param name="point">The design point (parameter combination) index.</param>
    /// <param name="replicate">The replicate index within the point.</param>
    /// <returns>The run's seed, for <see cref="RandomStream(ulong)"/>.</returns>
    public static ulong Derive(ulong masterSeed, ulong point, ulong replicate)
    {
        Philox4x32.Output block = Philox4x32.Block(
            (uint)point,
            (uint)(point >> 32),
            (uint)replicate,
            (uint)(replicate >> 32) ^ DomainSeparation,
            (uint)masterSeed,
            (uint)(masterSeed >> 32));
        return ((ulong)block.X0 << 32) | block.X1;
    }

    /// <summary>The seed of one replicate of a single-point experiment: <c>Derive(masterSeed, 0, replicate)</c>.</summary>
    /// <param name="masterSeed">The experiment's master seed.</param>
    /// <param name="replicate">The replicate index.</param>
    /// <returns>The run's seed, for <see cref="RandomStream(ulong)"/>.</returns>
    public static ulong Derive(ulong masterSeed, ulong replicate) => Derive(masterSeed, 0, replicate);
}
