// The checks that stand between a received referral and its plaintext, shared by opening and
// forwarding. Order matters: parse (canonical only), find the claimed device in the claimed agency
// (enrolled by the statement's time, never revoked), verify its signature, and only then compare
// the now-authentic statement with what was delivered. Every failure is an AgeException.
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

internal static class ReferralChecks
{
    /// <summary>Parses and authenticates a referral statement and checks it belongs to the expected case and message.</summary>
    public static async Task<ReferralStatement> VerifyAsync(
        SignedStatement signed, Guid caseId, Guid messageId, IKeyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(directory);
        var statement = ReferralStatement.Parse(signed.Statement ?? []);
        await VerifySignerAsync(signed, statement.SenderAgencyId, statement.SenderDeviceId, statement.CreatedAt, directory, cancellationToken);
        if (statement.CaseId != caseId || statement.MessageId != messageId)
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The referral was signed for another case or message.");
        }

        return statement;
    }

    /// <summary>Checks that the device was a member of the agency at <paramref name="at"/> and signed <paramref name="signed"/>.</summary>
    public static async Task VerifySignerAsync(
        SignedStatement signed, string agencyId, string deviceId, DateTimeOffset at, IKeyDirectory directory, CancellationToken cancellationToken)
    {
        var device = await directory.FindDeviceAsync(agencyId, deviceId, cancellationToken);
        if (device is null || device.AgencyId != agencyId || device.Keys.DeviceId != deviceId || !device.MaySignAt(at))
        {
            throw new AgeException(AgeErrorKind.SenderNotEnrolled, $"Device '{deviceId}' was not an enrolled member of '{agencyId}' at the signing time.");
        }

        signed.Verify(device.Keys.SigningKey);
    }

    /// <summary>Fails unless one of <paramref name="keys"/> is a generation the statement lists.</summary>
    public static void RequireAddressed(IReadOnlyList<RecipientGeneration> recipients, IReadOnlyList<AgencyGenerationSecret> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one agency generation key is required.", nameof(keys));
        }

        if (!keys.Any(k => recipients.Contains(new RecipientGeneration(k.Public.AgencyId, k.Public.Generation))))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The signed statement does not name any of these agency generations.");
        }
    }

    /// <summary>Fails with StatementMismatch unless SHA-256(<paramref name="bytes"/>) equals <paramref name="digest"/>.</summary>
    public static void RequireDigest(ReadOnlySpan<byte> bytes, IReadOnlyList<byte> digest, string what)
    {
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), [.. digest]))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, $"The {what} does not match the signed digest.");
        }
    }
}
