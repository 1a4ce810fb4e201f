using Anarchy.Models;
using Anarchy.Models.Realpolitik;
using Anarchy.Models.Tribute;
using Anarchy.Models.Waltz;

namespace Anarchy.Cli;

/// <summary>The models the command offers: one line per model, the first the default.</summary>
internal static class ModelCatalog
{
    public static ModelRegistry Registry { get; } = new(
        WaltzDefinition.Instance,
        RealpolitikDefinition.Instance,
        TributeDefinition.Instance);
}
