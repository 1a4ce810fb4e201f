using Anarchy.Engine;

namespace Anarchy.Models.Waltz;

/// <summary>
/// The state of one run of the Waltz model: per-state columns, the pact matrix, wars, and the quantities perceived
/// in step 2 of each tick (docs/MODEL.md, "Entities" and "Derived quantities"). Square matrices are stored row-major
/// in flat arrays: entry (i, j) is at <c>i * N + j</c>.
/// </summary>
public sealed class World
{
    /// <summary>A world that owns its storage (the reference engine).</summary>
    public World(Scenario scenario, ulong seed) : this(scenario, seed, null, 0) { }

    /// <summary>A world whose columns live in lane <paramref name="lane"/> of a batch's interleaved storage.</summary>
    internal World(Scenario scenario, ulong seed, WorldStorage? storage, int lane)
    {
        Scenario = scenario;
        Parameters = scenario.Parameters;
        N = scenario.States;
        K = Parameters.InterestDimensions;
        Seed = seed;
        Random = new Randomness.RandomStream(seed);
        storage ??= new WorldStorage(N, K, lanes: 1);
        Alive = storage.Alive.Lane(lane);
        Wealth = storage.Wealth.Lane(lane);
        InitialWealth = new double[N];
        Capability = storage.Capability.Lane(lane);
        Burden = storage.Burden.Lane(lane);
        Location = new double[N * 2];
        Interests = storage.Interests.Lane(lane);
        Revisionism = storage.Revisionism.Lane(lane);
        Doctrine = new Doctrine[N];
        ExternalProbability = new double[N];
        Reputation = storage.Reputation.Lane(lane);
        WarOf = storage.WarOf.Lane(lane);
        Target = storage.Target.Lane(lane);
        PrincipalThreat = storage.PrincipalThreat.Lane(lane);
        ActDraw = storage.ActDraw.Lane(lane);
        ChallengeDraw = storage.ChallengeDraw.Lane(lane);
        GrowthRate = storage.GrowthRate.Lane(lane);
        ChoseExternal = new bool[N];
        Seeking = new bool[N];
        _pactFormed = new int[N * N];
        _pactLanes = storage.PactLanes;
        _pactLaneBytes = WorldStorage.LaneBytes(storage.Lanes);
        _pactLaneByte = lane / 8;
        _pactLaneBit = (byte)(1 << (lane % 8));
        PactWeak = new int[N * N];
        PactWords = (N + 63) / 64;
        PactBits = new ulong[Math.Max(1, N * PactWords)];
        PactCount = storage.PactCount.Lane(lane);
        Proximity = storage.Proximity.Lane(lane);
        NeighbourOrder = new int[N * Math.Max(0, N - 1)];
        Scratch = new RuleScratch(N);
        Compatibility = storage.Compatibility.Lane(lane);
        Threat = storage.Threat.Lane(lane);
        ThreatNorm = storage.ThreatNorm.Lane(lane);
        ThreatLevel = storage.ThreatLevel.Lane(lane);
        ExpectedSupport = storage.ExpectedSupport.Lane(lane);
        Security = storage.Security.Lane(lane);
        CommonThreat = storage.CommonThreat.Lane(lane);
        PactValues = storage.PactValues.Lane(lane);
        PartnerValues = storage.PartnerValues.Lane(lane);
    }

    public Scenario Scenario { get; }
    public ModelParameters Parameters { get; }
    public ulong Seed { get; }
    public Randomness.RandomStream Random { get; }

    /// <summary>Number of states (alive or not).</summary>
    public int N { get; }

    /// <summary>Dimensions of the interest space.</summary>
    public int K { get; }

    /// <summary>The current tick, counted from 0 with the burn-in included.</summary>
    public int Tick { get; set; }

    public int Leader { get; set; }

