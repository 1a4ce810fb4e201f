using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 2 (perception) for all lanes: the reference's <see cref="Perception"/> arithmetic,
/// one vector of lanes per matrix element. Conditions of the scalar code become masks; a skipped addition becomes
/// the addition of zero, which leaves a non-negative sum unchanged, so every lane's result has the reference's bits.
/// The common-threat product uses 4 x 4 register tiles of fused multiply-adds, each accumulating in ascending k as
/// the reference does; CT is symmetric bit for bit (a * b = b * a), so only tiles with j &gt;= i are computed unless
/// <c>fullProduct</c> asks for all of them (the benchmark's fixed flop count).
/// </summary>
internal static class PerceptionKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch, bool fullProduct) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            CompatibilityAndThreat<TV, TOps>(batch, v);
            CommonThreat<TV, TOps>(batch, v, fullProduct);
        }
    }

    /// <summary>Compatibility, threat, threat norm and level, expected support and security for lanes v..v+W.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompatibilityAndThreat<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, k = batch.K, lanes = batch.Lanes;
        var st = batch.Storage;
        var p = batch.Parameters;
        ref double u = ref MemoryMarshal.GetArrayDataReference(st.Interests.Data);
        ref double c = ref MemoryMarshal.GetArrayDataReference(st.Compatibility.Data);
        ref double t = ref MemoryMarshal.GetArrayDataReference(st.Threat.Data);
        ref double m = ref MemoryMarshal.GetArrayDataReference(st.Capability.Data);
        ref double r = ref MemoryMarshal.GetArrayDataReference(st.Revisionism.Data);
        ref double rep = ref MemoryMarshal.GetArrayDataReference(st.Reputation.Data);
        ref double pi = ref MemoryMarshal.GetArrayDataReference(st.Proximity.Data);
        var allied = st.PactLanes;
        int laneBytes = WorldStorage.LaneBytes(lanes), laneByte = v / 8, laneShift = v % 8;
        ref double alive = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.AliveMask);
        // The common-threat product reads the threat rows packed: row i holds N vectors of this block (rows N and
        // beyond stay zero). With one vector block whose rows need no padding, the threat matrix is that layout.
        bool packedIsThreat = PackedIsThreat<TV, TOps>(batch);
        ref double packed = ref MemoryMarshal.GetArrayDataReference(PackedRows<TV, TOps>(batch));
        var one = TOps.Broadcast(1);
        var sqrtK = TOps.Broadcast(p.SqrtK);
        var eta = TOps.Load(ref p.Eta[0], (nuint)v);
        var mix = TOps.Load(ref p.ThreatMix[0], (nuint)v);
        var eps = TOps.Load(ref p.Epsilon[0], (nuint)v);

        // Compatibility depends on interests alone: where no lane's interests drift it is computed once. It is
        // computed row by row with the threat: symmetric bit for bit ((a - b)^2 = (b - a)^2), the entries right of
        // the diagonal are computed and mirrored, so those left of it were written by the earlier rows.
        int block = v / TOps.Count;
        bool computeCompatibility = !batch.Scratch.CompatibilityCurrent[block];
        if (computeCompatibility)
        {
            bool fixedInterests = true;
            for (int l = v; l < v + TOps.Count; l++) fixedInterests &= p.InterestDrift[l] == 0;
            batch.Scratch.CompatibilityCurrent[block] = fixedInterests;
        }

        // 1 + eta * r_j, the same for every row.
        ref double revision = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.Revision);
        for (int j = 0; j < n; j++)
            TOps.Store(TOps.Add(one, TOps.Multiply(eta, TOps.Load(ref r, At(j, lanes, v)))), ref revision, (nuint)(j * TOps.Count));
        for (int i = 0; i < n; i++)
        {
            var aliveI = TOps.Load(ref alive, At(i, lanes, v));
            TV max = TOps.Zero, sum = TOps.Zero, squares = TOps.Zero, support = TOps.Zero, principal = TOps.Broadcast(-1);
            TV index = TOps.Zero, step = TOps.Broadcast(1);
            for (int j = 0; j < n; j++, index = TOps.Add(index, step))
            {
                nuint ij = At(i * n + j, lanes, v);
                TV cij;
                if (computeCompatibility && j >= i)
                {
                    if (j == i)
                    {
                        cij = one;
                    }
                    else
                    {
                        var distanceSquared = TOps.Zero;
                        for (int d = 0; d < k; d++)
                        {
                            var diff = TOps.Subtract(TOps.Load(ref u, At(i * k + d, lanes, v)), TOps.Load(ref u, At(j * k + d, lanes, v)));
                            distanceSquared = TOps.Add(distanceSquared, TOps.Multiply(diff, diff));
                        }
                        cij = TOps.Subtract(one, TOps.Divide(TOps.Sqrt(distanceSquared), sqrtK));
                        TOps.Store(cij, ref c, At(j * n + i, lanes, v));
                    }
                    TOps.Store(cij, ref c, ij);
                }
                else
                {
                    cij = TOps.Load(ref c, ij);
                }
                var pact = TOps.FromBits((uint)(allied[(i * n + j) * laneBytes + laneByte] >> laneShift));
                var aliveJ = TOps.Load(ref alive, At(j, lanes, v));
                var mj = TOps.Load(ref m, At(j, lanes, v));
                var pij = TOps.Load(ref pi, ij);
                var threatened = i == j ? TOps.Zero : TOps.AndNot(TOps.And(aliveI, aliveJ), pact);
                var hostility = TOps.Multiply(TOps.Subtract(one, cij), TOps.Load(ref revision, (nuint)(j * TOps.Count)));
                var threat = TOps.Select(threatened, TOps.Multiply(TOps.Multiply(mj, pij), hostility), TOps.Zero);
                TOps.Store(threat, ref t, ij);
                if (!packedIsThreat) TOps.Store(threat, ref packed, (nuint)((i * n + j) * TOps.Count));
                principal = TOps.Select(TOps.GreaterThan(threat, max), index, principal);
                max = TOps.MaxOfNonNegative(max, threat); // threats are +0 or positive, never NaN
                sum = TOps.Add(sum, threat);
                squares = TOps.Add(squares, TOps.Multiply(threat, threat));
                var ally = TOps.And(pact, aliveJ);
                var help = TOps.Multiply(TOps.Multiply(TOps.Multiply(cij, TOps.Load(ref rep, At(j, lanes, v))), mj), pij);
                support = TOps.Add(support, TOps.Select(ally, help, TOps.Zero));
            }
            var level = TOps.Add(max, TOps.Multiply(mix, TOps.Subtract(sum, max)));
            TOps.Store(principal, ref MemoryMarshal.GetArrayDataReference(batch.Scratch.Principal), 0);
            for (int l = 0; l < TOps.Count; l++) st.PrincipalThreat.Data[i * lanes + v + l] = (int)batch.Scratch.Principal[l];
            var mi = TOps.Load(ref m, At(i, lanes, v));
            TOps.Store(TOps.Sqrt(squares), ref MemoryMarshal.GetArrayDataReference(st.ThreatNorm.Data), At(i, lanes, v));
            TOps.Store(level, ref MemoryMarshal.GetArrayDataReference(st.ThreatLevel.Data), At(i, lanes, v));
            TOps.Store(support, ref MemoryMarshal.GetArrayDataReference(st.ExpectedSupport.Data), At(i, lanes, v));
            TOps.Store(TOps.Divide(TOps.Add(mi, support), TOps.Add(level, eps)), ref MemoryMarshal.GetArrayDataReference(st.Security.Data), At(i, lanes, v));
        }
    }

    /// <summary>CT_ij = (sum_k T_ik T_jk) / (|T_i| |T_j| + eps) for lanes v..v+W.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CommonThreat<TV, TOps>(WaltzBatch batch, int v, bool fullProduct) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, w = TOps.Count;
        var st = batch.Storage;
        var scratch = batch.Scratch;
        int padded = scratch.Padded;

        ref double packed = ref MemoryMarshal.GetArrayDataReference(PackedRows<TV, TOps>(batch));
        ref double ct = ref MemoryMarshal.GetArrayDataReference(st.CommonThreat.Data);
        ref double norm = ref MemoryMarshal.GetArrayDataReference(st.ThreatNorm.Data);
        var eps = TOps.Load(ref batch.Parameters.Epsilon[0], (nuint)v);
        // Rows are taken in bands of RowBand: a band's packed rows stay in the L2 cache while every other row
        // streams past it once, instead of once per four rows. Each tile is still computed once, whole.
        for (int band = 0; band < padded; band += RowBand)
        {
            int bandEnd = Math.Min(padded, band + RowBand);
            for (int jb = fullProduct ? 0 : band; jb < padded; jb += 4)
            {
                for (int ib = band; ib < bandEnd && (fullProduct || ib <= jb); ib += 4)
                {
                    Tile<TV, TOps>(ref packed, n, w, ib, jb, out var d00, out var d01, out var d02, out var d03,
                        out var d10, out var d11, out var d12, out var d13, out var d20, out var d21, out var d22, out var d23,
                        out var d30, out var d31, out var d32, out var d33);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 0, jb, d00, d01, d02, d03, fullProduct);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 1, jb, d10, d11, d12, d13, fullProduct);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 2, jb, d20, d21, d22, d23, fullProduct);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 3, jb, d30, d31, d32, d33, fullProduct);
                }
            }
        }
    }

    /// <summary>Rows of the common-threat product per band (a multiple of 4): 16 packed rows of 256 states are
    /// a quarter of a megabyte, well within a core's L2 cache (16 measured faster than 32 or 64 at 64 and 256 states).</summary>
    private const int RowBand = 16;

    /// <summary>The 4 x 4 tile of dot products of rows ib..ib+3 with rows jb..jb+3, each summed in ascending k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<TV, TOps>(ref double packed, int n, int w, int ib, int jb,
        out TV d00, out TV d01, out TV d02, out TV d03, out TV d10, out TV d11, out TV d12, out TV d13,
        out TV d20, out TV d21, out TV d22, out TV d23, out TV d30, out TV d31, out TV d32, out TV d33)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        d00 = d01 = d02 = d03 = d10 = d11 = d12 = d13 = d20 = d21 = d22 = d23 = d30 = d31 = d32 = d33 = TOps.Zero;
        nuint rowStride = (nuint)(n * w);
        nuint a0 = (nuint)(ib * n * w), b0 = (nuint)(jb * n * w);
        for (int kk = 0; kk < n; kk++)
        {
            nuint at = (nuint)(kk * w);
            var a = TOps.Load(ref packed, a0 + at);
            var b = TOps.Load(ref packed, a0 + rowStride + at);
            var cc = TOps.Load(ref packed, a0 + 2 * rowStride + at);
            var d = TOps.Load(ref packed, a0 + 3 * rowStride + at);
            var x = TOps.Load(ref packed, b0 + at);
            d00 = TOps.FusedMultiplyAdd(a, x, d00);
            d10 = TOps.FusedMultiplyAdd(b, x, d10);
            d20 = TOps.FusedMultiplyAdd(cc, x, d20);
            d30 = TOps.FusedMultiplyAdd(d, x, d30);
            x = TOps.Load(ref packed, b0 + rowStride + at);
            d01 = TOps.FusedMultiplyAdd(a, x, d01);
            d11 = TOps.FusedMultiplyAdd(b, x, d11);
            d21 = TOps.FusedMultiplyAdd(cc, x, d21);
            d31 = TOps.FusedMultiplyAdd(d, x, d31);
            x = TOps.Load(ref packed, b0 + 2 * rowStride + at);
            d02 = TOps.FusedMultiplyAdd(a, x, d02);
            d12 = TOps.FusedMultiplyAdd(b, x, d12);
            d22 = TOps.FusedMultiplyAdd(cc, x, d22);
            d32 = TOps.FusedMultiplyAdd(d, x, d32);
            x = TOps.Load(ref packed, b0 + 3 * rowStride + at);
            d03 = TOps.FusedMultiplyAdd(a, x, d03);
            d13 = TOps.FusedMultiplyAdd(b, x, d13);
            d23 = TOps.FusedMultiplyAdd(cc, x, d23);
            d33 = TOps.FusedMultiplyAdd(d, x, d33);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TV, TOps>(ref double ct, ref double norm, TV eps, int n, int lanes, int v, int i, int jb,
        TV d0, TV d1, TV d2, TV d3, bool fullProduct) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        if (i >= n) return;
        var ni = TOps.Load(ref norm, At(i, lanes, v));
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 0, d0, fullProduct);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 1, d1, fullProduct);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 2, d2, fullProduct);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 3, d3, fullProduct);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TOps>(ref double ct, ref double norm, TV eps, TV ni, int n, int lanes, int v, int i, int j, TV dot, bool fullProduct)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        if (j >= n) return;
        var value = TOps.Divide(dot, TOps.Add(TOps.Multiply(ni, TOps.Load(ref norm, At(j, lanes, v))), eps));
        TOps.Store(value, ref ct, At(i * n + j, lanes, v));
        // |T_j| |T_i| = |T_i| |T_j| and the dot product is the same, so the mirror image has the same bits.
        if (!fullProduct) TOps.Store(value, ref ct, At(j * n + i, lanes, v));
    }

    /// <summary>True when the batch is one vector block and N is a multiple of 4: element (i, j) of lane t of the
    /// interleaved threat matrix is then at (i N + j) W + t, where the common-threat product reads its packed rows.</summary>
    private static bool PackedIsThreat<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV> =>
        batch.Lanes == TOps.Count && batch.N % 4 == 0;

    /// <summary>The packed threat rows the common-threat product reads: the threat matrix itself where its layout is
    /// the packed one, the scratch copy otherwise.</summary>
    private static double[] PackedRows<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV> =>
        PackedIsThreat<TV, TOps>(batch) ? batch.Storage.Threat.Data : batch.Scratch.PackedThreat;

    /// <summary>Offset of element <paramref name="index"/> of lane <paramref name="v"/> in interleaved storage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nuint At(int index, int lanes, int v) => (nuint)(index * lanes + v);
}
