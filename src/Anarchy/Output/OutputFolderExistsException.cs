namespace Anarchy.Output;

/// <summary>
/// Thrown when the output folder already exists and holds files, and replacing them was not asked for.
/// </summary>
public sealed class OutputFolderExistsException : IOException
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
        : base($"The output folder '{folderPath}' already exists and is not empty. Choose another folder or pass --overwrite to replace its contents.")
    {
        FolderPath = folderPath;
    }

    /// <summary>The full path of the folder, when known.</summary>
    public string? FolderPath { get; }

    internal static OutputFolderExistsException For(string folderPath) => new(folderPath, false);
}
