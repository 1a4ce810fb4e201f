using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Anarchy.Engine;
using Anarchy.Engine.Simd;

namespace Anarchy.Models.Waltz.Kernel;

/// <summary>
/// A batch of runs of the Waltz model advanced in lockstep (docs/decisions/0003-batched-kernel.md and
/// 0009-kernel-v2.md). Each lane of the batch is one run: a <see cref="World"/> whose vector-friendly columns live in
/// the batch's lane-interleaved storage. The phases that carry the arithmetic (economy, perception, the random draws
/// of growth, drift and acts) run as vector kernels over all lanes, performing exactly the reference's operations
/// lane by lane; target choice runs one lane at a time with vectors along the target; the inherently sequential
/// phases run per lane through the reference's own functions. Lanes may have different parameters but share the
/// number of states, interest dimensions, burn-in and ticks.
/// </summary>
public sealed class WaltzBatch
{
    /// <summary>Lanes are padded to a multiple of this (the widest vector); padding lanes repeat the last run.</summary>
    public const int LaneMultiple = 8;

    private readonly int _runs;
    private readonly List<SeriesRow>?[] _series;

    public WaltzBatch(IReadOnlyList<Scenario> scenarios, IReadOnlyList<ulong> seeds, RunDetail detail)
        : this(scenarios, seeds, detail, reuseStorage: false)
    {
    }

