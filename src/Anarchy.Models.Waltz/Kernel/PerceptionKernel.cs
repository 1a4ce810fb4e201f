using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 2 (perception) for all lanes: the reference's <see cref="Perception"/> arithmetic,
/// one vector of lanes per matrix element. Conditions of the scalar code become masks; a skipped addition becomes
/// the addition of zero, which leaves a non-negative sum unchanged, so every lane's result has the reference's bits.
/// The common-threat product uses register tiles of fused multiply-adds, each accumulating in ascending k as the
/// reference does, and is computed only where the rules read it (insecure states' rows and allied pairs) unless
/// <c>fullProduct</c> asks for every element (the benchmark's fixed flop count); CT is symmetric bit for bit
/// (a * b = b * a), so each element computed is written to both halves.
/// </summary>
internal static class PerceptionKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch, bool fullProduct) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            CompatibilityAndThreat<TV, TOps>(batch, v);
            if (fullProduct) FullCommonThreat<TV, TOps>(batch, v);
            else ReadCommonThreat<TV, TOps>(batch, v);
            PactValueRows<TV, TOps>(batch, v);
        }
    }

    /// <summary>
    /// Alliance valuation on the rows read (balancing and formation read only those), for lanes v..v+W: v_ij =
    /// c_ij r_j M_j pi_ij CT_ij and the partner's v_ji = c_ij r_i M_i pi_ij CT_ij, the reference's products in its
    /// order (<see cref="Perception.PactValue"/>, <see cref="Perception.PactValueToPartner"/>). The other rows keep
    /// stale values, which no rule reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PactValueRows<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, wide = TOps.Count;
        var st = batch.Storage;
        ref double c = ref st.Compatibility.Start;
        ref double pi = ref st.Proximity.Start;
        ref double ct = ref st.CommonThreat.Start;
        ref double m = ref st.Capability.Start;
        ref double rep = ref st.Reputation.Start;
        // Per state j: alive, M_j, 1 + eta r_j and reputation, as CompatibilityAndThreat left them.
        ref double states = ref batch.Scratch.StateBlock.Start;
        ref double values = ref st.PactValues.Start;
        ref double partner = ref st.PartnerValues.Start;
        var rows = batch.Scratch.ReadRows;
        for (int x = 0; x < batch.Scratch.ReadRowCount; x++)
        {
            int i = rows[x];
            var repI = TOps.Load(ref rep, At(i, lanes, v));
            var mI = TOps.Load(ref m, At(i, lanes, v));
            for (int j = 0; j < n; j++)
            {
                nuint ij = At(i * n + j, lanes, v);
                var cij = TOps.Load(ref c, ij);
                var pij = TOps.Load(ref pi, ij);
                var ctij = TOps.Load(ref ct, ij);
                ref double state = ref Unsafe.Add(ref states, j * 4 * wide);
                var rho = TOps.Multiply(cij, TOps.Load(ref state, (nuint)(3 * wide)));
                TOps.Store(TOps.Multiply(TOps.Multiply(TOps.Multiply(rho, TOps.Load(ref state, (nuint)wide)), pij), ctij), ref values, ij);
                var own = TOps.Multiply(TOps.Multiply(cij, repI), mI);
                TOps.Store(TOps.Multiply(TOps.Multiply(own, pij), ctij), ref partner, ij);
            }
        }
    }

    /// <summary>Compatibility, threat, threat norm and level, expected support and security for lanes v..v+W.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompatibilityAndThreat<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, k = batch.K, lanes = batch.Lanes;
        var st = batch.Storage;
        var p = batch.Parameters;
        ref double u = ref st.Interests.Start;
        ref double c = ref st.Compatibility.Start;
        ref double t = ref st.Threat.Start;
        ref double m = ref st.Capability.Start;
        ref double r = ref st.Revisionism.Start;
        ref double rep = ref st.Reputation.Start;
        ref double pi = ref st.Proximity.Start;
        var allied = st.PactLanes;
        int laneBytes = WorldStorage.LaneBytes(lanes), laneByte = v / 8, laneShift = v % 8;
        ref double alive = ref batch.Scratch.AliveMask.Start;
        // The common-threat product reads the threat rows packed: row i holds N vectors of this block (rows N and
        // beyond stay zero). With one vector block whose rows need no padding, the threat matrix is that layout.
        bool packedIsThreat = PackedIsThreat<TV, TOps>(batch);
        ref double packed = ref PackedRows<TV, TOps>(batch);
        var one = TOps.Broadcast(1);
        var sqrtK = TOps.Broadcast(p.SqrtK);
        var eta = TOps.Load(ref p.Eta[0], (nuint)v);
        var mix = TOps.Load(ref p.ThreatMix[0], (nuint)v);
        var eps = TOps.Load(ref p.Epsilon[0], (nuint)v);
        var maxPacts = TOps.Load(ref p.MaxPacts[0], (nuint)v);
        ref int pactCount = ref st.PactCount.Start;
        var readRows = batch.Scratch.ReadRows;
        int readRowCount = 0;

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

        // What every row reads of state j, side by side: alive, M_j, 1 + eta * r_j and reputation (one pointer and
        // one cache line per field instead of four columns of the batch).
        ref double states = ref batch.Scratch.StateBlock.Start;
        int wide = TOps.Count;
        for (int j = 0; j < n; j++)
        {
            nuint at = (nuint)(j * 4 * wide);
            TOps.Store(TOps.Load(ref alive, At(j, lanes, v)), ref states, at);
            TOps.Store(TOps.Load(ref m, At(j, lanes, v)), ref states, at + (nuint)wide);
            TOps.Store(TOps.Add(one, TOps.Multiply(eta, TOps.Load(ref r, At(j, lanes, v)))), ref states, at + (nuint)(2 * wide));
            TOps.Store(TOps.Load(ref rep, At(j, lanes, v)), ref states, at + (nuint)(3 * wide));
        }
        ref byte pactStart = ref MemoryMarshal.GetArrayDataReference(allied);
        ref double largest = ref batch.Scratch.LargestThreat.Start;
        // Target choice's hostility bytes of this block (compatibility does not change between here and step 6).
        int np = batch.Scratch.Padded16;
        ref byte hostileBytes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(batch.Scratch.HostileBytes), block * np * np);
        var hostile = TOps.Load(ref p.HostileCompatibility[0], (nuint)v);
        for (int i = 0; i < n; i++)
        {
            var aliveI = TOps.Load(ref alive, At(i, lanes, v));
            ThreatRow<TV, TOps>(ref u, k, computeCompatibility ? i : n, sqrtK, v,
                ref Unsafe.Add(ref c, At(i * n, lanes, v)), ref Unsafe.Add(ref pi, At(i * n, lanes, v)),
                ref Unsafe.Add(ref t, At(i * n, lanes, v)), ref Unsafe.Add(ref pactStart, i * n * laneBytes + laneByte), laneBytes, laneShift,
                ref states, n, lanes, i, aliveI, ref packedIsThreat ? ref Unsafe.NullRef<double>() : ref Unsafe.Add(ref packed, i * n * TOps.Count),
                ref Unsafe.Add(ref hostileBytes, i * np), hostile,
                out var max, out var sum, out var squares, out var support, out var principal);
            var level = TOps.Add(max, TOps.Multiply(mix, TOps.Subtract(sum, max)));
            TOps.Store(max, ref largest, At(i, lanes, v));
            TOps.Store(principal, ref MemoryMarshal.GetArrayDataReference(batch.Scratch.Principal), 0);
            for (int l = 0; l < TOps.Count; l++) Unsafe.Add(ref st.PrincipalThreat.Start, i * lanes + v + l) = (int)batch.Scratch.Principal[l];
            var mi = TOps.Load(ref m, At(i, lanes, v));
            TOps.Store(TOps.Sqrt(squares), ref st.ThreatNorm.Start, At(i, lanes, v));
            TOps.Store(level, ref st.ThreatLevel.Start, At(i, lanes, v));
            TOps.Store(support, ref st.ExpectedSupport.Start, At(i, lanes, v));
            var security = TOps.Divide(TOps.Add(mi, support), TOps.Add(level, eps));
            TOps.Store(security, ref st.Security.Start, At(i, lanes, v));
            // Row i of the common threat is read (balancing, formation) only where i is alive, insecure and may
            // take another pact (docs/MODEL.md, section 10).
            var reads = TOps.And(TOps.And(aliveI, TOps.LessThan(security, one)), TOps.LessThan(TOps.IntToDouble(ref pactCount, At(i, lanes, v)), maxPacts));
            bool read = TOps.Any(reads);
            batch.Scratch.IsReadRow[i] = read;
            if (read) readRows[readRowCount++] = i;
        }
        batch.Scratch.ReadRowCount = readRowCount;
    }

    /// <summary>
    /// Row i of the threat matrix for lanes v..v+W, from row i of compatibility, proximity and the pact bytes (one
    /// element per lane count, one byte per <paramref name="laneBytes"/>), and its sums: the largest threat and the
    /// first j holding it, the sum, the sum of squares, and the expected support of i's living allies, each in
    /// ascending j as the reference sums them. Where <paramref name="packedRow"/> is not null the row is copied there
    /// as the common-threat product reads it. Target choice's hostility bytes of the row are written to
    /// <paramref name="hostileRow"/> (bit t of byte j set where c_ij &lt; hostileCompatibility in lane t). From j =
    /// <paramref name="computeFrom"/> (i, or N when compatibility is current) the row's compatibility is computed
    /// from the interests, c_ij = 1 - |u_i - u_j| / sqrt(K), and written
    /// to both halves: it is symmetric bit for bit ((a - b)^2 = (b - a)^2), so the entries left of the diagonal were
    /// written by the earlier rows, and c_ii comes out as exactly 1. Computing it in the same loop as the threat lets
    /// the square roots and divisions overlap the threat's arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ThreatRow<TV, TOps>(ref double u, int k, int computeFrom, TV sqrtK, int v, ref double cRow, ref double piRow, ref double tRow, ref byte pactRow, int laneBytes, int laneShift,
        ref double states, int n, int lanes, int i, TV aliveI, ref double packedRow, ref byte hostileRow, TV hostile,
        out TV max, out TV sum, out TV squares, out TV support, out TV principal) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int wide = TOps.Count;
        bool copy = !Unsafe.IsNullRef(ref packedRow);
        var one = TOps.Broadcast(1);
        var self = TOps.Broadcast(i);
        ref double ui = ref Unsafe.Add(ref u, At(i * k, lanes, v));
        // Element (j, i) is j rows below element (0, i), which is i elements before element (i, 0) (row i's start).
        ref double cColumn = ref Unsafe.Add(ref cRow, (nint)i * lanes - (nint)i * n * lanes);
        // Accumulated in locals (registers), not through the out parameters (memory).
        TV index = TOps.Zero, step = one, maxOf = TOps.Zero, sumOf = TOps.Zero, squaresOf = TOps.Zero, supportOf = TOps.Zero;
        TV principalOf = TOps.Broadcast(-1);
        for (int j = 0; j < n; j++, index = TOps.Add(index, step))
        {
            nuint at = (nuint)(j * lanes);
            TV cij;
            if (j >= computeFrom)
            {
                var distanceSquared = TOps.Zero;
                for (int d = 0; d < k; d++)
                {
                    var diff = TOps.Subtract(TOps.Load(ref ui, (nuint)(d * lanes)), TOps.Load(ref u, At(j * k + d, lanes, v)));
                    distanceSquared = TOps.Add(distanceSquared, TOps.Multiply(diff, diff));
                }
                cij = TOps.Subtract(one, TOps.Divide(TOps.Sqrt(distanceSquared), sqrtK));
                TOps.Store(cij, ref cRow, at);
                TOps.Store(cij, ref cColumn, (nuint)(j * n * lanes));
            }
            else
            {
                cij = TOps.Load(ref cRow, at);
            }
            Unsafe.Add(ref hostileRow, j) = (byte)TOps.ToBits(TOps.LessThan(cij, hostile));
            var pij = TOps.Load(ref piRow, at);
            var pact = TOps.FromBits((uint)(Unsafe.Add(ref pactRow, j * laneBytes) >> laneShift));
            ref double state = ref Unsafe.Add(ref states, j * 4 * wide);
            var aliveJ = TOps.Load(ref state, 0);
            var mj = TOps.Load(ref state, (nuint)wide);
            // Not threatened by itself, a dead state or an ally (an all-ones mask or its absence, per lane).
            var threatened = TOps.AndNot(TOps.And(aliveI, aliveJ), TOps.Or(pact, TOps.Equal(index, self)));
            var hostility = TOps.Multiply(TOps.Subtract(one, cij), TOps.Load(ref state, (nuint)(2 * wide)));
            var threat = TOps.Select(threatened, TOps.Multiply(TOps.Multiply(mj, pij), hostility), TOps.Zero);
            TOps.Store(threat, ref tRow, at);
            if (copy) TOps.Store(threat, ref packedRow, (nuint)(j * wide));
            principalOf = TOps.Select(TOps.GreaterThan(threat, maxOf), index, principalOf);
            maxOf = TOps.MaxOfNonNegative(maxOf, threat); // threats are +0 or positive, never NaN
            sumOf = TOps.Add(sumOf, threat);
            squaresOf = TOps.Add(squaresOf, TOps.Multiply(threat, threat));
            var ally = TOps.And(pact, aliveJ);
            var help = TOps.Multiply(TOps.Multiply(TOps.Multiply(cij, TOps.Load(ref state, (nuint)(3 * wide))), mj), pij);
            supportOf = TOps.Add(supportOf, TOps.Select(ally, help, TOps.Zero));
        }
        max = maxOf;
        sum = sumOf;
        squares = squaresOf;
        support = supportOf;
        principal = principalOf;
    }

    /// <summary>
    /// CT_ij = (sum_k T_ik T_jk) / (|T_i| |T_j| + eps) for lanes v..v+W, every element: the benchmark's fixed amount
    /// of work (the rules read only some elements; <see cref="ReadCommonThreat{TV, TOps}"/> computes those).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FullCommonThreat<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, w = TOps.Count;
        var st = batch.Storage;
        int padded = batch.Scratch.Padded;
        ref double packed = ref PackedRows<TV, TOps>(batch);
        ref double ct = ref st.CommonThreat.Start;
        ref double norm = ref st.ThreatNorm.Start;
        var eps = TOps.Load(ref batch.Parameters.Epsilon[0], (nuint)v);
        // Rows are taken in bands of RowBand: a band's packed rows stay in the L2 cache while every other row
        // streams past it once, instead of once per four rows.
        for (int band = 0; band < padded; band += RowBand)
        {
            int bandEnd = Math.Min(padded, band + RowBand);
            for (int jb = 0; jb < padded; jb += 4)
            {
                for (int ib = band; ib < bandEnd; ib += 4)
                {
                    Tile<TV, TOps>(ref packed, n, w, ib, ib + 1, ib + 2, ib + 3, jb, out var d00, out var d01, out var d02, out var d03,
                        out var d10, out var d11, out var d12, out var d13, out var d20, out var d21, out var d22, out var d23,
                        out var d30, out var d31, out var d32, out var d33);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 0, jb, d00, d01, d02, d03, mirror: false);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 1, jb, d10, d11, d12, d13, mirror: false);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 2, jb, d20, d21, d22, d23, mirror: false);
                    Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, ib + 3, jb, d30, d31, d32, d33, mirror: false);
                }
            }
        }
    }

    /// <summary>
    /// The common threat where the rules read it, for lanes v..v+W: the rows of states that balancing may value
    /// pacts for (alive, insecure and below maxPacts in some lane of the block, listed by
    /// <see cref="CompatibilityAndThreat{TV, TOps}"/>), whole, and for each lane the pairs it has allied, whose
    /// salience dissolution compares with lapseSalience. Formation reads only seekers' rows, which are among those;
    /// target choice and the later steps read none. Each element computed has the bits of the reference's (the same
    /// fused multiply-adds in ascending k), and both CT_ij and CT_ji are written, as they are equal to the bit;
    /// an allied pair shown salient by a lower bound holds that bound instead (<see cref="MarkPairs"/>); the
    /// elements not read keep stale values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadCommonThreat<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, w = TOps.Count;
        var st = batch.Storage;
        var scratch = batch.Scratch;
        int padded = scratch.Padded;
        ref double packed = ref PackedRows<TV, TOps>(batch);
        ref double ct = ref st.CommonThreat.Start;
        ref double norm = ref st.ThreatNorm.Start;
        var eps = TOps.Load(ref batch.Parameters.Epsilon[0], (nuint)v);

        // The rows read, four at a time against every column; the last one to three rows one at a time.
        var rows = scratch.ReadRows;
        int count = scratch.ReadRowCount, x = 0;
        for (; x + 4 <= count; x += 4)
        {
            int i0 = rows[x], i1 = rows[x + 1], i2 = rows[x + 2], i3 = rows[x + 3];
            for (int jb = 0; jb < padded; jb += 4)
            {
                Tile<TV, TOps>(ref packed, n, w, i0, i1, i2, i3, jb, out var d00, out var d01, out var d02, out var d03,
                    out var d10, out var d11, out var d12, out var d13, out var d20, out var d21, out var d22, out var d23,
                    out var d30, out var d31, out var d32, out var d33);
                Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, i0, jb, d00, d01, d02, d03);
                Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, i1, jb, d10, d11, d12, d13);
                Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, i2, jb, d20, d21, d22, d23);
                Finish<TV, TOps>(ref ct, ref norm, eps, n, lanes, v, i3, jb, d30, d31, d32, d33);
            }
        }
        for (; x < count; x++)
        {
            for (int jb = 0; jb < padded; jb += 4)
            {
                int i = rows[x];
                AnyPairs<TV, TOps>(ref packed, ref ct, ref norm, eps, n, lanes, v, i, jb, i, jb + 1, i, jb + 2, i, jb + 3);
            }
        }

        // Allied pairs whose rows were not computed: dissolution reads them only to compare the salience CT_ij c_ij
        // with lapseSalience. Most are shown salient by a bound; the rest are listed and then computed exactly for the
        // whole block, four pairs at a time (four independent chains of fused multiply-adds).
        var pairs = scratch.ExactPairs;
        int listed = MarkPairs(batch, v, w, scratch.IsReadRow, pairs);
        for (int y = 0; y < listed; y += 4)
        {
            // A short last group repeats its last pair.
            int last = 2 * (listed - 1), p0 = 2 * y, p1 = Math.Min(p0 + 2, last), p2 = Math.Min(p0 + 4, last), p3 = Math.Min(p0 + 6, last);
            AnyPairs<TV, TOps>(ref packed, ref ct, ref norm, eps, n, lanes, v, pairs[p0], pairs[p0 + 1], pairs[p1], pairs[p1 + 1],
                pairs[p2], pairs[p2 + 1], pairs[p3], pairs[p3 + 1]);
        }
    }

    /// <summary>
    /// The allied pairs (i, j &gt; i) of lanes v..v+W whose rows were not computed: in each lane that has allied them,
    /// each is shown salient (CT_ij c_ij &gt;= lapseSalience, so dissolution finds it not weak) from two terms of its
    /// dot product, those of the threats that i and j fear most, or listed in <paramref name="pairs"/> (i and j side
    /// by side; the count is returned) to be computed exactly for the whole block, which then overwrites the bounds of
    /// the other lanes. A pair shown salient has CT_ij and CT_ji set to the lower bound that showed it, which gives
    /// dissolution the same answer. The bound is rigorous: the terms are non-negative, so the reference's sum of n
    /// fused multiply-adds is at least the exact dot product times (1 - u)^n (u = 2^-53), itself at least the two
    /// terms; the two terms computed in floating point exceed their exact sum by at most a factor (1 + u)^3, and the
    /// margin (1 - (n + 8) 2^-52) covers both. Division by the same denominator and multiplication by c_ij are
    /// monotone, so the reference's salience is at least the bound's. About nine pacts in ten are shown salient so at
    /// 32 states (three in four at 64). With an autonomy cost dissolution also reads the pact's values, which need CT
    /// itself: a pair allied in such a lane is listed. The pairs are taken pair by pair with the lanes inner, so that
    /// the lanes' elements of a pair share their cache lines.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int MarkPairs(WaltzBatch batch, int v, int width, bool[] isRow, int[] pairs)
    {
        var st = batch.Storage;
        int n = batch.N, lanes = batch.Lanes, listed = 0;
        int laneBytes = WorldStorage.LaneBytes(lanes), laneByte = v / 8, laneShift = v % 8;
        uint laneMask = (1u << width) - 1, bounded = 0;
        var allied = st.PactLanes;
        Span<double> lapse = stackalloc double[width], eps = stackalloc double[width];
        Span<double> ni = stackalloc double[width], feared = stackalloc double[width];
        Span<int> pi = stackalloc int[width];
        for (int t = 0; t < width; t++)
        {
            var p = batch.Worlds[v + t].Parameters;
            if (p.AutonomyCost == 0) bounded |= 1u << t;
            lapse[t] = p.LapseSalience;
            eps[t] = p.Epsilon;
        }
        double margin = 1 - (n + 8) * 2.220446049250313e-16; // 2^-52
        ref double threat = ref st.Threat.Start;
        ref double norm = ref st.ThreatNorm.Start;
        ref double compatibility = ref st.Compatibility.Start;
        ref double ct = ref st.CommonThreat.Start;
        ref int principal = ref st.PrincipalThreat.Start;
        ref double largest = ref batch.Scratch.LargestThreat.Start;
        for (int i = 0; i < n; i++)
        {
            if (isRow[i]) continue;
            bool rowRead = false;
            for (int j = i + 1; j < n; j++)
            {
                uint pairLanes = (uint)(allied[(i * n + j) * laneBytes + laneByte] >> laneShift) & laneMask;
                if (pairLanes == 0 || isRow[j]) continue;
                if ((pairLanes & ~bounded) != 0)
                {
                    pairs[2 * listed] = i;
                    pairs[2 * listed++ + 1] = j;
                    continue;
                }
                if (!rowRead)
                {
                    for (int t = 0; t < width; t++)
                    {
                        int l = v + t, p = Unsafe.Add(ref principal, i * lanes + l);
                        pi[t] = p;
                        ni[t] = Unsafe.Add(ref norm, i * lanes + l);
                        feared[t] = Unsafe.Add(ref largest, i * lanes + l); // T_ip, or +0 where i fears nobody
                    }
                    rowRead = true;
                }
                for (uint set = pairLanes; set != 0; set &= set - 1)
                {
                    int t = System.Numerics.BitOperations.TrailingZeroCount(set), l = v + t, p = pi[t];
                    int pj = Unsafe.Add(ref principal, j * lanes + l);
                    double lower = p >= 0 ? feared[t] * Unsafe.Add(ref threat, (j * n + p) * lanes + l) : 0;
                    if (pj >= 0 && pj != p)
                        lower += Unsafe.Add(ref threat, (i * n + pj) * lanes + l) * Unsafe.Add(ref largest, j * lanes + l); // T_iq T_jq
                    double value = lower * margin / (ni[t] * Unsafe.Add(ref norm, j * lanes + l) + eps[t]);
                    if (value * Unsafe.Add(ref compatibility, (i * n + j) * lanes + l) < lapse[t])
                    {
                        pairs[2 * listed] = i;
                        pairs[2 * listed++ + 1] = j;
                        break;
                    }
                    Unsafe.Add(ref ct, (i * n + j) * lanes + l) = value;
                    Unsafe.Add(ref ct, (j * n + i) * lanes + l) = value;
                }
            }
        }
        return listed;
    }

    /// <summary>CT of four pairs (i0, j0) .. (i3, j3) for lanes v..v+W, each summed in ascending k: four independent
    /// chains (pairs from different rows, or one row and four partners; partners from N on, the padding rows of the
    /// packed copy, are not stored). Not inlined: on its own the loop keeps its row pointers in registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void AnyPairs<TV, TOps>(ref double packed, ref double ct, ref double norm, TV eps, int n, int lanes, int v,
        int i0, int j0, int i1, int j1, int i2, int j2, int i3, int j3) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int w = TOps.Count;
        TV d0 = TOps.Zero, d1 = TOps.Zero, d2 = TOps.Zero, d3 = TOps.Zero;
        ref double a0 = ref Unsafe.Add(ref packed, i0 * n * w);
        ref double b0 = ref Unsafe.Add(ref packed, j0 * n * w);
        ref double a1 = ref Unsafe.Add(ref packed, i1 * n * w);
        ref double b1 = ref Unsafe.Add(ref packed, j1 * n * w);
        ref double a2 = ref Unsafe.Add(ref packed, i2 * n * w);
        ref double b2 = ref Unsafe.Add(ref packed, j2 * n * w);
        ref double a3 = ref Unsafe.Add(ref packed, i3 * n * w);
        ref double b3 = ref Unsafe.Add(ref packed, j3 * n * w);
        for (int kk = 0; kk < n; kk++)
        {
            nuint at = (nuint)(kk * w);
            d0 = TOps.FusedMultiplyAdd(TOps.Load(ref a0, at), TOps.Load(ref b0, at), d0);
            d1 = TOps.FusedMultiplyAdd(TOps.Load(ref a1, at), TOps.Load(ref b1, at), d1);
            d2 = TOps.FusedMultiplyAdd(TOps.Load(ref a2, at), TOps.Load(ref b2, at), d2);
            d3 = TOps.FusedMultiplyAdd(TOps.Load(ref a3, at), TOps.Load(ref b3, at), d3);
        }
        Store<TV, TOps>(ref ct, ref norm, eps, TOps.Load(ref norm, At(i0, lanes, v)), n, lanes, v, i0, j0, d0);
        Store<TV, TOps>(ref ct, ref norm, eps, TOps.Load(ref norm, At(i1, lanes, v)), n, lanes, v, i1, j1, d1);
        Store<TV, TOps>(ref ct, ref norm, eps, TOps.Load(ref norm, At(i2, lanes, v)), n, lanes, v, i2, j2, d2);
        Store<TV, TOps>(ref ct, ref norm, eps, TOps.Load(ref norm, At(i3, lanes, v)), n, lanes, v, i3, j3, d3);
    }

    /// <summary>Rows of the common-threat product per band (a multiple of 4): 16 packed rows of 256 states are
    /// a quarter of a megabyte, well within a core's L2 cache (16 measured faster than 32 or 64 at 64 and 256 states).</summary>
    private const int RowBand = 16;

    /// <summary>The 4 x 4 tile of dot products of rows i0..i3 with rows jb..jb+3, each summed in ascending k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<TV, TOps>(ref double packed, int n, int w, int i0, int i1, int i2, int i3, int jb,
        out TV d00, out TV d01, out TV d02, out TV d03, out TV d10, out TV d11, out TV d12, out TV d13,
        out TV d20, out TV d21, out TV d22, out TV d23, out TV d30, out TV d31, out TV d32, out TV d33)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        d00 = d01 = d02 = d03 = d10 = d11 = d12 = d13 = d20 = d21 = d22 = d23 = d30 = d31 = d32 = d33 = TOps.Zero;
        nuint rowStride = (nuint)(n * w);
        ref double r0 = ref Unsafe.Add(ref packed, i0 * n * w);
        ref double r1 = ref Unsafe.Add(ref packed, i1 * n * w);
        ref double r2 = ref Unsafe.Add(ref packed, i2 * n * w);
        ref double r3 = ref Unsafe.Add(ref packed, i3 * n * w);
        nuint b0 = (nuint)(jb * n * w);
        for (int kk = 0; kk < n; kk++)
        {
            nuint at = (nuint)(kk * w);
            var a = TOps.Load(ref r0, at);
            var b = TOps.Load(ref r1, at);
            var cc = TOps.Load(ref r2, at);
            var d = TOps.Load(ref r3, at);
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
        TV d0, TV d1, TV d2, TV d3, bool mirror = true) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        if (i >= n) return;
        var ni = TOps.Load(ref norm, At(i, lanes, v));
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 0, d0, mirror);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 1, d1, mirror);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 2, d2, mirror);
        Store<TV, TOps>(ref ct, ref norm, eps, ni, n, lanes, v, i, jb + 3, d3, mirror);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TOps>(ref double ct, ref double norm, TV eps, TV ni, int n, int lanes, int v, int i, int j, TV dot, bool mirror = true)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        if (j >= n) return;
        var value = TOps.Divide(dot, TOps.Add(TOps.Multiply(ni, TOps.Load(ref norm, At(j, lanes, v))), eps));
        TOps.Store(value, ref ct, At(i * n + j, lanes, v));
        // |T_j| |T_i| = |T_i| |T_j| and the dot product is the same, so the mirror image has the same bits.
        if (mirror) TOps.Store(value, ref ct, At(j * n + i, lanes, v));
    }

    /// <summary>True when the batch is one vector block and N is a multiple of 4: element (i, j) of lane t of the
    /// interleaved threat matrix is then at (i N + j) W + t, where the common-threat product reads its packed rows.</summary>
    private static bool PackedIsThreat<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV> =>
        batch.Lanes == TOps.Count && batch.N % 4 == 0;

    /// <summary>The packed threat rows the common-threat product reads: the threat matrix itself where its layout is
    /// the packed one, the scratch copy otherwise.</summary>
    private static ref double PackedRows<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        if (PackedIsThreat<TV, TOps>(batch)) return ref batch.Storage.Threat.Start;
        return ref MemoryMarshal.GetArrayDataReference(batch.Scratch.PackedThreat);
    }

    /// <summary>Offset of element <paramref name="index"/> of lane <paramref name="v"/> in interleaved storage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nuint At(int index, int lanes, int v) => (nuint)(index * lanes + v);
}
