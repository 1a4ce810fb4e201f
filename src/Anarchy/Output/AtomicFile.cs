using System.Text;

namespace Anarchy.Output;

/// <summary>Writes small files so that readers see either the old content or the new, never a mix or a fragment.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="contents"/> as UTF-8 without a byte-order mark to a temporary file in the same folder,
    /// flushes it to disk, and renames it over <paramref name="path"/>, replacing any existing file.
    /// </summary>
    /// <remarks>Replacing is allowed because files such as manifest.json are rewritten as a run progresses.</remarks>
    /// <param name="path">The destination; its folder must exist.</param>
    /// <param name="contents">The text to write.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(contents);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{fullPath}' names a root, not a file.", nameof(path));
        var tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(contents));
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            TemporaryFile.DeleteQuietly(tempPath);
            throw;
        }
    }
}
