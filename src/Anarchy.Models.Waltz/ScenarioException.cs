namespace Anarchy.Models.Waltz;

/// <summary>A scenario or an override is invalid. <see cref="Problems"/> lists every problem found, each naming
/// the field, the value and what is allowed.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<string> problems)
        : base(problems.Count > 0 ? problems[0] : "invalid scenario") => Problems = problems;

    public ScenarioException(string problem) : this([problem]) { }

    public ScenarioException() : this("invalid scenario") { }

    public ScenarioException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }

    /// <summary>The first <paramref name="limit"/> problems, one per line, and a last line counting the rest.</summary>
    public string Listing(int limit, string separator)
    {
        var shown = Problems.Take(limit);
        if (Problems.Count > limit)
            shown = shown.Append($"… and {Problems.Count - limit} more error{(Problems.Count - limit == 1 ? "" : "s")}");
        return string.Join(separator, shown);
    }

    public override string Message => Listing(InputLimits.MaxListedErrors, Environment.NewLine);
}
