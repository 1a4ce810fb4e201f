using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Anarchy.Engine.Simd;
using Anarchy.Numerics;

namespace Anarchy.Randomness;

/// <summary>
/// The same draw, <see cref="RandomStream.Uniform"/> or <see cref="RandomStream.Normal"/> at one counter (tick,
/// purpose, a, b), for many runs at once: one per run's seed, four runs to a vector. Philox4x32-10 needs only 32 x 32
/// to 64-bit multiplication, xor and addition, which AVX2 has lane for lane, and the inverse normal CDF is IEEE basic
/// operations in the order <see cref="ExactMath.InverseNormalCdf"/> performs them, so every value has the bits the
/// scalar stream gives that run (the kernel exactness tests compare the two). Without AVX2 the scalar stream is used.
/// </summary>
public static class LaneRandom
{
    private const double TwoToMinus52 = 2.220446049250313e-16;

    /// <summary>Whether draws run as vectors on this machine (otherwise one run at a time, with the same values).</summary>
    public static bool IsVectorised => Avx2.IsSupported;

    /// <summary><c>destination[l] = new RandomStream(seeds[l]).Uniform(tick, purpose, a, b)</c> for every l.</summary>
    public static void Uniforms(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, uint a, uint b, Span<double> destination)
    {
        if (destination.Length < seeds.Length) throw new ArgumentException("one destination per seed", nameof(destination));
        int l = 0;
        if (Avx2.IsSupported)
        {
            for (; l + 4 <= seeds.Length; l += 4)
                Uniform(Vector256.Create(seeds.Slice(l, 4)), tick, purpose, a, b).CopyTo(destination.Slice(l, 4));
        }
        for (; l < seeds.Length; l++) destination[l] = new RandomStream(seeds[l]).Uniform(tick, purpose, a, b);
    }

    /// <summary><c>destination[l] = new RandomStream(seeds[l]).Normal(tick, purpose, a, b)</c> for every l.</summary>
    public static void Normals(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, uint a, uint b, Span<double> destination)
    {
        if (destination.Length < seeds.Length) throw new ArgumentException("one destination per seed", nameof(destination));
        int l = 0;
        if (Avx2.IsSupported)
        {
            // Two vectors at a time: each draw is a long chain of dependent operations, and two independent chains
            // keep the execution units busier than one.
            for (; l + 8 <= seeds.Length; l += 8)
            {
                var first = Uniform(Vector256.Create(seeds.Slice(l, 4)), tick, purpose, a, b);
                var second = Uniform(Vector256.Create(seeds.Slice(l + 4, 4)), tick, purpose, a, b);
                InverseNormalCdf(first).CopyTo(destination.Slice(l, 4));
                InverseNormalCdf(second).CopyTo(destination.Slice(l + 4, 4));
            }
            for (; l + 4 <= seeds.Length; l += 4)
                InverseNormalCdf(Uniform(Vector256.Create(seeds.Slice(l, 4)), tick, purpose, a, b)).CopyTo(destination.Slice(l, 4));
        }
        for (; l < seeds.Length; l++) destination[l] = new RandomStream(seeds[l]).Normal(tick, purpose, a, b);
    }

    /// <summary>
    /// <c>destination[(a * bCount + b) * L + l] = new RandomStream(seeds[l]).Normal(tick, purpose, a, b)</c> for every
    /// a below <paramref name="aCount"/>, b below <paramref name="bCount"/> and run l (L = seeds.Length): a grid of
    /// draws laid out as the batch's lane-interleaved columns. Four vectors are drawn at a time, so that four
    /// independent chains of operations overlap.
    /// </summary>
    public static void Normals(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, int aCount, int bCount, Span<double> destination) =>
        Grid(seeds, tick, purpose, aCount, bCount, destination, normal: true);

    /// <summary>The same grid of <see cref="RandomStream.Uniform"/> draws.</summary>
    public static void Uniforms(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, int aCount, int bCount, Span<double> destination) =>
        Grid(seeds, tick, purpose, aCount, bCount, destination, normal: false);

