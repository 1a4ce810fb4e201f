using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 1 (economy) for all lanes: the reference's <see cref="Economy"/> arithmetic, one vector of lanes per state.
/// The growth shocks are drawn first per lane by the reference's generator (a draw is a pure function of its
/// counter), then every lane performs the same operations in the same order as the scalar code.
/// </summary>
internal static class EconomyKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes;
        var s = batch.Scratch;
        var draws = s.Draws;
        uint tick = (uint)batch.Worlds[0].Tick;
        Randomness.LaneRandom.Normals(batch.Seeds, tick, (uint)DrawPurpose.Growth, n, 1, draws.Span);
        var st = batch.Storage;
        var p = batch.Parameters;
        {
            // sigma * normal in living lanes, 0 elsewhere (a dead state draws nothing in the reference).
            ref double normal = ref draws.Start;
            ref double living = ref s.AliveMask.Start;
            for (int v = 0; v < lanes; v += TOps.Count)
            {
                var sigma = TOps.Load(ref p.GrowthSigma[0], (nuint)v);
                for (int i = 0; i < n; i++)
                {
                    nuint at = (nuint)(i * lanes + v);
                    TOps.Store(TOps.Select(TOps.Load(ref living, at), TOps.Multiply(sigma, TOps.Load(ref normal, at)), TOps.Zero), ref normal, at);
                }
            }
        }

        ref double wealth = ref st.Wealth.Start;
        ref double capability = ref st.Capability.Start;
        ref double burden = ref st.Burden.Start;
        ref double growthRate = ref st.GrowthRate.Start;
        ref int pacts = ref st.PactCount.Start;
        ref double alive = ref s.AliveMask.Start;
        ref double shock = ref draws.Start;
        Span<double> internalSpend = stackalloc double[TOps.Count];
        Span<double> externalSpend = stackalloc double[TOps.Count];
        var one = TOps.Broadcast(1);

        for (int v = 0; v < lanes; v += TOps.Count)
        {
            var growth = TOps.Load(ref p.Growth[0], (nuint)v);
            var crowdingOut = TOps.Load(ref p.CrowdingOut[0], (nuint)v);
            var upkeep = TOps.Load(ref p.PactUpkeep[0], (nuint)v);
            var keep = TOps.Subtract(one, TOps.Load(ref p.Depreciation[0], (nuint)v));
            var cost = TOps.Load(ref p.InternalCost[0], (nuint)v);
            bool recording = false;
            for (int l = 0; l < TOps.Count; l++)
            {
                var ledger = batch.Ledgers[v + l];
                internalSpend[l] = ledger.InternalSpending;
                externalSpend[l] = ledger.ExternalSpending;
                recording |= ledger.Recording;
            }
            var spentInternal = TOps.Load(ref internalSpend[0], 0);
            var spentExternal = TOps.Load(ref externalSpend[0], 0);
            var recordingMask = RecordingMask<TV, TOps>(batch, v);

            for (int i = 0; i < n; i++)
            {
                nuint at = (nuint)(i * lanes + v);
                var living = TOps.Load(ref alive, at);
                if (!TOps.Any(living)) continue;
                var before = TOps.Load(ref wealth, at);
                var s_ = TOps.Load(ref burden, at);
                var held = TOps.IntToDouble(ref pacts, at);
                // rate = growth + shock - crowdingOut * s - pactUpkeep * pacts, left to right as in Economy.Step.
                var rate = TOps.Subtract(TOps.Subtract(TOps.Add(growth, TOps.Load(ref shock, at)), TOps.Multiply(crowdingOut, s_)), TOps.Multiply(upkeep, held));
                var after = TOps.Max(TOps.Zero, TOps.Multiply(before, TOps.Add(one, rate)));
                var armament = TOps.Multiply(s_, after);
                var m = TOps.Add(TOps.Multiply(keep, TOps.Load(ref capability, at)), TOps.Divide(armament, cost));
                TOps.Store(TOps.Select(living, after, before), ref wealth, at);
                TOps.Store(TOps.Select(living, rate, TOps.Load(ref growthRate, at)), ref growthRate, at);
                TOps.Store(TOps.Select(living, m, TOps.Load(ref capability, at)), ref capability, at);
                if (recording)
                {
                    var counted = TOps.And(living, recordingMask);
                    spentInternal = TOps.Select(counted, TOps.Add(spentInternal, armament), spentInternal);
                    spentExternal = TOps.Select(counted, TOps.Add(spentExternal, TOps.Multiply(TOps.Multiply(upkeep, held), before)), spentExternal);
                }
            }

            TOps.Store(spentInternal, ref internalSpend[0], 0);
            TOps.Store(spentExternal, ref externalSpend[0], 0);
            for (int l = 0; l < TOps.Count; l++)
            {
                var ledger = batch.Ledgers[v + l];
                ledger.InternalSpending = internalSpend[l];
                ledger.ExternalSpending = externalSpend[l];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TV RecordingMask<TV, TOps>(WaltzBatch batch, int v) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        Span<double> flags = stackalloc double[TOps.Count];
        for (int l = 0; l < TOps.Count; l++) flags[l] = batch.Ledgers[v + l].Recording ? BitConverter.Int64BitsToDouble(-1) : 0;
        return TOps.Load(ref flags[0], 0);
    }
}
