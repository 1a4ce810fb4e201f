using System.Globalization;

namespace Anarchy.Models.Waltz;

/// <summary>Every parameter of the Waltz model with unit, range and meaning (docs/MODEL.md, "Parameters").</summary>
public static class ParameterCatalog
{
    /// <summary>The defaults.</summary>
    public static ModelParameters Defaults { get; } = new();

    /// <summary>All parameters, in the order of the tick.</summary>
    public static IReadOnlyList<ParameterInfo> All { get; } =
    [
        P("epsilon", "numerics", "1", 1e-300, 1e-3, "guard added to every denominator", p => p.Epsilon, (p, v) => p with { Epsilon = v }),

        P("wealthSigma", "initialisation", "log wealth", 0, 3, "spread of initial log wealth (mean wealth stays 1)", p => p.WealthSigma, (p, v) => p with { WealthSigma = v }),
        P("initialMilitaryShare", "initialisation", "capability per wealth", 0, 10, "initial capability as a multiple of initial wealth", p => p.InitialMilitaryShare, (p, v) => p with { InitialMilitaryShare = v }),
        P("initialBurden", "initialisation", "share of wealth per tick", 0, 1, "initial defence burden (must lie in [minBurden, maxBurden])", p => p.InitialBurden, (p, v) => p with { InitialBurden = v }),
        P("minBurden", "initialisation", "share of wealth per tick", 0, 1, "lowest defence burden a state can fall to", p => p.MinBurden, (p, v) => p with { MinBurden = v }),
        P("maxBurden", "initialisation", "share of wealth per tick", 0, 1, "highest defence burden a state can rise to", p => p.MaxBurden, (p, v) => p with { MaxBurden = v }),
        I("interestDimensions", "initialisation", "dimensions", 1, 16, "number of dimensions of the interest space", p => p.InterestDimensions, (p, v) => p with { InterestDimensions = v }),
        I("interestBlocs", "initialisation", "blocs", 0, 64, "0: interests uniform; k > 0: interests spread around k random bloc centres (state i in bloc i mod k)", p => p.InterestBlocs, (p, v) => p with { InterestBlocs = v }),
        P("interestSpread", "initialisation", "interest units", 0, 1, "standard deviation of interests around their bloc centre", p => p.InterestSpread, (p, v) => p with { InterestSpread = v }),
        P("revisionismAlpha", "initialisation", "1", 0.01, 100, "first shape of the Beta distribution of revisionism", p => p.RevisionismAlpha, (p, v) => p with { RevisionismAlpha = v }),
        P("revisionismBeta", "initialisation", "1", 0.01, 100, "second shape of the Beta distribution of revisionism", p => p.RevisionismBeta, (p, v) => p with { RevisionismBeta = v }),
        P("initialExternalProbability", "initialisation", "probability", 0, 1, "an Adaptive state's initial probability of choosing external balancing", p => p.InitialExternalProbability, (p, v) => p with { InitialExternalProbability = v }),

        P("growth", "economy", "share of wealth per tick", -0.5, 0.5, "mean wealth growth per tick", p => p.Growth, (p, v) => p with { Growth = v }),
        P("growthSigma", "economy", "share of wealth per tick", 0, 0.5, "standard deviation of the growth shock", p => p.GrowthSigma, (p, v) => p with { GrowthSigma = v }),
        P("crowdingOut", "economy", "growth lost per unit burden", 0, 10, "growth lost per unit of defence burden (arming crowds out investment)", p => p.CrowdingOut, (p, v) => p with { CrowdingOut = v }),
        P("pactUpkeep", "economy", "share of wealth per pact per tick", 0, 0.1, "growth lost per pact held (the sticker price of external balancing)", p => p.PactUpkeep, (p, v) => p with { PactUpkeep = v }),
        P("depreciation", "economy", "share of capability per tick", 0.001, 1, "share of capability that wears out each tick", p => p.Depreciation, (p, v) => p with { Depreciation = v }),
        P("internalCost", "economy", "wealth per unit capability", 0.01, 100, "wealth spent per unit of capability built", p => p.InternalCost, (p, v) => p with { InternalCost = v }),

        P("lossGradient", "perception", "distance", 0.01, 10, "loss-of-strength gradient L: proximity is exp(-distance / L)", p => p.LossGradient, (p, v) => p with { LossGradient = v }),
        P("projection", "perception", "1", 0, 2, "power projection: a dyad's loss-of-strength gradient is lossGradient times max(1, (M / mean M)^projection) of its stronger member at tick 0 (0: the same gradient for all)", p => p.Projection, (p, v) => p with { Projection = v }),
        P("eta", "perception", "1", 0, 10, "how much a state's revisionism adds to the hostility others see in it", p => p.Eta, (p, v) => p with { Eta = v }),
        P("threatMix", "perception", "1", 0, 1, "weight of the non-principal threats in the threat level (0: principal threat only)", p => p.ThreatMix, (p, v) => p with { ThreatMix = v }),

        P("burdenStep", "balancing", "share of wealth per tick", 0, 0.25, "change of the defence burden in one tick of internal balancing or peace dividend", p => p.BurdenStep, (p, v) => p with { BurdenStep = v }),
        P("secureRatio", "balancing", "1", 1, 100, "security ratio above which a state lowers its burden", p => p.SecureRatio, (p, v) => p with { SecureRatio = v }),
        P("imitationRate", "balancing", "1", 0, 1, "how far an Adaptive state moves toward its most successful neighbour's choice per tick", p => p.ImitationRate, (p, v) => p with { ImitationRate = v }),
        P("imitationNoise", "balancing", "probability", 0, 1, "standard deviation of the noise on an Adaptive state's update", p => p.ImitationNoise, (p, v) => p with { ImitationNoise = v }),
        I("neighbours", "balancing", "states", 1, 1000, "how many nearest states an Adaptive state looks at", p => p.Neighbours, (p, v) => p with { Neighbours = v }),

        I("maxPacts", "alliances", "pacts", 0, 1000, "most pacts a state may hold before it stops forming new ones", p => p.MaxPacts, (p, v) => p with { MaxPacts = v }),
        P("autonomyCost", "alliances", "share of wealth", 0, 1, "autonomy a pact costs its members: a state accepts only an ally whose pact value is at least this share of its wealth (plus pactUpkeep when it is not seeking)", p => p.AutonomyCost, (p, v) => p with { AutonomyCost = v }),
        P("lapseSalience", "alliances", "1", 0, 1, "salience (common threat times compatibility) below which a pact weakens", p => p.LapseSalience, (p, v) => p with { LapseSalience = v }),
        P("inertia", "alliances", "ticks", 0, 1000, "weak ticks a pact survives before it lapses", p => p.Inertia, (p, v) => p with { Inertia = v }),
        P("institutionalisation", "alliances", "per tick of age", 0, 10, "how much each tick of a pact's age adds to its inertia and to the obligation to honour it", p => p.Institutionalisation, (p, v) => p with { Institutionalisation = v }),

        P("reach", "disputes", "proximity", 0, 1, "least proximity at which a state can be targeted", p => p.Reach, (p, v) => p with { Reach = v }),
        P("winThreshold", "disputes", "probability", 0.5, 1, "least expected chance of winning for a state to pick a target", p => p.WinThreshold, (p, v) => p with { WinThreshold = v }),
        P("gamma", "disputes", "1", 0.1, 10, "exponent of the contest function A^g / (A^g + B^g)", p => p.Gamma, (p, v) => p with { Gamma = v }),
        P("hostileCompatibility", "disputes", "compatibility", 0, 1, "an initiator counts an ally as support only where the ally's compatibility with the target is below this", p => p.HostileCompatibility, (p, v) => p with { HostileCompatibility = v }),
        P("restrainC", "disputes", "compatibility", 0, 1, "an initiator's ally objects when its compatibility with the target is above this", p => p.RestrainC, (p, v) => p with { RestrainC = v }),
        P("escalation", "disputes", "probability", 0, 1, "chance that a dispute neither restrained nor deterred becomes a war", p => p.Escalation, (p, v) => p with { Escalation = v }),
        P("challenge", "disputes", "probability per tick", 0, 1, "chance per tick, times its revisionism, that a state with no opportunity challenges its principal threat whatever the odds", p => p.Challenge, (p, v) => p with { Challenge = v }),
        P("opportunism", "disputes", "interest", -10, 10, "interest above which an initiator's ally joins its war uncalled", p => p.Opportunism, (p, v) => p with { Opportunism = v }),
        P("diffusion", "disputes", "probability", 0, 1, "chance that a state outside a new war, whose interest in fighting one side exceeds opportunism, joins the other (war diffusion; 0: only allies join)", p => p.Diffusion, (p, v) => p with { Diffusion = v }),

        P("warCost", "calls", "interest", 0, 10, "expected cost of fighting, subtracted from an ally's interest", p => p.WarCost, (p, v) => p with { WarCost = v }),
        P("honour", "calls", "interest", 0, 10, "weight of a treaty obligation when an ally is called", p => p.Honour, (p, v) => p with { Honour = v }),
        P("casusFoederis", "calls", "share of threat", 0, 1, "a pact obliges an ally only against an initiator whose threat to it is at least this share of its principal threat (0: against anyone)", p => p.CasusFoederis, (p, v) => p with { CasusFoederis = v }),
        P("looseness", "calls", "1", 0, 1, "how far a treaty's wording lets an ally sidestep its obligation (0: tight, 1: no obligation)", p => p.Looseness, (p, v) => p with { Looseness = v }),
        P("chainDecay", "calls", "1", 0, 1, "factor by which an obligation shrinks per hop along a chain of allies", p => p.ChainDecay, (p, v) => p with { ChainDecay = v }),
        I("chainDepth", "calls", "hops", 0, 20, "how many hops of allies are called (1: only the target's allies; 0: nobody)", p => p.ChainDepth, (p, v) => p with { ChainDepth = v }),
        P("callNoise", "calls", "interest", 0, 10, "standard deviation of the noise on an ally's decision", p => p.CallNoise, (p, v) => p with { CallNoise = v }),
        P("reputationLoss", "calls", "share of reputation", 0, 1, "share of reputation an ally loses when it abandons a partner", p => p.ReputationLoss, (p, v) => p with { ReputationLoss = v }),

        P("lossRate", "war", "share of capability per tick", 0, 1, "capability a side loses per tick of war, scaled by the enemy's share of strength", p => p.LossRate, (p, v) => p with { LossRate = v }),
        P("warEndChance", "war", "probability per tick", 0, 1, "chance that a war ends in a given tick", p => p.WarEndChance, (p, v) => p with { WarEndChance = v }),
        P("collapseShare", "war", "share of strength", 0, 0.5, "a side whose strength falls below this share of the total collapses", p => p.CollapseShare, (p, v) => p with { CollapseShare = v }),
        P("reparations", "war", "share of wealth", 0, 1, "share of its wealth each loser pays the winners", p => p.Reparations, (p, v) => p with { Reparations = v }),
        P("deathShare", "war", "share of initial wealth", 0, 1, "a state defeated in war whose wealth falls below this share of its initial wealth is conquered", p => p.DeathShare, (p, v) => p with { DeathShare = v }),
        P("conquestNorm", "war", "probability", 0, 1, "chance that a defeated state below deathShare keeps its sovereignty (the territorial-integrity norm)", p => p.ConquestNorm, (p, v) => p with { ConquestNorm = v }),

        P("interestDrift", "drift", "interest units per tick", 0, 1, "standard deviation of the drift of interests per tick", p => p.InterestDrift, (p, v) => p with { InterestDrift = v }),
    ];

