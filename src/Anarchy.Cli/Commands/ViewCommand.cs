using System.CommandLine;
using Anarchy.Models;
using Anarchy.MonteCarlo;
using Anarchy.View;

namespace Anarchy.Cli.Commands;

/// <summary>
/// <c>anarchy view DIR</c>: writes view.html into a run folder, a page that animates one of its runs in the browser
/// (no network needed); its path goes to standard output.
/// </summary>
internal sealed class ViewCommand(Terminal terminal)
{
    private readonly Argument<string> _folder = new("DIR") { Description = "A run output folder (anarchy run); any of its runs can be watched." };
    private readonly Option<long?> _run = new("--run") { Description = "The run to watch (its number in runs.csv). Default: the folder's first run." };
    private readonly Option<string?> _out = new("--out") { Description = "The page to write. Default: DIR/view.html." };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show full error details." };

    public Command Build()
    {
        var command = new Command("view", "Write view.html: a page that animates one run of a run folder in the browser (states, ties, events, series), offline.")
        {
            _folder, _run, _out, _verbose,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(_folder)!;
            if (!Directory.Exists(folder)) throw new InvalidInputException($"DIR: folder '{folder}' does not exist");
            IModelDefinition model;
            try
            {
                model = ModelCatalog.Registry.Find(Manifest.ReadModel(folder));
            }
            catch (UnknownModelException e)
            {
                throw new InvalidInputException($"DIR: {folder}/manifest.json: {e.Message}", e);
            }
            string path;
            try
            {
                path = RunViewPage.Write(model, folder, parse.GetValue(_run), parse.GetValue(_out));
            }
            catch (ViewException e)
            {
                throw new InvalidInputException(e.Message, e);
            }
            terminal.Line(path);
            terminal.Error($"Wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KiB): open it in a browser (no network needed).");
            return ExitCodes.Success;
        });
        return command;
    }
}
