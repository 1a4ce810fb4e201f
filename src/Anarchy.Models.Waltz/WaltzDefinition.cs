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
}