    private static readonly Dictionary<string, ParameterInfo> ByName =
        All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Looks a parameter up by its exact public name.</summary>
    public static bool TryFind(string name, out ParameterInfo info) => ByName.TryGetValue(name, out info!);

    /// <summary>Closest known names, for "did you mean" hints.</summary>
    public static IEnumerable<string> Suggest(string name) =>
        All.Select(p => p.Name)
           .Where(n => n.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(n, StringComparison.OrdinalIgnoreCase)
                       || string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
           .Take(3);

    /// <summary>Cross-parameter rules that single ranges cannot express; returns the problems found.</summary>
    public static IEnumerable<string> CheckConsistency(ModelParameters p)
    {
        if (p.MinBurden > p.MaxBurden)
            yield return $"parameter 'minBurden': value {F(p.MinBurden)} must not exceed maxBurden ({F(p.MaxBurden)})";
        if (p.InitialBurden < p.MinBurden || p.InitialBurden > p.MaxBurden)
            yield return $"parameter 'initialBurden': value {F(p.InitialBurden)} is outside [minBurden, maxBurden] = [{F(p.MinBurden)}, {F(p.MaxBurden)}]";
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static ParameterInfo P(string name, string group, string unit, double min, double max, string meaning,
        Func<ModelParameters, double> get, Func<ModelParameters, double, ModelParameters> with) =>
        new(name, group, unit, min, max, false, meaning, get, with);

    private static ParameterInfo I(string name, string group, string unit, double min, double max, string meaning,
        Func<ModelParameters, int> get, Func<ModelParameters, int, ModelParameters> with) =>
        new(name, group, unit, min, max, true, meaning, p => get(p), (p, v) => with(p, (int)v));
}