    private WaltzBatch(IReadOnlyList<Scenario> scenarios, IReadOnlyList<ulong> seeds, RunDetail detail, bool reuseStorage)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scenarios.Count);
        if (scenarios.Count != seeds.Count) throw new ArgumentException("one seed per scenario", nameof(seeds));
        var first = scenarios[0];
        foreach (var s in scenarios)
        {
            if (s.States != first.States || s.Parameters.InterestDimensions != first.Parameters.InterestDimensions
                || s.BurnIn != first.BurnIn || s.Ticks != first.Ticks)
                throw new ArgumentException("the runs of a batch must share states, interestDimensions, burnIn and ticks", nameof(scenarios));
        }
        _runs = scenarios.Count;
        Lanes = (_runs + LaneMultiple - 1) / LaneMultiple * LaneMultiple;
        N = first.States;
        K = first.Parameters.InterestDimensions;
        TotalTicks = first.TotalTicks;
        Storage = reuseStorage ? WorldStorage.Rent(N, K, Lanes) : new WorldStorage(N, K, Lanes);
        Worlds = new World[Lanes];
        Ledgers = new RunLedger[Lanes];
        _series = new List<SeriesRow>?[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            int r = Math.Min(l, _runs - 1);
            Worlds[l] = Initialization.Fill(new World(scenarios[r], seeds[r], Storage, l));
            // Padding lanes keep only the counts: their results are dropped.
            Ledgers[l] = WaltzSimulation.NewLedger(scenarios[r], l < _runs ? detail : default);
            _series[l] = detail.Series && l < _runs ? new List<SeriesRow>(first.Ticks) : null;
        }
        Parameters = new LaneParameters(Worlds);
        Seeds = Worlds.Select(w => w.Seed).ToArray();
        Scratch = reuseStorage ? KernelScratch.Rent(Worlds, N, Lanes) : new KernelScratch(Worlds, N, Lanes);
    }

    public int N { get; }
    public int K { get; }
    public int Lanes { get; }
    public int TotalTicks { get; }
    internal WorldStorage Storage { get; }
    internal World[] Worlds { get; }
    internal RunLedger[] Ledgers { get; }
    internal LaneParameters Parameters { get; }
    /// <summary>Each lane's seed, for draws made for all lanes at once.</summary>
    internal ulong[] Seeds { get; }
    internal KernelScratch Scratch { get; }

    /// <summary>The widest vector the hardware accelerates; Vector256 (possibly in software) otherwise.</summary>
    public static int VectorWidth => Vector512.IsHardwareAccelerated ? 512 : 256;

    /// <summary>
    /// Runs a batch start to finish and returns the results of its runs (<see cref="Run"/>), with its storage reused
    /// from this thread's previous batch of the same shape and kept for the next (<see cref="WorldStorage.Rent"/>):
    /// the batch itself is never seen outside, so nothing reads the storage after its results are taken.
    /// </summary>
    public static RunResult[] RunOnce(IReadOnlyList<Scenario> scenarios, IReadOnlyList<ulong> seeds, RunDetail detail, IReadOnlyList<RunKey>? keys = null, PhaseClock? clock = null)
    {
        var batch = new WaltzBatch(scenarios, seeds, detail, reuseStorage: true) { Clock = clock };
        var results = batch.Run(keys);
        WorldStorage.Return(batch.Storage);
        KernelScratch.Return(batch.Scratch);
        return results;
    }

    /// <summary>Runs every tick and returns the results of the real (non-padding) lanes.</summary>
    public RunResult[] Run(IReadOnlyList<RunKey>? keys = null)
    {
        for (int t = 0; t < TotalTicks; t++) Tick(t);
        var results = new RunResult[_runs];
        for (int l = 0; l < _runs; l++)
        {
            var key = keys?[l] ?? new RunKey(l, 0, l, Worlds[l].Seed);
            results[l] = WaltzSimulation.Result(Worlds[l], Ledgers[l], _series[l], key.Run, key.Point, key.Replicate);
        }
        return results;
    }

    /// <summary>
    /// The vector phases of a tick on the current state, without advancing the clock or the sequential phases:
    /// masks, economy, perception, target choice. For measurements and the allocation test.
    /// </summary>
    internal void VectorPhases()
    {
        Scratch.RefreshMasks(this);
        if (Vector512.IsHardwareAccelerated)
        {
            EconomyKernel.Step<Vector512<double>, Lanes512>(this);
            PerceptionKernel.Step<Vector512<double>, Lanes512>(this, fullProduct: false);
            TargetKernel.Step<Vector512<double>, Lanes512>(this);
        }
        else
        {
            EconomyKernel.Step<Vector256<double>, Lanes256>(this);
            PerceptionKernel.Step<Vector256<double>, Lanes256>(this, fullProduct: false);
            TargetKernel.Step<Vector256<double>, Lanes256>(this);
        }
    }

    /// <summary>When set, each phase of every tick adds its elapsed time here (for the per-phase benchmark).</summary>
    public PhaseClock? Clock { get; set; }

    /// <summary>The phases of a tick between its start and its records, in the reference's order.</summary>
    internal static readonly KernelPhase[] StepOrder =
    [
        KernelPhase.Economy, KernelPhase.Perception, KernelPhase.Balancing, KernelPhase.Formation, KernelPhase.Dissolution,
        KernelPhase.Targets, KernelPhase.Disputes, KernelPhase.Wars, KernelPhase.Drift,
    ];

    /// <summary>One tick of every lane, in the reference's order (docs/MODEL.md, section 3).</summary>
    public void Tick(int t)
    {
        var clock = Clock;
        clock?.Start();
        BeginTick(t);
        clock?.Lap(KernelPhase.Records);
        foreach (var phase in StepOrder)
        {
            RunPhase(phase);
            clock?.Lap(phase);
        }
        EndTick();
        clock?.Lap(KernelPhase.Records);
        clock?.CountRunTicks(Lanes);
    }

    /// <summary>Sets every lane's clock to tick <paramref name="t"/> and clears its counts.</summary>
    internal void BeginTick(int t)
    {
        for (int l = 0; l < Lanes; l++) WaltzSimulation.BeginTick(Worlds[l], Ledgers[l], t);
    }

    /// <summary>Step 10 for every lane: counts, series and panel rows.</summary>
    internal void EndTick()
    {
        for (int l = 0; l < Lanes; l++) WaltzSimulation.EndTick(Worlds[l], Ledgers[l], _series[l]);
    }

    /// <summary>Step 6's acts of one lane: the states <see cref="DriftKernel.SelectActors{TV, TOps}"/> found,
    /// considered in ascending order as the reference considers every state, then resolved.</summary>
    private void ResolveActs(int lane)
    {
        var w = Worlds[lane];
        w.Scratch.Acts.Clear();
        int words = w.PactWords;
        var actors = Scratch.ActorBits;
        for (int word = 0; word < words; word++)
        {
            for (ulong set = actors[lane * words + word]; set != 0; set &= set - 1)
                Disputes.ConsiderActing(w, (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set));
        }
        Disputes.ResolveListedActs(w, Ledgers[lane]);
    }

    /// <summary>One phase of the tick for every lane (<see cref="StepOrder"/> gives the order).</summary>
    internal void RunPhase(KernelPhase phase)
    {
        bool wide = Vector512.IsHardwareAccelerated;
        switch (phase)
        {
            case KernelPhase.Economy:
                Scratch.RefreshMasks(this);
                if (wide) EconomyKernel.Step<Vector512<double>, Lanes512>(this);
                else EconomyKernel.Step<Vector256<double>, Lanes256>(this);
                break;
            case KernelPhase.Perception:
                if (wide) PerceptionKernel.Step<Vector512<double>, Lanes512>(this, fullProduct: false);
                else PerceptionKernel.Step<Vector256<double>, Lanes256>(this, fullProduct: false);
                break;
            case KernelPhase.Balancing:
                if (wide) BalancingKernel.Step<Vector512<double>, Lanes512>(this);
                else BalancingKernel.Step<Vector256<double>, Lanes256>(this);
                break;
            case KernelPhase.Formation:
                for (int l = 0; l < Lanes; l++) AllianceFormation.Step(Worlds[l], Ledgers[l]);
                break;
            case KernelPhase.Dissolution:
                if (wide) DissolutionKernel.Step<Vector512<double>, Lanes512>(this);
                else DissolutionKernel.Step<Vector256<double>, Lanes256>(this);
                break;
            case KernelPhase.Targets:
                // Alive and at-war are as refreshed in the economy: steps 3 to 5 change neither.
                if (wide) TargetKernel.Step<Vector512<double>, Lanes512>(this);
                else TargetKernel.Step<Vector256<double>, Lanes256>(this);
                break;
            case KernelPhase.Disputes:
                // The act and challenge draws were made with the targets (TargetKernel.Step).
                if (wide) DriftKernel.SelectActors<Vector512<double>, Lanes512>(this);
                else DriftKernel.SelectActors<Vector256<double>, Lanes256>(this);
                for (int l = 0; l < Lanes; l++) ResolveActs(l);
                break;
            case KernelPhase.Wars:
                for (int l = 0; l < Lanes; l++) WarResolution.Step(Worlds[l], Ledgers[l]);
                break;
            case KernelPhase.Drift:
                for (int l = 0; l < Lanes; l++) Drift.Shocks(Worlds[l], Ledgers[l]);
                // War resolution may have killed states: the interest drift reads the alive mask.
                Scratch.RefreshMasks(this);
                if (wide) DriftKernel.Interests<Vector512<double>, Lanes512>(this);
                else DriftKernel.Interests<Vector256<double>, Lanes256>(this);
                for (int l = 0; l < Lanes; l++) Drift.AgePacts(Worlds[l]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(phase), phase, "records are BeginTick and EndTick");
        }
    }
}

