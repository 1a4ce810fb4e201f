using Anarchy.Randomness;

namespace Anarchy.Models.Tribute;

/// <summary>What one run of the tribute model produced (docs/OUTPUTS.md, "tribute").</summary>
internal sealed record TributeRun(
    int Demands,
    int Payments,
    int Fights,
    double TributePaid,
    double Damage,
    double FinalWealth,
    double MeanWealth,
    double RichestShare,
    int Richest,
    double PeakRichestShare,
    int LeaderChanges,
    TributeClusters Clusters,
    double MeanCommitment,
    IReadOnlyList<TributeYearRow> Series,
    IReadOnlyList<TributeEvent> Events,
    IReadOnlyList<TributeActorYear> Panel);

/// <summary>The clusters of a moment: runs of two or more neighbours on the ring, every pair of them committed to each
/// other at least the threshold (<see cref="TributeSimulation.Clusters(double[], int[], int, int)"/>).</summary>
/// <param name="Count">Clusters (groups of at least two).</param>
/// <param name="Largest">Actors in the largest cluster; 0 when there is none.</param>
/// <param name="LargestShare">The largest cluster's share of all wealth; 0 when there is none.</param>
/// <param name="Group">Each actor's cluster (0 the largest), or -1.</param>
internal sealed record TributeClusters(int Count, int Largest, double LargestShare, int[] Group);

/// <summary>A year's end: its demands, payments and fights, and the system after income.</summary>
internal sealed record TributeYearRow(int Year, int Demands, int Payments, int Fights, double TotalWealth, double RichestShare, int Richest,
    int Clusters, int LargestCluster, double LargestClusterShare, double MeanCommitment);

/// <summary>An actor at a year's end: its wealth, its cluster, its commitment to its clockwise neighbour and to all.</summary>
internal sealed record TributeActorYear(int Year, int Actor, double Wealth, int Cluster, int CommitmentNext, double CommitmentMean);

/// <summary>A demand with its answer; where it was fought, the damage each side took.</summary>
internal sealed record TributeEvent(int Year, int Activation, int Actor, int Target, string Outcome, double Payment, double Cost,
    double DamageA, double DamageB, string SideA, string SideB);

/// <summary>
/// One run of Axelrod's tribute model (docs/TRIBUTE.md): actors on a ring, each year a few drawn at random demand
/// tribute from a target they can reach; the target pays or fights; paying and fighting side by side raise
/// commitment, fighting on opposite sides lowers it, and commitment decides who joins whose side.
/// </summary>
internal sealed class TributeSimulation
{
    private enum Draw : uint
    {
        Wealth = 1,
        Activation = 2,
    }

    /// <summary>Commitment of an actor to itself, percent.</summary>
    public const int Full = 100;

    private readonly TributeParameters _p;
    private readonly RandomStream _random;
    private readonly int _n, _reach;
    private readonly double[] _wealth;
    private readonly int[] _commitment;
    private readonly int[] _ring;
    private readonly bool _keepSeries, _keepEvents, _keepPanel;
    private readonly List<TributeYearRow> _series = [];
    private readonly List<TributeActorYear> _panel = [];
    private readonly List<TributeEvent> _events = [];
    private readonly List<int> _sideA = [], _sideB = [];
    private readonly Action<int, double[], int[]>? _observe;
    private int _demands, _payments, _fights, _yearDemands, _yearPayments, _yearFights;
    private double _tributePaid, _damage;

    private TributeSimulation(TributeScenario scenario, ulong seed, bool series, bool events, bool panel = false, Action<int, double[], int[]>? observe = null)
        : this(scenario.Parameters, scenario.Actors, seed, series, events, observe, panel)
    {
        for (int i = 0; i < _n; i++)
            _wealth[i] = _p.WealthMin + (_p.WealthMax - _p.WealthMin) * _random.Uniform(0, (uint)Draw.Wealth, (uint)i);
    }

    private TributeSimulation(TributeParameters parameters, int actors, ulong seed, bool series, bool events, Action<int, double[], int[]>? observe, bool panel = false)
    {
        _p = parameters;
        _random = new RandomStream(seed);
        _n = actors;
        _reach = Math.Min(_p.Reach, _n - 1);
        _keepSeries = series;
        _keepEvents = events;
        _keepPanel = panel;
        _observe = observe;
        _wealth = new double[_n];
        _commitment = new int[_n * _n];
        for (int i = 0; i < _n; i++) _commitment[i * _n + i] = Full;
        _ring = new int[3 * _n];
        for (int k = 0; k < _ring.Length; k++) _ring[k] = k % _n;
    }

