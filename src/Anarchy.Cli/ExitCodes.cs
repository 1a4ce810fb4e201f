namespace Anarchy.Cli;

/// <summary>The command's exit codes (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    /// <summary>An output file could not be written (a full disk, a file-size limit, a permission).</summary>
    public const int OutputFailed = 3;
    public const int Cancelled = 130;
}

/// <summary>Bad input found after parsing (a range, a file, a folder): exit code 2 with this message.</summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException() { }
    public InvalidInputException(string message) : base(message) { }
    public InvalidInputException(string message, Exception inner) : base(message, inner) { }
}
