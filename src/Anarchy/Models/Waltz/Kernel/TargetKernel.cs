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
/// target q. A state's expected strength against every q is its capability plus, for each of its usable allies k in
/// ascending index order (alive, at peace), rho_ik * M_k times pi_kq where k may count against q (k is not q and
/// not allied to q; attacking, also hostile to q: c_kq &lt; hostileCompatibility) and +0 elsewhere: the reference's
/// additions, in its order, over a state's few allies rather than all N states. The choice then takes, among
/// eligible targets whose chance beats the threshold, the first with the largest P * W_q, as the reference's strict
/// scan in ascending q does. Lanes whose gamma is not 1 run the reference's own scalar choice (the contest needs a
/// power).
/// </summary>
internal static class TargetKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            HostileBytes<TV, TOps>(batch, v);
            for (int t = 0; t < TOps.Count; t++)
            {
                var w = batch.Worlds[v + t];
                if (w.Parameters.Gamma != 1)
                {
                    Disputes.ChooseTargets(w);
                    continue;
                }
                Prepare<TV, TOps>(batch, v + t, t);
                Strengths<TV, TOps>(batch, v + t);
                Choose<TV, TOps>(batch, v + t);
            }
        }
    }

    /// <summary>One byte per (k, q) for lanes v..v+W: bit t set where c_kq &lt; hostileCompatibility in lane v + t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HostileBytes<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, stride = batch.Scratch.Padded16;
        ref double c = ref MemoryMarshal.GetArrayDataReference(batch.Storage.Compatibility.Data);
        var bytes = batch.Scratch.HostileBytes;
        var hostile = TOps.Load(ref batch.Parameters.HostileCompatibility[0], (nuint)v);
        for (int k = 0; k < n; k++)
        {
            for (int q = 0; q < n; q++)
                bytes[k * stride + q] = (byte)TOps.ToBits(TOps.LessThan(TOps.Load(ref c, At(k * n + q, lanes, v)), hostile));
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
    /// The lane's states at peace (alive, not at war), capabilities and wealth, and for every state k at peace that
    /// has a pact the factors pi_kq with which it can help against each q: <c>help</c> where it may count (k is not
    /// q and not allied to q), <c>hostileHelp</c> where it may also join an attack (c_kq &lt; hostileCompatibility).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Prepare<TV, TOps>(WaltzBatch batch, int lane, int t) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        var w = batch.Worlds[lane];
        var s = batch.Scratch;
        int n = w.N, np = s.Padded16, words = w.PactWords, width = TOps.Count;
        uint groupMask = (1u << width) - 1;
        var pacts = w.PactBits;
        var peace = s.PeaceBits;
        Array.Clear(peace);
        var cap = s.LaneCapability;
        var wealth = s.LaneWealth;
        for (int i = 0; i < n; i++)
        {
            cap[i] = w.Capability[i];
            wealth[i] = w.Wealth[i];
            if (w.Alive[i] && w.WarOf[i] < 0) peace[i >> 6] |= 1UL << i;
        }

        ref double pi = ref MemoryMarshal.GetArrayDataReference(s.LaneProximity);
        nuint piLane = (nuint)lane * (nuint)(n * np);
        ref double help = ref MemoryMarshal.GetArrayDataReference(s.Help);
        ref double hostileHelp = ref MemoryMarshal.GetArrayDataReference(s.HostileHelp);
        for (int k = 0; k < n; k++)
        {
            if ((peace[k >> 6] & (1UL << k)) == 0 || w.PactCount[k] == 0) continue;
            nuint row = (nuint)(k * np);
            ulong hostile = 0;
            for (int q = 0; q < n; q += width)
            {
                int word = q >> 6, shift = q & 63;
                if ((q & 7) == 0) hostile = LaneBitsOf(s.HostileBytes, k * np + q, t);
                uint notAllied = ~(uint)(pacts[k * words + word] >> shift) & groupMask;
                if (k >= q && k - q < width) notAllied &= ~(1u << (k - q)); // k does not help against itself
                uint hostileTo = notAllied & (uint)(hostile >> (q & 7));
                var factor = TOps.Load(ref pi, piLane + row + (nuint)q);
                TOps.Store(TOps.Select(TOps.FromBits(notAllied), factor, TOps.Zero), ref help, row + (nuint)q);
                TOps.Store(TOps.Select(TOps.FromBits(hostileTo), factor, TOps.Zero), ref hostileHelp, row + (nuint)q);
            }
        }
    }

    /// <summary>attack[i, q] and defence[i, q] for every state i at peace: M_i plus, ally by ally in ascending order,
    /// weight rho_ik * M_k times the ally's help factor against q. Two vectors of q at a time stay in registers while
    /// the allies are visited.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strengths<TV, TOps>(WaltzBatch batch, int lane) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        var w = batch.Worlds[lane];
        var s = batch.Scratch;
        int n = w.N, np = s.Padded16, words = w.PactWords, width = TOps.Count;
        var peace = s.PeaceBits;
        var cap = s.LaneCapability;
        var allyRow = s.AllyRows;
        var allyWeight = s.AllyWeights;
        ref double help = ref MemoryMarshal.GetArrayDataReference(s.Help);
        ref double hostileHelp = ref MemoryMarshal.GetArrayDataReference(s.HostileHelp);
        ref double attack = ref MemoryMarshal.GetArrayDataReference(s.LaneAttack);
        ref double defence = ref MemoryMarshal.GetArrayDataReference(s.LaneDefence);
        for (int wi = 0; wi < words; wi++)
        {
            for (ulong set = peace[wi]; set != 0; set &= set - 1)
            {
                int i = (wi << 6) + BitOperations.TrailingZeroCount(set);
                int count = 0;
                foreach (int k in w.Allies(i))
                {
                    if ((peace[k >> 6] & (1UL << k)) == 0) continue; // dead or at war: no help
                    allyRow[count] = (nuint)(k * np);
                    allyWeight[count++] = w.Compatibility[i * n + k] * w.Reputation[k] * cap[k];
                }
                nuint row = (nuint)(i * np);
                var mi = TOps.Broadcast(cap[i]);
                for (int q = 0; q < n; q += 2 * width)
                {
                    TV a0 = mi, a1 = mi, d0 = mi, d1 = mi;
                    for (int x = 0; x < count; x++)
                    {
                        var weight = TOps.Broadcast(allyWeight[x]);
                        nuint at = allyRow[x] + (nuint)q;
                        a0 = TOps.Add(a0, TOps.Multiply(weight, TOps.Load(ref hostileHelp, at)));
                        a1 = TOps.Add(a1, TOps.Multiply(weight, TOps.Load(ref hostileHelp, at + (nuint)width)));
                        d0 = TOps.Add(d0, TOps.Multiply(weight, TOps.Load(ref help, at)));
                        d1 = TOps.Add(d1, TOps.Multiply(weight, TOps.Load(ref help, at + (nuint)width)));
                    }
                    nuint to = row + (nuint)q;
                    TOps.Store(a0, ref attack, to);
                    TOps.Store(a1, ref attack, to + (nuint)width);
                    TOps.Store(d0, ref defence, to);
                    TOps.Store(d1, ref defence, to + (nuint)width);
                }
            }
        }
    }

    /// <summary>For each state at peace, the target maximising P * W_q among eligible ones with P above the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Choose<TV, TOps>(WaltzBatch batch, int lane) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        var w = batch.Worlds[lane];
        var s = batch.Scratch;
        int n = w.N, np = s.Padded16, words = w.PactWords, width = TOps.Count;
        uint groupMask = (1u << width) - 1;
        var pacts = w.PactBits;
        var peace = s.PeaceBits;
        var reachable = s.ReachBits;
        int reachLane = lane * n * words;
        ref double wealth = ref MemoryMarshal.GetArrayDataReference(s.LaneWealth);
        ref double attack = ref MemoryMarshal.GetArrayDataReference(s.LaneAttack);
        ref double defence = ref MemoryMarshal.GetArrayDataReference(s.LaneDefence);
        var p = w.Parameters;
        var threshold = TOps.Broadcast(p.WinThreshold);
        var half = TOps.Broadcast(0.5);
        var minusOne = TOps.Broadcast(-1);
        var indices = TOps.Indices;
        for (int i = 0; i < n; i++)
        {
            if ((peace[i >> 6] & (1UL << i)) == 0)
            {
                w.Target[i] = -1;
                continue;
            }
            nuint row = (nuint)(i * np);
            var bestValue = minusOne;
            var bestIndex = minusOne;
            for (int q = 0; q < n; q += width)
            {
                int word = q >> 6, shift = q & 63;
                // At peace, not allied, within reach (pi_iq > reach: static), not i itself.
                uint eligible = (uint)((peace[word] & ~pacts[i * words + word] & reachable[reachLane + i * words + word]) >> shift) & groupMask;
                if (eligible == 0) continue;
                // WinChance with gamma = 1: (a > 0 ? a : 0) / total, or one half when total is 0.
                var a = TOps.Load(ref attack, row + (nuint)q);
                var b = TOps.LoadStrided(ref defence, (nuint)(q * np + i), (nuint)np);
                var ag = TOps.Select(TOps.GreaterThan(a, TOps.Zero), a, TOps.Zero);
                var bg = TOps.Select(TOps.GreaterThan(b, TOps.Zero), b, TOps.Zero);
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
}
