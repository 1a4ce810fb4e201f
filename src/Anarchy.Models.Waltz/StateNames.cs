namespace Anarchy.Models.Waltz;

/// <summary>
/// How the panel tables name the states beside their indices: the <c>label</c> and <c>ccode</c> of each state's
/// override in the scenario (in real-world scenarios the COW abbreviation and country code), or "" and -1; and the
/// ticks beside their numbers: the calendar <c>year</c> from the scenario's <see cref="Scenario.StartYear"/>, or -1.
/// </summary>
public sealed class StateNames
{
    /// <summary>The country code of a state without one.</summary>
    public const int NoCcode = -1;

    /// <summary>The year of a tick in a scenario without a start year.</summary>
    public const int NoYear = -1;

    private readonly string[] _labels;
    private readonly int[] _ccodes;
    private readonly int? _startYear;

    public StateNames(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _labels = new string[scenario.States];
        _ccodes = new int[scenario.States];
        Array.Fill(_labels, "");
        Array.Fill(_ccodes, NoCcode);
        _startYear = scenario.StartYear;
        foreach (var o in scenario.StateOverrides)
        {
            _labels[o.State] = o.Label ?? "";
            _ccodes[o.State] = o.Ccode ?? NoCcode;
        }
    }

    /// <summary>The state's label, or "".</summary>
    public string Label(int state) => _labels[state];

    /// <summary>The state's country code, or <see cref="NoCcode"/>.</summary>
    public int Ccode(int state) => _ccodes[state];

    /// <summary>The calendar year of a tick (counted from 0 with the burn-in included): start year + tick, or <see cref="NoYear"/>.</summary>
    public int Year(int tick) => _startYear is { } year ? year + tick : NoYear;
}
