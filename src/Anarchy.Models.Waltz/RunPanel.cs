namespace Anarchy.Models.Waltz;

/// <summary>One state in one recorded tick: the row of panel_states (docs/OUTPUTS.md, "panel_states").</summary>
/// <param name="Tick">The tick, counted from 0 with the burn-in included.</param>
/// <param name="State">The state; it was alive at the start of the tick.</param>
/// <param name="Capability">Capability at the end of the tick (0 if it died in the tick).</param>
/// <param name="Wealth">Wealth at the end of the tick (0 if it died in the tick).</param>
/// <param name="Burden">Defence burden at the end of the tick.</param>
/// <param name="Pacts">Pacts it holds at the end of the tick.</param>
/// <param name="AtWar">True if it fought in a war during the tick.</param>
/// <param name="Alive">True if it is alive at the end of the tick.</param>
public readonly record struct PanelStateRow(int Tick, int State, double Capability, double Wealth, double Burden, int Pacts, bool AtWar, bool Alive);

/// <summary>
/// One pair of states in one recorded tick in which they had a pact, a dispute or a war: the row of panel_dyads
/// (docs/OUTPUTS.md, "panel_dyads"). <see cref="StateA"/> is below <see cref="StateB"/>.
/// </summary>
/// <param name="Tick">The tick, counted from 0 with the burn-in included.</param>
/// <param name="StateA">The lower-numbered state.</param>
/// <param name="StateB">The higher-numbered state.</param>
/// <param name="Pact">True if they have a pact in force at the end of the tick.</param>
/// <param name="PactAge">The age of that pact at the end of the tick, in ticks; 0 without a pact.</param>
/// <param name="Dispute">True if one initiated a dispute against the other that was resolved in the tick.</param>
/// <param name="War">True if they fought on opposite sides of a war during the tick.</param>
public readonly record struct PanelDyadRow(int Tick, int StateA, int StateB, bool Pact, int PactAge, bool Dispute, bool War);

/// <summary>
/// The state-year and dyad-year panel of one run, kept when asked for, to compare runs with the peace-science data
/// (COW, ATOP). Each recorded tick has a row per state alive at its start and a row per dyad with a pact, a
/// dispute or a war in it; any other dyad-year of two such states is all zeros. Filled by
/// <see cref="WaltzSimulation"/> at the start and the end of each recorded tick and by each dispute, so both engines
/// fill it alike.
/// </summary>
public sealed class RunPanel
{
    private const long PactBit = 1, DisputeBit = 2, WarBit = 4;
    private const int KindBits = 3;

    private readonly int _n;
    private readonly bool[] _aliveAtStart;
    private readonly bool[] _atWar;
    /// <summary>The tick's dyad marks, each <c>(a * N + b) &lt;&lt; KindBits | bit</c> with a &lt; b; sorted and merged at the end of the tick.</summary>
    private readonly List<long> _marks = [];
    private readonly List<PanelStateRow> _states = [];
    private readonly List<PanelDyadRow> _dyads = [];

    /// <summary>An empty panel for runs of <paramref name="scenario"/>.</summary>
    public RunPanel(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _n = scenario.States;
        _aliveAtStart = new bool[_n];
        _atWar = new bool[_n];
        Names = new StateNames(scenario);
    }

    /// <summary>The states' labels and country codes.</summary>
    public StateNames Names { get; }

    /// <summary>Rows in tick, then state order.</summary>
    public IReadOnlyList<PanelStateRow> States => _states;

    /// <summary>Rows in tick, then state A, then state B order.</summary>
    public IReadOnlyList<PanelDyadRow> Dyads => _dyads;

    /// <summary>At the start of a recorded tick: notes which states are alive and forgets the last tick's marks.</summary>
    internal void BeginTick(World w)
    {
        for (int i = 0; i < _n; i++) _aliveAtStart[i] = w.Alive[i];
        _marks.Clear();
    }

    /// <summary>A dispute between the two was resolved in the tick, whatever its ending.</summary>
    internal void Dispute(int initiator, int target) => Mark(initiator, target, DisputeBit);

    /// <summary>At the end of a recorded tick: adds the tick's state rows and dyad rows.</summary>
    internal void EndTick(World w)
    {
        MarkWars(w);
        MarkPacts(w);
        for (int i = 0; i < _n; i++)
        {
            if (!_aliveAtStart[i]) continue;
            _states.Add(new PanelStateRow(w.Tick, i, w.Capability[i], w.Wealth[i], w.Burden[i], w.PactCount[i], _atWar[i], w.Alive[i]));
        }
        AddDyads(w);
    }

    /// <summary>
    /// The wars fought in the tick are those still ongoing and those that ended in it. Their members alive at the
    /// start of the tick were at war, and each pair of them on opposite sides is a war dyad.
    /// </summary>
    private void MarkWars(World w)
    {
        Array.Clear(_atWar);
        foreach (var war in w.Wars)
        {
            if (!war.Ongoing && war.EndTick != w.Tick) continue;
            foreach (int a in war.SideA)
            {
                if (!_aliveAtStart[a]) continue;
                _atWar[a] = true;
                foreach (int b in war.SideB)
                {
                    if (_aliveAtStart[b]) Mark(a, b, WarBit);
                }
            }
            foreach (int b in war.SideB) _atWar[b] |= _aliveAtStart[b];
        }
    }

    /// <summary>Pacts in force at the end of the tick (a dead state has none).</summary>
    private void MarkPacts(World w)
    {
        for (int a = 0; a < _n; a++)
        {
            if (w.PactCount[a] == 0) continue;
            for (int b = a + 1; b < _n; b++)
            {
                if (w.Allied(a, b)) Mark(a, b, PactBit);
            }
        }
    }

    private void Mark(int i, int j, long bit) =>
        _marks.Add(((long)Math.Min(i, j) * _n + Math.Max(i, j)) << KindBits | bit);

    /// <summary>One row per marked dyad, in dyad order, with the marks of each dyad merged.</summary>
    private void AddDyads(World w)
    {
        _marks.Sort();
        int at = 0;
        while (at < _marks.Count)
        {
            long dyad = _marks[at] >> KindBits, bits = 0;
            for (; at < _marks.Count && _marks[at] >> KindBits == dyad; at++) bits |= _marks[at];
            int a = (int)(dyad / _n), b = (int)(dyad % _n);
            bool pact = (bits & PactBit) != 0;
            _dyads.Add(new PanelDyadRow(w.Tick, a, b, pact, pact ? w.PactAge(a, b) : 0, (bits & DisputeBit) != 0, (bits & WarBit) != 0));
        }
        _marks.Clear();
    }
}
