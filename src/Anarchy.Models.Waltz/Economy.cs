namespace Anarchy.Models.Waltz;

/// <summary>Step 1: growth with crowding-out and pact upkeep, then arming and depreciation (docs/MODEL.md, "Economy").</summary>
internal static class Economy
{
    public static void Step(World w, RunLedger ledger)
    {
        var p = w.Parameters;
        for (int i = 0; i < w.N; i++)
        {
            if (!w.Alive[i]) continue;
            double before = w.Wealth[i];
            double shock = p.GrowthSigma * w.Random.Normal((uint)w.Tick, (uint)DrawPurpose.Growth, (uint)i);
            double rate = p.Growth + shock - p.CrowdingOut * w.Burden[i] - p.PactUpkeep * w.PactCount[i];
            double after = Math.Max(0, before * (1 + rate));
            w.Wealth[i] = after;
            w.GrowthRate[i] = rate;
            double armament = w.Burden[i] * after;
            w.Capability[i] = (1 - p.Depreciation) * w.Capability[i] + armament / p.InternalCost;
            if (ledger.Recording)
            {
                ledger.InternalSpending += armament;
                ledger.ExternalSpending += p.PactUpkeep * w.PactCount[i] * before;
            }
        }
    }
}
