using System.Reflection;
using System.Text.Json;
using Anarchy.Models.Waltz.Sweeps;

namespace Anarchy.Models.Waltz.Studies;

/// <summary>
/// The scenario and sweep files under <c>experiments/</c>, built into the library so that a study runs from any
/// folder with exactly the files its README shows. Paths are relative to <c>experiments/</c>, with '/'.
/// </summary>
public static class ExperimentFiles
{
    private const string Prefix = "Anarchy.Experiments/";

    /// <summary>The default scenario is built in under its own name (see <see cref="BuiltInScenarios"/>); the sweeps
    /// under sweeps/ name it as ../default/scenario.json.</summary>
    private const string DefaultScenario = "default/scenario.json";

    private static readonly Dictionary<string, string> Names = typeof(ExperimentFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => (Path: n[Prefix.Length..].Replace('\\', '/'), Name: n))
        .Append((Path: DefaultScenario, Name: "Anarchy.Scenarios.default.json"))
        .ToDictionary(n => n.Path, n => n.Name, StringComparer.Ordinal);

    /// <summary>Every file, e.g. <c>entanglement/sweep.json</c>.</summary>
    public static IEnumerable<string> All => Names.Keys.Order(StringComparer.Ordinal);

    /// <summary>The text of a file.</summary>
    /// <exception cref="FileNotFoundException">No such file was built in.</exception>
    public static string Read(string path)
    {
        if (!Names.TryGetValue(path, out var name)) throw new FileNotFoundException($"experiments/{path} is not built into the library", path);
        using var stream = typeof(ExperimentFiles).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A scenario file, read and validated.</summary>
    public static Scenario Scenario(string path) => ScenarioReader.Parse(Read(path), "experiments/" + path);

    /// <summary>A sweep file, read and validated; a scenario named by path is read from beside it.</summary>
    public static WaltzSweep Sweep(string path)
    {
        string text = Read(path);
        Scenario? scenario = null;
        using (var document = JsonDocument.Parse(text))
        {
            if (document.RootElement.TryGetProperty("scenario", out var v) && v.ValueKind == JsonValueKind.String)
            {
                string folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
                scenario = Scenario(Normalise(folder + v.GetString()));
            }
        }
        return WaltzSweepReader.Parse(text, ".", "experiments/" + path, scenario);
    }

    /// <summary>Resolves "a/../b" and "./" in a relative path.</summary>
    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
