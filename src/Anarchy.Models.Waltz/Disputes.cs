namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 6: states pick their most attractive target, act with probability equal to their revisionism, and the acts
/// are resolved one at a time in random-key order: restrained, deterred, settled or war (docs/MODEL.md, "Disputes").
/// </summary>
internal static class Disputes
{
    internal readonly record struct Act(ulong Key, int Initiator, int Target, bool Challenge);

    /// <summary>By random key, the initiator index breaking (improbable) ties.</summary>
    private readonly struct ActOrder : IComparer<Act>
    {
        public int Compare(Act a, Act b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Initiator.CompareTo(b.Initiator);
    }

    public static void Step(World w, RunLedger ledger)
    {
        ChooseTargets(w);
        ResolveActs(w, ledger);
    }

    /// <summary>First, every living state not at war picks its target from the state of the world now.</summary>
    public static void ChooseTargets(World w)
    {
        for (int i = 0; i < w.N; i++)
            w.Target[i] = w.Alive[i] && !w.AtWar(i) ? ChooseTarget(w, i) : -1;
    }

    /// <summary>
    /// Then those with a target act with probability r_i; a state that does not act challenges its principal threat
    /// with probability challenge * r_i; and the acts are resolved in random-key order.
    /// </summary>
    public static void ResolveActs(World w, RunLedger ledger)
    {
        DrawActs(w);
        ResolveDrawnActs(w, ledger);
    }

    /// <summary>Every state's two draws of the tick, used or not (a draw is a pure function of its counter).</summary>
    public static void DrawActs(World w)
    {
        uint tick = (uint)w.Tick;
        for (int i = 0; i < w.N; i++)
        {
            w.ActDraw[i] = w.Random.Uniform(tick, (uint)DrawPurpose.DisputeAct, (uint)i);
            w.ChallengeDraw[i] = w.Random.Uniform(tick, (uint)DrawPurpose.ChallengeAct, (uint)i);
        }
    }

    /// <summary><see cref="ResolveActs"/> with the tick's draws made (<see cref="DrawActs"/>).</summary>
    public static void ResolveDrawnActs(World w, RunLedger ledger)
    {
        w.Scratch.Acts.Clear();
        for (int i = 0; i < w.N; i++) ConsiderActing(w, i);
        ResolveListedActs(w, ledger);
    }

    /// <summary>
    /// Lists state i's act of the tick, if it has one: on its target when its act draw is below r_i; otherwise,
    /// alive and at peace, a challenge to its principal threat when that is at peace, not its ally, and the
    /// challenge draw is below challenge * r_i. States must be considered in ascending index order.
    /// </summary>
    internal static void ConsiderActing(World w, int i)
    {
        var p = w.Parameters;
        uint tick = (uint)w.Tick;
        int target = w.Target[i];
        if (target >= 0 && w.ActDraw[i] < w.Revisionism[i])
        {
            w.Scratch.Acts.Add(new Act(w.Random.Bits(tick, (uint)DrawPurpose.DisputeOrder, (uint)i), i, target, Challenge: false));
            return;
        }
        if (p.Challenge <= 0 || !w.Alive[i] || w.AtWar(i)) return;
        // The principal threat was found in step 2; a pact formed with it since (step 4) ends the rivalry.
        int threat = w.PrincipalThreat[i];
        if (threat < 0 || w.AtWar(threat) || w.Allied(i, threat)) return;
        if (w.ChallengeDraw[i] < p.Challenge * w.Revisionism[i])
            w.Scratch.Acts.Add(new Act(w.Random.Bits(tick, (uint)DrawPurpose.DisputeOrder, (uint)i), i, threat, Challenge: true));
    }

    /// <summary>Resolves the listed acts one at a time in random-key order.</summary>
    internal static void ResolveListedActs(World w, RunLedger ledger)
    {
        var acts = w.Scratch.Acts;
        // A random order from sorted random keys; the initiator index breaks (improbable) ties.
        Engine.SpanSort.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(acts), default(ActOrder));
        foreach (var act in acts)
        {
            int i = act.Initiator, j = act.Target;
            if (!w.Alive[i] || !w.Alive[j] || w.AtWar(i) || w.AtWar(j)) continue;
            Resolve(w, ledger, i, j, act.Challenge);
        }
    }

