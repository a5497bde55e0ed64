// Sealed attachment bytes on disk: one file per upload under <root>/<case>/<attachment>.<agency hex>, written in place
// from the first chunk to completion. The durable offset is not the file length but what the uploads grain journaled
// after the bytes were synced: a crash mid-chunk leaves bytes past that offset, and the next chunk truncates them away.
using System.Security.Cryptography;
using System.Text;

namespace Hub.Silo.Attachments;

/// <summary>The folder of sealed attachments, with one write lock per upload (striped) so two requests never interleave.</summary>
public sealed class AttachmentFiles
{
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public AttachmentFiles(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = System.IO.Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The file of one agency's attachment in a case (the agency is part of the name, so two agencies can never share a file).</summary>
    public string PathOf(Guid caseId, string agencyId, Guid attachmentId) =>
        System.IO.Path.Combine(Root, caseId.ToString("N"), $"{attachmentId:N}.{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(agencyId))}");

    /// <summary>Holds the upload's write lock until the returned handle is disposed.</summary>
    public async Task<IDisposable> LockAsync(Guid attachmentId, CancellationToken ct)
    {
        var gate = _locks[(attachmentId.GetHashCode() & int.MaxValue) % _locks.Length];
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    /// <summary>
    /// Writes <paramref name="body"/> at <paramref name="offset"/> (dropping anything an interrupted write left after it),
    /// reading at most <paramref name="limit"/> bytes, and syncs the file before returning the count written.
    /// </summary>
    /// <exception cref="InvalidDataException">The body holds more than <paramref name="limit"/> bytes (nothing is synced).</exception>
    public async Task<long> WriteChunkAsync(Guid caseId, string agencyId, Guid attachmentId, long offset, Stream body, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var path = PathOf(caseId, agencyId, attachmentId);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var newFolder = !Directory.Exists(folder);
        var newFile = newFolder || !File.Exists(path);
        Directory.CreateDirectory(folder);
        var open = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.Read, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            open.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, open);
        if (file.Length < offset)
        {
            throw new InvalidDataException("The file is shorter than its journaled offset.");
        }

        file.SetLength(offset);
        file.Position = offset;
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (written + read > limit)
            {
                throw new InvalidDataException($"The chunk holds more than the {limit} bytes that fit.");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            written += read;
        }

        // Durable before the offset is journaled: a crash after this point loses nothing the hub acknowledged.
        file.Flush(flushToDisk: true);
        if (newFile)
        {
            FolderSync.Flush(folder);
        }

        if (newFolder)
        {
            FolderSync.Flush(Root);
        }

        return written;
    }

    /// <summary>Length and SHA-256 (lower-case hex) of the file, or null when it does not exist.</summary>
    public async Task<(long Length, string Sha256)?> HashAsync(Guid caseId, string agencyId, Guid attachmentId, CancellationToken ct)
    {
        var path = PathOf(caseId, agencyId, attachmentId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var digest = await SHA256.HashDataAsync(file, ct);
        return (file.Length, Convert.ToHexStringLower(digest));
    }

    /// <summary>Opens a completed attachment for reading, or null when its file is missing.</summary>
    public Stream? OpenRead(Guid caseId, string agencyId, Guid attachmentId)
    {
        var path = PathOf(caseId, agencyId, attachmentId);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    /// <summary>Deletes an abandoned upload's bytes (nothing when already gone).</summary>
    public void Delete(Guid caseId, string agencyId, Guid attachmentId) => File.Delete(PathOf(caseId, agencyId, attachmentId));

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