/// <summary>Each lane's parameters as lane-indexed arrays, for vector loads.</summary>
internal sealed class LaneParameters
{
    public LaneParameters(World[] worlds)
    {
        int lanes = worlds.Length;
        double[] Of(Func<ModelParameters, double> get)
        {
            var values = new double[lanes];
            for (int l = 0; l < lanes; l++) values[l] = get(worlds[l].Parameters);
            return values;
        }
        Epsilon = Of(p => p.Epsilon);
        Eta = Of(p => p.Eta);
        ThreatMix = Of(p => p.ThreatMix);
        Growth = Of(p => p.Growth);
        GrowthSigma = Of(p => p.GrowthSigma);
        CrowdingOut = Of(p => p.CrowdingOut);
        PactUpkeep = Of(p => p.PactUpkeep);
        Depreciation = Of(p => p.Depreciation);
        InternalCost = Of(p => p.InternalCost);
        HostileCompatibility = Of(p => p.HostileCompatibility);
        InterestDrift = Of(p => p.InterestDrift);
        Challenge = Of(p => p.Challenge);
        MaxPacts = Of(p => p.MaxPacts);
        MaxBurden = Of(p => p.MaxBurden);
        MinBurden = Of(p => p.MinBurden);
        BurdenStep = Of(p => p.BurdenStep);
        SecureRatio = Of(p => p.SecureRatio);
        SqrtK = Math.Sqrt(worlds[0].K);
    }

