namespace Anarchy.Models.Waltz;

/// <summary>
/// The state of one run of the Waltz model: per-state columns, the pact matrix, wars, and the quantities perceived
/// in step 2 of each tick (docs/MODEL.md, "Entities" and "Derived quantities"). Square matrices are stored row-major
/// in flat arrays: entry (i, j) is at <c>i * N + j</c>.
/// </summary>
public sealed class World
{
    public World(Scenario scenario, ulong seed)
    {
        Scenario = scenario;
        Parameters = scenario.Parameters;
        N = scenario.States;
        K = Parameters.InterestDimensions;
        Seed = seed;
        Random = new Randomness.RandomStream(seed);
        Alive = new bool[N];
        Wealth = new double[N];
        InitialWealth = new double[N];
        Capability = new double[N];
        Burden = new double[N];
        Location = new double[N * 2];
        Interests = new double[N * K];
        Revisionism = new double[N];
        Doctrine = new Doctrine[N];
        ExternalProbability = new double[N];
        Reputation = new double[N];
        WarOf = new int[N];
        GrowthRate = new double[N];
        ChoseExternal = new bool[N];
        Seeking = new bool[N];
        PactAge = new int[N * N];
        PactWeak = new int[N * N];
        PactCount = new int[N];
        Proximity = new double[N * N];
        NeighbourOrder = new int[N * Math.Max(0, N - 1)];
        Compatibility = new double[N * N];
        Threat = new double[N * N];
        ThreatNorm = new double[N];
        ThreatLevel = new double[N];
        ExpectedSupport = new double[N];
        Security = new double[N];
        CommonThreat = new double[N * N];
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
    public bool[] Alive { get; }
    public double[] Wealth { get; }
    public double[] InitialWealth { get; }
    public double[] Capability { get; }
    public double[] Burden { get; }
    /// <summary>(x, y) in the unit square, or (latitude, longitude) in degrees.</summary>
    public double[] Location { get; }
    public double[] Interests { get; }
    public double[] Revisionism { get; }
    public Doctrine[] Doctrine { get; }
    public double[] ExternalProbability { get; }
    public double[] Reputation { get; }
    /// <summary>Index into <see cref="Wars"/> of the war a state fights, or -1.</summary>
    public int[] WarOf { get; }

    // Per-tick scratch.
    /// <summary>Economy growth factor minus one of this tick (the success measure for imitation).</summary>
    public double[] GrowthRate { get; }
    public bool[] ChoseExternal { get; }
    public bool[] Seeking { get; }

    // Pacts: age >= 0 where a pact exists, -1 otherwise; symmetric.
    public int[] PactAge { get; }
    public int[] PactWeak { get; }
    public int[] PactCount { get; }

    // Static geometry.
    public double[] Proximity { get; }
    /// <summary>For each state, the other states by ascending distance (ties by index): row i holds N - 1 entries.</summary>
    public int[] NeighbourOrder { get; }

    // Perceived in step 2.
    public double[] Compatibility { get; }
    public double[] Threat { get; }
    public double[] ThreatNorm { get; }
    public double[] ThreatLevel { get; }
    public double[] ExpectedSupport { get; }
    public double[] Security { get; }
    public double[] CommonThreat { get; }

    public List<War> Wars { get; } = [];

    public bool Allied(int i, int j) => PactAge[i * N + j] >= 0;

    public double Rho(int i, int a) => Compatibility[i * N + a] * Reputation[a];

    public bool AtWar(int i) => WarOf[i] >= 0;

    /// <summary>True when i and j fight in the same war on opposite sides.</summary>
    public bool Enemies(int i, int j)
    {
        int w = WarOf[i];
        return w >= 0 && w == WarOf[j] && Wars[w].SideOf(i) != Wars[w].SideOf(j);
    }

    public void FormPact(int i, int j, int age = 0)
    {
        PactAge[i * N + j] = PactAge[j * N + i] = age;
        PactWeak[i * N + j] = PactWeak[j * N + i] = 0;
        PactCount[i]++;
        PactCount[j]++;
    }

    public void BreakPact(int i, int j)
    {
        PactAge[i * N + j] = PactAge[j * N + i] = -1;
        PactWeak[i * N + j] = PactWeak[j * N + i] = 0;
        PactCount[i]--;
        PactCount[j]--;
    }

    public int LivingCount()
    {
        int n = 0;
        for (int i = 0; i < N; i++) if (Alive[i]) n++;
        return n;
    }

    public int PactTotal()
    {
        int n = 0;
        for (int i = 0; i < N; i++) n += PactCount[i];
        return n / 2;
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

    /// <summary>0 for the initiator's side, 1 for the target's side, -1 for neither.</summary>
    public int SideOf(int state) => SideA.Contains(state) ? 0 : SideB.Contains(state) ? 1 : -1;
}
