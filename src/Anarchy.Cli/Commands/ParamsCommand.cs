using System.CommandLine;
using System.Globalization;
using Anarchy.Models;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy params</c>: every parameter of a model with its default, unit, range and meaning.</summary>
internal sealed class ParamsCommand(Terminal terminal)
{
    public Command Build()
    {
        var modelOption = ModelOption.Create();
        var command = new Command("params", "List every parameter of a model with its default, unit, allowed range and meaning.") { modelOption };
        command.SetAction(parse =>
        {
            var model = ModelOption.Resolve(parse.GetValue(modelOption));
            terminal.Line($"Model {model.Name} ({model.Version}): {model.Summary}.");
            string? group = null;
            foreach (var p in model.Parameters)
            {
                if (p.Group != group)
                {
                    group = p.Group;
                    terminal.Line();
                    terminal.Line($"[{group}]");
                }
                string value = p.Default.ToString(CultureInfo.InvariantCulture);
                terminal.Line($"  {p.Name,-27} {value,-8} {p.RangeText(),-22} {p.Unit}");
                terminal.Line($"  {"",-27} {p.Meaning}");
            }
            terminal.Line();
            terminal.Line("Set one with --set NAME=VALUE, or in a scenario file under \"parameters\". Details: docs/MODEL.md.");
            return ExitCodes.Success;
        });
        return command;
    }
}
