// Sealed referrals: an age v1 envelope to the recipient agencies' generation keys (X25519), plus
// the sender device's Ed25519 signature (RFC 8032) over a canonical ReferralStatement binding the
// SHA-256 digests of header and payload (32 bytes each) to the case, message, sender, recipients,
// handling codes and time. Opening verifies all of it before releasing any plaintext.
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

/// <summary>Seals and opens signed referrals.</summary>
public static class Referral
{
    /// <summary>Seals <paramref name="plaintext"/> to <paramref name="recipients"/> and signs the statement.</summary>
    /// <param name="recipients">Current generation of each recipient agency, one per agency, including the sender's own.</param>
    /// <param name="handlingCodes">Canonical handling codes (one SIENA code and/or one TLP label), any order.</param>
    /// <exception cref="ArgumentException">Missing sender agency, duplicate agencies, non-canonical codes, invalid ids.</exception>
    public static SealedReferral Seal(
        ReadOnlySpan<byte> plaintext, Guid caseId, Guid messageId, ReferralSender sender,
        IReadOnlyList<AgencyGenerationKey> recipients, IEnumerable<string> handlingCodes, DateTimeOffset createdAt)
    {
        using var input = new MemoryStream(plaintext.ToArray(), writable: false);
        using var payload = new MemoryStream();
        var head = Seal(input, payload, caseId, messageId, sender, recipients, handlingCodes, createdAt);
        return new SealedReferral(head.Header, payload.ToArray(), head.Statement);
    }

    /// <summary>
    /// Streaming seal: encrypts <paramref name="plaintext"/> (to its end) into <paramref name="payload"/> in
    /// constant memory while hashing the ciphertext, then signs. Returns the header and signed statement.
    /// </summary>
    public static ReferralHead Seal(
        Stream plaintext, Stream payload, Guid caseId, Guid messageId, ReferralSender sender,
        IReadOnlyList<AgencyGenerationKey> recipients, IEnumerable<string> handlingCodes, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipients);
        var sorted = recipients.OrderBy(r => r?.AgencyId, StringComparer.Ordinal).ToList();
        // The statement validates the rest (distinct agencies, sender included, canonical codes) before anything is encrypted.
        var draft = Statement(new byte[Labels.DigestSize], new byte[Labels.DigestSize], caseId, messageId, sender, sorted, handlingCodes, createdAt);

        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Create(fileKey, [.. sorted.Select(r => (IRecipient)r.PublicKey)]).ToArray();
        using var hashing = new HashingWriteStream(payload);
        Payload.Encrypt(fileKey, plaintext, hashing);
        var statement = Statement(SHA256.HashData(header), hashing.Digest(), caseId, messageId, sender, sorted, draft.HandlingCodes, createdAt);
        return new ReferralHead(header, SignedStatement.Create(statement.Encode(), sender.Device));
    }

    /// <summary>
    /// Verifies and decrypts a referral delivered as message <paramref name="messageId"/> of case
    /// <paramref name="caseId"/>, with the generation keys of the opening agency.
    /// </summary>
    /// <exception cref="AgeException">MalformedStatement, SenderNotEnrolled, BadSignature, StatementMismatch, PinnedKeyChanged, or an age error.</exception>
    public static async Task<OpenedReferral> OpenAsync(
        SealedReferral referral, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var statement = await VerifyHeadAsync(new ReferralHead(referral.Header, referral.Statement), caseId, messageId, directory, keys, cancellationToken);
        ReferralChecks.RequireDigest(referral.Payload, statement.PayloadDigest, "payload");
        using var fileKey = EnvelopeHeader.Parse(referral.Header).Unwrap(keys);
        using var output = new MemoryStream();
        using var payload = new MemoryStream(referral.Payload, writable: false);
        Payload.Decrypt(fileKey, payload, output);
        return new OpenedReferral(statement, output.ToArray());
    }

    /// <summary>
    /// Streaming open for large attachments, in constant memory. The signature, sender enrolment,
    /// case, recipients and header digest are checked before this returns; the payload digest is
    /// checked at the end of <paramref name="payload"/>, and the final chunk is withheld until it
    /// matches (a mismatch throws StatementMismatch from the last read). The signed header digest
    /// fixes the header MAC and so the file key; age STREAM authenticates every chunk under it; the
    /// payload digest adds what STREAM cannot: that this is the sender's payload and not another
    /// one made by a co-recipient who knows the same file key.
    /// </summary>
    public static async Task<(ReferralStatement Statement, Stream Plaintext)> OpenReadAsync(
        ReferralHead head, Stream payload, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var statement = await VerifyHeadAsync(head, caseId, messageId, directory, keys, cancellationToken);
        using var fileKey = EnvelopeHeader.Parse(head.Header).Unwrap(keys);
        return (statement, Payload.OpenRead(fileKey, new VerifyingReadStream(payload, [.. statement.PayloadDigest])));
    }

    private static async Task<ReferralStatement> VerifyHeadAsync(
        ReferralHead head, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(keys);
        var statement = await ReferralChecks.VerifyAsync(head.Statement, caseId, messageId, directory, cancellationToken);
        ReferralChecks.RequireAddressed(statement.Recipients, keys);
        ReferralChecks.RequireDigest(head.Header ?? [], statement.HeaderDigest, "header");
        return statement;
    }

    private static ReferralStatement Statement(
        byte[] headerDigest, byte[] payloadDigest, Guid caseId, Guid messageId, ReferralSender sender,
        List<AgencyGenerationKey> recipients, IEnumerable<string> handlingCodes, DateTimeOffset createdAt) =>
        new(headerDigest, payloadDigest, caseId, messageId, sender.AgencyId, sender.Device.DeviceId,
            [.. recipients.Select(r => new RecipientGeneration((r ?? throw new ArgumentException("Null recipient.", nameof(recipients))).AgencyId, r.Generation))],
            HandlingCodes.ToCanonicalSet(handlingCodes), createdAt);
}
