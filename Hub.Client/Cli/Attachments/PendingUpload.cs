// Resuming `hub refer --attach` across runs. Every seal draws a fresh file key, so sealing the same file again gives other
// bytes under another digest, and the hub's half-finished upload could not be continued. So the sealed file itself
// outlives the process: it is kept, with the attachment id the hub knows it by, under uploads/<profile>/ in the config
// directory (owner-only; the bytes are ciphertext) until the referral that names it is accepted. A slot is named by a
// hash of everything that must be equal for the upload to be the same one: the case, the file's full path, length and
// modification time, and the recipient agencies' generations it was sealed to. Run the same command again and the
// upload continues at the offset the hub holds durably; change the file or the recipients and a new upload starts.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Cli.Session;
using Hub.Client.Api;
using Hub.Client.Attachments;
using Hub.Client.Content;
using Hub.Client.Keys;

namespace Hub.Cli.Attachments;

/// <summary>One attachment of a referral: sealed once, uploaded (and resumed) under a stable id.</summary>
internal sealed class PendingUpload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PendingUpload(string slot, FileInfo file, Guid attachmentId, SealedAttachment digests, bool resumed)
    {
        Slot = slot;
        File = file;
        AttachmentId = attachmentId;
        Digests = digests;
        Resumed = resumed;
    }

    public FileInfo File { get; }

    public Guid AttachmentId { get; }

    public SealedAttachment Digests { get; }

    /// <summary>An earlier run sealed this file already; its upload continues.</summary>
    public bool Resumed { get; }

    private string Slot { get; }

    private string SealedPath => Slot + ".age";

    private string StatePath => Slot + ".json";

    /// <summary>
    /// The slot of an earlier run of the same command, or the file sealed now into a new slot, for <paramref name="generations"/>
    /// (the recipients' and this agency's current ones, fetched once for the whole command).
    /// </summary>
    public static async Task<PendingUpload> PrepareAsync(
        AgencyWorkspace workspace, string profileName, Guid caseId, FileInfo file, IReadOnlyList<AgencyGenerationKey> generations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(generations);
        var sealedTo = generations.OrderBy(k => k.AgencyId, StringComparer.Ordinal).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.AgencyId}:{k.Generation}"));
        var identity = string.Create(CultureInfo.InvariantCulture, $"{caseId:N}\n{file.FullName}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}\n{string.Join(',', sealedTo)}");
        var slot = Path.Combine(Folder(profileName), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity))));
        var pending = TryLoad(slot, file);
        if (pending is not null)
        {
            return pending;
        }

        // Seal into a scratch name first: a slot's .age file is always complete once its .json exists.
        var scratch = slot + ".sealing";
        SealedAttachment digests;
        await using (var plain = file.OpenRead())
        await using (var output = OwnerOnly(scratch, FileMode.Create))
        {
            digests = workspace.SealAttachment(plain, output, generations);
            output.Flush(flushToDisk: true);
        }

        System.IO.File.Move(scratch, slot + ".age", overwrite: true);
        var state = new SlotState(Guid.NewGuid(), digests.PlainSize, digests.PlainSha256, digests.SealedSize, digests.SealedSha256);
        await using (var stateFile = OwnerOnly(slot + ".json.tmp", FileMode.Create))
        {
            await JsonSerializer.SerializeAsync(stateFile, state, Json, ct);
        }

        System.IO.File.Move(slot + ".json.tmp", slot + ".json", overwrite: true);
        return new PendingUpload(slot, file, state.AttachmentId, digests, resumed: false);
    }

    /// <summary>Uploads the sealed file from the offset the hub holds; <paramref name="progress"/> gets the durable sealed bytes.</summary>
    public async Task UploadAsync(AgencyWorkspace workspace, Guid caseId, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var sealedFile = new FileStream(SealedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await workspace.UploadSealedAttachmentAsync(caseId, AttachmentId, sealedFile, Digests, progress, ct);
    }

    public AttachmentReference Reference() => Digests.Reference(AttachmentId, File.Name, MediaTypes.Guess(File.Name));

    /// <summary>The referral naming the attachment was accepted: the local copy is no longer needed.</summary>
    public void Forget()
    {
        System.IO.File.Delete(StatePath);
        System.IO.File.Delete(SealedPath);
    }

    private static PendingUpload? TryLoad(string slot, FileInfo file)
    {
        try
        {
            var state = JsonSerializer.Deserialize<SlotState>(System.IO.File.ReadAllText(slot + ".json"), Json);
            var sealedFile = new FileInfo(slot + ".age");
            if (state is null || !sealedFile.Exists || sealedFile.Length != state.SealedSize || state.PlainSize != file.Length)
            {
                return null;
            }

            return new PendingUpload(slot, file, state.AttachmentId, new SealedAttachment(state.PlainSize, state.PlainSha256, state.SealedSize, state.SealedSha256), resumed: true);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Folder(string profileName)
    {
        var safe = new string([.. profileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')]);
        var folder = Path.Combine(new ProfileStore().Directory, "uploads", safe is "." or ".." ? "_" : safe);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    private static FileStream OwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private sealed record SlotState(Guid AttachmentId, long PlainSize, string PlainSha256, long SealedSize, string SealedSha256);
}
