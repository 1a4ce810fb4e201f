namespace Anarchy.Models.Waltz;

/// <summary>
/// The order of one tick of the Waltz model (docs/MODEL.md, "Process overview and scheduling"). Each step is a
/// submodel in its own file; this class only sequences them.
/// </summary>
public static class WaltzRules
{
    /// <summary>Advances the world by one tick (steps 1 to 9; recording is the engine's).</summary>
    public static void Tick(World w, RunLedger ledger)
    {
        Economy.Step(w, ledger);
        Perception.Step(w);
        Balancing.Step(w);
        AllianceFormation.Step(w, ledger);
        AllianceDissolution.Step(w, ledger);
        Disputes.ChooseTargets(w);
        Disputes.ResolveActs(w, ledger);
        WarResolution.Step(w, ledger);
        Drift.Step(w, ledger);
    }
}
