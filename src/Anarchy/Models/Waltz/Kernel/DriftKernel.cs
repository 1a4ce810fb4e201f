using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anarchy.Engine.Simd;
using Anarchy.Randomness;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// The draws of the tick made for all lanes at once (<see cref="LaneRandom"/>): interest drift (step 9, the
/// reference's <see cref="Drift.Interests"/>) and the two draws of every state in step 6
/// (<see cref="Disputes.DrawActs"/>). Each value has the bits the lane's own stream gives.
/// </summary>
internal static class DriftKernel
{
    /// <summary>Step 6's act and challenge draws of every (state, lane).</summary>
    public static void DrawActs(WaltzBatch batch)
    {
        int n = batch.N, lanes = batch.Lanes;
        uint tick = (uint)batch.Worlds[0].Tick;
        var st = batch.Storage;
        for (int i = 0; i < n; i++)
        {
            LaneRandom.Uniforms(batch.Seeds, tick, (uint)DrawPurpose.DisputeAct, (uint)i, 0, st.ActDraw.Data.AsSpan(i * lanes, lanes));
            LaneRandom.Uniforms(batch.Seeds, tick, (uint)DrawPurpose.ChallengeAct, (uint)i, 0, st.ChallengeDraw.Data.AsSpan(i * lanes, lanes));
        }
    }

    /// <summary>Interests of living states take interestDrift * normal in each dimension, clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Interests<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, k = batch.K, lanes = batch.Lanes;
        uint tick = (uint)batch.Worlds[0].Tick;
        var normals = batch.Scratch.Draws.AsSpan(0, lanes);
        ref double normal = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.Draws);
        ref double u = ref MemoryMarshal.GetArrayDataReference(batch.Storage.Interests.Data);
        ref double alive = ref MemoryMarshal.GetArrayDataReference(batch.Scratch.AliveMask);
        ref double drift = ref MemoryMarshal.GetArrayDataReference(batch.Parameters.InterestDrift);
        var one = TOps.Broadcast(1);
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < k; d++)
            {
                LaneRandom.Normals(batch.Seeds, tick, (uint)DrawPurpose.InterestDrift, (uint)i, (uint)d, normals);
                for (int v = 0; v < lanes; v += TOps.Count)
                {
                    nuint at = (nuint)((i * k + d) * lanes + v);
                    var before = TOps.Load(ref u, at);
                    var after = TOps.Add(before, TOps.Multiply(TOps.Load(ref drift, (nuint)v), TOps.Load(ref normal, (nuint)v)));
                    // Math.Clamp(after, 0, 1): below 0 gives 0, above 1 gives 1, otherwise the value itself.
                    after = TOps.Select(TOps.LessThan(after, TOps.Zero), TOps.Zero, TOps.Select(TOps.GreaterThan(after, one), one, after));
                    TOps.Store(TOps.Select(TOps.Load(ref alive, (nuint)(i * lanes + v)), after, before), ref u, at);
                }
            }
        }
    }
}
