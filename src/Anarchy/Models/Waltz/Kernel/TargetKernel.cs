using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;
using static Anarchy.Models.Waltz.Kernel.PerceptionKernel;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 6's target choice for all lanes, with gamma = 1 in every lane: the reference's
/// <see cref="Disputes.ChooseTarget"/> and <see cref="Disputes.ExpectedStrength"/> as vector code. The expected
/// strengths of every ordered pair are accumulated ally by ally in ascending index order, as the reference sums
/// them; an ally that no lane has is skipped, which is what makes the kernel cheap (the reference loops over every
/// state for every pair). The choice then scans targets in ascending index with the reference's strict comparison.
/// </summary>
internal static class TargetKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            Strengths<TV, TOps>(batch, v);
            Choose<TV, TOps>(batch, v);
        }
    }

    /// <summary>
    /// Attack[i, q] = ExpectedStrength(i, q, initiating: true) and Defence[i, q] = ExpectedStrength(i, q, false):
    /// M_i plus rho_ik * M_k * pi_kq over allies k of i that are alive, not at war, not q and not allied to q (and,
    /// attacking, hostile to q: c_kq &lt; hostileCompatibility).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strengths<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes;
        var st = batch.Storage;
        var scratch = batch.Scratch;
        ref double c = ref MemoryMarshal.GetArrayDataReference(st.Compatibility.Data);
        ref double rep = ref MemoryMarshal.GetArrayDataReference(st.Reputation.Data);
        ref double m = ref MemoryMarshal.GetArrayDataReference(st.Capability.Data);
        ref double pi = ref MemoryMarshal.GetArrayDataReference(st.Proximity.Data);
        ref double allied = ref MemoryMarshal.GetArrayDataReference(st.PactMask.Data);
        ref double alive = ref MemoryMarshal.GetArrayDataReference(scratch.AliveMask);
        ref double atWar = ref MemoryMarshal.GetArrayDataReference(scratch.AtWarMask);
        ref double attack = ref MemoryMarshal.GetArrayDataReference(scratch.Attack);
        ref double defence = ref MemoryMarshal.GetArrayDataReference(scratch.Defence);
        var hostile = TOps.Load(ref batch.Parameters.HostileCompatibility[0], (nuint)v);

        // Pack this block's help factors row by row: pi_kq where ally k may count against q (k != q, k not allied
        // to q), and the same restricted to allies hostile to q. A factor that does not count is +0, and so is
        // its product with a weight, so adding it leaves the sum as the reference leaves it by skipping.
        int w = TOps.Count;
        ref double defendHelp = ref MemoryMarshal.GetArrayDataReference(scratch.DefendHelp);
        ref double attackHelp = ref MemoryMarshal.GetArrayDataReference(scratch.AttackHelp);
        for (int k = 0; k < n; k++)
        {
            for (int q = 0; q < n; q++)
            {
                nuint kq = At(k * n + q, lanes, v);
                var factor = k == q ? TOps.Zero : TOps.Select(TOps.Load(ref allied, kq), TOps.Zero, TOps.Load(ref pi, kq));
                nuint packed = (nuint)((k * n + q) * w);
                TOps.Store(factor, ref defendHelp, packed);
                TOps.Store(TOps.Select(TOps.LessThan(TOps.Load(ref c, kq), hostile), factor, TOps.Zero), ref attackHelp, packed);
            }
        }

        // Each row's allies that any lane of this block can count on, ascending, with weight rho_ik * M_k (+0 in
        // lanes where k is not a usable ally: no pact, dead or at war).
        ref double weightAt = ref MemoryMarshal.GetArrayDataReference(scratch.AllyWeight);
        var allies = scratch.AllyList;
        var allyCount = scratch.AllyCount;
        for (int i = 0; i < n; i++)
        {
            int count = 0;
            for (int k = 0; k < n; k++)
            {
                nuint ik = At(i * n + k, lanes, v);
                var usable = TOps.AndNot(TOps.And(TOps.Load(ref allied, ik), TOps.Load(ref alive, At(k, lanes, v))), TOps.Load(ref atWar, At(k, lanes, v)));
                if (!TOps.Any(usable)) continue;
                var weight = TOps.Multiply(TOps.Multiply(TOps.Load(ref c, ik), TOps.Load(ref rep, At(k, lanes, v))), TOps.Load(ref m, At(k, lanes, v)));
                TOps.Store(TOps.Select(usable, weight, TOps.Zero), ref weightAt, (nuint)((i * n + count) * w));
                allies[i * n + count++] = k;
            }
            allyCount[i] = count;
        }

        // The sums, four targets q at a time so that the help factors of those columns stay in the L1 cache while
        // every row runs over its allies; each sum still runs over k in ascending order.
        for (int q0 = 0; q0 < n; q0 += 4)
        {
            int width = Math.Min(4, n - q0);
            for (int i = 0; i < n; i++)
            {
                var mi = TOps.Load(ref m, At(i, lanes, v));
                TV d0 = mi, d1 = mi, d2 = mi, d3 = mi, a0 = mi, a1 = mi, a2 = mi, a3 = mi;
                int count = allyCount[i];
                for (int a = 0; a < count; a++)
                {
                    var weight = TOps.Load(ref weightAt, (nuint)((i * n + a) * w));
                    nuint kq = (nuint)((allies[i * n + a] * n + q0) * w);
                    d0 = TOps.Add(d0, TOps.Multiply(weight, TOps.Load(ref defendHelp, kq)));
                    a0 = TOps.Add(a0, TOps.Multiply(weight, TOps.Load(ref attackHelp, kq)));
                    if (width > 1)
                    {
                        d1 = TOps.Add(d1, TOps.Multiply(weight, TOps.Load(ref defendHelp, kq + (nuint)w)));
                        a1 = TOps.Add(a1, TOps.Multiply(weight, TOps.Load(ref attackHelp, kq + (nuint)w)));
                    }
                    if (width > 2)
                    {
                        d2 = TOps.Add(d2, TOps.Multiply(weight, TOps.Load(ref defendHelp, kq + (nuint)(2 * w))));
                        a2 = TOps.Add(a2, TOps.Multiply(weight, TOps.Load(ref attackHelp, kq + (nuint)(2 * w))));
                    }
                    if (width > 3)
                    {
                        d3 = TOps.Add(d3, TOps.Multiply(weight, TOps.Load(ref defendHelp, kq + (nuint)(3 * w))));
                        a3 = TOps.Add(a3, TOps.Multiply(weight, TOps.Load(ref attackHelp, kq + (nuint)(3 * w))));
                    }
                }
                Put<TV, TOps>(ref attack, ref defence, n, lanes, v, i, q0 + 0, a0, d0);
                if (width > 1) Put<TV, TOps>(ref attack, ref defence, n, lanes, v, i, q0 + 1, a1, d1);
                if (width > 2) Put<TV, TOps>(ref attack, ref defence, n, lanes, v, i, q0 + 2, a2, d2);
                if (width > 3) Put<TV, TOps>(ref attack, ref defence, n, lanes, v, i, q0 + 3, a3, d3);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put<TV, TOps>(ref double attack, ref double defence, int n, int lanes, int v, int i, int q, TV attackSum, TV defenceSum)
        where TV : struct where TOps : struct, ILaneOps<TV>
    {
        TOps.Store(attackSum, ref attack, At(i * n + q, lanes, v));
        TOps.Store(defenceSum, ref defence, At(i * n + q, lanes, v));
    }

    /// <summary>For each state, the target maximising P * W_j among eligible ones with P above the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Choose<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes;
        var st = batch.Storage;
        var scratch = batch.Scratch;
        ref double wealth = ref MemoryMarshal.GetArrayDataReference(st.Wealth.Data);
        ref double pi = ref MemoryMarshal.GetArrayDataReference(st.Proximity.Data);
        ref double allied = ref MemoryMarshal.GetArrayDataReference(st.PactMask.Data);
        ref double alive = ref MemoryMarshal.GetArrayDataReference(scratch.AliveMask);
        ref double atWar = ref MemoryMarshal.GetArrayDataReference(scratch.AtWarMask);
        ref double attack = ref MemoryMarshal.GetArrayDataReference(scratch.Attack);
        ref double defence = ref MemoryMarshal.GetArrayDataReference(scratch.Defence);
        ref double best = ref MemoryMarshal.GetArrayDataReference(scratch.Best);
        var reach = TOps.Load(ref batch.Parameters.Reach[0], (nuint)v);
        var threshold = TOps.Load(ref batch.Parameters.WinThreshold[0], (nuint)v);
        var none = TOps.Broadcast(-1);
        var half = TOps.Broadcast(0.5);
        int[] target = st.Target.Data;

        for (int i = 0; i < n; i++)
        {
            var chooser = TOps.AndNot(TOps.Load(ref alive, At(i, lanes, v)), TOps.Load(ref atWar, At(i, lanes, v)));
            var bestTarget = none;
            var bestValue = TOps.Zero;
            if (TOps.Any(chooser))
            {
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    nuint ij = At(i * n + j, lanes, v);
                    var eligible = TOps.AndNot(TOps.AndNot(TOps.And(chooser, TOps.Load(ref alive, At(j, lanes, v))), TOps.Load(ref atWar, At(j, lanes, v))), TOps.Load(ref allied, ij));
                    eligible = TOps.And(eligible, TOps.GreaterThan(TOps.Load(ref pi, ij), reach));
                    if (!TOps.Any(eligible)) continue;
                    // WinChance with gamma = 1: (a > 0 ? a : 0) / total, or one half when total is 0.
                    var a = TOps.Load(ref attack, ij);
                    var b = TOps.Load(ref defence, At(j * n + i, lanes, v));
                    var ag = TOps.Select(TOps.GreaterThan(a, TOps.Zero), a, TOps.Zero);
                    var bg = TOps.Select(TOps.GreaterThan(b, TOps.Zero), b, TOps.Zero);
                    var total = TOps.Add(ag, bg);
                    var chance = TOps.Select(TOps.GreaterThan(total, TOps.Zero), TOps.Divide(ag, total), half);
                    var valid = TOps.AndNot(eligible, TOps.LessThanOrEqual(chance, threshold));
                    var value = TOps.Multiply(chance, TOps.Load(ref wealth, At(j, lanes, v)));
                    var take = TOps.And(valid, TOps.Or(TOps.LessThan(bestTarget, TOps.Zero), TOps.GreaterThan(value, bestValue)));
                    bestTarget = TOps.Select(take, TOps.Broadcast(j), bestTarget);
                    bestValue = TOps.Select(take, value, bestValue);
                }
            }
            TOps.Store(bestTarget, ref best, 0);
            for (int l = 0; l < TOps.Count; l++) target[i * lanes + v + l] = (int)scratch.Best[l];
        }
    }
}
