namespace Anarchy.Models;

/// <summary>
/// The models an application offers, by name. The application builds it with one line per model (the command line:
/// <c>ModelCatalog</c>); the generic layers look models up here and name none themselves.
/// </summary>
public sealed class ModelRegistry
{
    private readonly Dictionary<string, IModelDefinition> _byName = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="models"/>; the first is the default (what a file without a <c>model</c> field means).</summary>
    /// <exception cref="ArgumentException">No model is given, or two share a name.</exception>
    public ModelRegistry(params IModelDefinition[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0) throw new ArgumentException("a registry needs at least one model", nameof(models));
        foreach (var model in models)
        {
            if (!_byName.TryAdd(model.Name, model))
                throw new ArgumentException($"two models are called '{model.Name}'", nameof(models));
        }
        Default = models[0];
        All = models;
    }

    /// <summary>The model of files and commands that name none.</summary>
    public IModelDefinition Default { get; }

    /// <summary>Every model, in registration order.</summary>
    public IReadOnlyList<IModelDefinition> All { get; }

    /// <summary>The model called <paramref name="name"/>, or the default for null.</summary>
    /// <exception cref="UnknownModelException">No model has that name.</exception>
    public IModelDefinition Find(string? name)
    {
        if (name is null) return Default;
        if (_byName.TryGetValue(name, out var model)) return model;
        throw new UnknownModelException(name, All.Select(m => m.Name).ToArray());
    }
}

/// <summary>A model name no registered model has; the message lists the ones there are.</summary>
public sealed class UnknownModelException(string name, IReadOnlyList<string> known)
    : Exception($"model '{name}' is not one of the models Anarchy has: {string.Join(", ", known)}")
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Known { get; } = known;
}
