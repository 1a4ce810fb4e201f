using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Anarchy.Engine.Simd;
using static Anarchy.Models.Waltz.Kernel.PerceptionKernel;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 6's target choice: the reference's <see cref="Disputes.ChooseTarget"/> and
/// <see cref="Disputes.ExpectedStrength"/> as vector code, one lane (run) at a time, vectors running along the
/// target q. A target is read only by a state whose act draw is below its revisionism
/// (<see cref="Disputes.ConsiderActing"/>), and the draws are pure functions of their counters, so they are drawn
/// first and only those states choose (about one in seven at the default revisionism); every other state's target
/// is left at -1, which no rule reads. An initiator's expected strength against every q is its capability plus, for
/// each of its usable allies k in ascending index order (alive, at peace), rho_ik * M_k times pi_kq where k may
/// join the attack on q (k is not q, not allied to q, and hostile to it: c_kq &lt; hostileCompatibility) and +0
/// elsewhere: the reference's additions, in its order. Each target's expected strength against the initiator is its
/// capability plus, slot by slot (slot x holding the target's x-th usable ally, or a state whose factor is zero),
/// rho_qk * M_k times pi_ki where k may help it (k is not the initiator nor allied to it) and +0 elsewhere: again
/// the reference's additions in its order, a vector of targets at a time. The choice then takes, among
/// eligible targets whose chance beats the threshold, the first with the largest P * W_q, as the reference's strict
/// scan in ascending q does. Where gamma is not 1 the contest's powers are <see cref="Numerics.VectorMath"/>.Pow, the
/// reference's <see cref="Numerics.ExactMath.Pow"/> lane by lane.
/// </summary>
internal static class TargetKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        DriftKernel.DrawActs(batch);
        FindInitiators<TV, TOps>(batch);
        var s = batch.Scratch;
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            for (int t = 0; t < TOps.Count; t++)
            {
                var w = batch.Worlds[v + t];
                int bits = (v + t) * w.PactWords;
                bool any = false;
                for (int word = 0; word < w.PactWords; word++) any |= s.InitiatorBits[bits + word] != 0;
                if (!any) continue;
                UsableAllies(batch, w, v + t);
                // The contest function's powers: none at gamma = 1 (ExactMath.Pow(x, 1) is x itself), a code path of
                // its own so that the usual case carries no test in its loop.
                double gamma = w.Parameters.Gamma;
                if (gamma == 1) Choose<TV, TOps, Linear<TV>>(batch, v + t, t, default);
                else Choose<TV, TOps, Powered<TV, TOps>>(batch, v + t, t, new Powered<TV, TOps>(TOps.Broadcast(gamma)));
            }
        }
    }

    /// <summary>
    /// Clears every lane's targets and finds, for each lane, its states at peace (alive, not at war) and, among them,
    /// the initiators: those whose act draw is below their revisionism, as bit sets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FindInitiators<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, words = (n + 63) / 64;
        var s = batch.Scratch;
        var st = batch.Storage;
        st.Target.Span.Fill(-1);
        Array.Clear(s.PeaceBits);
        Array.Clear(s.InitiatorBits);
        ref double alive = ref s.AliveMask.Start;
        ref double atWar = ref s.AtWarMask.Start;
        ref double draw = ref st.ActDraw.Start;
        ref double r = ref st.Revisionism.Start;
        for (int v = 0; v < lanes; v += TOps.Count)
        {
            for (int i = 0; i < n; i++)
            {
                nuint at = (nuint)(i * lanes + v);
                var peace = TOps.AndNot(TOps.Load(ref alive, at), TOps.Load(ref atWar, at));
                uint atPeace = TOps.ToBits(peace);
                uint initiating = TOps.ToBits(TOps.And(peace, TOps.LessThan(TOps.Load(ref draw, at), TOps.Load(ref r, at))));
                int word = i >> 6;
                ulong bit = 1UL << i;
                for (; atPeace != 0; atPeace &= atPeace - 1)
                    s.PeaceBits[(v + BitOperations.TrailingZeroCount(atPeace)) * words + word] |= bit;
                for (; initiating != 0; initiating &= initiating - 1)
                    s.InitiatorBits[(v + BitOperations.TrailingZeroCount(initiating)) * words + word] |= bit;
            }
        }
    }

    /// <summary>
    /// For every state q at peace, its allies at peace in ascending order with their weights rho_qk * M_k (the
    /// reference's <c>Rho(q, k) * Capability[k]</c>) as slots: slot x of q (at x * Padded16 + q) holds its x-th usable
    /// ally and weight, or state N (whose help factor is zero) and weight zero; per state the slots it fills, and per
    /// group of four states the most slots any of them fills. Also the lane's capabilities and wealth laid out for loads.
    /// </summary>
    private static void UsableAllies(WaltzBatch batch, World w, int lane)
    {
        var s = batch.Scratch;
        int n = w.N, np = s.Padded16, lanes = batch.Lanes, words = w.PactWords;
        var peace = s.PeaceBits.AsSpan(lane * words, words);
        var pacts = w.PactBits;
        var cap = s.LaneCapability.Span;
        var wealth = s.LaneWealth.Span;
        var filled = s.AllyCount;
        var st = batch.Storage;
        var capabilities = st.Capability.Span;
        var wealths = st.Wealth.Span;
        int slots = 0;
        for (int i = 0; i < n; i++)
        {
            cap[i] = capabilities[i * lanes + lane];
            wealth[i] = wealths[i * lanes + lane];
            filled[i] = 0;
            if ((peace[i >> 6] & (1UL << i)) == 0) continue;
            for (int word = 0; word < words; word++) filled[i] += BitOperations.PopCount(pacts[i * words + word] & peace[word]);
            slots = Math.Max(slots, filled[i]);
        }

        var slotIndex = s.SlotIndex;
        var slotWeight = s.SlotWeight.Span;
        Array.Fill(slotIndex, n, 0, slots * np);
        slotWeight[..(slots * np)].Clear();
        var groupSlots = s.GroupSlots;
        Array.Clear(groupSlots);
        var reputation = st.Reputation.Span;
        var compatibility = st.Compatibility.Span;
        for (int q = 0; q < n; q++)
        {
            groupSlots[q >> 2] = Math.Max(groupSlots[q >> 2], filled[q]);
            int x = 0;
            for (int word = 0; word < words && x < filled[q]; word++)
            {
                // Allies at peace in ascending order (dead or at war: no help).
                for (ulong set = pacts[q * words + word] & peace[word]; set != 0; set &= set - 1, x++)
                {
                    int k = (word << 6) + BitOperations.TrailingZeroCount(set);
                    slotIndex[x * np + q] = k;
                    slotWeight[x * np + q] = compatibility[(q * n + k) * lanes + lane] * reputation[k * lanes + lane] * cap[k];
                }
            }
        }
    }

    /// <summary>Bit <paramref name="t"/> of each of the 8 bytes at <paramref name="at"/>, as 8 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LaneBitsOf(byte[] bytes, int at, int t)
    {
        ulong word = Unsafe.ReadUnaligned<ulong>(ref bytes[at]);
        const ulong lowBits = 0x0101_0101_0101_0101UL;
        if (Bmi2.X64.IsSupported) return Bmi2.X64.ParallelBitExtract(word, lowBits << t);
        word = (word >> t) & lowBits;
        return (word * 0x0102_0408_1020_4080UL) >> 56; // gathers the low bit of each byte into the top byte
    }

    /// <summary>
    /// For each initiator, the target maximising P * W_q among eligible ones (at peace, not allied, within reach) with
    /// P above the threshold. For each vector of targets, the defences are summed slot by slot and the attack over
    /// the initiator's allies, and the choice is made in the same pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Choose<TV, TOps, TContest>(WaltzBatch batch, int lane, int t, TContest contest)
        where TV : struct where TOps : struct, ILaneOps<TV> where TContest : struct, IContest<TV>
    {
        var w = batch.Worlds[lane];
        var s = batch.Scratch;
        int n = w.N, np = s.Padded16, words = w.PactWords, width = TOps.Count;
        uint groupMask = (1u << width) - 1;
        var pacts = w.PactBits;
        var peace = s.PeaceBits.AsSpan(lane * words, words);
        var initiators = s.InitiatorBits.AsSpan(lane * words, words);
        var reachable = s.ReachBits;
        var filled = s.AllyCount;
        var cap = s.LaneCapability;
        int reachLane = lane * n * words;
        int piLane = lane * n * np;
        ref double pi = ref s.LaneProximity.Start;
        var helpColumn = s.HelpColumn;
        ref double help = ref helpColumn.Start;
        ref double wealth = ref s.LaneWealth.Start;
        ref double capOf = ref cap.Start;
        ref double slotWeight = ref s.SlotWeight.Start;
        ref int slotIndex = ref MemoryMarshal.GetArrayDataReference(s.SlotIndex);
        var threshold = TOps.Broadcast(w.Parameters.WinThreshold);
        var half = TOps.Broadcast(0.5);
        var minusOne = TOps.Broadcast(-1);
        var indices = TOps.Indices;
        // For each usable ally k of an initiator, the targets q it helps attack: k is not q, not allied to q and
        // hostile to q (c_kq < hostileCompatibility), as a bit set.
        var attackBits = s.AttackBits;
        int hostileBlock = (lane - t) / width * np * np; // this block's bytes, written by perception
        for (int iw = 0; iw < words; iw++)
        {
            for (ulong initiatorSet = initiators[iw]; initiatorSet != 0; initiatorSet &= initiatorSet - 1)
            {
                int i = (iw << 6) + BitOperations.TrailingZeroCount(initiatorSet);
                for (int x = 0; x < filled[i]; x++)
                {
                    int k = Unsafe.Add(ref slotIndex, x * np + i);
                    for (int word = 0; word < words; word++)
                    {
                        ulong hostile = 0;
                        for (int q = word << 6, end = Math.Min(n, q + 64); q < end; q += 8)
                            hostile |= LaneBitsOf(s.HostileBytes, hostileBlock + k * np + q, t) << (q & 63);
                        ulong self = (k >> 6) == word ? 1UL << k : 0;
                        attackBits[k * words + word] = ~pacts[k * words + word] & ~self & hostile;
                    }
                }
            }
        }
        for (int iw = 0; iw < words; iw++)
        {
            for (ulong initiatorSet = initiators[iw]; initiatorSet != 0; initiatorSet &= initiatorSet - 1)
            {
                int i = (iw << 6) + BitOperations.TrailingZeroCount(initiatorSet);
                int iPacts = i * words;

                // The help factors against i: pi_ki (= pi_ik, row i) for each k that is not i and not allied to i, zero
                // for the rest.
                for (int k = 0; k < n; k += width)
                {
                    int word = k >> 6, shift = k & 63;
                    uint counts = ~(uint)(pacts[iPacts + word] >> shift) & groupMask;
                    if (i >= k && i - k < width) counts &= ~(1u << (i - k));
                    TOps.Store(TOps.Select(TOps.FromBits(counts), TOps.Load(ref pi, (nuint)(piLane + i * np + k)), TOps.Zero), ref help, (nuint)k);
                }

                var mi = TOps.Broadcast(cap[i]);
                var bestValue = minusOne;
                var bestIndex = minusOne;
                for (int q = 0; q < n; q += width)
                {
                    int word = q >> 6, shift = q & 63;
                    uint eligible = (uint)((peace[word] & ~pacts[iPacts + word] & reachable[reachLane + i * words + word]) >> shift) & groupMask;
                    if (eligible == 0) continue;
                    // Each q's expected strength attacked by i: M_i plus, over i's usable allies k in ascending order,
                    // rho_ik * M_k * pi_kq where k helps attack q, + 0 elsewhere.
                    var a = mi;
                    for (int x = 0; x < filled[i]; x++)
                    {
                        int k = Unsafe.Add(ref slotIndex, x * np + i);
                        uint helps = (uint)(attackBits[k * words + word] >> shift) & groupMask;
                        var factor = TOps.Select(TOps.FromBits(helps), TOps.Load(ref pi, (nuint)(piLane + k * np + q)), TOps.Zero);
                        a = TOps.Add(a, TOps.Multiply(TOps.Broadcast(Unsafe.Add(ref slotWeight, x * np + i)), factor));
                    }
                    var b = TOps.Load(ref capOf, (nuint)q);
                    if (contest.IsStrength)
                    {
                        // A target out of reach even alone is out of reach with its allies: q's strength b is M_q
                        // plus non-negative terms, so the total a + b is at least t = a + M_q (rounding is monotone)
                        // and P = a / (a + b) at most a / t. Where thr * t - a > 0, rounded once (its sign is the
                        // exact value's), a / t < thr and P <= thr: q cannot be chosen, and its allies need not be
                        // summed. (With gamma = 1 the contest's powers are the strengths themselves.)
                        var ag0 = TOps.Select(TOps.GreaterThan(a, TOps.Zero), a, TOps.Zero);
                        var beyond = TOps.FusedMultiplyAdd(threshold, TOps.Add(ag0, b), TOps.Subtract(TOps.Zero, ag0));
                        eligible &= ~TOps.ToBits(TOps.GreaterThan(beyond, TOps.Zero));
                        if (eligible == 0) continue;
                    }
                    // Each q's expected strength defending against i: M_q plus, slot by slot (q's usable allies k in
                    // ascending order), rho_qk * M_k * pi_ki where k is not i and not allied to i, + 0 elsewhere.
                    int groupSlots = Math.Max(s.GroupSlots[q >> 2], s.GroupSlots[(q >> 2) + width / 4 - 1]);
                    for (int x = 0; x < groupSlots; x++)
                    {
                        nuint slot = (nuint)(x * np + q);
                        b = TOps.Add(b, TOps.Multiply(TOps.Load(ref slotWeight, slot), TOps.Gather(ref help, ref slotIndex, slot)));
                    }
                    // WinChance: (a > 0 ? a^gamma : 0) / total, or one half when total is 0.
                    var ag = TOps.Select(TOps.GreaterThan(a, TOps.Zero), contest.Power(a), TOps.Zero);
                    var bg = TOps.Select(TOps.GreaterThan(b, TOps.Zero), contest.Power(b), TOps.Zero);
                    var total = TOps.Add(ag, bg);
                    var chance = TOps.Select(TOps.GreaterThan(total, TOps.Zero), TOps.Divide(ag, total), half);
                    var valid = TOps.AndNot(TOps.FromBits(eligible), TOps.LessThanOrEqual(chance, threshold));
                    var value = TOps.Multiply(chance, TOps.Load(ref wealth, (nuint)q));
                    var take = TOps.And(valid, TOps.GreaterThan(value, bestValue));
                    bestValue = TOps.Select(take, value, bestValue);
                    bestIndex = TOps.Select(take, TOps.Add(indices, TOps.Broadcast(q)), bestIndex);
                }
                w.Target[i] = First<TV, TOps>(bestValue, bestIndex);
            }
        }
    }

    /// <summary>The smallest index among the lanes holding the largest value, or -1 when no lane holds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int First<TV, TOps>(TV bestValue, TV bestIndex) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        double max = TOps.MaxElement(bestValue);
        if (max < 0) return -1;
        uint holders = TOps.ToBits(TOps.Equal(bestValue, TOps.Broadcast(max)));
        var candidates = TOps.Select(TOps.FromBits(holders), bestIndex, TOps.Broadcast(double.MaxValue));
        return (int)-TOps.MaxElement(TOps.Subtract(TOps.Zero, candidates));
    }

    /// <summary>The contest function's power of a side's strength, x^gamma, for a vector of sides.</summary>
    private interface IContest<TV> where TV : struct
    {
        TV Power(TV x);

        /// <summary>Whether the powers are the strengths themselves (gamma = 1).</summary>
        bool IsStrength { get; }
    }

    /// <summary>gamma = 1: the strength itself.</summary>
    private readonly struct Linear<TV> : IContest<TV> where TV : struct
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Power(TV x) => x;

        public bool IsStrength => true;
    }

    /// <summary>Any other gamma: <see cref="Numerics.ExactMath.Pow"/> lane by lane.</summary>
    private readonly struct Powered<TV, TOps>(TV gamma) : IContest<TV> where TV : struct where TOps : struct, ILaneOps<TV>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Power(TV x) => TOps.Pow(x, gamma);

        public bool IsStrength => false;
    }
}
