namespace Anarchy.Sweeps;

/// <summary>
/// The purpose word of the random draws that build designs and resample their outputs
/// (docs/decisions/0001-random-numbers.md, docs/decisions/0004-sweep-designs.md). These draws use tick 0 of a stream
/// keyed by the design's seed; the values lie far from the model's purposes, so a design seed that is also used as a
/// run seed shares no counter with the model's draws. Values are part of the random-number scheme: never renumber them.
/// </summary>
internal enum SweepDrawPurpose : uint
{
    LatinHypercubeStratum = 0x5357_0001,  // a = factor, b = point: 64-bit key that orders the points into strata
    LatinHypercubePosition = 0x5357_0002, // a = factor, b = point: uniform position within the point's stratum
    BootstrapRow = 0x5357_0010,           // a = resample, b = draw: the base row drawn, by 64 x 64-bit multiply-high
}
