using System.Globalization;
using Anarchy.Engine;
using Anarchy.Output;

namespace Anarchy.Models;

/// <summary>
/// A model as the generic layers (runs, sweeps, studies, outputs, plots, the command line) know it: its name, the
/// version of its rules, its parameters and the codebook of its tables. The generic layers name no model; a model's
/// own project implements this and the application registers it (<see cref="ModelRegistry"/>).
/// </summary>
public interface IModelDefinition
{
    /// <summary>Short name, as written in scenario files and after <c>--model</c>: e.g. <c>realpolitik</c>.</summary>
    string Name { get; }

    /// <summary>Version of the model's rules; it changes whenever a rule changes the results.</summary>
    string Version { get; }

    /// <summary>One line on what the model is, for listings.</summary>
    string Summary { get; }

    /// <summary>Every parameter, with unit, range, default and meaning, in the model's own order.</summary>
    IReadOnlyList<IParameterDescription> Parameters { get; }

    /// <summary>The codebook: the schema of each table the model writes (runs, series, events, panels).</summary>
    ModelTables Tables { get; }

    /// <summary>
    /// The scenario in <paramref name="path"/> (the model's default scenario when null) with
    /// <paramref name="overrides"/> applied, validated completely.
    /// </summary>
    /// <exception cref="Input.InputFileException">The file or an override is invalid; every problem is listed.</exception>
    IModelScenario ReadScenario(string? path, ScenarioOverrides overrides);

    /// <summary>A scenario given inline (a sweep's <c>scenario</c> object), validated completely.</summary>
    /// <exception cref="Input.InputFileException">It is invalid; every problem is listed.</exception>
    IModelScenario ParseScenario(string json, string source);

    /// <summary><paramref name="scenario"/> with the named parameters set (a sweep's design point).</summary>
    /// <exception cref="Input.InputFileException">The combination is invalid (each value is in its range already).</exception>
    IModelScenario WithParameters(IModelScenario scenario, IReadOnlyList<string> names, IReadOnlyList<double> values);

    /// <summary>The runs of <paramref name="scenario"/> (one this model read) as the Monte Carlo layer runs them.</summary>
    IRunModel CreateRunModel(IModelScenario scenario, EngineKind engine);

    /// <summary>The engine in words, for messages and manifests, e.g. "reference".</summary>
    string DescribeEngine(EngineKind engine);

    /// <summary>
    /// The runs of a sweep's design points as one run model, where the model runs them better than
    /// <see cref="Sweeps.ModelSweepModel"/> does one run at a time (for example batched across points); null, the
    /// default, for that generic one. Its rows must equal the generic one's.
    /// </summary>
    IRunModel? CreateSweepModel(Sweeps.ModelSweep sweep, double[][] points, EngineKind engine) => null;

    /// <summary>
    /// What <c>anarchy view</c> shows of run <paramref name="key"/> of <paramref name="scenario"/> beyond its series and
    /// events: positions, sizes, groups and ties per time step (the run is played again from its seed); null, the
    /// default, where the model has no view.
    /// </summary>
    View.RunView? CreateView(IModelScenario scenario, RunKey key) => null;

    /// <summary>The names of the model's ready-made studies (<c>anarchy study</c>), in listing order; none by default.</summary>
    IReadOnlyList<string> StudyNames => [];

    /// <summary>The ready-made study called <paramref name="name"/>, or null when the model has none of that name.</summary>
    Studies.ResearchStudy? CreateStudy(string name, Studies.StudySettings settings) => null;
}

/// <summary>A model's scenario as the commands handle it, whatever else it holds.</summary>
public interface IModelScenario
{
    /// <summary>Short name; names the output folder.</summary>
    string Name { get; }

    /// <summary>Number of runs (replicates).</summary>
    int Runs { get; }

    /// <summary>Master seed.</summary>
    ulong Seed { get; }

    /// <summary>What a run is, in a few words for the command's first line, e.g. "98 states, up to 1000 turns".</summary>
    string Describe();

    /// <summary>The fully resolved scenario as JSON (recorded in the manifest; read back it gives the same runs).</summary>
    string ToJson();
}

