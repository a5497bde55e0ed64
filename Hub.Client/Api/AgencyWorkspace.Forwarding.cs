// Forwarding: an agency added to a case reads a message once a participant that can read it re-wraps it. The re-wrap
// covers the message's key header and, for every attachment its signed content names, the attachment's key header:
// the sealed attachment is downloaded once, checked whole against the signed reference, and only its header gets a
// stanza for the added agency. One forwarding statement (version 2 when there are attachments) signs all of it.
using System.Net;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Referrals;
using Hub.Client.Wire;

namespace Hub.Client.Api;

public sealed partial class AgencyWorkspace
{
    /// <summary>
    /// Re-wraps a message this agency can read, and the attachments it names, for <paramref name="toAgency"/> (added to the
    /// case by a forward) at its current generation, and sends the new headers with this device's forwarding statement.
    /// </summary>
    /// <exception cref="AgeException">The message or an attachment does not verify (nothing is sent).</exception>
    /// <exception cref="HubApiException">The hub refused the re-wrap or a download (an attachment the hub does not hold, 404, is skipped).</exception>
    public async Task<CommandAccepted> RewrapAsync(Guid caseId, Guid messageId, string toAgency, Guid? commandId = null, CancellationToken ct = default) =>
        await Api.AddRewrapAsync(caseId, await PrepareRewrapAsync(caseId, messageId, toAgency, commandId, ct), ct);

    /// <summary>
    /// Builds the re-wrap <see cref="RewrapAsync"/> sends, ready to send (and to resend unchanged on retry: the hub answers
    /// a repeated command id with the first result). Verifies the message as a recipient would and each attachment's sealed
    /// bytes against the signed reference before re-wrapping any key.
    /// </summary>
    public async Task<AddRewrap> PrepareRewrapAsync(Guid caseId, Guid messageId, string toAgency, Guid? commandId = null, CancellationToken ct = default)
    {
        var envelope = await Api.GetEnvelopeAsync(caseId, messageId, ct);
        var directory = await LoadDirectoryAsync(new[] { envelope.SenderAgency, AgencyId }.Distinct(StringComparer.Ordinal), ct);
        var statement = ReferralStatement.Parse(envelope.Statement);
        Forwarding.RequireForwardable(statement, AgencyId, toAgency);
        var keys = await KeysForAsync([.. statement.Recipients.Where(r => r.AgencyId == AgencyId).Select(r => r.Generation)], ct);
        var added = await CurrentGenerationOfAsync(toAgency, ct);
        var sealedReferral = new SealedReferral(envelope.Header, envelope.Payload, new SignedStatement(envelope.Statement, envelope.Signature));

        // The attachment references come from the verified, decrypted content: the sender's signature covers them. The
        // message is verified and its file key unwrapped once, for reading and re-wrapping together; no file key is held
        // while the attachments download.
        var (opened, draft) = await Forwarding.OpenForForwardingAsync(sealedReferral, caseId, messageId, directory, keys, new ReferralSender(AgencyId, Device), added, ct);
        var attachments = new List<ForwardedAttachmentHeader>();
        foreach (var reference in await AttachmentsNamedAsync(caseId, opened, ct))
        {
            try
            {
                attachments.Add(await Api.ReadAttachmentAsync(caseId, reference.Id, (sealedFile, token) => Forwarding.RewrapAttachmentAsync(sealedFile, reference, keys, added, token), ct));
            }
            catch (HubApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // Named but not on the hub (never uploaded, or abandoned): no participant can download it, so there is no
                // key to pass on. Any other refusal or failure stops the re-wrap.
            }
        }

        var forwarded = draft.Sign(_time.GetUtcNow(), attachments);
        return new AddRewrap(
            commandId ?? Guid.NewGuid(), messageId, new RecipientKey(toAgency, (int)added.Generation), Device.DeviceId,
            forwarded.Header, forwarded.Forwarding.Statement, forwarded.Forwarding.Signature,
            forwarded.Attachments is { Count: > 0 } rewrapped ? [.. rewrapped.Select(a => new RewrappedAttachment(a.AttachmentId, a.Header))] : null);
    }

    // Content that is not a referral-content document names no attachments (there is nowhere to name them), so a message
    // of other bytes is re-wrapped alone, as before attachments were re-wrapped. A reference without a sealed digest cannot
    // be tied to any file (recipients refuse to open it too), so it is not re-wrapped either.
    private async Task<IReadOnlyList<AttachmentReference>> AttachmentsNamedAsync(Guid caseId, OpenedReferral opened, CancellationToken ct)
    {
        var view = await Api.GetCaseAsync(caseId, ct);
        var context = new ContentContext(Enum.Parse<CasePriority>(view.Priority.ToString()));
        return ReferralContentCodec.TryDecode(opened.Plaintext, context, out var content, out _)
            ? [.. content.Attachments.Where(a => a.SealedSha256 is not null && a.SealedSize is not null)]
            : [];
    }
}
