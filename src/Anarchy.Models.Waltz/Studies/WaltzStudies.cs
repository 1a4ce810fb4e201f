using Anarchy.Studies;
using Anarchy.Engine;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>The ready-to-run studies of the Waltz model (experiments/&lt;name&gt;/README.md).</summary>
public static class WaltzStudies
{
    /// <summary>The studies' names in the order they are listed.</summary>
    public static IReadOnlyList<string> Names { get; } = ["entanglement", "balancing", "coldwar", "doctrines", "realworld"];

    /// <summary>The study of that name, or null.</summary>
    public static ResearchStudy? Create(string name, StudySettings settings) => name switch
    {
        "entanglement" => new EntanglementStudy(settings),
        "balancing" => new BalancingStudy(settings),
        "coldwar" => new ColdWarStudy(settings),
        "doctrines" => new DoctrinesStudy(settings),
        "realworld" => new RealWorldStudy(settings),
        _ => null,
    };
}
