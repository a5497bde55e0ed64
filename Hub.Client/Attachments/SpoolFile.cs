// A temporary file for sealed bytes: the sealed attachment must be complete (and its digest known) before the upload is
// declared, and a downloaded one must be complete and checked before anything is decrypted. Both stay in constant memory
// this way. The bytes are ciphertext; the file is owner-only anyway and deleted when closed.
namespace Hub.Client.Attachments;

internal static class SpoolFile
{
    public static FileStream Create()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"hub-attachment-{Guid.NewGuid():N}.age"), options);
    }
}
