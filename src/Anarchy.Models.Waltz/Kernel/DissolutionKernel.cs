using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// Step 5 (dissolution) for all lanes: each pair (i, j &gt; i) allied in some lane, in the reference's order (i, then
/// j ascending), with the salience CT_ij c_ij of every lane in one vector product. A pact that is salient in a lane
/// without an autonomy cost is not weak: its weak count returns to zero and, with a non-negative grace period, it
/// cannot lapse, which is all the reference does with it. Every other pact is taken by the reference's own
/// <see cref="AllianceDissolution.Consider"/> (weak counts, lapses and their events).
/// </summary>
internal static class DissolutionKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, wide = TOps.Count;
        var st = batch.Storage;
        var allied = st.PactLanes;
        int laneBytes = WorldStorage.LaneBytes(lanes);
        ref double ct = ref st.CommonThreat.Start;
        ref double c = ref st.Compatibility.Start;
        Span<double> lapse = stackalloc double[wide];
        Span<ulong> above = stackalloc ulong[(n + 63) / 64];
        for (int v = 0; v < lanes; v += wide)
        {
            int laneByte = v / 8, laneShift = v % 8;
            uint laneMask = (1u << wide) - 1, plain = 0;
            for (int t = 0; t < wide; t++)
            {
                var p = batch.Worlds[v + t].Parameters;
                lapse[t] = p.LapseSalience;
                if (p.AutonomyCost == 0 && p.Inertia >= 0 && p.Institutionalisation >= 0) plain |= 1u << t;
            }
            var lapseSalience = TOps.Load(ref MemoryMarshal.GetReference(lapse), 0);
            for (int i = 0; i < n; i++)
            {
                PactRows.AlliedAbove(allied, laneBytes, laneByte, laneShift, laneMask, n, i, above);
                for (int word = 0; word < above.Length; word++)
                    for (ulong pairs = above[word]; pairs != 0; pairs &= pairs - 1)
                    {
                        int j = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(pairs), at = i * n + j;
                        uint pairLanes = (uint)(allied[at * laneBytes + laneByte] >> laneShift) & laneMask;
                        nuint element = (nuint)(at * lanes + v);
                        var salience = TOps.Multiply(TOps.Load(ref ct, element), TOps.Load(ref c, element));
                        uint salient = ~TOps.ToBits(TOps.LessThan(salience, lapseSalience)) & plain;
                        for (uint set = pairLanes; set != 0; set &= set - 1)
                        {
                            int t = System.Numerics.BitOperations.TrailingZeroCount(set);
                            var w = batch.Worlds[v + t];
                            if ((salient >> t & 1) != 0)
                            {
                                w.PactWeak[at] = 0;
                                w.PactWeak[j * n + i] = 0;
                            }
                            else
                            {
                                AllianceDissolution.Consider(w, batch.Ledgers[v + t], i, j);
                            }
                        }
                    }
            }
        }
    }
}