    /// <summary>A system in a given state, for worked examples: each actor's wealth and the commitments (row i: i's
    /// commitment to each actor, percent; the diagonal is set to 100).</summary>
    internal static TributeSimulation FromState(TributeParameters parameters, double[] wealth, int[] commitment)
    {
        var s = new TributeSimulation(parameters, wealth.Length, 1, false, true, null);
        wealth.CopyTo(s._wealth, 0);
        commitment.CopyTo(s._commitment, 0);
        for (int i = 0; i < s._n; i++) s._commitment[i * s._n + i] = Full;
        return s;
    }

    /// <summary>Each actor's wealth now.</summary>
    internal IReadOnlyList<double> Wealth => _wealth;

    /// <summary>Commitment of <paramref name="i"/> to <paramref name="j"/> now, percent.</summary>
    internal int Commitment(int i, int j) => C(i, j);

    /// <summary>Activates <paramref name="actor"/> once, as in year 1; the demand it made, or null.</summary>
    internal TributeEvent? Act(int actor)
    {
        int before = _events.Count;
        Activate(actor, 1, 0);
        return _events.Count > before ? _events[^1] : null;
    }

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="seed"/>.</summary>
    public static TributeRun Run(TributeScenario scenario, ulong seed, bool series = false, bool events = false, bool panel = false) =>
        new TributeSimulation(scenario, seed, series, events, panel).Play(scenario.Years);

    /// <summary>Plays <paramref name="scenario"/> with <paramref name="seed"/> as <see cref="Run"/> does, calling
    /// <paramref name="observe"/> at year 0 and after every year with the year, each actor's wealth and the commitment
    /// matrix (row i: i's commitment to each actor, percent).</summary>
    internal static void Observe(TributeScenario scenario, ulong seed, Action<int, double[], int[]> observe) =>
        new TributeSimulation(scenario, seed, false, false, false, observe).Play(scenario.Years);

    /// <summary>Commitment of <paramref name="i"/> to <paramref name="j"/>, percent.</summary>
    private int C(int i, int j) => _commitment[i * _n + j];

    /// <summary>The actor at position <paramref name="k"/> round the ring, for k in [-N, 2N).</summary>
    private int Mod(int k) => _ring[k + _n];

    private TributeRun Play(int years)
    {
        double total = Total(), wealthSum = 0;
        int leader = Richest(), changes = 0;
        double peak = Share(leader, total);
        Record(0);
        for (int year = 1; year <= years; year++)
        {
            _yearDemands = _yearPayments = _yearFights = 0;
            for (int a = 0; a < _p.Activations; a++)
            {
                int actor = (int)(_random.Uniform((uint)year, (uint)Draw.Activation, (uint)a) * _n);
                Activate(Math.Min(actor, _n - 1), year, a);
            }
            for (int i = 0; i < _n; i++) _wealth[i] += _p.Income;
            total = Total();
            wealthSum += total;
            int richest = Richest();
            if (richest != leader) changes++;
            leader = richest;
            peak = Math.Max(peak, Share(richest, total));
            Record(year);
        }
        var clusters = Clusters();
        return new TributeRun(_demands, _payments, _fights, _tributePaid, _damage, total, years > 0 ? wealthSum / years : total,
            Share(leader, total), leader, peak, changes, clusters, MeanCommitment(), _series, _events, _panel);
    }

    /// <summary>
    /// Actor <paramref name="i"/>'s activation: it weighs every target it can reach and demands from the best, if any
    /// is worth a demand; the target pays or fights.
    /// </summary>
    private void Activate(int i, int year, int activation)
    {
        double best = 0;
        int bestTarget = -1, bestDirection = 0, bestSteps = 0;
        foreach (int direction in (ReadOnlySpan<int>)[1, -1])
        {
            for (int d = 1; d <= _reach; d++)
            {
                int j = Mod(i + direction * d);
                if (!Reachable(i, j, direction, d)) continue;
                double attack = Strength(i, j, direction, d, null), defence = Defence(i, j, direction, null);
                if (attack <= 0) continue;
                double score = Score(attack, defence, Math.Min(_p.Demand, _wealth[j]));
                if (score > best)
                {
                    best = score;
                    bestTarget = j;
                    bestDirection = direction;
                    bestSteps = d;
                }
            }
        }
        if (bestTarget >= 0) Demand(i, bestTarget, bestDirection, bestSteps, year, activation);
    }

    /// <summary>Whether every actor between <paramref name="i"/> and <paramref name="j"/> (going
    /// <paramref name="direction"/>, <paramref name="steps"/> steps) is more committed to i than to j.</summary>
    private bool Reachable(int i, int j, int direction, int steps)
    {
        for (int m = 1; m < steps; m++)
        {
            int k = Mod(i + direction * m);
            if (C(k, i) <= C(k, j)) return false;
        }
        return true;
    }

