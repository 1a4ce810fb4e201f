using System.CommandLine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.Sweeps;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy validate FILE</c>: checks a scenario or a sweep file without running it.</summary>
internal sealed class ValidateCommand(Terminal terminal)
{
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario or sweep file (JSON) to check." };
        var command = new Command("validate", "Check a scenario or sweep file without running it.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            // Both readers throw ScenarioException: exit 2 with the problems listed.
            if (ScenarioReader.IsSweep(ScenarioReader.ReadText(path, "file")))
            {
                var sweep = WaltzSweepReader.ReadFile(path);
                long points = sweep.Points().Length;
                terminal.Line($"{path}: valid sweep '{sweep.Name}' ({sweep.Factors.Count} factor{(sweep.Factors.Count == 1 ? "" : "s")}, {sweep.Design}: {points} points x {sweep.Replicates} replicates = {points * sweep.Replicates} runs). Run it with: anarchy sweep {path}");
                return ExitCodes.Success;
            }
            var scenario = ScenarioReader.ReadFile(path);
            terminal.Line($"{path}: valid scenario '{scenario.Name}' ({scenario.States} states, {scenario.Ticks} ticks after a burn-in of {scenario.BurnIn}, {scenario.Runs} runs, seed {scenario.Seed}). Run it with: anarchy run --scenario {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
