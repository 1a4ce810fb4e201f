using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 3 (balancing) for all lanes: the reference's <see cref="Balancing.Step"/>, one vector of lanes per state.
/// The doctrines' choices become masks: Internal never seeks, External seeks while below maxPacts, Strategic seeks
/// while below maxPacts when its best external value (<see cref="Balancing.BestExternalValue"/>: the largest
/// v_ij / (upkeep (1 + z_j) + eps) over eligible candidates, a maximum, so the order of the scan does not matter)
/// beats the internal value. Each value has the reference's operations in its order, so its bits. A block with an
/// Adaptive state in some lane (random draws and imitation) runs the reference's code lane by lane.
/// </summary>
internal static class BalancingKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        for (int v = 0; v < batch.Lanes; v += TOps.Count)
        {
            bool adaptive = false;
            for (int l = v; l < v + TOps.Count; l++) adaptive |= batch.Scratch.AdaptiveLane[l];
            if (adaptive)
            {
                for (int l = v; l < v + TOps.Count; l++) Balancing.Step(batch.Worlds[l]);
                continue;
            }
            Block<TV, TOps>(batch, v);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, wide = TOps.Count;
        var st = batch.Storage;
        var s = batch.Scratch;
        var p = batch.Parameters;
        ref double alive = ref s.AliveMask.Start;
        ref double atWar = ref s.AtWarMask.Start;
        ref double strategic = ref s.StrategicMask.Start;
        ref double external = ref s.ExternalMask.Start;
        ref double notInternal = ref s.NotInternalMask.Start;
        ref double security = ref st.Security.Start;
        ref double burden = ref st.Burden.Start;
        ref double wealth = ref st.Wealth.Start;
        ref double capability = ref st.Capability.Start;
        ref double threatLevel = ref st.ThreatLevel.Start;
        ref double values = ref st.PactValues.Start;
        ref int pactCount = ref st.PactCount.Start;
        var allied = st.PactLanes;
        int laneBytes = WorldStorage.LaneBytes(lanes), laneByte = v / 8, laneShift = v % 8;

        nuint at0 = (nuint)v;
        var one = TOps.Broadcast(1);
        var eps = TOps.Load(ref p.Epsilon[0], at0);
        var maxPacts = TOps.Load(ref p.MaxPacts[0], at0);
        var maxBurden = TOps.Load(ref p.MaxBurden[0], at0);
        var minBurden = TOps.Load(ref p.MinBurden[0], at0);
        var step = TOps.Load(ref p.BurdenStep[0], at0);
        var secureRatio = TOps.Load(ref p.SecureRatio[0], at0);
        var upkeepRate = TOps.Load(ref p.PactUpkeep[0], at0);
        // Capability per unit of wealth flow: a permanent burden step buys a stock of 1 / (cost * depreciation).
        var internalValue = TOps.Divide(one, TOps.Multiply(TOps.Load(ref p.InternalCost[0], at0), TOps.Load(ref p.Depreciation[0], at0)));

        ref double mayAlly = ref s.BalancingMayAlly.Start;
        ref double risk = ref s.BalancingRisk.Start;
        bool candidatesReady = false;
        ref double enemies = ref s.BalancingEnemies.Start;
        for (int i = 0; i < n; i++)
        {
            nuint at = (nuint)(i * lanes + v);
            var aliveI = TOps.Load(ref alive, at);
            var sec = TOps.Load(ref security, at);
            var insecure = TOps.And(aliveI, TOps.LessThan(sec, one));
            var secure = TOps.AndNot(TOps.And(aliveI, TOps.GreaterThan(sec, secureRatio)), insecure);
            var below = TOps.LessThan(TOps.IntToDouble(ref pactCount, at), maxPacts);
            var seeks = TOps.And(TOps.And(insecure, below), TOps.Load(ref external, at));
            var weighs = TOps.And(TOps.And(insecure, below), TOps.Load(ref strategic, at));
            if (TOps.Any(weighs))
            {
                // The Strategic doctrine's best external value: candidates j != i that may ally, not allied to i and
                // not its enemies in a war, with v_ij > 0.
                if (!candidatesReady)
                {
                    // Per candidate j, once a tick for the block's first state that weighs a pact: whether it may take a
                    // pact (alive, not Internal, below maxPacts) and its risk z_j.
                    for (int j = 0; j < n; j++)
                    {
                        nuint atJ = (nuint)(j * lanes + v);
                        var belowJ = TOps.LessThan(TOps.IntToDouble(ref pactCount, atJ), maxPacts);
                        TOps.Store(TOps.And(TOps.And(TOps.Load(ref alive, atJ), TOps.Load(ref notInternal, atJ)), belowJ), ref mayAlly, (nuint)(j * wide));
                        var level = TOps.Load(ref threatLevel, atJ);
                        TOps.Store(TOps.Divide(level, TOps.Add(TOps.Add(TOps.Load(ref capability, atJ), level), eps)), ref risk, (nuint)(j * wide));
                    }
                    candidatesReady = true;
                }
                var upkeep = TOps.Multiply(upkeepRate, TOps.Load(ref wealth, at));
                bool war = TOps.Any(TOps.And(weighs, TOps.Load(ref atWar, at)));
                if (war) Enemies<TV, TOps>(batch, v, i, weighs);
                var best = TOps.Zero;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    var pact = TOps.FromBits((uint)(allied[(i * n + j) * laneBytes + laneByte] >> laneShift));
                    var eligible = TOps.AndNot(TOps.Load(ref mayAlly, (nuint)(j * wide)), pact);
                    if (war) eligible = TOps.AndNot(eligible, TOps.Load(ref enemies, (nuint)(j * wide)));
                    var vij = TOps.Load(ref values, (nuint)((i * n + j) * lanes + v));
                    var denominator = TOps.Add(TOps.Multiply(upkeep, TOps.Add(one, TOps.Load(ref risk, (nuint)(j * wide)))), eps);
                    var value = TOps.Divide(vij, denominator);
                    var counts = TOps.And(eligible, TOps.GreaterThan(vij, TOps.Zero));
                    best = TOps.Select(TOps.And(counts, TOps.GreaterThan(value, best)), value, best);
                }
                seeks = TOps.Or(seeks, TOps.And(weighs, TOps.GreaterThan(best, internalValue)));
            }

            var b = TOps.Load(ref burden, at);
            var raised = TOps.Add(b, step);
            raised = TOps.Select(TOps.LessThan(maxBurden, raised), maxBurden, raised); // Math.Min(maxBurden, b + step)
            var lowered = TOps.Max(minBurden, TOps.Subtract(b, step));
            b = TOps.Select(TOps.AndNot(insecure, seeks), raised, TOps.Select(secure, lowered, b));
            TOps.Store(b, ref burden, at);

            uint seeking = TOps.ToBits(seeks);
            for (int t = 0; t < wide; t++)
            {
                var w = batch.Worlds[v + t];
                bool bit = ((seeking >> t) & 1) != 0;
                w.Seeking[i] = bit;
                w.ChoseExternal[i] = bit;
            }
        }
    }

    /// <summary>Per candidate j, all ones in the lanes of <paramref name="weighs"/> where i and j fight on opposite
    /// sides of a war (<see cref="World.Enemies"/>), zero elsewhere.</summary>
    private static void Enemies<TV, TOps>(WaltzBatch batch, int v, int i, TV weighs) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, wide = TOps.Count;
        var enemies = batch.Scratch.BalancingEnemies;
        uint lanesWeighing = TOps.ToBits(weighs);
        for (int t = 0; t < wide; t++)
        {
            var w = batch.Worlds[v + t];
            bool atWar = ((lanesWeighing >> t) & 1) != 0 && w.AtWar(i);
            for (int j = 0; j < n; j++)
                enemies[j * wide + t] = atWar && w.Enemies(i, j) ? BitConverter.Int64BitsToDouble(-1) : 0;
        }
    }
}