    // Per-state variables.
    public Column<bool> Alive { get; }
    public Column<double> Wealth { get; }
    public double[] InitialWealth { get; }
    public Column<double> Capability { get; }
    public Column<double> Burden { get; }
    /// <summary>(x, y) in the unit square, or (latitude, longitude) in degrees.</summary>
    public double[] Location { get; }
    public Column<double> Interests { get; }
    public Column<double> Revisionism { get; }
    public Doctrine[] Doctrine { get; }
    public double[] ExternalProbability { get; }
    public Column<double> Reputation { get; }
    /// <summary>Index into <see cref="Wars"/> of the war a state fights, or -1.</summary>
    public Column<int> WarOf { get; }

    // Per-tick scratch.
    /// <summary>Economy growth factor minus one of this tick (the success measure for imitation).</summary>
    public Column<double> GrowthRate { get; }
    public bool[] ChoseExternal { get; }
    public bool[] Seeking { get; }

    // Pacts: their ages (below) and weak spells, symmetric.
    /// <summary>Ticks of pact ageing so far (step 9 adds one each tick): a pact's age is this less its mark.</summary>
    public int PactClock { get; private set; }

    /// <summary>Per pair, <see cref="PactClock"/> less the pact's age when it formed (read only while the pact holds).</summary>
    private readonly int[] _pactFormed;

    /// <summary>The age of the pact between i and j in ticks (0 in the tick it formed, until step 9 ages it), or -1
    /// without a pact.</summary>
    public int PactAge(int i, int j) => Allied(i, j) ? PactClock - _pactFormed[i * N + j] : -1;

    /// <summary>Step 9's ageing: every pact is a tick older.</summary>
    public void AgePacts() => PactClock++;
    public int[] PactWeak { get; }
    /// <summary>Words of <see cref="PactBits"/> per state.</summary>
    public int PactWords { get; }
    /// <summary>The pact matrix as one bit set per state (row i is words <c>i * PactWords</c> onwards, bit j of the
    /// row set where i and j are allied), kept in step by <see cref="FormPact"/> and <see cref="BreakPact"/>: the
    /// rules visit a state's allies through <see cref="Allies"/>, in ascending index order, instead of scanning all N.</summary>
    public ulong[] PactBits { get; }
    public Column<int> PactCount { get; }

    // Static geometry.
    public Column<double> Proximity { get; }
    /// <summary>For each state, the other states by ascending distance (ties by index): row i holds N - 1 entries.
    /// Filled only in worlds with Adaptive states, the only ones that read it.</summary>
    public int[] NeighbourOrder { get; }

    // Perceived in step 2.
    public Column<double> Compatibility { get; }
    public Column<double> Threat { get; }
    public Column<double> ThreatNorm { get; }
    public Column<double> ThreatLevel { get; }
    public Column<double> ExpectedSupport { get; }
    public Column<double> Security { get; }
    public Column<double> CommonThreat { get; }
    /// <summary>Alliance valuation (<see cref="Perception.PactValue"/>): v_ij at (i, j), and in the second matrix at
    /// (i, j) too the same pact's value to j, v_ji (<see cref="Perception.PactValueToPartner"/>), so that a seeker
    /// reads rows only.</summary>
    public Column<double> PactValues { get; }
    public Column<double> PartnerValues { get; }

    /// <summary>Each state's chosen target in step 6, or -1.</summary>
    public Column<int> Target { get; }

    /// <summary>The state that threatens each state most (largest T_ij of step 2, ties to the lower index), or -1.</summary>
    public Column<int> PrincipalThreat { get; }

    /// <summary>Step 6's draws of the tick, one per state: whether it acts on its target, whether it challenges.</summary>
    public Column<double> ActDraw { get; }
    public Column<double> ChallengeDraw { get; }

    public List<War> Wars { get; } = [];

    /// <summary>The wars that may still be going on, in the order they started (ended ones are dropped at the start
    /// of each war-resolution step).</summary>
    public List<War> ActiveWars { get; } = [];

    /// <summary>Adds a war that has just started to <see cref="Wars"/> and <see cref="ActiveWars"/>.</summary>
    public void StartWar(War war)
    {
        Wars.Add(war);
        ActiveWars.Add(war);
    }

    /// <summary>Buffers the rules reuse from tick to tick, so that a tick allocates nothing unless a war starts or
    /// events are kept.</summary>
    internal RuleScratch Scratch { get; }

