using Anarchy.Numerics;
using Anarchy.Randomness;

namespace Anarchy.Models.Realpolitik;

/// <summary>What one run of the realpolitik preset produced.</summary>
internal sealed record RealpolitikRun(
    int Turns,
    int TurnsPlayed,
    bool UniversalEmpire,
    int Wars,
    int Crises,
    int Survivors,
    int Deaths,
    double MedianSurvival,
    double LargestShare,
    int VoidTurns,
    IReadOnlyList<RealpolitikTurnRow> Series,
    IReadOnlyList<RealpolitikEvent> Events);

/// <summary>The system at the end of a turn: states alive and the distribution of power.</summary>
internal sealed record RealpolitikTurnRow(int Turn, int Alive, double LargestShare, double Min, double Q25, double Median, double Q75, double Max, double Mean, double Sd);

/// <summary>A crisis (war or peace, with its sides and outcome) or a death.</summary>
internal sealed record RealpolitikEvent(int Turn, string Kind, int State, int Other, string Outcome, double Value, double Value2, string SideA, string SideB);

/// <summary>
/// One run of Cusack and Stoll's realpolitik system as statesim codes it (docs/REALPOLITIK.md): states on a random
/// regular graph of borders; each turn one state weighs attacking its weakest neighbour through noisy estimates of
/// power, both sides seek minimal winning coalitions among the target's neighbours, and a war moves power by its
/// outcome, costs, Versailles and reparations; states below power 1 die and their borders pass to the conqueror;
/// survivors grow by a clipped Cauchy rate. The run ends with a universal empire or after the last turn.
/// </summary>
internal sealed class RealpolitikSimulation
{
    private enum Draw : uint
    {
        Graph = 1,
        InitialPower = 2,
        InitialPerception = 3,
        Actor = 4,
        Estimate = 5,
        Victory = 6,
        WarWeight = 7,
        Growth = 8,
        Perception = 9,
    }

    private readonly RealpolitikParameters _p;
    private readonly RandomStream _random;
    private readonly int _n;
    private readonly double[] _power;
    private readonly double[] _power0;
    private readonly bool[] _alive;
    private readonly int[] _conqueror;
    private readonly int[] _deathTurn;
    private readonly List<int>[] _borders;
    private readonly List<int>[] _alliance;
    private readonly bool _keepSeries, _keepEvents;
    private readonly List<RealpolitikTurnRow> _series = [];
    private readonly List<RealpolitikEvent> _events = [];
    private int _turn;
    private uint _draw;
    private int _living;

    /// <summary>Called after turn 0 and after every ended turn with the turn, powers, liveness and borders (for the view).</summary>
    private readonly Action<int, double[], bool[], List<int>[]>? _observe;

    private RealpolitikSimulation(RealpolitikScenario scenario, ulong seed, bool series, bool events, Action<int, double[], bool[], List<int>[]>? observe = null)
    {
        _observe = observe;
        _p = scenario.Parameters;
        _random = new RandomStream(seed);
        _n = scenario.States;
        _keepSeries = series;
        _keepEvents = events;
        _borders = RegularGraph.Generate(_n, _p.Degree, _random, (uint)Draw.Graph);
        _power = new double[_n];
        _power0 = new double[_n];
        _alive = new bool[_n];
        _conqueror = new int[_n];
        _deathTurn = new int[_n];
        _alliance = new List<int>[_n];
        for (int i = 0; i < _n; i++)
        {
            _power[i] = Math.Max(_p.PowerMean + _p.PowerSigma * _random.Normal(0, (uint)Draw.InitialPower, (uint)i), 1);
            _power0[i] = _power[i] * (1 + _p.Misperception * _random.Normal(0, (uint)Draw.InitialPerception, (uint)i));
            _alive[i] = true;
            _conqueror[i] = -1;
            _deathTurn[i] = -1;
            _alliance[i] = [i];
        }
        _living = _n;
        Record(0);
    }

    /// <summary>Plays <paramref name="scenario"/> with <paramref name="seed"/> as <see cref="Run"/> does, calling
    /// <paramref name="observe"/> after turn 0 and every ended turn with the turn, each state's power, whether it lives,
    /// and its borders.</summary>
    internal static void Observe(RealpolitikScenario scenario, ulong seed, Action<int, double[], bool[], List<int>[]> observe) =>
        new RealpolitikSimulation(scenario, seed, false, false, observe).Play(scenario.Turns);

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="seed"/>.</summary>
    public static RealpolitikRun Run(RealpolitikScenario scenario, ulong seed, bool series = false, bool events = false) =>
        new RealpolitikSimulation(scenario, seed, series, events).Play(scenario.Turns);

