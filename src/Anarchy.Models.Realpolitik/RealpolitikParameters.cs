using Anarchy.Models;

namespace Anarchy.Models.Realpolitik;

/// <summary>
/// The parameters of the realpolitik preset: statesim's configuration keys under Anarchy's naming, with
/// statesim's config.yaml values as defaults, and one switch per coding quirk of statesim (1 reproduces it, the
/// default; 0 corrects it). docs/REALPOLITIK.md describes each.
/// </summary>
public sealed record RealpolitikParameters
{
    /// <summary>Degree of the random regular graph of borders (statesim <c>network_p</c>).</summary>
    public int Degree { get; init; } = 8;
    /// <summary>Mean of the normal initial power (<c>power_dist_mu</c>).</summary>
    public double PowerMean { get; init; } = 10;
    /// <summary>Standard deviation of the initial power (<c>power_dist_sigma</c>).</summary>
    public double PowerSigma { get; init; } = 3.33;
    /// <summary>Standard deviation of the multiplicative misperception factor N(1, s) (<c>misperception_sigma</c>).</summary>
    public double Misperception { get; init; } = 0.2;
    /// <summary>Sigma of the victory probability (<c>victory_sigma</c>).</summary>
    public double VictorySigma { get; init; } = 1;
    /// <summary>Largest share of power a war costs (<c>max_war_cost</c>).</summary>
    public double MaxWarCost { get; init; } = 0.25;
    /// <summary>Cap of the spread of war costs between victors and losers (<c>war_cost_disp</c>).</summary>
    public double WarCostSpread { get; init; } = 0.125;
    /// <summary>Share of each loser's power paid to the victors (<c>reparations</c>).</summary>
    public double Reparations { get; init; } = 0.2;
    /// <summary>Location of the Cauchy growth rate (<c>growth_mu</c>).</summary>
    public double GrowthLocation { get; init; } = 0.03;
    /// <summary>Scale of the Cauchy growth rate (<c>growth_sigma</c>).</summary>
    public double GrowthScale { get; init; } = 0.05;
    /// <summary>1: the principals transfer power after a war (<c>versailles</c>); 0: they do not.</summary>
    public int Versailles { get; init; } = 1;
    /// <summary>Coalition candidates enumerated per size, at most (statesim's 100).</summary>
    public int CoalitionCap { get; init; } = 100;

    /// <summary>Quirk: 1, the acting state is drawn uniformly (weights passed as numpy's <c>replace</c>); 0, by power.</summary>
    public int UniformActor { get; init; } = 1;
    /// <summary>Quirk: 1, states of equal power count as the same state in alliance membership (<c>State.__eq__</c>); 0, identity.</summary>
    public int PowerEquality { get; init; } = 1;
    /// <summary>Quirk: 1, the victory integral is scaled by 1/sqrt(pi s) (right only for s = 1); 0, by 1/(s sqrt(pi)).</summary>
    public int VictoryScale { get; init; } = 1;
    /// <summary>Quirk: 1, a victorious defender gives (1 - lv) of its own power to the attacker; 0, the attacker gives (1 - lv) of its power to the defender.</summary>
    public int DefenderVersailles { get; init; } = 1;
    /// <summary>Quirk: 1, a turn whose acting state has no weaker neighbour ends without growth or deaths; 0, it ends as any other.</summary>
    public int VoidTurns { get; init; } = 1;
    /// <summary>Quirk: 1, turns 1 to turns - 1 are played (<c>range(1, niter)</c>); 0, turns 1 to turns.</summary>
    public int ShortTurnCount { get; init; } = 1;
    /// <summary>Quirk: 1, a dead state's neighbours pass to its conqueror only above power 1; 0, every surviving neighbour does.</summary>
    public int BorderAboveOne { get; init; } = 1;
}

/// <summary>Every parameter of the realpolitik preset, with unit, range and meaning.</summary>
public static class RealpolitikCatalog
{
    public static RealpolitikParameters Defaults { get; } = new();