    public double[] Epsilon { get; }
    public double[] Eta { get; }
    public double[] ThreatMix { get; }
    public double[] Growth { get; }
    public double[] GrowthSigma { get; }
    public double[] CrowdingOut { get; }
    public double[] PactUpkeep { get; }
    public double[] Depreciation { get; }
    public double[] InternalCost { get; }
    public double[] HostileCompatibility { get; }
    public double[] InterestDrift { get; }
    public double[] Challenge { get; }
    public double[] MaxPacts { get; }
    public double[] MaxBurden { get; }
    public double[] MinBurden { get; }
    public double[] BurdenStep { get; }
    public double[] SecureRatio { get; }
    public double SqrtK { get; }
}

/// <summary>Buffers the kernels reuse every tick (no allocation in a warmed-up tick's vector phases).</summary>
internal sealed class KernelScratch
{
    public KernelScratch(World[] worlds, int n, int lanes)
    {
        N = n;
        K = worlds[0].K;
        Lanes = lanes;
        AliveMask = new(n * lanes);
        AtWarMask = new(n * lanes);
        Draws = new(n * lanes);
        DriftDraws = new(Math.Max(1, n * worlds[0].K * lanes));
        int padded = (n + 3) / 4 * 4;
        _packedLength = padded * Math.Max(1, n) * LaneMultiple;
        StateBlock = new(Math.Max(1, n) * 4 * LaneMultiple);
        LargestThreat = new(Math.Max(1, n * lanes));
        ReadRows = new int[Math.Max(1, n)];
        IsReadRow = new bool[Math.Max(1, n)];
        ExactPairs = new int[Math.Max(2, n * (n - 1))];
        Padded = padded;
        CompatibilityCurrent = new bool[lanes / 4 + 1];
        ActorBits = new ulong[Math.Max(1, lanes * ((n + 63) / 64))];
        AdaptiveLane = new bool[lanes];
        StrategicMask = new(n * lanes);
        ExternalMask = new(n * lanes);
        NotInternalMask = new(n * lanes);
        BalancingMayAlly = new(Math.Max(1, n) * LaneMultiple);
        BalancingRisk = new(Math.Max(1, n) * LaneMultiple);
        BalancingEnemies = new(Math.Max(1, n) * LaneMultiple);
        int np = (n + 15) / 16 * 16;
        int words = (n + 63) / 64;
        Padded16 = np;
        HostileBytes = new byte[Math.Max(1, lanes / 4) * np * np]; // per vector block, at least 4 lanes to a block
        PeaceBits = new ulong[Math.Max(1, lanes * words)];
        InitiatorBits = new ulong[Math.Max(1, lanes * words)];
        LaneCapability = new(np);
        LaneWealth = new(np);
        SlotIndex = new int[Math.Max(1, n * np)];
        SlotWeight = new(Math.Max(1, n * np));
        GroupSlots = new int[np / 4 + 2];
        AttackBits = new ulong[Math.Max(1, n * words)];
        AllyCount = new int[Math.Max(1, n)];
        LaneProximity = new(lanes * n * np);
        HelpColumn = new(np + 1);
        ReachBits = new ulong[Math.Max(1, lanes * n * words)];
        _buffers =
        [
            AliveMask.Array, AtWarMask.Array, Draws.Array, DriftDraws.Array, StateBlock.Array, LargestThreat.Array, ReadRows, IsReadRow, ExactPairs,
            CompatibilityCurrent, ActorBits, AdaptiveLane, StrategicMask.Array, ExternalMask.Array, NotInternalMask.Array,
            BalancingMayAlly.Array, BalancingRisk.Array, BalancingEnemies.Array, HostileBytes, PeaceBits, InitiatorBits,
            LaneCapability.Array, LaneWealth.Array, SlotIndex, SlotWeight.Array, GroupSlots, AttackBits, AllyCount,
            LaneProximity.Array, HelpColumn.Array, ReachBits, Principal,
        ];
        Prepare(worlds);
    }