    /// <summary>
    /// The attacking side's strength: i's wealth, and (C_ki / 100) W_k of each actor k between i and j and of the
    /// unbroken run behind i (away from j) of actors more committed to i than to j. Members are added to
    /// <paramref name="members"/> when given.
    /// </summary>
    private double Strength(int i, int j, int direction, int steps, List<int>? members)
    {
        double s = _wealth[i];
        members?.Add(i);
        for (int m = 1; m < steps; m++) s += Contribution(Mod(i + direction * m), i, members);
        for (int m = 1; m < _n; m++)
        {
            int k = Mod(i - direction * m);
            if (k == j || C(k, i) <= C(k, j)) break;
            s += Contribution(k, i, members);
        }
        return s;
    }

    /// <summary>The defending side's strength: j's wealth, and (C_kj / 100) W_k of the unbroken run beyond j (away from
    /// i) of actors more committed to j than to i.</summary>
    private double Defence(int i, int j, int direction, List<int>? members)
    {
        double s = _wealth[j];
        members?.Add(j);
        for (int m = 1; m < _n; m++)
        {
            int k = Mod(j + direction * m);
            if (k == i || C(k, j) <= C(k, i)) break;
            s += Contribution(k, j, members);
        }
        return s;
    }

    private double Contribution(int k, int leader, List<int>? members)
    {
        members?.Add(k);
        return C(k, leader) / 100.0 * _wealth[k];
    }

    /// <summary>How much a demand is worth to the demander, by the demand rule; positive where it would demand.</summary>
    private double Score(double attack, double defence, double payment)
    {
        double vulnerability = (attack - defence) / attack;
        if (!(vulnerability > 0) || !(payment > 0)) return 0;
        return _p.DemandRule switch
        {
            0 => payment * vulnerability,
            1 => vulnerability,
            _ => payment,
        };
    }

    /// <summary>i demands from j; j pays or fights by the response rule.</summary>
    private void Demand(int i, int j, int direction, int steps, int year, int activation)
    {
        _sideA.Clear();
        _sideB.Clear();
        double attack = Strength(i, j, direction, steps, _sideA), defence = Defence(i, j, direction, _sideB);
        double payment = Math.Min(_p.Demand, _wealth[j]);
        double cost = Math.Min(_p.Destructiveness * attack * _wealth[j] / defence, _wealth[j]);
        bool pays = _p.ResponseRule == 0 ? cost >= payment : Math.Min(_p.Destructiveness * attack, defence) >= payment;
        _demands++;
        _yearDemands++;
        double damageA = 0, damageB = 0;
        if (pays)
        {
            _payments++;
            _yearPayments++;
            _tributePaid += payment;
            _wealth[j] -= payment;
            _wealth[i] += payment;
            Raise(i, j);
        }
        else
        {
            _fights++;
            _yearFights++;
            double toDefence = Math.Min(_p.Destructiveness * attack, defence);
            double toAttack = Math.Min(_p.Destructiveness * defence, attack);
            // Each member's loss from the wealth before the fight: the damage to its side times its share of the side.
            var lossA = _sideA.Select(k => toAttack * (C(k, i) / 100.0 * _wealth[k]) / attack).ToArray();
            var lossB = _sideB.Select(k => toDefence * (C(k, j) / 100.0 * _wealth[k]) / defence).ToArray();
            damageA = Apply(_sideA, lossA);
            damageB = Apply(_sideB, lossB);
            _damage += damageA + damageB;
            Commit(_sideA, _sideB);
        }
        if (_keepEvents)
        {
            _events.Add(new TributeEvent(year, activation, i, j, pays ? "paid" : "fought", payment, cost, damageA, damageB,
                string.Join(';', _sideA.Order()), string.Join(';', _sideB.Order())));
        }
    }

    /// <summary>Takes each member's loss (never below zero wealth) and returns the wealth destroyed.</summary>
    private double Apply(List<int> side, double[] loss)
    {
        double destroyed = 0;
        for (int m = 0; m < side.Count; m++)
        {
            int k = side[m];
            double after = Math.Max(0, _wealth[k] - loss[m]);
            destroyed += _wealth[k] - after;
            _wealth[k] = after;
        }
        return destroyed;
    }

    /// <summary>After a fight: every pair on the same side grows more committed, every pair across less.</summary>
    private void Commit(List<int> a, List<int> b)
    {
        foreach (var side in (ReadOnlySpan<List<int>>)[a, b])
        {
            for (int x = 0; x < side.Count; x++)
            {
                for (int y = x + 1; y < side.Count; y++) Raise(side[x], side[y]);
            }
        }
        foreach (int x in a)
        {
            foreach (int y in b) Lower(x, y);
        }
    }

