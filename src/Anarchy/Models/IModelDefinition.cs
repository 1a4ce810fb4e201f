using System.Globalization;
using Anarchy.Output;

namespace Anarchy.Models;

/// <summary>
/// A model as the generic layers (runs, sweeps, studies, outputs, plots, the command line) know it: its name, the
/// version of its rules, its parameters and the codebook of its tables. The generic layers name no model; a model's
/// own project implements this and the application registers it (<see cref="ModelRegistry"/>).
/// </summary>
public interface IModelDefinition
{
    /// <summary>Short name, as written in scenario files and after <c>--model</c>: e.g. <c>waltz</c>.</summary>
    string Name { get; }

    /// <summary>Version of the model's rules; it changes whenever a rule changes the results.</summary>
    string Version { get; }

    /// <summary>One line on what the model is, for listings.</summary>
    string Summary { get; }

    /// <summary>Every parameter, with unit, range, default and meaning, in the model's own order.</summary>
    IReadOnlyList<IParameterDescription> Parameters { get; }

    /// <summary>The codebook: the schema of each table the model writes (runs, series, events, panels).</summary>
    ModelTables Tables { get; }
}

/// <summary>The schemas of a model's tables: one row per run, per run and tick, per event, and its panel tables.</summary>
public sealed record ModelTables(TableSchema Runs, TableSchema Series, TableSchema Events, IReadOnlyList<TableSchema> Panels);

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