    public static IReadOnlyList<ModelParameter<RealpolitikParameters>> All { get; } =
    [
        P("degree", "world", "borders", 1, 64, true, "borders of every state at the start: the degree of the random regular graph (statesim network_p)", p => p.Degree, (p, v) => p with { Degree = (int)v }),
        P("powerMean", "world", "power", 1, 1000, false, "mean of the normal initial power, floored at 1 (power_dist_mu)", p => p.PowerMean, (p, v) => p with { PowerMean = v }),
        P("powerSigma", "world", "power", 0, 1000, false, "standard deviation of the initial power (power_dist_sigma)", p => p.PowerSigma, (p, v) => p with { PowerSigma = v }),
        P("misperception", "perception", "1", 0, 2, false, "standard deviation of the factor N(1, s) on every estimate of power (misperception_sigma)", p => p.Misperception, (p, v) => p with { Misperception = v }),
        P("victorySigma", "war", "1", 0.01, 100, false, "spread of the victory probability in the log power ratio (victory_sigma)", p => p.VictorySigma, (p, v) => p with { VictorySigma = v }),
        P("maxWarCost", "war", "share of power", 0, 1, false, "share of power a war between equals costs (max_war_cost)", p => p.MaxWarCost, (p, v) => p with { MaxWarCost = v }),
        P("warCostSpread", "war", "share of power", 0, 1, false, "cap of the shift of war costs from victors to losers (war_cost_disp)", p => p.WarCostSpread, (p, v) => p with { WarCostSpread = v }),
        P("reparations", "war", "share of power", 0, 1, false, "share of each loser's power paid to the victors (reparations)", p => p.Reparations, (p, v) => p with { Reparations = v }),
        P("versailles", "war", "switch", 0, 1, true, "1: the loser principal cedes power to the victor principal after a war (versailles)", p => p.Versailles, (p, v) => p with { Versailles = (int)v }),
        P("growthLocation", "growth", "per turn", -1, 1, false, "location of the Cauchy growth rate, clipped to [-0.3, 0.15] (growth_mu)", p => p.GrowthLocation, (p, v) => p with { GrowthLocation = v }),
        P("growthScale", "growth", "per turn", 0, 1, false, "scale of the Cauchy growth rate (growth_sigma)", p => p.GrowthScale, (p, v) => p with { GrowthScale = v }),
        P("coalitionCap", "coalitions", "coalitions", 1, 100000, true, "candidate coalitions of each size weighed at most, in enumeration order (statesim: 100)", p => p.CoalitionCap, (p, v) => p with { CoalitionCap = (int)v }),
        P("uniformActor", "quirks", "switch", 0, 1, true, "1 (statesim): the acting state is drawn uniformly; 0: with probability proportional to power, as intended", p => p.UniformActor, (p, v) => p with { UniformActor = (int)v }),
        P("powerEquality", "quirks", "switch", 0, 1, true, "1 (statesim): states of equal power count as one in alliances; 0: states are told apart", p => p.PowerEquality, (p, v) => p with { PowerEquality = (int)v }),
        P("victoryScale", "quirks", "switch", 0, 1, true, "1 (statesim): victory probability scaled by 1/sqrt(pi s), right only for s = 1; 0: a proper normal probability", p => p.VictoryScale, (p, v) => p with { VictoryScale = (int)v }),
        P("defenderVersailles", "quirks", "switch", 0, 1, true, "1 (statesim): a victorious defender cedes power to the attacker; 0: the defeated attacker cedes power", p => p.DefenderVersailles, (p, v) => p with { DefenderVersailles = (int)v }),
        P("voidTurns", "quirks", "switch", 0, 1, true, "1 (statesim): a turn without a weaker neighbour to attack has no growth and no deaths; 0: it ends as every turn", p => p.VoidTurns, (p, v) => p with { VoidTurns = (int)v }),
        P("shortTurnCount", "quirks", "switch", 0, 1, true, "1 (statesim): turns 1 to turns - 1 are played; 0: all turns", p => p.ShortTurnCount, (p, v) => p with { ShortTurnCount = (int)v }),
        P("borderAboveOne", "quirks", "switch", 0, 1, true, "1 (statesim): neighbours at power exactly 1 do not pass to the conqueror; 0: every survivor does", p => p.BorderAboveOne, (p, v) => p with { BorderAboveOne = (int)v }),
    ];

    private static readonly Dictionary<string, ModelParameter<RealpolitikParameters>> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static bool TryFind(string name, out ModelParameter<RealpolitikParameters> info) => ByName.TryGetValue(name, out info!);

    private static ModelParameter<RealpolitikParameters> P(string name, string group, string unit, double min, double max, bool isInteger, string meaning,
        Func<RealpolitikParameters, double> get, Func<RealpolitikParameters, double, RealpolitikParameters> with) =>
        new(name, group, unit, min, max, isInteger, meaning, get, with);
}
