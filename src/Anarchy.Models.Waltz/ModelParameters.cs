namespace Anarchy.Models.Waltz;

/// <summary>
/// Every tunable number of the Waltz model, with the defaults of docs/MODEL.md. Names, units, ranges and meanings
/// are listed in <see cref="ParameterCatalog"/>; nothing in the rules is a constant that is not here.
/// </summary>
public sealed record ModelParameters
{
    /// <summary>Guard added to every denominator.</summary>
    public double Epsilon { get; init; } = 1e-12;

    // Initialisation
    public double WealthSigma { get; init; } = 0.5;
    public double InitialMilitaryShare { get; init; } = 0.05;
    public double InitialBurden { get; init; } = 0.03;
    public double MinBurden { get; init; } = 0.005;
    public double MaxBurden { get; init; } = 0.25;
    public int InterestDimensions { get; init; } = 2;
    public int InterestBlocs { get; init; }
    public double InterestSpread { get; init; } = 0.1;
    public double RevisionismAlpha { get; init; } = 1;
    public double RevisionismBeta { get; init; } = 6.3;
    public double InitialExternalProbability { get; init; } = 0.5;

    // Economy
    public double Growth { get; init; } = 0.03;
    public double GrowthSigma { get; init; } = 0.02;
    public double CrowdingOut { get; init; } = 0.5;
    public double PactUpkeep { get; init; } = 0.002;
    public double Depreciation { get; init; } = 0.05;
    public double InternalCost { get; init; } = 1;

    // Perception
    public double LossGradient { get; init; } = 0.25;
    public double Projection { get; init; } = 0.95;
    public double Eta { get; init; } = 1;
    public double ThreatMix { get; init; }

    // Balancing
    public double BurdenStep { get; init; } = 0.01;
    public double SecureRatio { get; init; } = 2;
    public double ImitationRate { get; init; } = 0.1;
    public double ImitationNoise { get; init; } = 0.02;
    public int Neighbours { get; init; } = 5;

    // Alliances
    public int MaxPacts { get; init; } = 6;
    public double AutonomyCost { get; init; }
    public double LapseSalience { get; init; } = 0.2;
    public double Inertia { get; init; } = 2;
    public double Institutionalisation { get; init; }

    // Disputes
    public double Reach { get; init; } = 0.2;
    public double WinThreshold { get; init; } = 0.65;
    public double Gamma { get; init; } = 1;
    public double HostileCompatibility { get; init; } = 0.5;
    public double RestrainC { get; init; } = 0.8;
    public double Escalation { get; init; } = 0.055;
    public double Challenge { get; init; } = 0.76;
    public double Opportunism { get; init; } = 0.21;
    public double Diffusion { get; init; }

    // Calls to allies
    public double WarCost { get; init; } = 0.15;
    public double Honour { get; init; } = 0.16;
    public double CasusFoederis { get; init; } = 0.02;
    public double Looseness { get; init; }
    public double ChainDecay { get; init; } = 0.5;
    public int ChainDepth { get; init; } = 1;
    public double CallNoise { get; init; } = 0.1;
    public double ReputationLoss { get; init; } = 0.3;

    // War
    public double LossRate { get; init; } = 0.1;
    public double WarEndChance { get; init; } = 0.3;
    public double CollapseShare { get; init; } = 0.2;
    public double Reparations { get; init; } = 0.2;
    public double DeathShare { get; init; } = 0.05;
    public double ConquestNorm { get; init; }

    // Drift
    public double InterestDrift { get; init; } = 0.01;
}
