namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 7: the target's allies are called, and, while the hop count is below chainDepth, the allies of those who
/// stood. Each stands or stays out by interest, obligation and noise; a stand is entangled when only the obligation
/// brought it in, aligned when interest alone would have; staying out is abandonment (docs/MODEL.md, "Calls to allies").
/// </summary>
internal static class AllyCalls
{
    /// <summary>Calls allies for the dispute <paramref name="id"/> of initiator i against target j; returns the
    /// allies that stood, in the order they stood (a buffer of the world's, valid until the next dispute). The
    /// allies that stayed out are listed in <paramref name="refused"/>, cleared first, with the partner that called
    /// them: their pacts break only if the dispute becomes a war (<see cref="BreakRefused"/>).</summary>
    public static List<int> Call(World w, RunLedger ledger, int i, int j, int id, List<Refusal> refused, out bool leaderCalled)
    {
        var p = w.Parameters;
        int n = w.N;
        uint tick = (uint)w.Tick;
        bool rec = ledger.Recording;
        leaderCalled = false;
        var stood = w.Scratch.Stood;
        stood.Clear();
        refused.Clear();
        var involved = w.Scratch.Involved;
        Array.Clear(involved);
        involved[i] = involved[j] = true;
        // A first-in first-out queue of (state, hop): each state enters it at most once (when it stands).
        var queue = w.Scratch.Queue;
        int head = 0, tail = 0;
        queue[tail++] = (j, 0);
        while (head < tail)
        {
            var (k, hop) = queue[head++];
            if (hop >= p.ChainDepth) continue;
            double decay = 1;
            for (int h = 0; h < hop; h++) decay *= p.ChainDecay;
            foreach (int a in w.Allies(k))
            {
                // A state allied to the initiator as well is torn between them and is not called.
                if (involved[a] || !w.Alive[a] || w.AtWar(a) || w.Allied(a, i)) continue;
                // The pact applies only against an initiator that threatens the ally enough (casus foederis).
                if (w.Threat[a * n + i] < p.CasusFoederis * w.ThreatLevel[a]) continue;
                involved[a] = true;
                ledger.Tick.Calls++;
                double interest = w.Compatibility[a * n + k] * w.Threat[a * n + i] / (w.ThreatLevel[a] + p.Epsilon) - p.WarCost;
                int age = w.PactAge(a, k);
                double obligation = p.Honour * (1 + p.Institutionalisation * age) * (1 - p.Looseness) * decay;
                double noise = p.CallNoise * w.Random.Normal(tick, (uint)DrawPurpose.CallNoise, (uint)a, (uint)i);
                string answer;
                if (interest + obligation + noise > 0)
                {
                    bool entangled = interest + noise <= 0;
                    answer = entangled ? "entangled" : "aligned";
                    ledger.Tick.Honoured++;
                    if (entangled) ledger.Tick.Entangled++; else ledger.Tick.Aligned++;
                    if (hop >= 1) ledger.Tick.Chain++;
                    stood.Add(a);
                    queue[tail++] = (a, hop + 1);
                    if (rec && a == w.Leader)
                    {
                        if (entangled) ledger.Leader.Entangled++; else ledger.Leader.Aligned++;
                    }
                }
                else
                {
                    answer = "abandoned";
                    ledger.Tick.Abandonments++;
                    refused.Add(new Refusal(a, k, age));
                    if (rec && a == w.Leader) ledger.Leader.Abandoned++;
                }
                leaderCalled |= a == w.Leader;
                ledger.Record(new ModelEvent(w.Tick, EventKinds.Call, a, k, answer, id, Hop: hop,
                    Value: interest + noise, Value2: obligation));
            }
        }
        return stood;
    }

    /// <summary>
    /// The dispute <paramref name="id"/> has become a war: every ally that stayed out has broken its word. Its pact
    /// with the partner that called it breaks and its reputation falls, in the order of the calls. A refusal in a
    /// dispute that ends short of war breaks nothing (the casus foederis, war, never arose).
    /// </summary>
    public static void BreakRefused(World w, RunLedger ledger, List<Refusal> refused, int id)
    {
        foreach (var (a, k, age) in refused)
        {
            w.BreakPact(a, k);
            w.Reputation[a] *= 1 - w.Parameters.ReputationLoss;
            ledger.Tick.PactsBroken++;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.PactBroken, a, k, "abandonment", id, Duration: age));
        }
    }
}

/// <summary>An ally <paramref name="Ally"/> that stayed out when <paramref name="Partner"/> called it, and the pact's age then.</summary>
internal readonly record struct Refusal(int Ally, int Partner, int Age);
