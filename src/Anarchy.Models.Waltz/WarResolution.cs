namespace Anarchy.Models.Waltz;

/// <summary>
/// Step 8: wars wear both sides down, end by chance, collapse or a principal's death, and losers pay reparations;
/// then defeated states whose wealth fell below deathShare of their initial wealth are conquered (docs/MODEL.md,
/// "War resolution").
/// </summary>
internal static class WarResolution
{
    public static void Step(World w, RunLedger ledger)
    {
        var p = w.Parameters;
        int n = w.N;
        uint tick = (uint)w.Tick;
        var foughtIn = w.Scratch.FoughtIn;
        Array.Fill(foughtIn, -1);

        w.ActiveWars.RemoveAll(static war => !war.Ongoing);
        foreach (var war in w.ActiveWars)
        {
            if (!war.Ongoing) continue;
            double a = SideStrength(w, war.SideA, war.Target);
            double b = SideStrength(w, war.SideB, war.Initiator);
            double lossA = p.LossRate * b / (a + b + p.Epsilon);
            double lossB = p.LossRate * a / (a + b + p.Epsilon);
            war.Severity += Attrit(w, war.SideA, lossA, foughtIn, war.Id) + Attrit(w, war.SideB, lossB, foughtIn, war.Id);

            a = SideStrength(w, war.SideA, war.Target);
            b = SideStrength(w, war.SideB, war.Initiator);
            int winner = -1;
            if (a < p.CollapseShare * (a + b)) winner = 1;
            else if (b < p.CollapseShare * (a + b)) winner = 0;
            else if (w.Random.Uniform(tick, (uint)DrawPurpose.WarEnd, (uint)war.Initiator, (uint)war.StartTick) < p.WarEndChance)
            {
                double chanceA = Perception.WinChance(a, b, p.Gamma);
                winner = w.Random.Uniform(tick, (uint)DrawPurpose.WarWinner, (uint)war.Initiator, (uint)war.StartTick) < chanceA ? 0 : 1;
            }
            if (winner >= 0) End(w, ledger, war, winner);
        }

        Deaths(w, ledger, foughtIn);
    }

    /// <summary>Realised strength of a side facing the opposing principal q: its principal's M in full, allies' M * pi_kq.</summary>
    public static double SideStrength(World w, List<int> side, int q)
    {
        double strength = 0;
        for (int s = 0; s < side.Count; s++)
        {
            int k = side[s];
            if (!w.Alive[k]) continue;
            strength += s == 0 ? w.Capability[k] : w.Capability[k] * w.Proximity[k * w.N + q];
        }
        return strength;
    }

    private static double Attrit(World w, List<int> side, double loss, int[] foughtIn, int warId)
    {
        double destroyed = 0;
        foreach (int k in side)
        {
            if (!w.Alive[k]) continue;
            double d = w.Capability[k] * loss;
            w.Capability[k] -= d;
            w.Wealth[k] *= 1 - loss / 2;
            destroyed += d;
            foughtIn[k] = warId;
        }
        return destroyed;
    }

    /// <summary>Ends a war: losers pay reparations to the winners in proportion to the winners' capability.</summary>
    private static void End(World w, RunLedger ledger, War war, int winner)
    {
        var p = w.Parameters;
        var winners = winner == 0 ? war.SideA : war.SideB;
        var losers = winner == 0 ? war.SideB : war.SideA;
        double pool = 0, winnerCapability = 0;
        int livingWinners = 0;
        foreach (int k in losers)
        {
            if (!w.Alive[k]) continue;
            double paid = p.Reparations * w.Wealth[k];
            w.Wealth[k] -= paid;
            pool += paid;
        }
        foreach (int k in winners)
        {
            if (!w.Alive[k]) continue;
            winnerCapability += w.Capability[k];
            livingWinners++;
        }
        foreach (int k in winners)
        {
            if (!w.Alive[k]) continue;
            w.Wealth[k] += winnerCapability > 0 ? pool * w.Capability[k] / winnerCapability : pool / livingWinners;
        }
        foreach (int k in war.SideA) w.WarOf[k] = -1;
        foreach (int k in war.SideB) w.WarOf[k] = -1;
        war.Ongoing = false;
        war.Winner = winner;
        war.EndTick = w.Tick;
        ledger.Tick.WarsEnded++;
        if (ledger.KeepsEvents) ledger.Record(war.Outcome(w.Tick, EventKinds.WarEnd, winner == 0 ? "initiator_won" : "target_won"));
    }

