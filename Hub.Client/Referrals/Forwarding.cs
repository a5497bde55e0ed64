// Forwarding re-wrap: a client that can open a referral adds a stanza for another agency's
// generation key to the header (same file key, new HMAC-SHA-256 header MAC; the payload is not
// re-encrypted) and signs a ForwardingStatement (Ed25519) binding the original statement's and the
// new header's SHA-256 digests to the added agency and generation and to the forwarder. The hub
// decides whether the handling codes allow the forward (and records consent) before it accepts it.
// Attachments the referral names are re-wrapped the same way, header only: the forwarder checks the
// whole sealed file against the signed reference first (a header alone cannot be tied to the file it
// came from), and the statement (version 2) binds each new header's digest to its attachment id.
using System.Security.Cryptography;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

/// <summary>Forwards referrals to added agencies and opens forwarded referrals.</summary>
public static class Forwarding
{
    /// <summary>
    /// Verifies <paramref name="referral"/> as a recipient would, then re-wraps its file key for
    /// <paramref name="added"/> and signs the forwarding statement with <paramref name="forwarder"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="attachments"/> are the referral's attachments re-wrapped for the same agency and generation (see
    /// <see cref="RewrapAttachmentAsync"/>); their header digests go into the signed statement (version 2).
    /// </remarks>
    /// <exception cref="AgeException">The original does not verify (as in <see cref="Referral.OpenAsync"/>).</exception>
    /// <exception cref="ArgumentException">The forwarder's agency is not a recipient, the added agency already is, or an attachment appears twice.</exception>
    public static async Task<ForwardedReferral> ForwardAsync(
        SealedReferral referral, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, ReferralSender forwarder, AgencyGenerationKey added,
        DateTimeOffset forwardedAt, IReadOnlyList<ForwardedAttachmentHeader>? attachments = null, CancellationToken cancellationToken = default)
    {
        var (_, draft) = await DraftAsync(referral, caseId, messageId, directory, keys, forwarder, added, plaintext: null, cancellationToken);
        return draft.Sign(forwardedAt, attachments);
    }

    /// <summary>
    /// The first step of a forward that needs the content (to find the attachments it names): verifies
    /// <paramref name="referral"/> as <see cref="Referral.OpenAsync"/> does and as <see cref="ForwardAsync"/> does, unwraps
    /// its file key once, decrypts the payload and re-wraps the header for <paramref name="added"/> with that same key,
    /// which is zeroed before this returns. <see cref="ForwardDraft.Sign"/> completes the forward.
    /// </summary>
    /// <exception cref="AgeException">The referral does not verify or decrypt (nothing is re-wrapped).</exception>
    /// <exception cref="ArgumentException">The forwarder's agency is not a recipient, or the added agency already is.</exception>
    internal static async Task<(OpenedReferral Opened, ForwardDraft Draft)> OpenForForwardingAsync(
        SealedReferral referral, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, ReferralSender forwarder, AgencyGenerationKey added, CancellationToken cancellationToken = default)
    {
        using var plaintext = new MemoryStream();
        var draft = await DraftAsync(referral, caseId, messageId, directory, keys, forwarder, added, plaintext, cancellationToken);
        return (new OpenedReferral(draft.Statement, plaintext.ToArray()), draft.Draft);
    }

