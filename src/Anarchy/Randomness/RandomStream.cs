using Anarchy.Numerics;

namespace Anarchy.Randomness;

/// <summary>
/// A run's source of randomness: Philox4x32-10 keyed by the run's 64-bit seed, with every draw addressed by a
/// counter (tick, purpose, a, b).
/// </summary>
/// <remarks>
/// <para>
/// A draw depends only on (seed, tick, purpose, a, b), never on how many draws came before it, on evaluation order,
/// on threads or on vector width: the stream has no mutable state. <c>tick</c> is the simulation step,
/// <c>purpose</c> a constant that names what the draw is for (one per decision in the model), <c>a</c> usually the
/// agent or entity index, and <c>b</c> a sub-draw index for samplers that need several uniforms (see
/// <see cref="Distributions"/>). Two draws share bits only if all four counter words are equal.
/// </para>
/// <para>
/// The key is k0 = low 32 bits of the seed, k1 = high 32 bits; the counter is (c0, c1, c2, c3) =
/// (tick, purpose, a, b). Values of <c>b</c> with the top bit set (2^31 and above) are reserved: run seeds are
/// derived from blocks with that bit set (<see cref="SeedSequence"/>).
/// </para>
/// </remarks>
public readonly struct RandomStream : IEquatable<RandomStream>
{
    private const double TwoToMinus52 = 2.220446049250313e-16; // 2^-52

    private readonly uint key0;
    private readonly uint key1;

    /// <summary>Creates the stream of a run.</summary>
    /// <param name="seed">The run's seed; its low 32 bits are key word 0 and its high 32 bits key word 1.</param>
    public RandomStream(ulong seed)
    {
        key0 = (uint)seed;
        key1 = (uint)(seed >> 32);
    }

    /// <summary>The run's seed.</summary>
    public ulong Seed => ((ulong)key1 << 32) | key0;

    /// <summary>The whole Philox block for a counter, for callers that use all 128 bits.</summary>
    /// <param name="tick">The simulation step (counter word 0).</param>
    /// <param name="purpose">The purpose of the draw (counter word 1).</param>
    /// <param name="a">Usually the agent index (counter word 2).</param>
    /// <param name="b">Sub-draw index (counter word 3); below 2^31.</param>
    /// <returns>The four output words.</returns>
    public Philox4x32.Output Block(uint tick, uint purpose, uint a, uint b = 0) =>
        Philox4x32.Block(tick, purpose, a, b, key0, key1);

    /// <summary>64 uniformly distributed bits: <c>((ulong)X0 &lt;&lt; 32) | X1</c> of the block.</summary>
    /// <param name="tick">The simulation step (counter word 0).</param>
    /// <param name="purpose">The purpose of the draw (counter word 1).</param>
    /// <param name="a">Usually the agent index (counter word 2).</param>
    /// <param name="b">Sub-draw index (counter word 3); below 2^31.</param>
    /// <returns>The 64 bits.</returns>
    public ulong Bits(uint tick, uint purpose, uint a, uint b = 0)
    {
        Philox4x32.Output block = Philox4x32.Block(tick, purpose, a, b, key0, key1);
        return ((ulong)block.X0 << 32) | block.X1;
    }

    /// <summary>A uniform double in the open interval (0, 1).</summary>
    /// <param name="tick">The simulation step (counter word 0).</param>
    /// <param name="purpose">The purpose of the draw (counter word 1).</param>
    /// <param name="a">Usually the agent index (counter word 2).</param>
    /// <param name="b">Sub-draw index (counter word 3); below 2^31.</param>
    /// <returns>(m + 0.5)·2^-52, where m is the top 52 bits of <see cref="Bits"/>.</returns>
    /// <remarks>
    /// Each of the 2^52 values is the midpoint of an interval of width 2^-52, so the smallest is 2^-53, the largest
    /// 1 - 2^-53, neither 0 nor 1 can occur (logs and inverse CDFs stay finite), and u and 1 - u are both possible
    /// and exactly representable. Every step is exact in double arithmetic; 52 rather than 53 bits are used because
    /// m + 0.5 needs one more bit than m, and with 53 bits the largest values would round up to 1.
    /// </remarks>
    public double Uniform(uint tick, uint purpose, uint a, uint b = 0) => ToUniform(Bits(tick, purpose, a, b));

    /// <summary>A standard normal variate: <see cref="ExactMath.InverseNormalCdf"/> of <see cref="Uniform"/>.</summary>
    /// <param name="tick">The simulation step (counter word 0).</param>
    /// <param name="purpose">The purpose of the draw (counter word 1).</param>
    /// <param name="a">Usually the agent index (counter word 2).</param>
    /// <param name="b">Sub-draw index (counter word 3); below 2^31.</param>
    /// <returns>A normal variate with mean 0 and variance 1, within about ±8.3.</returns>
    /// <remarks>One block per normal, no rejection and no pairing, so each normal has its own counter.</remarks>
    public double Normal(uint tick, uint purpose, uint a, uint b = 0) =>
        ExactMath.InverseNormalCdf(Uniform(tick, purpose, a, b));

    /// <summary>Maps 64 random bits to the open-interval uniform used by <see cref="Uniform"/>.</summary>
    internal static double ToUniform(ulong bits) => ((bits >> 12) + 0.5) * TwoToMinus52;

    /// <inheritdoc />
    public bool Equals(RandomStream other) => key0 == other.key0 && key1 == other.key1;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RandomStream other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(key0, key1);

    /// <summary>Whether two streams have the same seed.</summary>
    public static bool operator ==(RandomStream left, RandomStream right) => left.Equals(right);

    /// <summary>Whether two streams have different seeds.</summary>
    public static bool operator !=(RandomStream left, RandomStream right) => !left.Equals(right);
}
