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
        ref double allied = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.AlliedMask);
        ref double alive = ref MemoryMarshal.GetArrayDataReference(scratch.AliveMask);
        ref double atWar = ref MemoryMarshal.GetArrayDataReference(scratch.AtWarMask);
        ref double attack = ref MemoryMarshal.GetArrayDataReference(scratch.Attack);
        ref double defence = ref MemoryMarshal.GetArrayDataReference(scratch.Defence);
        var hostile = TOps.Load(ref batch.Parameters.HostileCompatibility[0], (nuint)v);

        ref double usableAt = ref MemoryMarshal.GetArrayDataReference(scratch.AllyUsable);
        ref double weightAt = ref MemoryMarshal.GetArrayDataReference(scratch.AllyWeight);
        var allies = scratch.AllyList;
        int w = TOps.Count;
        for (int i = 0; i < n; i++)
        {
            // The allies any lane of this block has, in ascending index, with their usability mask and weight.
            int count = 0;
            for (int k = 0; k < n; k++)
            {
                nuint ik = At(i * n + k, lanes, v);
                var usable = TOps.AndNot(TOps.And(TOps.Load(ref allied, ik), TOps.Load(ref alive, At(k, lanes, v))), TOps.Load(ref atWar, At(k, lanes, v)));
                if (!TOps.Any(usable)) continue;
                var weight = TOps.Multiply(TOps.Multiply(TOps.Load(ref c, ik), TOps.Load(ref rep, At(k, lanes, v))), TOps.Load(ref m, At(k, lanes, v)));
                TOps.Store(usable, ref usableAt, (nuint)(count * w));
                TOps.Store(weight, ref weightAt, (nuint)(count * w));
                allies[count++] = k;
            }

            var mi = TOps.Load(ref m, At(i, lanes, v));
            for (int q = 0; q < n; q++)
            {
                TV attackSum = mi, defenceSum = mi;
                for (int a = 0; a < count; a++)
                {
                    int k = allies[a];
                    if (k == q) continue;
                    nuint kq = At(k * n + q, lanes, v);
                    var counts = TOps.AndNot(TOps.Load(ref usableAt, (nuint)(a * w)), TOps.Load(ref allied, kq));
                    var help = TOps.Multiply(TOps.Load(ref weightAt, (nuint)(a * w)), TOps.Load(ref pi, kq));
                    defenceSum = TOps.Add(defenceSum, TOps.Select(counts, help, TOps.Zero));
                    var hostileHelp = TOps.And(counts, TOps.LessThan(TOps.Load(ref c, kq), hostile));
                    attackSum = TOps.Add(attackSum, TOps.Select(hostileHelp, help, TOps.Zero));
                }
                TOps.Store(attackSum, ref attack, At(i * n + q, lanes, v));
                TOps.Store(defenceSum, ref defence, At(i * n + q, lanes, v));
            }
        }
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
        ref double allied = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.AlliedMask);
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
