namespace Anarchy.Models.Waltz;

/// <summary>A scenario or an override is invalid. <see cref="Problems"/> lists every problem found, each naming
/// the field, the value and what is allowed.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public ScenarioException(string problem) : this([problem]) { }

    public ScenarioException() : this("invalid scenario") { }

    public ScenarioException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
