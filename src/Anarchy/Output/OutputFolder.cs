namespace Anarchy.Output;

/// <summary>
/// The folder that receives a command's output files, locked for as long as the command writes into it
/// (<see cref="FolderLock"/>); disposing releases the lock.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly FolderLock _lock;

    private OutputFolder(string path, FolderLock folderLock)
    {
        Path = path;
        _lock = folderLock;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Makes sure the folder exists, is locked by this process and is empty. A missing folder is created (with its
    /// parents); an empty one is used as it is; a non-empty one is refused unless <paramref name="overwrite"/> is set.
    /// Overwriting replaces only a folder anarchy wrote (its manifest.json or study.json is there) and removes only
    /// the files anarchy writes (<see cref="OwnedEntries"/>); anything else in it is named and nothing is removed.
    /// </summary>
    /// <param name="path">The folder path, absolute or relative to the current directory.</param>
    /// <param name="overwrite">Whether to remove the output files a non-empty folder holds.</param>
    /// <exception cref="OutputFolderExistsException">
    /// The folder holds something and <paramref name="overwrite"/> is false. Nothing is created or changed.
    /// </exception>
    /// <exception cref="OutputFolderException">
    /// The path is empty or an existing file; or overwriting would touch a folder or files anarchy did not write.
    /// </exception>
    /// <exception cref="OutputFolderLockedException">Another process is writing into the folder.</exception>
    public static OutputFolder Prepare(string path, bool overwrite) => Prepare(path, overwrite, allowExisting: false);

    /// <summary>
    /// As <see cref="Prepare(string, bool)"/>; with <paramref name="allowExisting"/> an existing folder is used as it
    /// is, contents kept (a resumed sweep continues in its folder).
    /// </summary>
    public static OutputFolder Prepare(string path, bool overwrite, bool allowExisting)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new OutputFolderException("the output folder path is empty; give a folder with --out");
        var fullPath = System.IO.Path.GetFullPath(path);
        if (File.Exists(fullPath))
            throw new OutputFolderException($"the output path '{fullPath}' is a file, not a folder; choose a folder with --out");

        // Locked before anything is looked at or removed, so that two writers never empty each other's files.
        string? created = FirstMissing(fullPath);
        Directory.CreateDirectory(fullPath);
        FolderLock? folderLock = null;
        try
        {
            folderLock = FolderLock.Acquire(fullPath);
            if (!allowExisting) Empty(fullPath, overwrite);
            return new OutputFolder(fullPath, folderLock);
        }
        catch
        {
            // Nothing is left behind by a refusal: the lock file and any folders made here are removed again.
            folderLock?.Dispose();
            if (created is not null) DeleteCreated(fullPath, created);
            throw;
        }
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

    /// <summary>Frees the space the lock holds in reserve, just before a failure is recorded on a full disk.</summary>
    public void ReleaseReserve() => _lock.ReleaseReserve();

    /// <summary>Releases the folder's lock.</summary>
    public void Dispose() => _lock.Dispose();

    private static void Empty(string fullPath, bool overwrite)
    {
        var directory = new DirectoryInfo(fullPath);
        var entries = directory.EnumerateFileSystemInfos().Where(e => e.Name != FolderLock.FileName).ToList();
        if (entries.Count == 0) return;
        if (!overwrite) throw OutputFolderExistsException.For(fullPath);

        // A guard against a mistyped path such as "/" wiping a whole disk.
        if (directory.Parent is null)
            throw new OutputFolderException($"--overwrite: refusing to empty '{fullPath}', a file-system root");
        if (!OwnedEntries.IsAnarchyFolder(fullPath))
            throw new OutputFolderException(
                $"--overwrite: '{fullPath}' was not written by anarchy (it has no manifest.json or study.json), so nothing in it is replaced; choose another --out, or empty it yourself");
        var foreign = OwnedEntries.Foreign(fullPath);
        if (foreign.Count > 0)
        {
            const int shown = 20;
            string names = string.Join(", ", foreign.Take(shown)) + (foreign.Count > shown ? $" and {foreign.Count - shown} more" : "");
            throw new OutputFolderException(
                $"--overwrite: '{fullPath}' holds {foreign.Count} entr{(foreign.Count == 1 ? "y" : "ies")} anarchy did not write ({names}); nothing was removed. Move them away or choose another --out");
        }
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo subdirectory) subdirectory.Delete(recursive: true);
            else entry.Delete();
        }
    }

    /// <summary>The outermost folder of <paramref name="fullPath"/> that does not exist yet, or null.</summary>
    private static string? FirstMissing(string fullPath)
    {
        string? missing = null;
        for (var dir = new DirectoryInfo(fullPath); dir is not null && !dir.Exists; dir = dir.Parent) missing = dir.FullName;
        return missing;
    }

    /// <summary>Removes the folders from <paramref name="fullPath"/> up to <paramref name="created"/>, each only if empty.</summary>
    private static void DeleteCreated(string fullPath, string created)
    {
        try
        {
            for (var dir = new DirectoryInfo(fullPath); dir is not null; dir = dir.Parent)
            {
                if (dir.Exists) dir.Delete(recursive: false);
                if (string.Equals(dir.FullName, created, StringComparison.Ordinal)) break;
            }
        }
        catch (IOException)
        {
            // Not empty after all (a nested folder, or another process wrote into it): left as it is.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
