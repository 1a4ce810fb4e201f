namespace Anarchy.Output;

/// <summary>
/// A problem with the output folder the caller chose (an empty path, a file, a folder anarchy did not write, files in
/// it that anarchy did not write): the command's input is at fault, exit code 2.
/// </summary>
public class OutputFolderException : IOException
{
    public OutputFolderException() { }
    public OutputFolderException(string message) : base(message) { }
    public OutputFolderException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// Thrown when the output folder already exists and holds files, and replacing them was not asked for.
/// </summary>
public sealed class OutputFolderExistsException : OutputFolderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public OutputFolderExistsException()
        : base("The output folder already exists and is not empty. Choose another folder or pass --overwrite to replace its contents.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OutputFolderExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public OutputFolderExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private OutputFolderExistsException(string folderPath, bool _)
        : base($"The output folder '{folderPath}' already exists and is not empty. Choose another folder or pass --overwrite to replace anarchy's files in it.")
    {
        FolderPath = folderPath;
    }

    /// <summary>The full path of the folder, when known.</summary>
    public string? FolderPath { get; }

    internal static OutputFolderExistsException For(string folderPath) => new(folderPath, false);
}

/// <summary>
/// Writing an output file failed after the command started (a full disk, a file-size limit, a permission): the
/// unfinished files were removed and the manifest says "failed" with the reason. Exit code 3.
/// </summary>
public sealed class OutputWriteException : IOException
{
    public OutputWriteException() { }
    public OutputWriteException(string message) : base(message) { }
    public OutputWriteException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The cause of a write failure in words.</summary>
    public static string Describe(Exception e) =>
        e is ArgumentOutOfRangeException ? "a file reached the file-size limit (ulimit -f)" : e.Message;

    /// <summary>Whether an exception is a failure to write a file (rather than a defect in the program).</summary>
    /// <remarks>.NET reports a write past the file-size limit (EFBIG) as an <see cref="ArgumentOutOfRangeException"/>.</remarks>
    public static bool IsWriteFailure(Exception e) =>
        e is OutputWriteException ||
        e is IOException or UnauthorizedAccessException || e is ArgumentOutOfRangeException { StackTrace: { } trace } && trace.Contains("System.IO.", StringComparison.Ordinal);
}
