using Anarchy.Models;
using Anarchy.Output;

namespace Anarchy.Plots;

/// <summary>
/// Titles and axis labels in the model's words, from its codebook: units and meanings of outputs from the table
/// schemas (docs/OUTPUTS.md), of parameters from the model's parameter descriptions (docs/MODEL.md).
/// </summary>
internal static class PlotLabels
{
    /// <summary>"entangled (calls)": the column and its unit, or the column alone when the codebook has no unit for it
    /// or the unit is the column's own name ("wars", not "wars (wars)").</summary>
    public static string Output(TableSchema table, string column)
    {
        string unit = table.Contains(column) ? table[column].Unit : "";
        return unit.Length > 0 && unit != column.Replace('_', ' ') ? $"{column} ({unit})" : column;
    }

    /// <summary>"entangled: stands in the run that only the commitment brought about (...)", or the column alone.</summary>
    public static string OutputMeaning(TableSchema table, string column) =>
        table.Contains(column) && table[column].Description.Length > 0 ? $"{column}: {table[column].Description}" : column;

    /// <summary>"looseness (parameter)", or with the parameter's unit when it has one: "chainDepth (parameter, hops)".</summary>
    public static string Factor(IModelDefinition model, string factor) =>
        model.TryFindParameter(factor, out var info) && info.Unit is not ("" or "1")
            ? $"{factor} (parameter, {info.Unit})"
            : $"{factor} (parameter)";

    /// <summary>"looseness: how far a treaty's wording lets an ally sidestep its obligation (...)", or the name alone.</summary>
    public static string FactorMeaning(IModelDefinition model, string factor) =>
        model.TryFindParameter(factor, out var info) ? $"{factor}: {info.Meaning}" : factor;

    /// <summary>"Mean burden" for mean_burden: the column in words, capitalised.</summary>
    public static string Name(string column)
    {
        string words = column.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