    /// <summary>
    /// The target maximising P * W_j among reachable, living, non-allied states not at war with P above the win
    /// threshold, where P uses expected strengths; -1 when there is none. Ties go to the lower index.
    /// </summary>
    public static int ChooseTarget(World w, int i)
    {
        var p = w.Parameters;
        int n = w.N, best = -1;
        double bestValue = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == i || !w.Alive[j] || w.AtWar(j) || w.Allied(i, j) || w.Proximity[i * n + j] <= p.Reach) continue;
            double a = ExpectedStrength(w, i, j, initiating: true);
            double b = ExpectedStrength(w, j, i, initiating: false);
            double chance = Perception.WinChance(a, b, p.Gamma);
            if (chance <= p.WinThreshold) continue;
            double value = chance * w.Wealth[j];
            if (best < 0 || value > bestValue)
            {
                best = j;
                bestValue = value;
            }
        }
        return best;
    }

    /// <summary>
    /// Expected strength of principal i's side facing q: M_i plus rho * M_k * pi_kq for each ally k that is alive,
    /// not at war and not allied to q. An initiator counts only allies hostile to the target (c_kq below
    /// hostileCompatibility).
    /// </summary>
    public static double ExpectedStrength(World w, int i, int q, bool initiating)
    {
        var p = w.Parameters;
        int n = w.N;
        double strength = w.Capability[i];
        foreach (int k in w.Allies(i))
        {
            if (k == q || !w.Alive[k] || w.AtWar(k) || w.Allied(k, q)) continue;
            if (initiating && w.Compatibility[k * n + q] >= p.HostileCompatibility) continue;
            strength += w.Rho(i, k) * w.Capability[k] * w.Proximity[k * n + q];
        }
        return strength;
    }

    private static void Resolve(World w, RunLedger ledger, int i, int j, bool challenge)
    {
        var p = w.Parameters;
        int n = w.N, leader = w.Leader, id = ledger.NextDisputeId++;
        uint tick = (uint)w.Tick;
        bool rec = ledger.Recording;
        ledger.Tick.Disputes++;
        if (challenge) ledger.Tick.Challenges++;
        bool leaderInvolved = leader == i || leader == j;
        if (rec && leader == i) ledger.Leader.Initiated++;
        if (rec && leader == j) ledger.Leader.Targeted++;

        // Restraint: allies of the initiator that favour the target object, in index order; one draw each.
        bool restrained = false;
        foreach (int a in w.Allies(i))
        {
            if (restrained) break;
            if (!w.Alive[a] || a == j || w.Compatibility[a * n + j] <= p.RestrainC) continue;
            double chance = Math.Min(1, w.Rho(i, a) * w.Capability[a] / (w.Capability[i] + p.Epsilon));
            restrained = w.Random.Uniform(tick, (uint)DrawPurpose.Restraint, (uint)i, (uint)a) < chance;
            if (a == leader)
            {
                leaderInvolved = true;
                if (rec && restrained) ledger.Leader.RestrainedAlly++;
            }
            ledger.Record(new ModelEvent(w.Tick, EventKinds.Objection, a, i, restrained ? "restrained" : "ignored", id, Value: chance));
        }
        if (restrained)
        {
            ledger.Tick.Restrained++;
            if (rec && leader == i) ledger.Leader.WasRestrained++;
            Finish(w, ledger, id, i, j, "restrained", leaderInvolved, leader == i || leader == j, challenge);
            return;
        }

        long callsBefore = ledger.Tick.Calls;
        var refused = w.Scratch.Refused;
        var stood = AllyCalls.Call(w, ledger, i, j, id, refused, out bool leaderCalled);
        bool leaderStood = leader == j || stood.Contains(leader);
        leaderInvolved |= leaderCalled;

        // Deterred: the target's side as it actually stood (allies unweighted) against the initiator's side as the
        // initiator still expects it (its own allies have not been tested), and the chance is no longer good enough.
        double strengthA = ExpectedStrength(w, i, j, initiating: true);
        double strengthB = w.Capability[j];
        foreach (int a in stood) strengthB += w.Capability[a] * w.Proximity[a * n + i];
        if (Perception.WinChance(strengthA, strengthB, p.Gamma) <= p.WinThreshold)
        {
            ledger.Tick.Deterred++;
            if (rec && leaderStood) ledger.Leader.Deterred++;
            if (rec && leader == i) ledger.Leader.WasDeterred++;
            Finish(w, ledger, id, i, j, "deterred", leaderInvolved, leaderStood || leader == i, challenge);
            return;
        }

        if (w.Random.Uniform(tick, (uint)DrawPurpose.Escalation, (uint)i) >= p.Escalation)
        {
            ledger.Tick.Settled++;
            Finish(w, ledger, id, i, j, "settled", leaderInvolved, leaderStood || leader == i, challenge);
            return;
        }

        AllyCalls.BreakRefused(w, ledger, refused, id);
        var war = new War(w.Wars.Count, i, j, w.Tick, id) { Recorded = rec };
        w.StartWar(war);
        war.SideB.AddRange(stood);
        // The initiator's allies join only opportunistically, on their own interest in fighting the target.
        foreach (int a in w.Allies(i))
        {
            if (!w.Alive[a] || w.AtWar(a) || stood.Contains(a) || AlliedToAny(w, a, war.SideB)) continue;
            double interest = w.Compatibility[a * n + i] * w.Threat[a * n + j] / (w.ThreatLevel[a] + p.Epsilon) - p.WarCost;
            if (interest <= p.Opportunism) continue;
            war.SideA.Add(a);
            ledger.Tick.OpportunisticJoins++;
            if (a == leader)
            {
                leaderInvolved = true;
                if (rec) ledger.Leader.OpportunisticJoins++;
            }
            ledger.Record(new ModelEvent(w.Tick, EventKinds.Join, a, i, "opportunistic", id, war.Id, Value: interest));
        }
        if (p.Diffusion > 0) leaderInvolved |= Diffuse(w, ledger, war, refused, id);
        foreach (int k in war.SideA) w.WarOf[k] = war.Id;
        foreach (int k in war.SideB) w.WarOf[k] = war.Id;
        ledger.Tick.Wars++;
        ledger.Tick.WarCalls += ledger.Tick.Calls - callsBefore;
        ledger.Tick.WarHonoured += stood.Count;
        ledger.Tick.WarStates += war.SideA.Count + war.SideB.Count;
        if (war.SideA.Count + war.SideB.Count == 2) ledger.Tick.DyadicWars++;
        bool leaderFought = war.SideA.Contains(leader) || war.SideB.Contains(leader);
        if (rec && leaderFought) ledger.Leader.Wars++;
        if (ledger.KeepsEvents)
        {
            ledger.Record(new ModelEvent(w.Tick, EventKinds.WarStart, i, j, "", id, war.Id,
                SideA: string.Join(';', war.SideA), SideB: string.Join(';', war.SideB)));
        }
        Finish(w, ledger, id, i, j, "war", leaderInvolved, leaderFought, challenge);
    }

    /// <summary>
    /// War diffusion: every other living state, in index order, that is at peace, was not called in this dispute,
    /// can reach the principal it would fight, and is allied to nobody on that side, weighs joining either side by
    /// the interest an opportunistic ally weighs; when the better of the two exceeds <c>opportunism</c> it joins that
    /// side with chance <c>diffusion</c> (ties go to the target's side). Returns whether the leader joined.
    /// </summary>
    private static bool Diffuse(World w, RunLedger ledger, War war, List<Refusal> refused, int id)
    {
        var p = w.Parameters;
        int n = w.N, i = war.Initiator, j = war.Target;
        uint tick = (uint)w.Tick;
        bool leaderJoined = false;
        for (int a = 0; a < n; a++)
        {
            if (!w.Alive[a] || w.AtWar(a) || war.SideA.Contains(a) || war.SideB.Contains(a) || Refused(refused, a)) continue;
            double theta = w.ThreatLevel[a] + p.Epsilon;
            bool canA = w.Proximity[a * n + j] > p.Reach && !AlliedToAny(w, a, war.SideB);
            bool canB = w.Proximity[a * n + i] > p.Reach && !AlliedToAny(w, a, war.SideA);
            double interestA = canA ? w.Compatibility[a * n + i] * w.Threat[a * n + j] / theta - p.WarCost : double.NegativeInfinity;
            double interestB = canB ? w.Compatibility[a * n + j] * w.Threat[a * n + i] / theta - p.WarCost : double.NegativeInfinity;
            bool sideB = interestB >= interestA;
            double interest = sideB ? interestB : interestA;
            if (interest <= p.Opportunism) continue;
            if (w.Random.Uniform(tick, (uint)DrawPurpose.Diffusion, (uint)a, (uint)i) >= p.Diffusion) continue;
            (sideB ? war.SideB : war.SideA).Add(a);
            ledger.Tick.DiffusionJoins++;
            leaderJoined |= a == w.Leader;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.Join, a, sideB ? j : i, "diffusion", id, war.Id, Value: interest));
        }
        return leaderJoined;
    }

    private static bool Refused(List<Refusal> refused, int a)
    {
        foreach (var r in refused)
        {
            if (r.Ally == a) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="a"/> is the target side's member or ally: it would fight its own ally.</summary>
    private static bool AlliedToAny(World w, int a, List<int> side)
    {
        foreach (int k in side)
        {
            if (k == a || w.Allied(a, k)) return true;
        }
        return false;
    }

    private static void Finish(World w, RunLedger ledger, int id, int i, int j, string ending, bool leaderInvolved, bool leaderParticipated, bool challenge)
    {
        if (ledger.Recording && leaderInvolved) ledger.Leader.Disputes++;
        if (ledger.Recording && leaderParticipated) ledger.Leader.Participated++;
        ledger.Record(new ModelEvent(w.Tick, EventKinds.Dispute, i, j, ending, id, Value: challenge ? 1 : double.NaN));
        ledger.RecordDispute(i, j);
    }
}
