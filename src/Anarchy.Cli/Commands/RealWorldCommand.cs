using System.CommandLine;
using Anarchy.Models.Waltz;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Output;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy realworld YEAR</c>: writes a scenario that starts from the international system of a year (COW
/// members, capabilities and capitals; ATOP defence pacts; docs/MODEL.md, section 6.1), ready for
/// <c>anarchy run --scenario</c> or a sweep.
/// </summary>
internal sealed class RealWorldCommand(Terminal terminal)
{
    public Command Build()
    {
        var year = new Argument<int>("YEAR") { Description = "The year, 1816 to 2016." };
        var data = new Option<string>("--data") { Description = "The folder with the COW and ATOP extracts.", DefaultValueFactory = _ => "data" };
        var output = new Option<string?>("--out") { Description = "The scenario file to write. Default: realworld-YEAR.json in the current folder." };
        var yearEnd = new Option<bool>("--year-end") { Description = "Members on 31 December only (default: members on any day of the year, COW's state-year rule)." };
        var ticks = new Option<int?>("--ticks") { Description = "Recorded ticks (years) of the scenario." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing file." };
        var command = new Command("realworld", "Write a scenario that starts from the real international system of a year (COW, ATOP).")
        {
            year, data, output, yearEnd, ticks, overwrite,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder))
                throw new InvalidInputException($"--data: folder '{folder}' not found (run from the repository's top folder, or pass --data)");
            var world = LoadData(folder);
            int y = parse.GetValue(year);
            if (y < world.FirstYear || y > world.LastYear)
                throw new InvalidInputException($"YEAR: value {y} is outside the allowed range [{world.FirstYear}, {world.LastYear}] (the years the data cover)");
            var scenario = RealWorldScenario.Create(y, world, membership: parse.GetValue(yearEnd) ? SystemMembership.EndOfYear : SystemMembership.AnyDayOfYear);
            if (parse.GetValue(ticks) is { } t)
            {
                if (t < 1 || t > ScenarioReader.MaxTicks)
                    throw new InvalidInputException($"--ticks: value {t} is outside the allowed range [1, {ScenarioReader.MaxTicks}]");
                scenario = scenario with { Ticks = t };
            }
            string path = parse.GetValue(output) ?? scenario.Name + ".json";
            if (File.Exists(path) && !parse.GetValue(overwrite))
                throw new InvalidInputException($"--out: '{path}' exists; pass --overwrite to replace it");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFile.WriteAllText(path, ScenarioWriter.ToJson(scenario) + "\n");
            terminal.Line($"{path}: {scenario.States} states, {scenario.Pacts.Count} defence pacts, leader {scenario.StateOverrides[scenario.Leader ?? 0].Label}; run it with: anarchy run --scenario {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The extracts in <paramref name="folder"/>; a missing or unreadable file is the user's input problem (exit 2).</summary>
    internal static RealWorldData LoadData(string folder)
    {
        try
        {
            return RealWorldData.Load(folder);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"--data: {e.Message}", e);
        }
    }
}
