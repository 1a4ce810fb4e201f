using System.CommandLine;
using Anarchy.Engine;

namespace Anarchy.Cli.Commands;

/// <summary>The <c>--engine</c> option of run, sweep and study: a name, in any case, of one of the engines.</summary>
internal static class EngineOption
{
    public static Option<EngineKind> Create(string description) => new("--engine")
    {
        Description = description,
        DefaultValueFactory = _ => EngineKind.Kernel,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            foreach (var kind in Enum.GetValues<EngineKind>())
            {
                if (string.Equals(kind.ToString(), text, StringComparison.OrdinalIgnoreCase)) return kind;
            }
            result.AddError($"--engine: unknown engine '{text}'; expected one of {string.Join(", ", Enum.GetNames<EngineKind>().Select(n => n.ToLowerInvariant()))}");
            return EngineKind.Kernel;
        },
    };
}
