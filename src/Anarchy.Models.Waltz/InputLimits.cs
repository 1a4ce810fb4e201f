using Anarchy.Input;
namespace Anarchy.Models.Waltz;

/// <summary>
/// The limits on what scenario and sweep files and the command's options may hold, in one place (README, "Input
/// limits"; docs/SWEEPS.md). Each bounds the time and memory that reading, checking and refusing an input can take:
/// a file over a limit is refused from its length or a list's length alone, before its contents are walked.
/// </summary>
public static class InputLimits
{
    /// <summary>Largest scenario or sweep file, in bytes (16 MiB), checked from the file's length before it is read.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>The file limit as written in messages.</summary>
    public const string MaxFileText = "16 MiB";

    /// <summary>Most problems listed for one input; the rest are counted in a last line "… and N more errors".</summary>
    public const int MaxListedErrors = Anarchy.Input.InputFileException.MaxListed;

    /// <summary>Deepest nesting of JSON objects and arrays (the System.Text.Json default).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Longest name of a scenario or sweep (it names the output folder).</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest description of a scenario or sweep, in characters (it is copied into every manifest).</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>Longest label of a state override, in characters (it is written into the panel tables).</summary>
    public const int MaxLabelLength = 100;

    /// <summary>Most states a scenario may have.</summary>
    public const int MaxStates = 4096;

    /// <summary>Most ticks a scenario may have (burn-in and recorded each): wealth compounds, and beyond this it could overflow.</summary>
    public const int MaxTicks = 10_000;

    /// <summary>Most entries in <c>stateOverrides</c>: one per state at most.</summary>
    public const int MaxStateOverrides = MaxStates;

    /// <summary>Most initial pacts in <c>pacts</c>.</summary>
    public const int MaxPacts = 100_000;

    /// <summary>Most scheduled shocks in <c>shocks</c>.</summary>
    public const int MaxShocks = 100_000;

    /// <summary>Most that one state's shocks may multiply its capability, or its wealth, by over a run (the product
    /// of its factors above 1), so that both stay finite.</summary>
    public const double MaxShockGrowth = 1e6;

    /// <summary>Most numbers in a state's <c>location</c> or <c>interests</c> (interestDimensions is at most 16).</summary>
    public const int MaxVectorLength = 16;

    /// <summary>Most factors of a sweep (each parameter may be varied once; there are fewer parameters than this).</summary>
    public const int MaxFactors = Anarchy.Sweeps.SweepLimits.MaxFactors;

    /// <summary>Most explicit levels of one factor, and most values per range factor of a grid (<c>design.levels</c>).</summary>
    public const int MaxLevels = Anarchy.Sweeps.SweepLimits.MaxLevels;

    /// <summary>Most points a sweep design may have.</summary>
    public const int MaxPoints = Anarchy.Sweeps.SweepLimits.MaxPoints;

    /// <summary>Most replicates per point of a sweep.</summary>
    public const int MaxReplicates = Anarchy.Sweeps.SweepLimits.MaxReplicates;

    /// <summary>Most runs of a sweep, points times replicates.</summary>
    public const long MaxSweepRuns = Anarchy.Sweeps.SweepLimits.MaxSweepRuns;

    /// <summary>Most outputs a sweep summarises per point.</summary>
    public const int MaxOutputs = Anarchy.Sweeps.SweepLimits.MaxOutputs;
}
