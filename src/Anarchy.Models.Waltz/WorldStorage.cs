using Anarchy.Engine;

namespace Anarchy.Models.Waltz;

/// <summary>
/// The storage of the world columns that the batched kernel reads and writes with vectors, for one run (one lane)
/// or a batch of runs (lanes interleaved; docs/decisions/0003-batched-kernel.md). Square matrices hold N * N
/// elements per lane, row-major.
/// </summary>
internal sealed class WorldStorage
{
    public WorldStorage(int n, int k, int lanes)
    {
        N = n;
        Lanes = lanes;
        int nn = n * n;
        Alive = new(n, lanes);
        Wealth = new(n, lanes);
        Capability = new(n, lanes);
        Burden = new(n, lanes);
        Interests = new(n * k, lanes);
        Revisionism = new(n, lanes);
        Reputation = new(n, lanes);
        WarOf = new(n, lanes);
        Target = new(n, lanes);
        PrincipalThreat = new(n, lanes);
        ActDraw = new(n, lanes);
        ChallengeDraw = new(n, lanes);
        GrowthRate = new(n, lanes);
        PactCount = new(n, lanes);
        PactLanes = new byte[nn * LaneBytes(lanes) + PactLanesPadding];
        Proximity = new(nn, lanes);
        Compatibility = new(nn, lanes);
        Threat = new(nn, lanes);
        ThreatNorm = new(n, lanes);
        ThreatLevel = new(n, lanes);
        ExpectedSupport = new(n, lanes);
        Security = new(n, lanes);
        CommonThreat = new(nn, lanes);
        PactValues = new(nn, lanes);
        PartnerValues = new(nn, lanes);
    }

    public int N { get; }
    public int Lanes { get; }
    public Interleaved<bool> Alive { get; }
    public Interleaved<double> Wealth { get; }
    public Interleaved<double> Capability { get; }
    public Interleaved<double> Burden { get; }
    public Interleaved<double> Interests { get; }
    public Interleaved<double> Revisionism { get; }
    public Interleaved<double> Reputation { get; }
    public Interleaved<int> WarOf { get; }
    public Interleaved<int> Target { get; }
    public Interleaved<int> PrincipalThreat { get; }
    public Interleaved<double> ActDraw { get; }
    public Interleaved<double> ChallengeDraw { get; }
    public Interleaved<double> GrowthRate { get; }
    public Interleaved<int> PactCount { get; }
    /// <summary>Pacts for the perception kernel: per (i, j), one byte per eight lanes, bit l % 8 of byte l / 8 set
    /// where lanes l's i and j are allied (<see cref="World.FormPact"/> and <see cref="World.BreakPact"/>).</summary>
    public byte[] PactLanes { get; }
    /// <summary>Bytes after the last element of <see cref="PactLanes"/>, so that a row may be read 64 bytes at a time.</summary>
    public const int PactLanesPadding = 64;
    /// <summary>Bytes of <see cref="PactLanes"/> per matrix element.</summary>
    public static int LaneBytes(int lanes) => (lanes + 7) / 8;
    public Interleaved<double> Proximity { get; }
    public Interleaved<double> Compatibility { get; }
    public Interleaved<double> Threat { get; }
    public Interleaved<double> ThreatNorm { get; }
    public Interleaved<double> ThreatLevel { get; }
    public Interleaved<double> ExpectedSupport { get; }
    public Interleaved<double> Security { get; }
    public Interleaved<double> CommonThreat { get; }
    public Interleaved<double> PactValues { get; }
    public Interleaved<double> PartnerValues { get; }
}