    /// <summary>
    /// Re-wraps one attachment of a referral for <paramref name="added"/>: reads <paramref name="sealedFile"/> (the sealed
    /// bytes as the hub serves them, forward-only) to its end, checks its size and SHA-256 against
    /// <paramref name="reference"/> (from the opened, signature-verified referral), and only then unwraps the file key from
    /// its header with <paramref name="keys"/> and adds a stanza for the added agency. Constant memory: the header is
    /// kept (at most <see cref="Labels.MaxHeaderSize"/> bytes), the rest only hashed.
    /// </summary>
    /// <remarks>
    /// The whole file is read because the reference signs the whole file's digest: a header alone could be another file's,
    /// for example an attachment of another case sealed to the same agency, and re-wrapping that file's key would hand it
    /// to the added agency.
    /// </remarks>
    /// <exception cref="AgeException">StatementMismatch (not the file the reference names), or an age error (no stanza for these keys, header MAC).</exception>
    public static async Task<ForwardedAttachmentHeader> RewrapAttachmentAsync(
        Stream sealedFile, AttachmentReference reference, IReadOnlyList<AgencyGenerationSecret> keys, AgencyGenerationKey added,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealedFile);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(added);
        if (reference.SealedSha256 is not { } sealedSha256 || reference.SealedSize is not { } sealedSize)
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, $"Attachment {reference.Id}'s reference names no sealed digest; its header cannot be tied to it.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var start = new MemoryStream();
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = await sealedFile.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
            start.Write(buffer, 0, (int)Math.Min(read, Math.Max(0, Labels.MaxHeaderSize - start.Length)));
        }

        if (length != sealedSize || !CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), Convert.FromHexString(sealedSha256)))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, $"The sealed bytes of attachment {reference.Id} do not match the digest the referral names; nothing was re-wrapped.");
        }

        start.Position = 0;
        var header = EnvelopeHeader.Read(start);
        using var fileKey = header.Unwrap(keys);
        return new ForwardedAttachmentHeader(reference.Id, header.AddRecipients(fileKey, [added.PublicKey]).ToArray());
    }

    /// <summary>
    /// Opens a forwarded referral with the added agency's generation keys: verifies the original
    /// sender's and the forwarder's signatures and enrolments, the digests that chain them, and the
    /// payload digest, before decrypting.
    /// </summary>
    /// <exception cref="AgeException">MalformedStatement, SenderNotEnrolled, BadSignature, StatementMismatch, or an age error.</exception>
    public static async Task<OpenedReferral> OpenAsync(
        ForwardedReferral forwarded, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(keys);
        var statement = await ReferralChecks.VerifyAsync(forwarded.Original, caseId, messageId, directory, cancellationToken);
        ArgumentNullException.ThrowIfNull(forwarded.Forwarding);
        var forwarding = ForwardingStatement.Parse(forwarded.Forwarding.Statement ?? []);
        await ReferralChecks.VerifySignerAsync(
            forwarded.Forwarding, forwarding.ForwarderAgencyId, forwarding.ForwarderDeviceId, forwarding.ForwardedAt, directory, cancellationToken);

        ReferralChecks.RequireDigest(forwarded.Original.Statement, forwarding.OriginalStatementDigest, "original statement");
        if (!statement.Recipients.Any(r => r.AgencyId == forwarding.ForwarderAgencyId) || forwarding.ForwardedAt < statement.CreatedAt)
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The forwarder was not a recipient of the referral when it forwarded it.");
        }

        ReferralChecks.RequireAddressed([new RecipientGeneration(forwarding.AddedAgencyId, forwarding.AddedGeneration)], keys);
        ReferralChecks.RequireDigest(forwarded.Header, forwarding.HeaderDigest, "forwarded header");
        ReferralChecks.RequireDigest(forwarded.Payload, statement.PayloadDigest, "payload");
        using var fileKey = EnvelopeHeader.Parse(forwarded.Header).Unwrap(keys);
        using var payload = new MemoryStream(forwarded.Payload, writable: false);
        using var output = new MemoryStream();
        Payload.Decrypt(fileKey, payload, output);
        return new OpenedReferral(statement, output.ToArray(), forwarding);
    }

    /// <summary>
    /// Every check a recipient makes before it releases plaintext (signature and enrolment, case and message binding,
    /// addressed generations, header and payload digests), then the forwarding rule; only then one unwrap of the file key,
    /// the payload decrypted into <paramref name="plaintext"/> when one is given, and the header re-wrapped.
    /// </summary>
    private static async Task<(ReferralStatement Statement, ForwardDraft Draft)> DraftAsync(
        SealedReferral referral, Guid caseId, Guid messageId, IKeyDirectory directory, IReadOnlyList<AgencyGenerationSecret> keys,
        ReferralSender forwarder, AgencyGenerationKey added, Stream? plaintext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(added);
        var statement = await ReferralChecks.VerifyAsync(referral.Statement, caseId, messageId, directory, cancellationToken);
        ReferralChecks.RequireAddressed(statement.Recipients, keys);
        ReferralChecks.RequireDigest(referral.Header, statement.HeaderDigest, "header");
        ReferralChecks.RequireDigest(referral.Payload, statement.PayloadDigest, "payload");
        RequireForwardable(statement, forwarder.AgencyId, added.AgencyId);

        var original = EnvelopeHeader.Parse(referral.Header);
        using var fileKey = original.Unwrap(keys);
        if (plaintext is not null)
        {
            using var payload = new MemoryStream(referral.Payload, writable: false);
            Payload.Decrypt(fileKey, payload, plaintext);
        }

        var header = original.AddRecipients(fileKey, [added.PublicKey]).ToArray();
        return (statement, new ForwardDraft(referral, header, forwarder, added));
    }

    /// <summary>Fails unless <paramref name="forwarderAgencyId"/> received the referral and <paramref name="addedAgencyId"/> did not.</summary>
    /// <exception cref="ArgumentException">The forwarder's agency is not a recipient, or the added agency already is.</exception>
    public static void RequireForwardable(ReferralStatement statement, string forwarderAgencyId, string addedAgencyId)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!statement.Recipients.Any(r => r.AgencyId == forwarderAgencyId))
        {
            throw new ArgumentException("Only a recipient agency can forward a referral.", nameof(forwarderAgencyId));
        }

        if (statement.Recipients.Any(r => r.AgencyId == addedAgencyId))
        {
            throw new ArgumentException("The agency is already a recipient.", nameof(addedAgencyId));
        }
    }
}