    public bool Allied(int i, int j) => (PactBits[i * PactWords + (j >> 6)] & (1UL << j)) != 0;

    /// <summary>The allies of <paramref name="i"/> in ascending index order (a pact may be broken while they are visited).</summary>
    public AllyEnumerator Allies(int i) => new(PactBits, i * PactWords, PactWords);

    /// <summary>The allies of i with a higher index, ascending: each pact once, from its lower member.</summary>
    public AllyEnumerator AlliesAbove(int i) => new(PactBits, i * PactWords, PactWords, above: i);

    public double Rho(int i, int a) => Compatibility[i * N + a] * Reputation[a];

    public bool AtWar(int i) => WarOf[i] >= 0;

    /// <summary>True when i and j fight in the same war on opposite sides.</summary>
    public bool Enemies(int i, int j)
    {
        int w = WarOf[i];
        return w >= 0 && w == WarOf[j] && Wars[w].SideOf(i) != Wars[w].SideOf(j);
    }

    private readonly byte[] _pactLanes;
    private readonly int _pactLaneBytes, _pactLaneByte;
    private readonly byte _pactLaneBit;

    /// <summary>Counts every pact formed or broken, so that what depends on the pacts alone can tell when to redo it.</summary>
    public long PactVersion { get; private set; }

    public void FormPact(int i, int j, int age = 0)
    {
        PactVersion++;
        _pactFormed[i * N + j] = _pactFormed[j * N + i] = PactClock - age;
        _pactLanes[(i * N + j) * _pactLaneBytes + _pactLaneByte] |= _pactLaneBit;
        _pactLanes[(j * N + i) * _pactLaneBytes + _pactLaneByte] |= _pactLaneBit;
        PactWeak[i * N + j] = PactWeak[j * N + i] = 0;
        PactBits[i * PactWords + (j >> 6)] |= 1UL << j;
        PactBits[j * PactWords + (i >> 6)] |= 1UL << i;
        PactCount[i]++;
        PactCount[j]++;
        _pactTotal++;
    }

    public void BreakPact(int i, int j)
    {
        PactVersion++;
        _pactLanes[(i * N + j) * _pactLaneBytes + _pactLaneByte] &= (byte)~_pactLaneBit;
        _pactLanes[(j * N + i) * _pactLaneBytes + _pactLaneByte] &= (byte)~_pactLaneBit;
        PactWeak[i * N + j] = PactWeak[j * N + i] = 0;
        PactBits[i * PactWords + (j >> 6)] &= ~(1UL << j);
        PactBits[j * PactWords + (i >> 6)] &= ~(1UL << i);
        PactCount[i]--;
        PactCount[j]--;
        _pactTotal--;
    }

    public int LivingCount()
    {
        int n = 0;
        for (int i = 0; i < N; i++) if (Alive[i]) n++;
        return n;
    }

    /// <summary>Pacts in force (half the sum of <see cref="PactCount"/>, counted as pacts form and break).</summary>
    public int PactTotal() => _pactTotal;

    private int _pactTotal;
}

/// <summary>Buffers of the rules, cleared where they are used (<see cref="World.Scratch"/>).</summary>
internal sealed class RuleScratch
{
    public RuleScratch(int n)
    {
        // Capacities that are seldom exceeded (candidates) or never (a state acts, stands or refuses once a tick).
        Candidates = new(4 * n);
        Acts = new(n);
        Stood = new(n);
        Refused = new(n);
        Involved = new bool[n];
        Queue = new (int State, int Hop)[Math.Max(1, n)];
        FoughtIn = new int[n];
        Spared = new bool[n];
        Blocs = new int[n];
        BlocSize = new int[n];
        BlocCapability = new double[n];
    }

