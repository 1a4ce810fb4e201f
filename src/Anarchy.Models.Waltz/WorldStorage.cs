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
        K = k;
        Lanes = lanes;
        int nn = n * n;
        Alive = new(n, lanes, _columns);
        Wealth = new(n, lanes, _columns);
        Capability = new(n, lanes, _columns);
        Burden = new(n, lanes, _columns);
        Interests = new(n * k, lanes, _columns);
        Revisionism = new(n, lanes, _columns);
        Reputation = new(n, lanes, _columns);
        WarOf = new(n, lanes, _columns);
        Target = new(n, lanes, _columns);
        PrincipalThreat = new(n, lanes, _columns);
        ActDraw = new(n, lanes, _columns);
        ChallengeDraw = new(n, lanes, _columns);
        GrowthRate = new(n, lanes, _columns);
        PactCount = new(n, lanes, _columns);
        PactLanes = new byte[nn * LaneBytes(lanes) + PactLanesPadding];
        Proximity = new(nn, lanes, _columns);
        Compatibility = new(nn, lanes, _columns);
        Threat = new(nn, lanes, _columns);
        ThreatNorm = new(n, lanes, _columns);
        ThreatLevel = new(n, lanes, _columns);
        ExpectedSupport = new(n, lanes, _columns);
        Security = new(n, lanes, _columns);
        CommonThreat = new(nn, lanes, _columns);
        PactValues = new(nn, lanes, _columns);
        PartnerValues = new(nn, lanes, _columns);
    }

    public int N { get; }
    public int K { get; }
    public int Lanes { get; }

    /// <summary>
    /// Storage for a batch of this shape: this thread's spare one, cleared to the state of new storage, when its shape
    /// matches, otherwise new. A batch run start to finish needs its storage only until its results are taken
    /// (<see cref="Kernel.WaltzBatch.RunOnce"/>), and reusing it spares the next batch the allocation, the zeroing and
    /// the first touch of every page of its matrices.
    /// </summary>
    public static WorldStorage Rent(int n, int k, int lanes)
    {
        var spare = ThreadSpare.Take<WorldStorage>();
        if (spare is null || spare.N != n || spare.K != k || spare.Lanes != lanes) return new WorldStorage(n, k, lanes);
        spare.Clear();
        return spare;
    }

    /// <summary>Keeps <paramref name="storage"/>, which nothing will read again, for this thread's next batch.</summary>
    public static void Return(WorldStorage storage) => ThreadSpare.Keep(storage);

    /// <summary>Every column, as made (each adds itself).</summary>
    private readonly List<IClearable> _columns = [];

    /// <summary>Every column and the pact bytes as new storage has them (all zero).</summary>
    private void Clear()
    {
        foreach (var column in _columns) column.Clear();
        Array.Clear(PactLanes);
    }
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
