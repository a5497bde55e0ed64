// Forwarding re-wrap: a client that can open a referral adds a stanza for another agency's
// generation key to the header (same file key, new HMAC-SHA-256 header MAC; the payload is not
// re-encrypted) and signs a ForwardingStatement (Ed25519) binding the original statement's and the
// new header's SHA-256 digests to the added agency and generation and to the forwarder. The hub
// decides whether the handling codes allow the forward (and records consent) before it accepts it.
using System.Security.Cryptography;
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
    /// <exception cref="AgeException">The original does not verify (as in <see cref="Referral.OpenAsync"/>).</exception>
    /// <exception cref="ArgumentException">The forwarder's agency is not a recipient, or the added agency already is.</exception>
    public static async Task<ForwardedReferral> ForwardAsync(
        SealedReferral referral, Guid caseId, Guid messageId, IKeyDirectory directory,
        IReadOnlyList<AgencyGenerationSecret> keys, ReferralSender forwarder, AgencyGenerationKey added,
        DateTimeOffset forwardedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(added);
        var statement = await ReferralChecks.VerifyAsync(referral.Statement, caseId, messageId, directory, cancellationToken);
        ReferralChecks.RequireAddressed(statement.Recipients, keys);
        ReferralChecks.RequireDigest(referral.Header, statement.HeaderDigest, "header");
        ReferralChecks.RequireDigest(referral.Payload, statement.PayloadDigest, "payload");
        if (!statement.Recipients.Any(r => r.AgencyId == forwarder.AgencyId))
        {
            throw new ArgumentException("Only a recipient agency can forward a referral.", nameof(forwarder));
        }

        if (statement.Recipients.Any(r => r.AgencyId == added.AgencyId))
        {
            throw new ArgumentException("The agency is already a recipient.", nameof(added));
        }

        var original = EnvelopeHeader.Parse(referral.Header);
        using var fileKey = original.Unwrap(keys);
        var header = original.AddRecipients(fileKey, [added.PublicKey]).ToArray();
        var forwarding = new ForwardingStatement(
            SHA256.HashData(referral.Statement.Statement), SHA256.HashData(header), added.AgencyId, added.Generation,
            forwarder.AgencyId, forwarder.Device.DeviceId, forwardedAt);
        return new ForwardedReferral(referral.Statement, SignedStatement.Create(forwarding.Encode(), forwarder.Device), header, referral.Payload);
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
        return new OpenedReferral(statement, output.ToArray());
    }
}