    /// <summary>Step 4: candidate pacts.</summary>
    public List<AllianceFormation.Candidate> Candidates { get; }
    /// <summary>Step 6: the acts of the tick.</summary>
    public List<Disputes.Act> Acts { get; }
    /// <summary>Step 7, one dispute: allies that stood and that stayed out, states already called, the call queue.</summary>
    public List<int> Stood { get; }
    public List<Refusal> Refused { get; }
    public bool[] Involved { get; }
    public (int State, int Hop)[] Queue { get; }
    /// <summary>Step 8: the war each state fought in this tick, and states spared by the conquest norm.</summary>
    public int[] FoughtIn { get; }
    public bool[] Spared { get; }
    /// <summary>Step 10: bloc labels, sizes and capabilities.</summary>
    public int[] Blocs { get; }
    /// <summary>The <see cref="World.PactVersion"/> and number of living states <see cref="Blocs"/> were found for
    /// (-1 before the first time).</summary>
    public long BlocsPactVersion { get; set; } = -1;
    public int BlocsLiving { get; set; } = -1;
    public int[] BlocSize { get; }
    public double[] BlocCapability { get; }
}

/// <summary>
/// The set bits of one state's row of <see cref="World.PactBits"/>, lowest first. A word is copied when the cursor
/// reaches it, so the visit may break the pact it is visiting; changes to a word already reached are not seen.
/// </summary>
public struct AllyEnumerator
{
    private readonly ulong[] _bits;
    private readonly int _start;
    private readonly int _end;
    private int _word;
    private ulong _pending;

    internal AllyEnumerator(ulong[] bits, int start, int words)
    {
        _bits = bits;
        _start = start;
        _end = start + words;
        _word = start - 1;
        _pending = 0;
        Current = -1;
    }

    /// <summary>The allies above <paramref name="above"/> only: the row from the word holding it, its lower bits cleared.</summary>
    internal AllyEnumerator(ulong[] bits, int start, int words, int above)
    {
        _bits = bits;
        _start = start;
        _end = start + words;
        _word = start + (above >> 6);
        _pending = bits[_word] & (~0UL << (above & 63) << 1);
        Current = -1;
    }

    /// <summary>The current ally's index.</summary>
    public int Current { get; private set; }

    public readonly AllyEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_pending == 0)
        {
            if (++_word >= _end) return false;
            _pending = _bits[_word];
        }
        Current = ((_word - _start) << 6) + System.Numerics.BitOperations.TrailingZeroCount(_pending);
        _pending &= _pending - 1;
        return true;
    }
}

/// <summary>A war between two sides led by the initiator and the target of the dispute that started it.</summary>
public sealed class War
{
    public War(int id, int initiator, int target, int startTick, int disputeId)
    {
        Id = id;
        Initiator = initiator;
        Target = target;
        StartTick = startTick;
        DisputeId = disputeId;
        SideA.Add(initiator);
        SideB.Add(target);
    }

    public int Id { get; }
    public int Initiator { get; }
    public int Target { get; }
    public int StartTick { get; }
    public int DisputeId { get; }
    /// <summary>The initiator's side, initiator first, then members in the order they joined.</summary>
    public List<int> SideA { get; } = [];
    /// <summary>The target's side, target first, then members in the order they joined.</summary>
    public List<int> SideB { get; } = [];
    /// <summary>Capability destroyed so far.</summary>
    public double Severity { get; set; }
    public bool Ongoing { get; set; } = true;
    public int EndTick { get; set; } = -1;
    /// <summary>0: the initiator's side won; 1: the target's side won; -1 while ongoing.</summary>
    public int Winner { get; set; } = -1;
    /// <summary>True when the war started after the burn-in and counts in the run summary.</summary>
    public bool Recorded { get; set; }

    /// <summary>The war's record at <paramref name="tick"/> (its end, or after the last tick): severity, duration and sides so far.</summary>
    public ModelEvent Outcome(int tick, string kind, string outcome) =>
        new(tick, kind, Initiator, Target, outcome, DisputeId, Id, Value: Severity, Duration: tick - StartTick + 1,
            SideA: string.Join(';', SideA), SideB: string.Join(';', SideB));

    /// <summary>0 for the initiator's side, 1 for the target's side, -1 for neither.</summary>
    public int SideOf(int state) => SideA.Contains(state) ? 0 : SideB.Contains(state) ? 1 : -1;
}
