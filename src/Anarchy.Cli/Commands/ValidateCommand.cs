using System.CommandLine;
using Anarchy.Models.Waltz;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy validate FILE</c>: checks a scenario without running it.</summary>
internal sealed class ValidateCommand(Terminal terminal)
{
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (JSON) to check." };
        var command = new Command("validate", "Check a scenario file without running it.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            var scenario = ScenarioReader.ReadFile(path); // throws ScenarioException: exit 2 with every problem listed
            terminal.Line($"{path}: valid scenario '{scenario.Name}' ({scenario.States} states, {scenario.Ticks} ticks after a burn-in of {scenario.BurnIn}, {scenario.Runs} runs, seed {scenario.Seed}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
