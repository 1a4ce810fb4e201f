using System.CommandLine;
using System.Text.Json;
using Anarchy.Input;
using Anarchy.Models;

namespace Anarchy.Cli.Commands;

/// <summary>
/// The <c>--model</c> option, and the choice of model a command works with: the option, else the input file's
/// <c>model</c> field, else the default model; when both name one they must agree.
/// </summary>
internal static class ModelOption
{
    public static Option<string?> Create() => new("--model")
    {
        Description = $"The model: {string.Join(", ", ModelCatalog.Registry.All.Select(m => m.Name))}. Default: the input file's \"model\" field, else {ModelCatalog.Registry.Default.Name}.",
    };

    /// <summary>The model named by <paramref name="option"/> or by the <c>model</c> field of <paramref name="file"/>.</summary>
    /// <exception cref="InvalidInputException">The name is not a registered model, or the two disagree.</exception>
    public static IModelDefinition Resolve(string? option, string? file = null)
    {
        string? field = file is null ? null : FieldOf(file);
        if (option is not null && field is not null && option != field)
            throw new InvalidInputException($"--model: '{option}', but {file} is a file of the model '{field}' (its \"model\" field)");
        try
        {
            return ModelCatalog.Registry.Find(option ?? field);
        }
        catch (UnknownModelException e)
        {
            throw new InvalidInputException((option is not null ? "--model: " : $"{file}: model: ") + e.Message, e);
        }
    }

    /// <summary>The text of a JSON file's top-level <c>model</c> field; null when it has none, or when the file does not
    /// read as a JSON object (the model's reader then reports what is wrong).</summary>
    private static string? FieldOf(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), JsonInput.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("model", out var field)) return null;
            if (field.ValueKind != JsonValueKind.String)
                throw new InvalidInputException($"{path}: model: value {JsonInput.Truncate(field.GetRawText())} is not a model name (text: {string.Join(", ", ModelCatalog.Registry.All.Select(m => m.Name))})");
            return field.GetString();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
