using System.CommandLine;
using System.Globalization;
using Anarchy.Models.Waltz;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy params</c>: every parameter with its default, unit, range and meaning.</summary>
internal sealed class ParamsCommand(Terminal terminal)
{
    public Command Build()
    {
        var command = new Command("params", "List every model parameter with its default, unit, allowed range and meaning.");
        command.SetAction(_ =>
        {
            string? group = null;
            foreach (var p in ParameterCatalog.All)
            {
                if (p.Group != group)
                {
                    group = p.Group;
                    terminal.Line();
                    terminal.Line($"[{group}]");
                }
                string value = p.Default.ToString(CultureInfo.InvariantCulture);
                terminal.Line($"  {p.Name,-27} {value,-8} {p.RangeText,-22} {p.Unit}");
                terminal.Line($"  {"",-27} {p.Meaning}");
            }
            terminal.Line();
            terminal.Line("Set one with --set NAME=VALUE, or in a scenario file under \"parameters\". Details: docs/MODEL.md.");
            return ExitCodes.Success;
        });
        return command;
    }
}
