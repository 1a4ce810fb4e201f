using Anarchy.Models;

namespace Anarchy.Models.Tribute;

/// <summary>
/// The parameters of the tribute model, with Axelrod's settings as defaults (docs/TRIBUTE.md describes each), and one
/// switch per rule with an alternative: the demand rule (0: Axelrod's A2) and the response rule (0: Axelrod's B4).
/// </summary>
public sealed record TributeParameters
{
    /// <summary>Least initial wealth (uniform draw).</summary>
    public double WealthMin { get; init; } = 300;
    /// <summary>Greatest initial wealth.</summary>
    public double WealthMax { get; init; } = 500;
    /// <summary>Wealth every actor gains at the end of every year.</summary>
    public double Income { get; init; } = 20;
    /// <summary>Actors drawn to act each year (with replacement).</summary>
    public int Activations { get; init; } = 3;
    /// <summary>The tribute demanded: the target pays min(demand, its wealth).</summary>
    public double Demand { get; init; } = 250;
    /// <summary>Share of the other side's strength a fight destroys.</summary>
    public double Destructiveness { get; init; } = 0.25;
    /// <summary>Change in commitment, in percentage points, for a payment or a fight.</summary>
    public int CommitmentStep { get; init; } = 10;
    /// <summary>Most steps along the ring between a demander and its target (at most actors - 1 apply).</summary>
    public int Reach { get; init; } = 9;
    /// <summary>0: Axelrod's A2, the target of most payment times vulnerability; 1: the most vulnerable; 2: the richest vulnerable.</summary>
    public int DemandRule { get; init; }
    /// <summary>0: Axelrod's B4, pay when fighting would cost the target at least the payment; 1: pay when it would cost the whole defending side at least that.</summary>
    public int ResponseRule { get; init; }
    /// <summary>Mutual commitment (percent) at or above which two actors belong to the same cluster (outputs only).</summary>
    public int ClusterThreshold { get; init; } = 50;
}

/// <summary>Every parameter of the tribute model, with unit, range and meaning.</summary>
public static class TributeCatalog
{
    public static TributeParameters Defaults { get; } = new();

    public static IReadOnlyList<ModelParameter<TributeParameters>> All { get; } =
    [
        P("wealthMin", "world", "wealth", 0, 1e6, false, "least initial wealth; each actor's is uniform in [wealthMin, wealthMax] (Axelrod: 300)", p => p.WealthMin, (p, v) => p with { WealthMin = v }),
        P("wealthMax", "world", "wealth", 0, 1e6, false, "greatest initial wealth (Axelrod: 500)", p => p.WealthMax, (p, v) => p with { WealthMax = v }),
        P("income", "world", "wealth per year", 0, 1e6, false, "wealth every actor gains at the end of each year (Axelrod: 20)", p => p.Income, (p, v) => p with { Income = v }),
        P("activations", "world", "per year", 0, 1000, true, "actors drawn at random, with replacement, to act each year (Axelrod: 3)", p => p.Activations, (p, v) => p with { Activations = (int)v }),
        P("demand", "tribute", "wealth", 0, 1e6, false, "tribute demanded; the target pays min(demand, its wealth) (Axelrod: 250)", p => p.Demand, (p, v) => p with { Demand = v }),
        P("destructiveness", "tribute", "1", 0, 1, false, "share of the other side's strength a fight destroys, at most the side's strength (Axelrod: 0.25)", p => p.Destructiveness, (p, v) => p with { Destructiveness = v }),
        P("reach", "tribute", "steps", 1, 100000, true, "most steps along the ring from a demander to its target; at most actors - 1 apply (Axelrod: 9 with 10 actors)", p => p.Reach, (p, v) => p with { Reach = (int)v }),
        P("commitmentStep", "commitment", "percentage points", 1, 100, true, "rise of commitment for paying, fighting side by side; fall for fighting on opposite sides (Axelrod: 10)", p => p.CommitmentStep, (p, v) => p with { CommitmentStep = (int)v }),
        P("demandRule", "rules", "switch", 0, 2, true, "0 (Axelrod's A2): demand from the target of largest payment x vulnerability; 1: the most vulnerable target; 2: the richest target with positive vulnerability", p => p.DemandRule, (p, v) => p with { DemandRule = (int)v }),
        P("responseRule", "rules", "switch", 0, 1, true, "0 (Axelrod's B4): pay when fighting would cost the target at least the payment; 1: pay when fighting would cost the whole defending side at least the payment", p => p.ResponseRule, (p, v) => p with { ResponseRule = (int)v }),
        P("clusterThreshold", "outputs", "percent", 0, 100, true, "mutual commitment every pair of a cluster (a run of neighbours) reaches at least (outputs only; no rule reads it)", p => p.ClusterThreshold, (p, v) => p with { ClusterThreshold = (int)v }),
    ];

    private static ModelParameter<TributeParameters> P(string name, string group, string unit, double min, double max, bool isInteger, string meaning,
        Func<TributeParameters, double> get, Func<TributeParameters, double, TributeParameters> with) =>
        new(name, group, unit, min, max, isInteger, meaning, get, with);
}
