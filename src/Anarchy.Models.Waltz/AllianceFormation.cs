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
        // Candidates are listed seeker by seeker: segment x holds those found from seeker x's row (ends[x] is one past
        // its last candidate; a pair of two seekers is found from the lower).
        Span<int> ends = n <= 1024 ? stackalloc int[n] : new int[n];
        int segments = 0;
        for (int i = 0; i < n; i++)
        {
            if (!w.Seeking[i] || !MayAlly(w, i)) continue;
            int before = candidates.Count;
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
            if (candidates.Count > before) ends[segments++] = candidates.Count;
        }

        // Candidates are taken in order, each seeker forming at most one new pact a tick, passing over those no longer
        // possible. Whether a candidate is possible only ever changes from yes to no, and only through a pact formed
        // with one of its members; so the first possible candidate overall is the first of the segments' first
        // possible ones, and after a pact forms only the segments whose first involved its members are scanned again.
        // Every candidate has a seeker, so once each seeker listed has formed a pact the rest would all be passed over.
        var order = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        int waiting = 0;
        foreach (bool seeker in listed) if (seeker) waiting++;
        Span<int> first = n <= 1024 ? stackalloc int[n] : new int[n];
        Span<bool> gained = n <= 1024 ? stackalloc bool[n] : new bool[n];
        gained.Clear();
        for (int x = 0; x < segments; x++) first[x] = FirstPossible(w, order, x == 0 ? 0 : ends[x - 1], ends[x], gained);
        int strongest = -2; // found when the first pact forms (forming pacts changes no capability)
        while (waiting > 0)
        {
            int take = -1;
            for (int x = 0; x < segments; x++)
            {
                if (first[x] >= 0 && (take < 0 || default(CandidateOrder).Compare(order[first[x]], order[take]) < 0)) take = first[x];
            }
            if (take < 0) break;
            int a = order[take].Low, b = order[take].High;
            w.FormPact(a, b);
            gained[a] = gained[b] = true;
            if (w.Seeking[a]) waiting--;
            if (w.Seeking[b]) waiting--;
            ledger.Tick.PactsFormed++;
            if (strongest == -2) strongest = Strongest(w);
            if (a == strongest || b == strongest) ledger.Tick.PactsWithStrongest++;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.PactFormed, a, b));
            for (int x = 0; x < segments; x++)
            {
                if (first[x] < 0) continue;
                var c = order[first[x]];
                if (c.Low == a || c.Low == b || c.High == a || c.High == b)
                    first[x] = FirstPossible(w, order, x == 0 ? 0 : ends[x - 1], ends[x], gained);
            }
        }
    }

    /// <summary>The index of the first candidate in order among order[from..to) that is still possible (the pair not
    /// allied, both below maxPacts, and neither a seeker that has formed a pact this tick), or -1.</summary>
    private static int FirstPossible(World w, ReadOnlySpan<Candidate> order, int from, int to, ReadOnlySpan<bool> gained)
    {
        int maxPacts = w.Parameters.MaxPacts, best = -1;
        for (int x = from; x < to; x++)
        {
            var c = order[x];
            if (best >= 0 && default(CandidateOrder).Compare(c, order[best]) >= 0) continue;
            int a = c.Low, b = c.High;
            if (w.Allied(a, b) || w.PactCount[a] >= maxPacts || w.PactCount[b] >= maxPacts) continue;
            if ((w.Seeking[a] && gained[a]) || (w.Seeking[b] && gained[b])) continue;
            best = x;
        }
        return best;
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
