using System.Text.Json;
using Anarchy.Input;
using Anarchy.Models;

namespace Anarchy.Models.Waltz;

/// <summary>The Waltz model as the generic layers know it: name, rules' version, parameters and codebook.</summary>
public sealed class WaltzDefinition : IModelDefinition
{
    private WaltzDefinition()
    {
    }

    /// <summary>The one instance, as registered.</summary>
    public static WaltzDefinition Instance { get; } = new();

    public string Name => "waltz";

    public string Version => WaltzModel.ModelVersion;

    public string Summary => "states balance internally (arming) or externally (alliances) under anarchy; alliances may entangle or restrain";

    public IReadOnlyList<IParameterDescription> Parameters => ParameterCatalog.All;

    public ModelTables Tables { get; } = new(WaltzTables.Runs, WaltzTables.Series, WaltzTables.Events, [WaltzTables.PanelStates, WaltzTables.PanelDyads]);

    /// <summary>
    /// Checks the optional <c>model</c> field of a Waltz scenario or sweep file: a file without one is the Waltz
    /// model's, and one with another name belongs to that model, whose own reader reads it.
    /// </summary>
    internal static void CheckModelField(JsonElement value, string at, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() != Instance.Name)
            problems.Add($"{at}: value {JsonInput.Truncate(value.GetRawText())} is not \"{Instance.Name}\" (a file for another model is read with that model: --model NAME)");
    }
}
