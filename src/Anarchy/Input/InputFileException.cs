namespace Anarchy.Input;

/// <summary>An input file (a model's scenario, a sweep, a calibration) or an override is invalid.
/// <see cref="Problems"/> lists every problem found, each naming the field, the value and what is allowed.</summary>
public sealed class InputFileException : Exception
{
    public InputFileException(IReadOnlyList<string> problems)
        : base(problems.Count > 0 ? problems[0] : "invalid input file") => Problems = problems;

    public InputFileException(string problem) : this([problem]) { }

    public InputFileException() : this("invalid input file") { }

    public InputFileException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }

    /// <summary>The first <paramref name="limit"/> problems, one per line, and a last line counting the rest.</summary>
    public string Listing(int limit, string separator)
    {
        var shown = Problems.Take(limit);
        if (Problems.Count > limit)
            shown = shown.Append($"… and {Problems.Count - limit} more error{(Problems.Count - limit == 1 ? "" : "s")}");
        return string.Join(separator, shown);
    }

    /// <summary>Problems listed in a message at most; the rest are counted.</summary>
    public const int MaxListed = 20;

    public override string Message => Listing(MaxListed, Environment.NewLine);
}
