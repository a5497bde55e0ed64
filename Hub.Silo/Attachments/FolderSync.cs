// A new file's directory entry is durable only once its folder is synced (POSIX fsync on the directory). .NET refuses
// to open a directory as a file, so this goes to libc; Windows commits directory entries with its own metadata journal.
using System.Runtime.InteropServices;

namespace Hub.Silo.Attachments;

internal static partial class FolderSync
{
    private const int ReadOnly = 0; // O_RDONLY: enough to open a folder for fsync

    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open folder for sync (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of a folder failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