    /// <summary>Buffers for a batch of these worlds: this thread's spare ones, cleared and prepared for the worlds,
    /// when their shape matches (as <see cref="WorldStorage.Rent"/>), otherwise new.</summary>
    public static KernelScratch Rent(World[] worlds, int n, int lanes)
    {
        var spare = ThreadSpare.Take<KernelScratch>();
        if (spare is null || spare.N != n || spare.K != worlds[0].K || spare.Lanes != lanes) return new KernelScratch(worlds, n, lanes);
        foreach (var buffer in spare._buffers) Array.Clear(buffer);
        if (spare._packedThreat is { } packed) Array.Clear(packed);
        spare.ReadRowCount = 0;
        spare.Prepare(worlds);
        return spare;
    }

    /// <summary>Keeps <paramref name="scratch"/>, which nothing will read again, for this thread's next batch.</summary>
    public static void Return(KernelScratch scratch) => ThreadSpare.Keep(scratch);

    private readonly Array[] _buffers;

    /// <summary>Every buffer <see cref="Rent"/> clears (each kept array's backing array).</summary>
    internal IReadOnlyList<Array> Buffers => _buffers;
    private int N { get; }
    private int K { get; }
    private int Lanes { get; }

    /// <summary>What the buffers hold for a batch from its start: each lane's doctrine masks, proximity rows and reach.</summary>
    private void Prepare(World[] worlds)
    {
        int n = N, lanes = Lanes, np = Padded16, words = (n + 63) / 64;
        double allOnes = BitConverter.Int64BitsToDouble(-1);
        for (int l = 0; l < lanes; l++)
        {
            var doctrine = worlds[l].Doctrine;
            for (int i = 0; i < n; i++)
            {
                AdaptiveLane[l] |= doctrine[i] == Doctrine.Adaptive;
                StrategicMask[i * lanes + l] = doctrine[i] == Doctrine.Strategic ? allOnes : 0;
                ExternalMask[i * lanes + l] = doctrine[i] == Doctrine.External ? allOnes : 0;
                NotInternalMask[i * lanes + l] = doctrine[i] != Doctrine.Internal ? allOnes : 0;
            }
        }
        for (int l = 0; l < lanes; l++)
        {
            var proximity = worlds[l].Proximity;
            double reach = worlds[l].Parameters.Reach;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double pij = proximity[i * n + j];
                    LaneProximity[(l * n + i) * np + j] = pij;
                    if (j != i && pij > reach) ReachBits[(l * n + i) * words + (j >> 6)] |= 1UL << j;
                }
            }
        }
    }

    private const int LaneMultiple = WaltzBatch.LaneMultiple;

    /// <summary>All-ones where the state is alive, per (state, lane).</summary>
    public AlignedArray<double> AliveMask { get; }
    /// <summary>All-ones where the state is at war.</summary>
    public AlignedArray<double> AtWarMask { get; }
    /// <summary>Per (state, lane) random draws made by the scalar generator.</summary>
    public AlignedArray<double> Draws { get; }
    /// <summary>Per (state, dimension, lane) normals of the interest drift.</summary>
    public AlignedArray<double> DriftDraws { get; }
    /// <summary>Step 6: per lane, the bit set of states that may act this tick.</summary>
    public ulong[] ActorBits { get; }
    /// <summary>Per lane: whether some state is of the Adaptive doctrine (its balancing then runs the reference's code).</summary>
    public bool[] AdaptiveLane { get; }
    /// <summary>Per (state, lane), all ones where the state's doctrine is Strategic, External, or not Internal (doctrines never change).</summary>
    public AlignedArray<double> StrategicMask { get; }
    public AlignedArray<double> ExternalMask { get; }
    public AlignedArray<double> NotInternalMask { get; }
    /// <summary>One vector block, per state j: whether it may take a pact, its risk z_j, and whether it is the
    /// enemy of the state balancing (balancing's scratch).</summary>
    public AlignedArray<double> BalancingMayAlly { get; }
    public AlignedArray<double> BalancingRisk { get; }
    public AlignedArray<double> BalancingEnemies { get; }
    /// <summary>Per vector block: the compatibility matrix is up to date and stays so (no lane's interests drift).</summary>
    public bool[] CompatibilityCurrent { get; }
    /// <summary>One vector of each lane's principal threat, as doubles.</summary>
    public double[] Principal { get; } = new double[LaneMultiple];
    /// <summary>One vector block, per state j: alive, M_j, 1 + eta * r_j and reputation, one vector each.</summary>
    public AlignedArray<double> StateBlock { get; }
    /// <summary>Per (state, lane): the largest threat the state perceives, T_ip of its principal threat p (+0 when it
    /// has none), as the threat pass found it.</summary>
    public AlignedArray<double> LargestThreat { get; }
    /// <summary>One vector block: the states whose row of the common threat the rules may read (ascending), their
    /// number, and the same as flags per state.</summary>
    public int[] ReadRows { get; }
    public int ReadRowCount { get; set; }
    public bool[] IsReadRow { get; }
    /// <summary>One vector block: the allied pairs (i, j &gt; i) whose common threat is computed exactly, as i and j
    /// side by side, in ascending i and then j.</summary>
    public int[] ExactPairs { get; }
    /// <summary>One vector block of the threat matrix, rows padded to a multiple of 4; made on first use (a batch of
    /// one block with N a multiple of 4 never uses it).</summary>
    public double[] PackedThreat => _packedThreat ??= new double[_packedLength];
    private readonly int _packedLength;
    private double[]? _packedThreat;
    public int Padded { get; }

    /// <summary>N rounded up to a multiple of 16: the row length of the one-lane matrices below.</summary>
    public int Padded16 { get; }
    /// <summary>Target choice, block after block: per (k, q), bit t set where c_kq &lt; hostileCompatibility in lane t
    /// of the block (written by perception's threat rows).</summary>
    public byte[] HostileBytes { get; }
    /// <summary>Target choice, each lane: states alive and at peace, and those among them whose act draw is below
    /// their revisionism (the only states whose target is read), as bit sets (lane after lane).</summary>
    public ulong[] PeaceBits { get; }
    public ulong[] InitiatorBits { get; }
    public AlignedArray<double> LaneCapability { get; }
    public AlignedArray<double> LaneWealth { get; }
    /// <summary>Target choice, one lane: each state's allies at peace as slots (slot x of state q at x * Padded16 + q),
    /// and per group of four states the most slots any of them fills.</summary>
    public int[] SlotIndex { get; }
    public AlignedArray<double> SlotWeight { get; }
    public int[] GroupSlots { get; }
    /// <summary>Target choice, one lane: per ally k of an initiator, the targets it helps attack, as a bit set.</summary>
    public ulong[] AttackBits { get; }
    /// <summary>Target choice, one lane: how many allies at peace each state has (the slots it fills).</summary>
    public int[] AllyCount { get; }
    /// <summary>Every lane's proximity matrix, lane after lane, rows of <see cref="Padded16"/> (static). Proximity is
    /// symmetric to the bit (initialization writes each pair's value to both halves), so row i also holds the column
    /// pi_ki.</summary>
    public AlignedArray<double> LaneProximity { get; }
    /// <summary>Target choice, one initiator i: pi_ki for each state k that may help a target against i (k is not i
    /// and not allied to i), zero for the others.</summary>
    public AlignedArray<double> HelpColumn { get; }
    /// <summary>Every lane's reach: per state i, the bit set of the j with pi_ij &gt; reach (static; i itself excluded).</summary>
    public ulong[] ReachBits { get; }

    public void RefreshMasks(WaltzBatch batch)
    {
        var alive = batch.Storage.Alive.Span;
        var war = batch.Storage.WarOf.Span;
        var aliveMask = AliveMask.Span;
        var atWarMask = AtWarMask.Span;
        int count = batch.N * batch.Lanes;
        for (int x = 0; x < count; x++)
        {
            // All ones (-1) or all zeros, without a branch: a bool is the byte 0 or 1; war[x] >> 31 is -1 at peace.
            aliveMask[x] = BitConverter.Int64BitsToDouble(-(long)Unsafe.As<bool, byte>(ref alive[x]));
            atWarMask[x] = BitConverter.Int64BitsToDouble(~(long)(war[x] >> 31));
        }
    }
}