    private static void Grid(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, int aCount, int bCount, Span<double> destination, bool normal)
    {
        int lanes = seeds.Length, counters = aCount * bCount;
        if (destination.Length < counters * lanes) throw new ArgumentException("one destination per draw", nameof(destination));
        if (!Avx2.IsSupported || lanes % 4 != 0)
        {
            for (int c = 0; c < counters; c++)
            {
                var row = destination.Slice(c * lanes, lanes);
                if (normal) Normals(seeds, tick, purpose, (uint)(c / bCount), (uint)(c % bCount), row);
                else Uniforms(seeds, tick, purpose, (uint)(c / bCount), (uint)(c % bCount), row);
            }
            return;
        }
        if (Avx512F.IsSupported && lanes % 8 == 0) Uniforms<Vector512<ulong>, Vector512<double>, Words512>(seeds, tick, purpose, bCount, counters, destination);
        else Uniforms<Vector256<ulong>, Vector256<double>, Words256>(seeds, tick, purpose, bCount, counters, destination);
        if (normal) ToNormals(destination.Slice(0, counters * lanes));
    }

    /// <summary>
    /// The grid's uniforms, a vector of runs at a time (eight runs to a 512-bit vector where AVX-512 is there, half
    /// the instructions of two 256-bit vectors), four vectors in flight so that four independent chains overlap. Job
    /// j is the runs of vector j % V (V vectors of runs) at counter j / V; the cursor steps through them without
    /// division.
    /// </summary>
    private static void Uniforms<TV, TD, TOps>(ReadOnlySpan<ulong> seeds, uint tick, uint purpose, int bCount, int counters, Span<double> destination)
        where TV : unmanaged where TOps : struct, IWordOps<TV, TD>
    {
        int width = TOps.Count, vectors = seeds.Length / width, jobs = counters * vectors, job = 0;
        Span<TV> keys = vectors <= 64 ? stackalloc TV[vectors] : new TV[vectors];
        for (int x = 0; x < vectors; x++) keys[x] = TOps.Load(seeds.Slice(x * width, width));
        var at = new GridCursor(bCount, vectors);
        for (; job + 4 <= jobs; job += 4)
        {
            var d0 = Uniform<TV, TD, TOps>(keys[at.Vector], tick, purpose, at.A, at.B);
            at.Next();
            var d1 = Uniform<TV, TD, TOps>(keys[at.Vector], tick, purpose, at.A, at.B);
            at.Next();
            var d2 = Uniform<TV, TD, TOps>(keys[at.Vector], tick, purpose, at.A, at.B);
            at.Next();
            var d3 = Uniform<TV, TD, TOps>(keys[at.Vector], tick, purpose, at.A, at.B);
            at.Next();
            TOps.Store(d0, destination.Slice(job * width, width));
            TOps.Store(d1, destination.Slice((job + 1) * width, width));
            TOps.Store(d2, destination.Slice((job + 2) * width, width));
            TOps.Store(d3, destination.Slice((job + 3) * width, width));
        }
        for (; job < jobs; job++)
        {
            TOps.Store(Uniform<TV, TD, TOps>(keys[at.Vector], tick, purpose, at.A, at.B), destination.Slice(job * width, width));
            at.Next();
        }
    }