    private void Raise(int i, int j)
    {
        _commitment[i * _n + j] = Math.Min(Full, _commitment[i * _n + j] + _p.CommitmentStep);
        _commitment[j * _n + i] = Math.Min(Full, _commitment[j * _n + i] + _p.CommitmentStep);
    }

    private void Lower(int i, int j)
    {
        _commitment[i * _n + j] = Math.Max(0, _commitment[i * _n + j] - _p.CommitmentStep);
        _commitment[j * _n + i] = Math.Max(0, _commitment[j * _n + i] - _p.CommitmentStep);
    }

    private double Total()
    {
        double total = 0;
        for (int i = 0; i < _n; i++) total += _wealth[i];
        return total;
    }

    /// <summary>The richest actor (the first of equals).</summary>
    private int Richest()
    {
        int richest = 0;
        for (int i = 1; i < _n; i++)
        {
            if (_wealth[i] > _wealth[richest]) richest = i;
        }
        return richest;
    }

    private double Share(int i, double total) => total > 0 ? _wealth[i] / total : 0;

    /// <summary>Mean commitment between distinct actors, percent.</summary>
    private double MeanCommitment()
    {
        long sum = 0;
        for (int i = 0; i < _n; i++)
        {
            for (int j = 0; j < _n; j++)
            {
                if (i != j) sum += _commitment[i * _n + j];
            }
        }
        return (double)sum / ((long)_n * (_n - 1));
    }

    /// <summary>The clusters now.</summary>
    internal TributeClusters Clusters() => Clusters(_wealth, _commitment, _n, _p.ClusterThreshold);

    /// <summary>
    /// The clusters of <paramref name="commitment"/> (row i: i's commitment to each actor) and wealth: runs of
    /// neighbours along the ring in which every pair's mutual commitment (the lesser of the two) is at least
    /// <paramref name="threshold"/>. The longest such run of actors not yet in a cluster is taken first (of equal runs,
    /// the wealthiest, then the one starting at the lowest index), and so on while a run of two or more is left;
    /// clusters are numbered in that order, so cluster 0 is the largest.
    /// </summary>
    internal static TributeClusters Clusters(double[] wealth, int[] commitment, int n, int threshold)
    {
        var group = new int[n];
        Array.Fill(group, -1);
        int count = 0, largest = 0;
        double largestWealth = 0, total = 0;
        for (int i = 0; i < n; i++) total += wealth[i];
        while (true)
        {
            int bestStart = -1, bestLength = 1;
            double bestWealth = 0;
            for (int start = 0; start < n; start++)
            {
                if (group[start] >= 0) continue;
                int length = 1;
                double w = wealth[start];
                while (length < n)
                {
                    int k = (start + length) % n;
                    if (group[k] >= 0 || !Joins(commitment, n, threshold, start, length, k)) break;
                    w += wealth[k];
                    length++;
                }
                if (length > bestLength || (length == bestLength && length > 1 && w > bestWealth))
                {
                    bestStart = start;
                    bestLength = length;
                    bestWealth = w;
                }
            }
            if (bestStart < 0) break;
            for (int m = 0; m < bestLength; m++) group[(bestStart + m) % n] = count;
            if (count == 0)
            {
                largest = bestLength;
                largestWealth = bestWealth;
            }
            count++;
        }
        return new TributeClusters(count, largest, total > 0 ? largestWealth / total : 0, group);
    }

    /// <summary>Whether actor <paramref name="k"/> is committed at least <paramref name="threshold"/> both ways to every
    /// actor of the run of <paramref name="length"/> from <paramref name="start"/>.</summary>
    private static bool Joins(int[] commitment, int n, int threshold, int start, int length, int k)
    {
        for (int m = 0; m < length; m++)
        {
            int x = (start + m) % n;
            if (Math.Min(commitment[x * n + k], commitment[k * n + x]) < threshold) return false;
        }
        return true;
    }

    private void Record(int year)
    {
        _observe?.Invoke(year, _wealth, _commitment);
        if (!_keepSeries && !_keepPanel) return;
        var clusters = Clusters();
        if (_keepSeries)
        {
            double total = Total();
            int richest = Richest();
            _series.Add(new TributeYearRow(year, _yearDemands, _yearPayments, _yearFights, total, Share(richest, total), richest,
                clusters.Count, clusters.Largest, clusters.LargestShare, MeanCommitment()));
        }
        if (_keepPanel)
        {
            for (int i = 0; i < _n; i++)
            {
                long sum = 0;
                for (int j = 0; j < _n; j++)
                {
                    if (j != i) sum += C(i, j);
                }
                _panel.Add(new TributeActorYear(year, i, _wealth[i], clusters.Group[i], C(i, Mod(i + 1)), (double)sum / (_n - 1)));
            }
        }
    }
}
