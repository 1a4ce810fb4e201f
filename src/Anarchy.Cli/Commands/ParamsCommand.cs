using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Anarchy.Models;

namespace Anarchy.Cli.Commands;

/// <summary><c>anarchy params</c>: every parameter of a model with its default, unit, range and meaning.</summary>
internal sealed class ParamsCommand(Terminal terminal)
{
    public Command Build()
    {
        var modelOption = ModelOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the parameters as one JSON object on standard output (for scripts)." };
        var command = new Command("params", "List every parameter of a model with its default, unit, allowed range and meaning.") { modelOption, json };
        command.SetAction(parse =>
        {
            var model = ModelOption.Resolve(parse.GetValue(modelOption));
            if (parse.GetValue(json))
            {
                terminal.Line(ToJson(model));
                return ExitCodes.Success;
            }
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

    /// <summary>The model and its parameters as JSON: name, version, summary, and per parameter its name, group, unit,
    /// default, minimum, maximum, whether it is an integer, and its meaning.</summary>
    internal static string ToJson(IModelDefinition model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.Name);
            writer.WriteString("version", model.Version);
            writer.WriteString("summary", model.Summary);
            writer.WriteStartArray("parameters");
            foreach (var p in model.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", p.Name);
                writer.WriteString("group", p.Group);
                writer.WriteString("unit", p.Unit);
                writer.WriteNumber("default", p.Default);
                writer.WriteNumber("min", p.Min);
                writer.WriteNumber("max", p.Max);
                writer.WriteBoolean("integer", p.IsInteger);
                writer.WriteString("meaning", p.Meaning);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
