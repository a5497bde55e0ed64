// Large attachments: sealed as age files of their own to the same agencies as the referral, uploaded in resumable
// chunks, and referenced from the referral content by the SHA-256 of both the sealed and the plain bytes. The referral's
// signature covers its payload, and so the reference: a recipient who opened the referral knows exactly which sealed
// file to expect, and refuses anything else before decrypting a byte.
using Hub.Client.Attachments;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Referrals;

namespace Hub.Client.Api;

public sealed partial class AgencyWorkspace
{
    /// <summary>
    /// Seals <paramref name="content"/> (read to its end) for <paramref name="recipients"/> and this agency at their current
    /// generations, uploads it to the case in resumable chunks (retrying through broken connections and hub restarts) and
    /// returns the reference to put in the referral's <see cref="ReferralContent.Attachments"/>. Constant memory; the sealed
    /// file is spooled to a temporary file that is deleted afterwards. <paramref name="progress"/> receives the sealed bytes
    /// the hub holds durably.
    /// </summary>
    /// <exception cref="HubApiException">The hub refused the upload (404 not a participant, 413 too large, 409 quota, 400 digest mismatch).</exception>
    public async Task<AttachmentReference> UploadAttachmentAsync(
        Guid caseId, Stream content, string fileName, string mediaType, IEnumerable<string> recipients,
        IProgress<long>? progress = null, Guid? attachmentId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recipients);
        var id = attachmentId ?? Guid.NewGuid();
        await using var spool = SpoolFile.Create();
        var sealedAttachment = await SealAttachmentAsync(content, spool, recipients, ct);
        await spool.FlushAsync(ct);
        await UploadSealedAttachmentAsync(caseId, id, spool, sealedAttachment, progress, ct);
        return sealedAttachment.Reference(id, fileName, mediaType);
    }

    /// <summary>
    /// Seals <paramref name="content"/> (read to its end) into <paramref name="output"/> (seekable) for <paramref name="recipients"/>
    /// and this agency at their current generations, in constant memory. Together with
    /// <see cref="UploadSealedAttachmentAsync"/> this lets a caller keep the sealed file (for example to resume an upload from
    /// another process later: sealing again would give other bytes, since every seal uses a fresh file key).
    /// </summary>
    /// <returns>Sizes and SHA-256 digests of the plaintext and the sealed file.</returns>
    public async Task<SealedAttachment> SealAttachmentAsync(Stream content, Stream output, IEnumerable<string> recipients, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        return SealAttachment(content, output, await CurrentGenerationsAsync(recipients, ct));
    }

    /// <summary>
    /// Seals <paramref name="content"/> (read to its end) into <paramref name="output"/> for <paramref name="generations"/>
    /// (from <see cref="CurrentGenerationsAsync"/>, which includes this agency's), in constant memory, without asking the hub
    /// for keys: a command that seals several attachments and then the referral fetches the generations once and seals
    /// everything to the same ones.
    /// </summary>
    /// <returns>Sizes and SHA-256 digests of the plaintext and the sealed file.</returns>
    /// <exception cref="ArgumentException"><paramref name="generations"/> leaves out this agency (it could not read its own attachment).</exception>
    public SealedAttachment SealAttachment(Stream content, Stream output, IReadOnlyList<AgencyGenerationKey> generations)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        RequireOwnAgency(generations);
        // Stanzas in agency order, as before generations could be passed in.
        return AttachmentSealer.Seal(content, output, [.. generations.OrderBy(k => k.AgencyId, StringComparer.Ordinal).Select(k => (IRecipient)k.PublicKey)]);
    }

    /// <summary>
    /// Uploads a sealed attachment (from <see cref="SealAttachmentAsync"/>) as <paramref name="attachmentId"/>, resuming at the
    /// offset the hub holds durably: after a broken connection, a hub restart, or an earlier process that uploaded part of
    /// the same file under the same id. <paramref name="progress"/> receives the sealed bytes the hub holds durably.
    /// </summary>
    /// <exception cref="HubApiException">The hub refused the upload (404 not a participant, 413 too large, 409 quota or another file under this id, 400 digest mismatch).</exception>
    public async Task UploadSealedAttachmentAsync(
        Guid caseId, Guid attachmentId, Stream sealedFile, SealedAttachment digests, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sealedFile);
        ArgumentNullException.ThrowIfNull(digests);
        await AttachmentUploader.UploadAsync(Api, caseId, attachmentId, sealedFile, digests, progress, ct);
    }

    /// <summary>
    /// Opens message <paramref name="messageId"/> (sender signature and digests verified), finds attachment
    /// <paramref name="attachmentId"/> in its content, then downloads, verifies and decrypts it into <paramref name="output"/>
    /// (see <see cref="OpenAttachmentAsync(Guid, OpenedReferral, AttachmentReference, Stream, IProgress{long}?, CancellationToken)"/>).
    /// </summary>
    /// <returns>The verified reference (file name, media type, sizes, digests).</returns>
    public async Task<AttachmentReference> OpenAttachmentAsync(
        Guid caseId, Guid messageId, Guid attachmentId, Stream output, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var opened = await OpenAsync(caseId, messageId, ct);
        var view = await Api.GetCaseAsync(caseId, ct);
        var document = ReferralContentCodec.Decode(opened.Plaintext, new ContentContext(Enum.Parse<CasePriority>(view.Priority.ToString())));
        var reference = document.Attachments.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new InvalidOperationException($"Message {messageId} names no attachment {attachmentId}.");
        await OpenAttachmentAsync(caseId, opened, reference, output, progress, ct);
        return reference;
    }

    /// <summary>
    /// Downloads the sealed attachment <paramref name="reference"/> names (from a referral opened with <see cref="OpenAsync"/>)
    /// to a temporary file, checks its size and SHA-256 against the reference before decrypting anything, then decrypts
    /// into <paramref name="output"/> chunk by chunk, each chunk only after its tag verified, and finally checks the
    /// plaintext's size and SHA-256. <paramref name="progress"/> receives the sealed bytes downloaded.
    /// </summary>
    /// <remarks>
    /// For an agency added by a forward (<paramref name="referral"/> was opened as a forward to it), the key comes from the
    /// attachment header the forwarder re-wrapped for it: its SHA-256 must be the one the verified forwarding statement
    /// binds to this attachment, and its file key must verify the sealed file's own header MAC before the original payload
    /// is decrypted with it.
    /// </remarks>
    /// <exception cref="AgeException">
    /// StatementMismatch (other bytes than the referral names, or a re-wrapped header the forwarder did not sign or that holds
    /// another key; nothing written), NoMatchingRecipient (forwarded without this attachment), or an age error.
    /// </exception>
    public async Task OpenAttachmentAsync(
        Guid caseId, OpenedReferral referral, AttachmentReference reference, Stream output, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(output);
        byte[]? keyHeader = null;
        IReadOnlyList<uint> generations = [.. referral.Statement.Recipients.Where(r => r.AgencyId == AgencyId).Select(r => r.Generation)];
        if (referral.Forwarding is { } forwarding && forwarding.AddedAgencyId == AgencyId)
        {
            var signed = forwarding.Attachments.FirstOrDefault(a => a.AttachmentId == reference.Id)
                ?? throw new AgeException(
                    AgeErrorKind.NoMatchingRecipient,
                    $"Message {referral.Statement.MessageId} was forwarded to {AgencyId} without a key for attachment {reference.Id} (the hub did not hold it then, or the forward predates re-wrapped attachments); this agency cannot open it.");
            keyHeader = await Api.GetAttachmentHeaderAsync(caseId, referral.Statement.MessageId, reference.Id, ct);
            ReferralChecks.RequireDigest(keyHeader, signed.HeaderDigest, "re-wrapped attachment header");
            generations = [forwarding.AddedGeneration];
        }

        var keys = await KeysForAsync(generations, ct);
        await using var spool = SpoolFile.Create();
        using var hashing = new HashingWriteStream(spool);
        await Api.DownloadAttachmentAsync(caseId, reference.Id, hashing, progress, ct);
        await spool.FlushAsync(ct);
        await AttachmentOpener.OpenAsync(spool, hashing.Count, hashing.Digest(), reference, keys, output, keyHeader, ct);
    }
}
