namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 4: seekers and willing partners form pacts, taken greedily by mutual value (docs/MODEL.md,
/// "Alliance formation").
/// </summary>
internal static class AllianceFormation
{
    /// <summary>Whether i and j could form a new pact now (value aside): both may take a pact, and they are two
    /// states neither allied nor at war with each other.</summary>
    public static bool Eligible(World w, int i, int j) => MayAlly(w, i) && EligiblePartner(w, i, j);

    /// <summary>Whether state i may take a new pact now: alive, not of the Internal doctrine, below maxPacts.</summary>
    public static bool MayAlly(World w, int i) =>
        w.Alive[i] && w.Doctrine[i] != Doctrine.Internal && w.PactCount[i] < w.Parameters.MaxPacts;

    /// <summary><see cref="Eligible"/> for a state i that <see cref="MayAlly"/> (checked once for all its candidates).</summary>
    public static bool EligiblePartner(World w, int i, int j) =>
        i != j && MayAlly(w, j) && !w.Allied(i, j) && !w.Enemies(i, j);

    internal readonly record struct Candidate(double Score, int Low, int High);

    /// <summary>Strict total order: score descending, then lower index, then higher index (each pair appears once).</summary>
    private readonly struct CandidateOrder : IComparer<Candidate>
    {
        public int Compare(Candidate a, Candidate b)
        {
            int c = b.Score.CompareTo(a.Score);
            if (c != 0) return c;
            c = a.Low.CompareTo(b.Low);
            return c != 0 ? c : a.High.CompareTo(b.High);
        }
    }

    public static void Step(World w, RunLedger ledger)
    {
        var p = w.Parameters;
        int n = w.N;
        var candidates = w.Scratch.Candidates;
        candidates.Clear();
        Span<bool> listed = n <= 1024 ? stackalloc bool[n] : new bool[n]; // seekers that appear in a candidate
        listed.Clear();
        for (int i = 0; i < n; i++)
        {
            if (!w.Seeking[i] || !MayAlly(w, i)) continue;
            for (int j = 0; j < n; j++)
            {
                if (!EligiblePartner(w, i, j)) continue;
                if (w.Seeking[j] && j < i) continue; // both seek: the pair is listed once, from the lower index
                double vij = w.PactValues[i * n + j];
                if (vij <= 0 || vij < p.AutonomyCost * w.Wealth[i]) continue;
                double vji = w.PartnerValues[i * n + j];
                // Every pact costs its members autonomy: a fellow seeker accepts an ally worth that much to it; a
                // state that is not seeking also wants the pact to pay its upkeep.
                bool accepts = w.Seeking[j]
                    ? vji > 0 && vji >= p.AutonomyCost * w.Wealth[j]
                    : vji >= (p.PactUpkeep + p.AutonomyCost) * w.Wealth[j];
                if (!accepts) continue;
                double score = Math.Min(vij / (w.Wealth[i] + p.Epsilon), vji / (w.Wealth[j] + p.Epsilon));
                candidates.Add(new Candidate(score, Math.Min(i, j), Math.Max(i, j)));
                listed[i] = true;
                if (w.Seeking[j]) listed[j] = true;
            }
        }

        // Candidates are taken in order, each seeker forming at most one new pact a tick. Every candidate has a
        // seeker, so once each seeker listed has formed one the rest would all be passed over: the order is drawn
        // from a heap only as far as it is needed.
        var order = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        int remaining = order.Length, waiting = 0;
        foreach (bool seeker in listed) if (seeker) waiting++;
        if (waiting == 1)
        {
            // One seeker (the usual case): every candidate is one of its pacts, all still eligible, so the first in
            // the order forms and the seeker is done; the rest need no order.
            remaining = 1;
            for (int x = 1; x < order.Length; x++)
            {
                if (default(CandidateOrder).Compare(order[x], order[0]) < 0) order[0] = order[x];
            }
        }
        else
        {
            Engine.SpanSort.MakeHeap(order, default(CandidateOrder));
        }
        Span<bool> gained = n <= 1024 ? stackalloc bool[n] : new bool[n];
        gained.Clear();
        int strongest = -2; // found when the first pact forms (forming pacts changes no capability)
        while (remaining > 0 && waiting > 0)
        {
            var c = Engine.SpanSort.PopFirst(order, ref remaining, default(CandidateOrder));
            int a = c.Low, b = c.High;
            if (w.Allied(a, b) || w.PactCount[a] >= p.MaxPacts || w.PactCount[b] >= p.MaxPacts) continue;
            if ((w.Seeking[a] && gained[a]) || (w.Seeking[b] && gained[b])) continue; // one new pact per seeker and tick
            w.FormPact(a, b);
            gained[a] = gained[b] = true;
            if (w.Seeking[a]) waiting--;
            if (w.Seeking[b]) waiting--;
            ledger.Tick.PactsFormed++;
            if (strongest == -2) strongest = Strongest(w);
            if (a == strongest || b == strongest) ledger.Tick.PactsWithStrongest++;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.PactFormed, a, b));
        }
    }

    /// <summary>The living state with the largest capability (ties to the lower index), or -1.</summary>
    internal static int Strongest(World w)
    {
        int best = -1;
        for (int i = 0; i < w.N; i++)
        {
            if (w.Alive[i] && (best < 0 || w.Capability[i] > w.Capability[best])) best = i;
        }
        return best;
    }
}

/// <summary>
/// Step 5: pacts whose salience (common threat times compatibility) stays low lapse after a grace period that
/// grows with their age when alliances are institutionalised (docs/MODEL.md, "Alliance dissolution").
/// </summary>
internal static class AllianceDissolution
{
    public static void Step(World w, RunLedger ledger)
    {
        for (int i = 0; i < w.N; i++)
        {
            foreach (int j in w.AlliesAbove(i)) Consider(w, ledger, i, j);
        }
    }

    /// <summary>The pact between i and j &gt; i: weak this tick or not, and lapsed when it has been weak too long.</summary>
    public static void Consider(World w, RunLedger ledger, int i, int j)
    {
        var p = w.Parameters;
        int n = w.N, at = i * n + j;
        double salience = w.CommonThreat[at] * w.Compatibility[at];
        // Weak when its salience is low, or when it no longer pays either member the autonomy it costs.
        // (Pact values are never negative: with no autonomy cost the second test cannot hold.)
        bool low = salience < p.LapseSalience
            || (p.AutonomyCost > 0 && (Perception.PactValue(w, i, j) < p.AutonomyCost * w.Wealth[i] || Perception.PactValueToPartner(w, i, j) < p.AutonomyCost * w.Wealth[j]));
        int weak = low ? w.PactWeak[at] + 1 : 0;
        w.PactWeak[at] = w.PactWeak[j * n + i] = weak;
        int age = w.PactAge(i, j);
        if (weak > p.Inertia + p.Institutionalisation * age)
        {
            w.BreakPact(i, j);
            ledger.Tick.PactsLapsed++;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.PactLapsed, i, j, Value: salience, Duration: age));
        }
    }
}
