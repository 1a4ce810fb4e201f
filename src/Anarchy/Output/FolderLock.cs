using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Anarchy.Output;

/// <summary>
/// An exclusive lock on an output folder, held while a command writes into it: the hidden file
/// <c>.anarchy.lock</c> in the folder, opened without sharing (on Linux and macOS an advisory <c>flock</c>, which the
/// operating system releases when the process ends, however it ends). It holds a line naming the holder (process id,
/// machine, start time), which a second writer reports, and 64 KiB held in reserve for recording a failure on a full
/// disk. The file is removed when the lock is released.
/// </summary>
/// <remarks>
/// A writer that removes the file as it lets go can race a writer that opened the old file just before: the second
/// one then holds a lock on a file no longer in the folder. So after locking, a writer checks that the folder's lock
/// file holds its own line, and starts again if not.
/// </remarks>
public sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name in the output folder.</summary>
    public const string FileName = ".anarchy.lock";

    private readonly FileStream _stream;
    private readonly string _holder;
    private bool _released;

    private FolderLock(string path, FileStream stream, string holder)
    {
        Path = path;
        _stream = stream;
        _holder = holder;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path { get; }

    /// <summary>Whether this process created the lock file (rather than finding one left by an ended process).</summary>
    public bool Created { get; private init; }

    /// <summary>Takes the lock on an existing folder without waiting.</summary>
    /// <exception cref="OutputFolderLockedException">Another process holds it.</exception>
    public static FolderLock Acquire(string folder)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), FileName);
        string holder = string.Create(CultureInfo.InvariantCulture,
            $"process {Environment.ProcessId} on {Environment.MachineName}, since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        for (int attempt = 0; attempt < 8; attempt++)
        {
            bool existed = File.Exists(path);
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException and not PathTooLongException)
            {
                throw new OutputFolderLockedException(System.IO.Path.GetDirectoryName(path)!, ReadUnlocked(path), e);
            }
            try
            {
                var bytes = Encoding.UTF8.GetBytes(holder + "\n");
                stream.SetLength(0);
                stream.Write(bytes);
                stream.Flush();
                TryReserve(stream);
                // Where the file can be read past the lock, check that the folder's lock file is the one locked.
                string? seen = ReadUnlocked(path);
                if (seen is null || seen == holder)
                    return new FolderLock(path, stream, holder) { Created = !existed };
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            stream.Dispose();
        }
        throw new IOException($"Could not lock '{System.IO.Path.GetDirectoryName(path)}': its lock file kept changing; is another anarchy process starting there?");
    }

    /// <summary>
    /// Gives back the space the lock file holds in reserve (<see cref="ReserveBytes"/>), so that on a full disk the
    /// manifest can still record why the command failed.
    /// </summary>
    public void ReleaseReserve()
    {
        if (_released) return;
        try
        {
            _stream.SetLength(Encoding.UTF8.GetByteCount(_holder) + 1);
        }
        catch (IOException)
        {
            // Nothing more to give.
        }
    }

    /// <summary>The space the lock file holds while a command writes (zeros after the holder's line).</summary>
    public const int ReserveBytes = 64 * 1024;

    private static void TryReserve(FileStream stream)
    {
        try
        {
            stream.Write(new byte[ReserveBytes]);
            stream.Flush(flushToDisk: false);
        }
        catch (Exception e) when (e is IOException or ArgumentOutOfRangeException)
        {
            // Already (nearly) full: the command will fail soon enough without a reserve.
            stream.SetLength(stream.Position);
        }
    }

    /// <summary>Releases the lock and removes the lock file.</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        try
        {
            // Removed while still locked, so that no other writer can take it in between and lose it.
            string? seen = ReadUnlocked(Path);
            if (seen is null || seen == _holder) File.Delete(Path);
        }
        catch (IOException)
        {
            // A lock file left behind is harmless: the next writer takes it over.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
        finally
        {
            _stream.Dispose();
        }
    }

    /// <summary>
    /// The first line of a lock file read without taking the lock (which a locked file refuses to .NET's readers),
    /// or null where that is not possible (Windows, a missing or unreadable file).
    /// </summary>
    internal static string? ReadUnlocked(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return null;
        try
        {
            int fd = Native.open(path, 0);
            if (fd < 0) return null;
            try
            {
                var buffer = new byte[512];
                nint read = Native.read(fd, buffer, buffer.Length);
                if (read <= 0) return "";
                string text = Encoding.UTF8.GetString(buffer, 0, (int)read);
                int newline = text.IndexOf('\n', StringComparison.Ordinal);
                return newline >= 0 ? text[..newline] : text;
            }
            finally
            {
                _ = Native.close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        public static extern int close(int fd);
    }
}

/// <summary>Another process is writing into the output folder: exit code 2, naming the holder.</summary>
public sealed class OutputFolderLockedException : OutputFolderException
{
    public OutputFolderLockedException() { }
    public OutputFolderLockedException(string message) : base(message) { }
    public OutputFolderLockedException(string message, Exception inner) : base(message, inner) { }

    internal OutputFolderLockedException(string folder, string? holder, Exception inner)
        : base($"the output folder '{folder}' is in use by another anarchy command ({(string.IsNullOrWhiteSpace(holder) ? "holder unknown" : holder)}); wait for it to finish or choose another --out", inner)
    {
    }
}
