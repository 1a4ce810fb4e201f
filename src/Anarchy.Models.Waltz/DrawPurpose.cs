namespace Anarchy.Models.Waltz;

/// <summary>
/// The purpose word of every random draw's counter (docs/decisions/0001-random-numbers.md). A draw is keyed by
/// (run seed, tick, purpose, a, b), so no two draws share a counter and none depends on evaluation order.
/// Values are part of the random-number scheme: never renumber them.
/// </summary>
internal enum DrawPurpose : uint
{
    InitialWealth = 1,      // a = state
    InitialLocation = 2,    // a = state, b = coordinate
    InitialInterest = 3,    // a = state, b = dimension
    InitialRevisionism = 4, // a = state; b = sub-draws of the Beta sampler
    BlocCentre = 5,         // a = bloc, b = dimension
    Growth = 10,            // a = state
    AdaptiveChoice = 11,    // a = state
    AdaptiveNoise = 12,     // a = state
    DisputeAct = 20,        // a = initiator
    DisputeOrder = 21,      // a = initiator
    Restraint = 22,         // a = initiator, b = objecting ally
    Escalation = 23,        // a = initiator
    CallNoise = 24,         // a = called ally, b = initiator
    ChallengeAct = 25,      // a = challenger
    Diffusion = 26,         // a = outside state weighing a war, b = the war's initiator
    WarEnd = 30,            // a = war's initiator, b = war's start tick
    WarWinner = 31,         // a = war's initiator, b = war's start tick
    Conquest = 32,          // a = defeated state below deathShare
    InterestDrift = 40,     // a = state, b = dimension
}