    /// <summary>
    /// <see cref="ExactMath.InverseNormalCdf"/> of every uniform in <paramref name="values"/>, in place, in two passes
    /// without data-dependent branches: the central region for every value, four at a time, listing the values in
    /// the tails (about 15%, |p - 1/2| &gt; 0.425); then the tails, four listed values at a time. Within one vector
    /// the tails are needed about half the time and unpredictably, so a branch on them costs more than the tails do.
    /// Each value gets the scalar function's operations, so the same bits.
    /// </summary>
    private static void ToNormals(Span<double> values)
    {
        const int Chunk = 1024;
        Span<int> tails = stackalloc int[Chunk + 4];
        for (int start = 0; start < values.Length; start += Chunk)
        {
            var chunk = values.Slice(start, Math.Min(Chunk, values.Length - start));
            int count = 0, x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; x + 8 <= chunk.Length; x += 8)
                {
                    var p = Vector512.Create((ReadOnlySpan<double>)chunk.Slice(x, 8));
                    var inTail = Vector512.GreaterThan(Vector512.Abs(p - Vector512.Create(0.5)), Vector512.Create(0.425));
                    // The tail values keep their probability for the second pass.
                    Vector512.ConditionalSelect(inTail, p, Central<Vector512<double>, Lanes512>(p)).CopyTo(chunk.Slice(x, 8));
                    count = ListTails(tails, count, x, (uint)inTail.ExtractMostSignificantBits(), 8);
                }
            }
            for (; x + 4 <= chunk.Length; x += 4)
            {
                var p = Vector256.Create((ReadOnlySpan<double>)chunk.Slice(x, 4));
                var inTail = Vector256.GreaterThan(Vector256.Abs(p - Vector256.Create(0.5)), Vector256.Create(0.425));
                Vector256.ConditionalSelect(inTail, p, Central<Vector256<double>, Lanes256>(p)).CopyTo(chunk.Slice(x, 4));
                count = ListTails(tails, count, x, inTail.ExtractMostSignificantBits(), 4);
            }
            for (; x < chunk.Length; x++) chunk[x] = ExactMath.InverseNormalCdf(chunk[x]);
            for (int t = 0; t < count; t += 4)
            {
                int last = tails[count - 1];
                int i0 = tails[t], i1 = t + 1 < count ? tails[t + 1] : last, i2 = t + 2 < count ? tails[t + 2] : last, i3 = t + 3 < count ? tails[t + 3] : last;
                var tail = Tail(Vector256.Create(chunk[i0], chunk[i1], chunk[i2], chunk[i3]));
                chunk[i0] = tail[0];
                chunk[i1] = tail[1];
                chunk[i2] = tail[2];
                chunk[i3] = tail[3];
            }
        }
    }

    /// <summary>Appends x + t to <paramref name="tails"/> for each set bit t of <paramref name="bits"/> (of
    /// <paramref name="width"/>), without a branch per bit; returns the new count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ListTails(Span<int> tails, int count, int x, uint bits, int width)
    {
        for (int t = 0; t < width; t++)
        {
            tails[count] = x + t;
            count += (int)((bits >> t) & 1);
        }
        return count;
    }

    /// <summary>The counter (a, b) and the vector of runs of a grid's jobs, in order.</summary>
    private struct GridCursor(int bCount, int vectors)
    {
        public int Vector;
        public uint A;
        public uint B;

        public void Next()
        {
            if (++Vector < vectors) return;
            Vector = 0;
            if (++B < (uint)bCount) return;
            B = 0;
            A++;
        }
    }

    /// <summary>Four Philox blocks, one per seed, mapped to the open-interval uniform of <see cref="RandomStream.ToUniform"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Uniform(Vector256<ulong> seeds, uint tick, uint purpose, uint a, uint b) =>
        Uniform<Vector256<ulong>, Vector256<double>, Words256>(seeds, tick, purpose, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TD Uniform<TV, TD, TOps>(TV seeds, uint tick, uint purpose, uint a, uint b) where TOps : struct, IWordOps<TV, TD>
    {
        var low = TOps.Broadcast(0xFFFF_FFFFUL);
        // The key words may carry past bit 31 as the Weyl increments add up: only the low 32 bits of each 64-bit
        // element reach an output (vpmuludq reads the low halves, and the final words are masked or shifted out).
        var k0 = TOps.And(seeds, low);
        var k1 = TOps.ShiftRight(seeds, 32);
        var c0 = TOps.Broadcast(tick);
        var c1 = TOps.Broadcast(purpose);
        var c2 = TOps.Broadcast(a);
        var c3 = TOps.Broadcast(b);
        var m0 = TOps.Broadcast(Philox4x32.Multiplier0);
        var m1 = TOps.Broadcast(Philox4x32.Multiplier1);
        var weyl0 = TOps.Broadcast(Philox4x32.Weyl0);
        var weyl1 = TOps.Broadcast(Philox4x32.Weyl1);
        for (int round = 0; round < Philox4x32.Rounds; round++)
        {
            // vpmuludq: the full 64-bit product of the low 32 bits of each 64-bit element.
            var product0 = TOps.MultiplyLow(m0, c0);
            var product1 = TOps.MultiplyLow(m1, c2);
            var next0 = TOps.Xor(TOps.Xor(TOps.ShiftRight(product1, 32), c1), k0);
            var next2 = TOps.Xor(TOps.Xor(TOps.ShiftRight(product0, 32), c3), k1);
            c1 = TOps.And(product1, low);
            c3 = TOps.And(product0, low);
            c0 = next0;
            c2 = next2;
            k0 = TOps.Add(k0, weyl0);
            k1 = TOps.Add(k1, weyl1);
        }
        // (bits >> 12) is below 2^52: OR-ing it into the mantissa of 2^52 and subtracting 2^52 converts it exactly.
        var mantissa = TOps.ShiftRight(TOps.Or(TOps.ShiftLeft(c0, 32), c1), 12);
        return TOps.ToUniform(TOps.Or(mantissa, TOps.Broadcast(0x4330_0000_0000_0000UL)));
    }

    /// <summary>The 64-bit lane operations of a Philox block, for one vector width.</summary>
    private interface IWordOps<TV, TD>
    {
        /// <summary>Runs (64-bit elements) per vector.</summary>
        static abstract int Count { get; }
        static abstract TV Load(ReadOnlySpan<ulong> values);
        static abstract void Store(TD values, Span<double> destination);
        static abstract TV Broadcast(ulong value);
        static abstract TV And(TV a, TV b);
        static abstract TV Or(TV a, TV b);
        static abstract TV Xor(TV a, TV b);
        static abstract TV Add(TV a, TV b);
        static abstract TV ShiftRight(TV a, int count);
        static abstract TV ShiftLeft(TV a, int count);
        /// <summary>The 64-bit products of the low 32 bits of each element.</summary>
        static abstract TV MultiplyLow(TV a, TV b);
        /// <summary>(x - 2^52 + 0.5) * 2^-52 for the doubles whose bits are <paramref name="bits"/>.</summary>
        static abstract TD ToUniform(TV bits);
    }

    private readonly struct Words256 : IWordOps<Vector256<ulong>, Vector256<double>>
    {
        public static int Count => 4;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Load(ReadOnlySpan<ulong> values) => Vector256.Create(values);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<double> values, Span<double> destination) => values.CopyTo(destination);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Broadcast(ulong value) => Vector256.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> And(Vector256<ulong> a, Vector256<ulong> b) => a & b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Or(Vector256<ulong> a, Vector256<ulong> b) => a | b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Xor(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> Add(Vector256<ulong> a, Vector256<ulong> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> ShiftRight(Vector256<ulong> a, int count) => Vector256.ShiftRightLogical(a, count);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> ShiftLeft(Vector256<ulong> a, int count) => Vector256.ShiftLeft(a, count);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> MultiplyLow(Vector256<ulong> a, Vector256<ulong> b) => Avx2.Multiply(a.AsUInt32(), b.AsUInt32());
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> ToUniform(Vector256<ulong> bits) =>
            (bits.AsDouble() - Vector256.Create(4503599627370496.0) + Vector256.Create(0.5)) * Vector256.Create(TwoToMinus52);
    }

    private readonly struct Words512 : IWordOps<Vector512<ulong>, Vector512<double>>
    {
        public static int Count => 8;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Load(ReadOnlySpan<ulong> values) => Vector512.Create(values);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<double> values, Span<double> destination) => values.CopyTo(destination);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Broadcast(ulong value) => Vector512.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Xor(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> Add(Vector512<ulong> a, Vector512<ulong> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> ShiftRight(Vector512<ulong> a, int count) => Vector512.ShiftRightLogical(a, count);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> ShiftLeft(Vector512<ulong> a, int count) => Vector512.ShiftLeft(a, count);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> MultiplyLow(Vector512<ulong> a, Vector512<ulong> b) => Avx512F.Multiply(a.AsUInt32(), b.AsUInt32());
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> ToUniform(Vector512<ulong> bits) =>
            (bits.AsDouble() - Vector512.Create(4503599627370496.0) + Vector512.Create(0.5)) * Vector512.Create(TwoToMinus52);
    }

    /// <summary>
    /// <see cref="ExactMath.InverseNormalCdf"/> for arguments in (0, 1) (every uniform): the central region in every
    /// lane, the tails only when some lane needs them, each operation as the scalar code writes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> InverseNormalCdf(Vector256<double> p)
    {
        var central = Central<Vector256<double>, Lanes256>(p);
        var inTail = Vector256.GreaterThan(Vector256.Abs(p - Vector256.Create(0.5)), Vector256.Create(0.425));
        if (inTail == Vector256<double>.Zero) return central;
        // Central lanes take a harmless stand-in probability; their tail result is discarded below.
        return Vector256.ConditionalSelect(inTail, Tail(Vector256.ConditionalSelect(inTail, p, Vector256.Create(0.01))), central);
    }

    /// <summary>AS241's central rational function, for |p - 1/2| &lt;= 0.425, as the scalar code writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Central<TV, TOps>(TV p) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        var q = TOps.Subtract(p, TOps.Broadcast(0.5));
        var rc = TOps.Subtract(TOps.Broadcast(0.180625), TOps.Multiply(q, q));
        var numerator = Horner<TV, TOps>(rc, 2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
            4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3, 1.3314166789178437745e+2, 3.3871328727963666080e+0);
        var denominator = Horner<TV, TOps>(rc, 5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
            2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1.0);
        return TOps.Divide(TOps.Multiply(q, numerator), denominator);
    }

    /// <summary>((((((c0 x + c1) x + c2) x + c3) x + c4) x + c5) x + c6) x + c7, each product and sum rounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Horner<TV, TOps>(TV x, double c0, double c1, double c2, double c3, double c4, double c5, double c6, double c7)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        var sum = TOps.Add(TOps.Multiply(TOps.Broadcast(c0), x), TOps.Broadcast(c1));
        sum = TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c2));
        sum = TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c3));
        sum = TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c4));
        sum = TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c5));
        sum = TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c6));
        return TOps.Add(TOps.Multiply(sum, x), TOps.Broadcast(c7));
    }

    /// <summary>AS241's tails, for |p - 1/2| &gt; 0.425 in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Tail(Vector256<double> p)
    {
        var q = p - Vector256.Create(0.5);
        var negative = Vector256.LessThan(q, Vector256<double>.Zero);
        var r = Vector256.Sqrt(-VectorMath.Log(Vector256.ConditionalSelect(negative, p, Vector256.Create(1.0) - p)));

        var rm = r - Vector256.Create(1.6);
        var numMiddle = ((((((Vector256.Create(7.74545014278341407640e-4) * rm
            + Vector256.Create(2.27238449892691845833e-2)) * rm
            + Vector256.Create(2.41780725177450611770e-1)) * rm
            + Vector256.Create(1.27045825245236838258e+0)) * rm
            + Vector256.Create(3.64784832476320460504e+0)) * rm
            + Vector256.Create(5.76949722146069140550e+0)) * rm
            + Vector256.Create(4.63033784615654529590e+0)) * rm
            + Vector256.Create(1.42343711074968357734e+0);
        var denMiddle = ((((((Vector256.Create(1.05075007164441684324e-9) * rm
            + Vector256.Create(5.47593808499534494600e-4)) * rm
            + Vector256.Create(1.51986665636164571966e-2)) * rm
            + Vector256.Create(1.48103976427480074590e-1)) * rm
            + Vector256.Create(6.89767334985100004550e-1)) * rm
            + Vector256.Create(1.67638483018380384940e+0)) * rm
            + Vector256.Create(2.05319162663775882187e+0)) * rm
            + Vector256.Create(1.0);
        var tail = numMiddle / denMiddle;
        var beyond = Vector256.GreaterThan(r, Vector256.Create(5.0));
        if (beyond != Vector256<double>.Zero) tail = Vector256.ConditionalSelect(beyond, FarTail(r), tail); // p below 1.4e-11
        return Vector256.ConditionalSelect(negative, -tail, tail);
    }

    /// <summary>AS241's far-tail rational function of r (for r &gt; 5), as the scalar code writes it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> FarTail(Vector256<double> r)
    {
        var rf = r - Vector256.Create(5.0);
        var numFar = ((((((Vector256.Create(2.01033439929228813265e-7) * rf
            + Vector256.Create(2.71155556874348757815e-5)) * rf
            + Vector256.Create(1.24266094738807843860e-3)) * rf
            + Vector256.Create(2.65321895265761230930e-2)) * rf
            + Vector256.Create(2.96560571828504891230e-1)) * rf
            + Vector256.Create(1.78482653991729133580e+0)) * rf
            + Vector256.Create(5.46378491116411436990e+0)) * rf
            + Vector256.Create(6.65790464350110377720e+0);
        var denFar = ((((((Vector256.Create(2.04426310338993978564e-15) * rf
            + Vector256.Create(1.42151175831644588870e-7)) * rf
            + Vector256.Create(1.84631831751005468180e-5)) * rf
            + Vector256.Create(7.86869131145613259100e-4)) * rf
            + Vector256.Create(1.48753612908506148525e-2)) * rf
            + Vector256.Create(1.36929880922735805310e-1)) * rf
            + Vector256.Create(5.99832206555887937690e-1)) * rf
            + Vector256.Create(1.0);
        return numFar / denFar;
    }
}