    private RealpolitikRun Play(int turns)
    {
        int last = _p.ShortTurnCount == 1 ? turns - 1 : turns;
        int lastEnded = 0, played = 0, wars = 0, crises = 0, voids = 0;
        for (_turn = 1; _turn <= last; _turn++)
        {
            if (_living == 1) break;
            played = _turn;
            _draw = 0;
            int s = ChooseActor();
            int t = Target(s);
            if (t < 0)
            {
                voids++;
                if (_p.VoidTurns == 1) continue;
            }
            else
            {
                crises++;
                if (Crisis(s, t)) wars++;
            }
            EndTurn();
            lastEnded = _turn;
        }
        var survival = new List<double>(_n);
        for (int i = 0; i < _n; i++) survival.Add(_alive[i] ? lastEnded : _deathTurn[i]);
        survival.Sort();
        double median = _n % 2 == 1 ? survival[_n / 2] : (survival[_n / 2 - 1] + survival[_n / 2]) / 2;
        return new RealpolitikRun(lastEnded, played, _living == 1, wars, crises, _living, _n - _living, median, LargestShare(), voids, _series, _events);
    }

    /// <summary>The acting state: uniform over the living (statesim) or with probability proportional to power.</summary>
    private int ChooseActor()
    {
        double u = _random.Uniform((uint)_turn, (uint)Draw.Actor, 0);
        if (_p.UniformActor == 1)
        {
            int k = Math.Min((int)(u * _living), _living - 1);
            for (int i = 0; i < _n; i++)
            {
                if (_alive[i] && k-- == 0) return i;
            }
        }
        double total = 0;
        for (int i = 0; i < _n; i++) if (_alive[i]) total += _power[i];
        double at = u * total;
        int chosen = -1;
        for (int i = 0; i < _n; i++)
        {
            if (!_alive[i]) continue;
            chosen = i;
            at -= _power[i];
            if (at < 0) break;
        }
        return chosen;
    }

    /// <summary>The weakest neighbour (first in border order on ties) when it is weaker than s, else -1.</summary>
    private int Target(int s)
    {
        int best = -1;
        foreach (int j in _borders[s])
        {
            if (best < 0 || _power[s] - _power[j] > _power[s] - _power[best]) best = j;
        }
        return best >= 0 && !Same(best, s) && _power[best] < _power[s] ? best : -1;
    }

    /// <summary>The crisis between s and its target t; true when it ends in war.</summary>
    private bool Crisis(int s, int t)
    {
        // S looks first: it goes on only if it thinks the target no stronger than it thinks itself.
        if (Estimate(_power[t]) > _power0[s]) return Peace(s, t, "deterred");
        // The target, alarmed, seeks allies against S.
        if (_power0[t] <= Estimate(_power[s]))
        {
            var coalition = SeekAllies(t, s);
            foreach (int ally in coalition)
            {
                if (!Same(ally, t)) Propose(t, ally, coalition, s);
            }
        }
        if (EstimateAll(_alliance[t]) < _power0[s]) return War(s, t);
        var own = SeekAllies(s, t);
        foreach (int ally in own)
        {
            if (!Same(ally, s)) Propose(s, ally, own, t);
        }
        if (_alliance[s].Count < own.Count) return Peace(s, t, "backed down");
        // The target, if it now thinks itself the weaker side, seeks more allies.
        if (EstimateAll(_alliance[t]) < EstimateAll(_alliance[s]))
        {
            var more = SeekAllies(t, s);
            var fresh = more.Where(x => !In(x, _alliance[t])).ToList();
            foreach (int x in fresh) Propose(t, x, more, s);
        }
        return EstimateAll(_alliance[s]) > EstimateAll(_alliance[t]) ? War(s, t) : Peace(s, t, "stood off");
    }

