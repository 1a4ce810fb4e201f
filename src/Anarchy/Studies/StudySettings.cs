using Anarchy.Engine;

namespace Anarchy.Studies;

/// <summary>How a model's ready-made studies run: the engine (results do not depend on it) and the folder of the
/// real-world data for studies that read it.</summary>
public sealed record StudySettings
{
    public EngineKind Engine { get; init; } = EngineKind.Kernel;

    /// <summary>The folder with the real-world extracts (the repository's <c>data/</c>).</summary>
    public string DataFolder { get; init; } = "data";
}