    /// <summary>
    /// States below deathShare of their initial wealth that were defeated this tick die, in index order: those fighting
    /// a war still going on fall to the opposing principal, losers of a war that ended this tick to the winning
    /// principal. A state that was not defeated survives however poor it is (a state dies by conquest, not by
    /// economic decline), and with conquestNorm a defeated state keeps its sovereignty with that chance (the
    /// territorial-integrity norm). Its pacts vanish and its wealth goes to the victor. A principal's death ends its
    /// war, which may cause further deaths, so passes repeat until none occurs.
    /// </summary>
    private static void Deaths(World w, RunLedger ledger, int[] foughtIn)
    {
        var p = w.Parameters;
        int n = w.N;
        uint tick = (uint)w.Tick;
        var spared = w.Scratch.Spared;
        Array.Clear(spared);
        bool again = true;
        while (again)
        {
            again = false;
            for (int i = 0; i < n; i++)
            {
                if (!w.Alive[i] || spared[i] || foughtIn[i] < 0 || w.Wealth[i] >= p.DeathShare * w.InitialWealth[i]) continue;
                var war = w.Wars[foughtIn[i]];
                int side = war.SideOf(i);
                if (!war.Ongoing && side == war.Winner) continue; // a member of the winning side is not conquered
                int victor = war.Ongoing
                    ? (side == 0 ? war.Target : war.Initiator)
                    : (war.Winner == 0 ? war.Initiator : war.Target);
                if (victor == i || !w.Alive[victor]) continue; // no conqueror, no conquest
                if (p.ConquestNorm > 0 && w.Random.Uniform(tick, (uint)DrawPurpose.Conquest, (uint)i) < p.ConquestNorm)
                {
                    spared[i] = true;
                    ledger.Tick.Spared++;
                    ledger.Record(new ModelEvent(w.Tick, EventKinds.Spared, i, victor, "spared", War: war.Id, Value: w.Wealth[i]));
                    continue;
                }
                if (war.Ongoing && (i == war.Initiator || i == war.Target))
                {
                    w.Alive[i] = false; // so that it neither pays nor receives
                    End(w, ledger, war, side == 0 ? 1 : 0);
                    again = true;
                }
                Die(w, ledger, i, victor);
            }
        }
    }

    private static void Die(World w, RunLedger ledger, int i, int victor)
    {
        w.Alive[i] = false;
        foreach (int a in w.Allies(i)) w.BreakPact(i, a);
        w.Wealth[victor] += w.Wealth[i];
        ledger.Tick.Conquests++;
        ledger.Tick.Deaths++;
        ledger.Record(new ModelEvent(w.Tick, EventKinds.Death, i, victor, "conquered", Value: w.Wealth[i]));
        w.Wealth[i] = 0;
        w.Capability[i] = 0;
        w.WarOf[i] = -1;
    }
}

/// <summary>Step 9: scheduled shocks, interest drift and pact ageing (docs/MODEL.md, "Shocks and drift").</summary>
internal static class Drift
{
    public static void Step(World w, RunLedger ledger)
    {
        Shocks(w, ledger);
        Interests(w);
        AgePacts(w);
    }

    /// <summary>The scenario's shocks scheduled for this tick.</summary>
    public static void Shocks(World w, RunLedger ledger)
    {
        foreach (var shock in w.Scenario.Shocks)
        {
            if (shock.Tick != w.Tick || !w.Alive[shock.State]) continue;
            w.Capability[shock.State] *= shock.CapabilityFactor;
            w.Wealth[shock.State] *= shock.WealthFactor;
            ledger.Record(new ModelEvent(w.Tick, EventKinds.Shock, shock.State, -1, Value: shock.CapabilityFactor, Value2: shock.WealthFactor));
        }
    }

    /// <summary>Each living state's interests take a normal step in every dimension, clamped to [0, 1].</summary>
    public static void Interests(World w)
    {
        var p = w.Parameters;
        int n = w.N;
        uint tick = (uint)w.Tick;
        for (int i = 0; i < n; i++)
        {
            if (!w.Alive[i]) continue;
            for (int d = 0; d < w.K; d++)
            {
                double step = p.InterestDrift * w.Random.Normal(tick, (uint)DrawPurpose.InterestDrift, (uint)i, (uint)d);
                w.Interests[i * w.K + d] = Math.Clamp(w.Interests[i * w.K + d] + step, 0, 1);
            }
        }
    }

    /// <summary>Every pact ages by a tick (a clock the pacts' ages are read from, not a pass over the pacts).</summary>
    public static void AgePacts(World w) => w.AgePacts();
}