    /// <summary>
    /// The minimal winning coalition of x against y: x's alliance plus neighbours of y in neither alliance, the one
    /// of least total power above y's alliance's, among the first <c>coalitionCap</c> combinations of each size in
    /// lexicographic order of y's border; x's alliance alone when none wins.
    /// </summary>
    private List<int> SeekAllies(int x, int y)
    {
        var pool = new List<int>();
        foreach (int i in _borders[y])
        {
            if (!In(i, _alliance[x]) && !In(i, _alliance[y])) pool.Add(i);
        }
        double threshold = Sum(_alliance[y]), basePower = Sum(_alliance[x]);
        int m = pool.Count;
        var bestCombo = Array.Empty<int>();
        double bestPower = double.PositiveInfinity;
        var index = new int[m + 1];
        var prefix = new double[m + 1];
        for (int r = 0; r <= m; r++)
        {
            // The first combination of size r, then its lexicographic successors, at most coalitionCap of them.
            for (int k = 0; k < r; k++) index[k] = k;
            int from = 0;
            for (int count = 0; count < _p.CoalitionCap; count++)
            {
                for (int k = from; k < r; k++) prefix[k + 1] = prefix[k] + _power[pool[index[k]]];
                double total = basePower + prefix[r];
                if (total > threshold && total < bestPower)
                {
                    bestPower = total;
                    bestCombo = index[..r].Select(k => pool[k]).ToArray();
                }
                int j = r - 1;
                while (j >= 0 && index[j] == m - r + j) j--;
                if (j < 0) break;
                index[j]++;
                for (int k = j + 1; k < r; k++) index[k] = index[k - 1] + 1;
                from = j;
            }
        }
        var coalition = new List<int>(_alliance[x]);
        coalition.AddRange(bestCombo);
        return coalition;
    }

    /// <summary>Proposer p asks a to join coalition l against y: a accepts when it thinks the coalition, itself at its
    /// true power, stronger than y's alliance.</summary>
    private void Propose(int p, int a, List<int> l, int y)
    {
        if (In(a, _alliance[y])) return;
        double against = EstimateAll(_alliance[y]);
        double own = 0;
        foreach (int i in l)
        {
            if (!Same(i, a)) own += Estimate(_power[i]);
        }
        own += _power[a];
        if (own > against) _alliance[p].Add(a);
    }

    private bool Peace(int s, int t, string how)
    {
        Event("peace", s, t, how, Sum(_alliance[s]), Sum(_alliance[t]), _alliance[s], _alliance[t]);
        return false;
    }

    /// <summary>War between the alliances of s and t: the outcome, costs, Versailles and reparations.</summary>
    private bool War(int s, int t)
    {
        double a = Sum(_alliance[s]), b = Sum(_alliance[t]);
        double lv = VictoryProbability(a, b, _p.VictorySigma, _p.VictoryScale == 1);
        bool offenseWins = _random.Uniform((uint)_turn, (uint)Draw.Victory, 0) < lv;
        int victor = offenseWins ? s : t, loser = offenseWins ? t : s;
        Event("war", s, t, offenseWins ? "offense won" : "defense won", a, b, _alliance[s], _alliance[t]);
        double lsr = Math.Max(_power[s], _power[t]) / (_power[s] + _power[t]);
        double m = _p.MaxWarCost;
        double cost = (1 - (lsr - 0.5) / 0.5) * m;
        double weight = Math.Min(_p.WarCostSpread, m * _random.Uniform((uint)_turn, (uint)Draw.WarWeight, 0));
        if (_p.Versailles == 1)
        {
            if (Same(victor, s))
            {
                double transfer = _power[loser] * lv;
                _power[loser] -= transfer;
                _power[victor] += transfer;
            }
            else if (Same(victor, t))
            {
                int giver = _p.DefenderVersailles == 1 ? victor : loser;
                double transfer = _power[giver] * (1 - lv);
                _power[giver] -= transfer;
                _power[giver == victor ? loser : victor] += transfer;
            }
        }
        foreach (int i in _alliance[victor]) _power[i] = Math.Max(_power[i] * (1 - Math.Max(cost - weight, 0.01)), 1);
        foreach (int i in _alliance[loser]) _power[i] *= 1 - Math.Min(1, cost + weight);
        double pot = 0;
        foreach (int i in _alliance[loser]) pot += _power[i] * _p.Reparations;
        foreach (int i in _alliance[loser]) _power[i] -= Math.Max(_power[i] * _p.Reparations, 0.01);
        double victors = Sum(_alliance[victor]);
        foreach (int i in _alliance[victor]) _power[i] += pot * _power[i] / victors;
        for (int i = 0; i < _n; i++)
        {
            if (_alive[i] && _power[i] < 1) _conqueror[i] = victor;
        }
        return true;
    }

    /// <summary>
    /// statesim's victory probability of the side with power a against b: the integral of exp(-(x/s)^2) up to
    /// ln(a/b), times 1/sqrt(pi s) (statesim; right only for s = 1) or 1/(s sqrt(pi)), clipped to [0, 1].
    /// </summary>
    internal static double VictoryProbability(double a, double b, double sigma, bool statesimScale)
    {
        double erf = Erf(ExactMath.Log(a / b) / sigma);
        double lv = statesimScale ? Math.Sqrt(sigma) / 2 * (1 + erf) : (1 + erf) / 2;
        return Math.Clamp(lv, 0, 1);
    }

