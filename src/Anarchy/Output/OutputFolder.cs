namespace Anarchy.Output;

/// <summary>The folder that receives one run's output files.</summary>
public sealed class OutputFolder
{
    private OutputFolder(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Makes sure the folder exists and is empty. A missing folder is created (with its parents); an empty one is used
    /// as it is; a non-empty one is refused unless <paramref name="overwrite"/> is set, in which case everything in it
    /// is deleted first (the folder itself is kept).
    /// </summary>
    /// <param name="path">The folder path, absolute or relative to the current directory.</param>
    /// <param name="overwrite">Whether to delete what a non-empty folder holds.</param>
    /// <exception cref="OutputFolderExistsException">
    /// The folder holds something and <paramref name="overwrite"/> is false. Nothing is created or changed.
    /// </exception>
    /// <exception cref="IOException">
    /// The path is an existing file, or <paramref name="overwrite"/> would empty a file-system root.
    /// </exception>
    public static OutputFolder Prepare(string path, bool overwrite) => Prepare(path, overwrite, allowExisting: false);

    /// <summary>
    /// As <see cref="Prepare(string, bool)"/>; with <paramref name="allowExisting"/> an existing folder is used as it
    /// is, contents kept (a resumed sweep continues in its folder).
    /// </summary>
    public static OutputFolder Prepare(string path, bool overwrite, bool allowExisting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new IOException($"The output path '{fullPath}' is a file, not a folder.");
        }

        var directory = new DirectoryInfo(fullPath);
        if (allowExisting && directory.Exists)
        {
            return new OutputFolder(fullPath);
        }

        if (directory.Exists && directory.EnumerateFileSystemInfos().Any())
        {
            if (!overwrite)
            {
                throw OutputFolderExistsException.For(fullPath);
            }

            // A guard against a mistyped path such as "/" wiping a whole disk.
            if (directory.Parent is null)
            {
                throw new IOException($"Refusing to delete the contents of '{fullPath}', a file-system root.");
            }

            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                // A link to a folder is removed as a link; its target is never entered.
                if (entry is DirectoryInfo subdirectory && entry.LinkTarget is null)
                {
                    subdirectory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        else
        {
            Directory.CreateDirectory(fullPath);
        }

        return new OutputFolder(fullPath);
    }

    /// <summary>The full path of a file directly inside this folder.</summary>
    /// <param name="fileName">A bare file name such as "runs.csv".</param>
    /// <exception cref="ArgumentException">The name is empty, contains a folder separator, or is "." or "..".</exception>
    public string PathOf(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName is "." or ".." || fileName.IndexOfAny(['/', '\\']) >= 0 || System.IO.Path.GetFileName(fileName) != fileName)
        {
            throw new ArgumentException($"'{fileName}' is not a bare file name; output files live directly in the output folder.", nameof(fileName));
        }

        return System.IO.Path.Combine(Path, fileName);
    }
}
