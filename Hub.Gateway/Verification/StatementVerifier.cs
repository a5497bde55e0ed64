using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Referrals;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;
using Hub.Gateway.Operations;
using Hub.Silo.Cases;
using NSec.Cryptography;

namespace Hub.Gateway.Verification;

/// <summary>
/// Checks, before anything is journaled, that a signed statement is canonical, signed by an active device
/// of the caller's own agency, and binds exactly what the request carries (digests, case, recipients,
/// handling codes). The hub cannot read envelopes, but it refuses to store one whose sender it cannot prove.
/// Each check returns null when the statement holds, otherwise why not (for a 400 problem).
/// </summary>
public sealed class StatementVerifier(GrainReferences grains)
{
    public async Task<string?> CheckReferralAsync(Caller caller, SubmissionContext submission, SubmitMessage body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(body);
        if (!TryParse(body.Statement, ReferralStatement.Parse, out var statement))
        {
            return "The referral statement is not in canonical form.";
        }

        if (statement.CaseId != submission.CaseId || statement.MessageId != body.MessageId
            || statement.SenderAgencyId != caller.AgencyId || statement.SenderDeviceId != body.SenderDeviceId)
        {
            return "The statement names another case, message, sender agency or device than the request.";
        }

        if (!DigestMatches(statement.HeaderDigest, body.Header) || !DigestMatches(statement.PayloadDigest, body.Payload))
        {
            return "The statement's digests do not match the envelope sent.";
        }

        var bound = statement.Recipients.Select(r => (r.AgencyId, (int)r.Generation)).Order().ToList();
        if (body.Recipients is null || !bound.SequenceEqual(body.Recipients.Select(r => (r.AgencyId, r.Generation)).Order()))
        {
            return "The statement's recipients differ from the request's.";
        }

        if (!statement.HandlingCodes.SequenceEqual(HandlingRules.CanonicalSet(submission.Handling)))
        {
            return "The statement's handling codes differ from the case's.";
        }

        foreach (var recipient in body.Recipients)
        {
            var keys = await grains.Agency(recipient.AgencyId).GetKeysAsync(ct);
            if (keys.Current?.Generation != recipient.Generation)
            {
                return $"{recipient.AgencyId}'s current key generation is {keys.Current?.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not published"}; seal to it.";
            }
        }

        return await CheckSignerAsync(caller.AgencyId, body.SenderDeviceId, body.Statement, body.Signature, ct);
    }

    public async Task<string?> CheckForwardingAsync(Caller caller, AddRewrap body, byte[]? originalStatement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        if (originalStatement is null)
        {
            return "Only an agency that can read the message can re-wrap it.";
        }

        if (!TryParse(body.Statement, ForwardingStatement.Parse, out var statement))
        {
            return "The forwarding statement is not in canonical form.";
        }

        if (!DigestMatches(statement.OriginalStatementDigest, originalStatement) || !DigestMatches(statement.HeaderDigest, body.Header))
        {
            return "The forwarding statement does not bind this message's statement and the header sent.";
        }

        // Exactly the attachment headers sent, each under its own id: none more, none fewer, none swapped.
        var sent = body.Attachments ?? [];
        if (sent.Count != statement.Attachments.Count
            || !statement.Attachments.All(signed => sent.Count(a => a?.AttachmentId == signed.AttachmentId) == 1
                && DigestMatches(signed.HeaderDigest, sent.First(a => a?.AttachmentId == signed.AttachmentId)!.Header)))
        {
            return "The forwarding statement does not bind exactly the attachment headers sent.";
        }

        if (body.Recipient is null || statement.AddedAgencyId != body.Recipient.AgencyId || statement.AddedGeneration != body.Recipient.Generation
            || statement.ForwarderAgencyId != caller.AgencyId || statement.ForwarderDeviceId != body.SenderDeviceId)
        {
            return "The forwarding statement names another agency, generation or forwarder than the request.";
        }

        var keys = await grains.Agency(body.Recipient.AgencyId).GetKeysAsync(ct);
        if (keys.Current?.Generation != body.Recipient.Generation)
        {
            return $"Re-wrap to {body.Recipient.AgencyId}'s current key generation.";
        }

        return await CheckSignerAsync(caller.AgencyId, body.SenderDeviceId, body.Statement, body.Signature, ct);
    }

    public string? CheckEnrolment(string agencyId, EnrolDevice body, AgencyKeys directory)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(directory);
        if (!TryParse(body.Statement, EnrolmentStatement.Parse, out var statement))
        {
            return "The enrolment statement is not in canonical form.";
        }

        if (statement.AgencyId != agencyId || statement.Device.DeviceId != body.DeviceId || statement.EnrolledBy != body.EnrolledBy
            || statement.Device.EncryptionKey.ToString() != body.EncryptionKey
            || !statement.Device.SigningKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(body.SigningKey))
        {
            return "The enrolment statement names another agency, device, key or enroller than the request.";
        }

        // The first device vouches for itself (trust on first use by the agency's admin); later ones need an enrolled device.
        var signer = body.EnrolledBy == body.DeviceId && !directory.Devices.Any(d => d.IsActive)
            ? body.SigningKey
            : directory.Devices.FirstOrDefault(d => d.DeviceId == body.EnrolledBy && d.IsActive)?.SigningKey;
        return Ed25519Check.Verifies(signer, body.Statement, body.Signature) ? null : "The enrolment signature does not verify.";
    }

    public string? CheckRevocation(string agencyId, RevokeDevice body, AgencyKeys directory)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(directory);
        if (!TryParse(body.Statement, RevocationStatement.Parse, out var statement))
        {
            return "The revocation statement is not in canonical form.";
        }

        if (statement.AgencyId != agencyId || statement.DeviceId != body.DeviceId || statement.RevokedBy != body.RevokedBy)
        {
            return "The revocation statement names another agency or device than the request.";
        }

        var signer = directory.Devices.FirstOrDefault(d => d.DeviceId == body.RevokedBy && d.IsActive)?.SigningKey;
        return Ed25519Check.Verifies(signer, body.Statement, body.Signature) ? null : "The revocation signature does not verify.";
    }

    private async Task<string?> CheckSignerAsync(string agencyId, string deviceId, byte[] statement, byte[] signature, CancellationToken ct)
    {
        var keys = await grains.Agency(agencyId).GetKeysAsync(ct);
        var device = keys.Devices.FirstOrDefault(d => d.DeviceId == deviceId && d.IsActive);
        if (device is null)
        {
            return $"Device {deviceId} is not an active device of {agencyId}.";
        }

        return Ed25519Check.Verifies(device.SigningKey, statement, signature) ? null : "The statement's signature does not verify.";
    }

    private static bool DigestMatches(IReadOnlyList<byte> digest, byte[]? bytes) =>
        bytes is not null && SHA256.HashData(bytes).AsSpan().SequenceEqual([.. digest]);

    private delegate T Parser<out T>(ReadOnlySpan<byte> bytes);

    private static bool TryParse<T>(byte[]? bytes, Parser<T> parse, out T parsed)
        where T : class
    {
        parsed = null!;
        if (bytes is null)
        {
            return false;
        }

        try
        {
            parsed = parse(bytes);
            return true;
        }
        catch (AgeException)
        {
            return false;
        }
    }
}
