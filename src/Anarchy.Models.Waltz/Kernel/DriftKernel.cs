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
        LaneRandom.Uniforms(batch.Seeds, tick, (uint)DrawPurpose.DisputeAct, n, 1, st.ActDraw.Span);
        LaneRandom.Uniforms(batch.Seeds, tick, (uint)DrawPurpose.ChallengeAct, n, 1, st.ChallengeDraw.Span);
    }

    /// <summary>
    /// For each lane, the bit set of states that may act this tick: those whose act draw is below r_i and that have a
    /// target, and those alive, at peace, with a principal threat and a challenge draw below challenge * r_i. It holds
    /// every state that <see cref="Disputes.ConsiderActing"/> would list (which checks the rest: the principal
    /// threat at peace and not an ally), so the lanes consider only these, in ascending order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SelectActors<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, lanes = batch.Lanes, words = (n + 63) / 64;
        var st = batch.Storage;
        var actors = batch.Scratch.ActorBits;
        Array.Clear(actors);
        ref double r = ref st.Revisionism.Start;
        ref double actDraw = ref st.ActDraw.Start;
        ref double challengeDraw = ref st.ChallengeDraw.Start;
        ref int target = ref st.Target.Start;
        ref int principal = ref st.PrincipalThreat.Start;
        ref double alive = ref batch.Scratch.AliveMask.Start;
        ref double atWar = ref batch.Scratch.AtWarMask.Start;
        for (int v = 0; v < lanes; v += TOps.Count)
        {
            var challenge = TOps.Load(ref batch.Parameters.Challenge[0], (nuint)v);
            var challenging = TOps.GreaterThan(challenge, TOps.Zero);
            for (int i = 0; i < n; i++)
            {
                nuint at = (nuint)(i * lanes + v);
                var ri = TOps.Load(ref r, at);
                var acts = TOps.AndNot(TOps.LessThan(TOps.Load(ref actDraw, at), ri), TOps.LessThan(TOps.IntToDouble(ref target, at), TOps.Zero));
                var peace = TOps.AndNot(TOps.And(challenging, TOps.Load(ref alive, at)), TOps.Load(ref atWar, at));
                var rival = TOps.AndNot(peace, TOps.LessThan(TOps.IntToDouble(ref principal, at), TOps.Zero));
                var challenges = TOps.And(rival, TOps.LessThan(TOps.Load(ref challengeDraw, at), TOps.Multiply(challenge, ri)));
                for (uint bits = TOps.ToBits(TOps.Or(acts, challenges)); bits != 0; bits &= bits - 1)
                {
                    int lane = v + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    actors[lane * words + (i >> 6)] |= 1UL << i;
                }
            }
        }
    }

    /// <summary>Interests of living states take interestDrift * normal in each dimension, clamped to [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Interests<TV, TOps>(WaltzBatch batch) where TV : struct where TOps : struct, ILaneOps<TV>
    {
        int n = batch.N, k = batch.K, lanes = batch.Lanes;
        uint tick = (uint)batch.Worlds[0].Tick;
        LaneRandom.Normals(batch.Seeds, tick, (uint)DrawPurpose.InterestDrift, n, k, batch.Scratch.DriftDraws.Span);
        ref double normal = ref batch.Scratch.DriftDraws.Start;
        ref double u = ref batch.Storage.Interests.Start;
        ref double alive = ref batch.Scratch.AliveMask.Start;
        ref double drift = ref MemoryMarshal.GetArrayDataReference(batch.Parameters.InterestDrift);
        var one = TOps.Broadcast(1);
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < k; d++)
            {
                for (int v = 0; v < lanes; v += TOps.Count)
                {
                    nuint at = (nuint)((i * k + d) * lanes + v);
                    var before = TOps.Load(ref u, at);
                    var after = TOps.Add(before, TOps.Multiply(TOps.Load(ref drift, (nuint)v), TOps.Load(ref normal, at)));
                    // Math.Clamp(after, 0, 1): below 0 gives 0, above 1 gives 1, otherwise the value itself.
                    after = TOps.Select(TOps.LessThan(after, TOps.Zero), TOps.Zero, TOps.Select(TOps.GreaterThan(after, one), one, after));
                    TOps.Store(TOps.Select(TOps.Load(ref alive, (nuint)(i * lanes + v)), after, before), ref u, at);
                }
            }
        }
    }
}