/// <summary>
/// What the command line changes in a scenario: runs, ticks (turns, years: the model's time steps), the number of
/// agents (states, actors), the seed, and parameters by name (<c>NAME=VALUE</c>). Null leaves the scenario's value.
/// </summary>
public sealed record ScenarioOverrides(int? Runs = null, int? Ticks = null, int? States = null, ulong? Seed = null, IReadOnlyList<string>? Assignments = null)
{
    /// <summary><paramref name="value"/> when it is in [<paramref name="min"/>, <paramref name="max"/>]; otherwise an
    /// <see cref="Input.InputFileException"/> naming the option, the value and the range.</summary>
    public static int Checked(string option, int value, int min, int max) =>
        value >= min && value <= max ? value
            : throw new Input.InputFileException($"{option}: value {value} is outside the allowed range [{min}, {max}]");
}

/// <summary>The schemas of a model's tables: one row per run, per run and tick, per event, and its panel tables.
/// The series table's second column is its time (after <c>run</c>).</summary>
public sealed record ModelTables(TableSchema Runs, TableSchema Series, TableSchema Events, IReadOnlyList<TableSchema> Panels)
{
    /// <summary>The series columns <c>anarchy plot</c> draws when none are named (all of them when empty).</summary>
    public IReadOnlyList<string> SeriesDefaults { get; init; } = [];

    /// <summary>A sentence on the series' time axis for plot subtitles (e.g. where it starts), or empty.</summary>
    public string SeriesNote { get; init; } = "";

    /// <summary>The series table's time column: the one after <c>run</c>.</summary>
    public ColumnSpec SeriesTime => Series.Columns[1];
}

/// <summary>One parameter's public description: what validation, <c>anarchy params</c>, plots and the docs say of it.</summary>
public interface IParameterDescription
{
    string Name { get; }
    string Group { get; }
    string Unit { get; }
    double Min { get; }
    double Max { get; }
    bool IsInteger { get; }
    string Meaning { get; }
    double Default { get; }
}

/// <summary>Lookups on a model's parameters.</summary>
public static class ParameterDescriptions
{
    /// <summary>The allowed range as written in messages, e.g. <c>[0, 1]</c> or <c>integer in [1, 20]</c>.</summary>
    public static string RangeText(this IParameterDescription p) => (p.IsInteger ? "integer in " : "") +
        "[" + p.Min.ToString(CultureInfo.InvariantCulture) + ", " + p.Max.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Null when <paramref name="value"/> is allowed, otherwise the reason, naming the parameter, value and range.</summary>
    public static string? Check(this IParameterDescription p, double value)
    {
        ArgumentNullException.ThrowIfNull(p);
        return double.IsNaN(value) || value < p.Min || value > p.Max || (p.IsInteger && value != Math.Floor(value))
            ? $"parameter '{p.Name}': value {value.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {p.RangeText()}"
            : null;
    }

    /// <summary>The model's parameter called <paramref name="name"/> (case-sensitive), if it has one.</summary>
    public static bool TryFindParameter(this IModelDefinition model, string name, out IParameterDescription parameter)
    {
        foreach (var p in model.Parameters)
        {
            if (p.Name == name)
            {
                parameter = p;
                return true;
            }
        }
        parameter = null!;
        return false;
    }
}

/// <summary>
/// A parameter of a model whose parameters are the record <typeparamref name="TParameters"/>: its description, and
/// how to read it from and set it in a record (the single source for validation, <c>anarchy params</c> and the docs).
/// </summary>
public sealed record ModelParameter<TParameters>(
    string Name,
    string Group,
    string Unit,
    double Min,
    double Max,
    bool IsInteger,
    string Meaning,
    Func<TParameters, double> Get,
    Func<TParameters, double, TParameters> With) : IParameterDescription
    where TParameters : new()
{
    private static readonly TParameters Defaults = new();

    /// <summary>The default value, read from a default <typeparamref name="TParameters"/>.</summary>
    public double Default => Get(Defaults);

    /// <summary>The allowed range as written in messages, e.g. <c>[0, 1]</c> or <c>integer in [1, 20]</c>.</summary>
    public string RangeText => ParameterDescriptions.RangeText(this);

    /// <summary>Null when <paramref name="value"/> is allowed, otherwise the reason.</summary>
    public string? Check(double value) => ParameterDescriptions.Check(this, value);
}