    /// <summary>
    /// The error function, from the complementary function's rational approximation (relative error below 1.2e-7;
    /// Numerical Recipes' erfcc), with <see cref="ExactMath.Exp"/> so that every machine gives the same bits.
    /// </summary>
    internal static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double z = Math.Abs(x), t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double erfc = t * ExactMath.Exp(poly);
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    /// <summary>Deaths (borders to the conqueror), then alliances wiped, Cauchy growth and a fresh self-estimate.</summary>
    private void EndTurn()
    {
        for (int k = 0; k < _n; k++)
        {
            if (!_alive[k]) continue;
            if (_power[k] < 1)
            {
                int c = _conqueror[k];
                if (c < 0) throw new InvalidOperationException($"state {k} fell below power 1 in turn {_turn} without a conqueror");
                Event("death", k, c, "conquered", _power[k], 0, null, null);
                foreach (int j in _borders[k])
                {
                    bool passes = _p.BorderAboveOne == 1 ? _power[j] > 1 : _power[j] >= 1;
                    if (passes && j != c && !_borders[c].Contains(j))
                    {
                        _borders[c].Add(j);
                        _borders[j].Add(c);
                    }
                }
                foreach (int j in _borders[k]) _borders[j].Remove(k);
                _borders[k].Clear();
                _alive[k] = false;
                _deathTurn[k] = _turn;
                _living--;
                continue;
            }
            _alliance[k].Clear();
            _alliance[k].Add(k);
            // Cauchy(location, scale) as a ratio of two normals, clipped to [-0.3, 0.15].
            double cauchy = _random.Normal((uint)_turn, (uint)Draw.Growth, (uint)k, 0) / _random.Normal((uint)_turn, (uint)Draw.Growth, (uint)k, 1);
            double g = Math.Clamp(_p.GrowthLocation + _p.GrowthScale * cauchy, -0.3, 0.15);
            _power[k] = Math.Max(_power[k] * (1 + g), 1);
            _power0[k] = _power[k] * (1 + _p.Misperception * _random.Normal((uint)_turn, (uint)Draw.Perception, (uint)k));
        }
        Record(_turn);
    }

    /// <summary>An estimate of a power: the power times N(1, misperception), a fresh draw each time.</summary>
    private double Estimate(double power) => power * (1 + _p.Misperception * _random.Normal((uint)_turn, (uint)Draw.Estimate, _draw++ & int.MaxValue));

    private double EstimateAll(List<int> states)
    {
        double total = 0;
        foreach (int i in states) total += Estimate(_power[i]);
        return total;
    }

    private double Sum(List<int> states)
    {
        double total = 0;
        foreach (int i in states) total += _power[i];
        return total;
    }

    /// <summary>statesim's equality: the same state, or (quirk) any state of the same power.</summary>
    private bool Same(int a, int b) => a == b || (_p.PowerEquality == 1 && _power[a] == _power[b]);

    private bool In(int a, List<int> states)
    {
        foreach (int i in states)
        {
            if (Same(i, a)) return true;
        }
        return false;
    }

    private double LargestShare()
    {
        double total = 0, max = 0;
        for (int i = 0; i < _n; i++)
        {
            if (!_alive[i]) continue;
            total += _power[i];
            max = Math.Max(max, _power[i]);
        }
        return total > 0 ? max / total : 0;
    }

    private void Record(int turn)
    {
        _observe?.Invoke(turn, _power, _alive, _borders);
        if (!_keepSeries) return;
        var powers = new List<double>(_living);
        for (int i = 0; i < _n; i++) if (_alive[i]) powers.Add(_power[i]);
        powers.Sort();
        double mean = powers.Average(), squares = powers.Sum(x => (x - mean) * (x - mean));
        _series.Add(new RealpolitikTurnRow(turn, powers.Count, LargestShare(), powers[0], Quantile(powers, 0.25), Quantile(powers, 0.5),
            Quantile(powers, 0.75), powers[^1], mean, Math.Sqrt(squares / powers.Count)));
    }

    /// <summary>The q quantile by linear interpolation between order statistics (numpy's default).</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        double at = q * (sorted.Count - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }

    private void Event(string kind, int state, int other, string outcome, double value, double value2, List<int>? sideA, List<int>? sideB)
    {
        if (!_keepEvents) return;
        _events.Add(new RealpolitikEvent(_turn, kind, state, other, outcome, value, value2,
            sideA is null ? "" : string.Join(';', sideA), sideB is null ? "" : string.Join(';', sideB)));
    }
}
