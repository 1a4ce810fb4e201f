namespace Anarchy.Output;

/// <summary>
/// A hidden file beside its final destination that becomes visible under the final name only through <see cref="Publish"/>.
/// </summary>
/// <remarks>
/// The temporary file lives in the destination folder so that publishing is a rename within one file system, which
/// is atomic: a reader sees either no file or the complete one. A random suffix keeps two writers for the same name
/// from sharing a temporary file.
/// </remarks>
internal sealed class TemporaryFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private bool _closed;
    private bool _published;

    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    /// <exception cref="IOException">Something already exists under the final name.</exception>
    public TemporaryFile(string finalPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalPath);
        FinalPath = Path.GetFullPath(finalPath);
        var directory = Path.GetDirectoryName(FinalPath)
            ?? throw new ArgumentException($"'{FinalPath}' names a root, not a file.", nameof(finalPath));
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The folder '{directory}' for '{Path.GetFileName(FinalPath)}' does not exist.");
        }

        // Checked now as well as at the rename, so that a clash fails before a long simulation rather than after it.
        ThrowIfFinalPathTaken();
        TempPath = Path.Combine(directory, $".{Path.GetFileName(FinalPath)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize);
    }

    public string FinalPath { get; }

    public string TempPath { get; }

    public FileStream Stream { get; }

    /// <summary>Flushes the data through the operating system's cache to the disk and closes the file.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        _closed = true;
    }

    /// <summary>Renames the closed temporary file to its final name; never replaces an existing file.</summary>
    public void Publish()
    {
        if (!_closed)
        {
            throw new InvalidOperationException("The temporary file must be closed before it is published.");
        }

        ThrowIfFinalPathTaken();

        // overwrite: false, because the output folder is fresh: a file already there means two writers chose the same
        // name, and failing loudly is better than silently replacing results.
        File.Move(TempPath, FinalPath, overwrite: false);
        _published = true;
    }

    /// <summary>Closes the file and, unless it was published, deletes it.</summary>
    public void Dispose()
    {
        if (_published)
        {
            return;
        }

        try
        {
            // Closing flushes what is buffered, which fails on a full disk or past the file-size limit; the file is
            // deleted all the same.
            Stream.Dispose();
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            // Moot: the file is about to be deleted.
        }
        finally
        {
            _closed = true;
            DeleteQuietly(TempPath);
        }
    }

    /// <summary>Deletes a file, ignoring failures: it is only called on paths that are already being abandoned.</summary>
    internal static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover hidden temporary file is harmless; the original error matters more.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private void ThrowIfFinalPathTaken()
    {
        if (File.Exists(FinalPath) || Directory.Exists(FinalPath))
        {
            throw new IOException($"'{FinalPath}' already exists; output files are never overwritten.");
        }
    }
}
