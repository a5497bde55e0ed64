// The private X25519 key (RFC 7748, 32 bytes) of one agency key generation. It is created on an
// admin's device, wrapped with age to every enrolled member device, and unwrapped by any of them.
// It stays exportable (KeyExportPolicies.AllowPlaintextExport) because a member device re-wraps it
// whenever a new device is enrolled into the same generation. The wrapped record names its agency
// and generation, so the hub cannot serve one generation's key in place of another's.
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;
using NSec.Cryptography;

namespace Hub.Client.Keys;

/// <summary>An unwrapped agency generation key; an <see cref="IIdentity"/> for referrals sealed to that generation.</summary>
public sealed class AgencyGenerationSecret : IIdentity, IDisposable
{
    private readonly X25519Identity _identity;

    private AgencyGenerationSecret(string agencyId, uint generation, X25519Identity identity)
    {
        _identity = identity;
        Public = new AgencyGenerationKey(agencyId, generation, identity.Recipient);
    }

    /// <summary>The agency, generation number and public key.</summary>
    public AgencyGenerationKey Public { get; }

    /// <summary>Creates the key of a new generation.</summary>
    public static AgencyGenerationSecret Create(string agencyId, uint generation)
    {
        Identifier.Require(agencyId, nameof(agencyId));
        return new AgencyGenerationSecret(agencyId, generation, X25519Identity.Create(KeyExportPolicies.AllowPlaintextExport));
    }

    /// <summary>Wraps this generation key to each of <paramref name="devices"/> (one age file, one stanza per device).</summary>
    /// <exception cref="ArgumentException">No devices.</exception>
    public WrappedGenerationKey WrapTo(IReadOnlyList<DevicePublicKeys> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        if (devices.Count == 0)
        {
            throw new ArgumentException("At least one member device is required.", nameof(devices));
        }

        var raw = _identity.ExportRaw();
        var writer = new CanonicalWriter();
        byte[]? record = null;
        try
        {
            record = writer.Label(Labels.GenerationKeyRecord).String(Public.AgencyId).UInt32(Public.Generation).Bytes(raw).ToArray();
            using var plaintext = new MemoryStream(record, writable: false);
            using var envelope = new MemoryStream();
            Envelope.Encrypt(plaintext, envelope, [.. devices.Select(d => (IRecipient)d.EncryptionKey)]);
            return new WrappedGenerationKey(Public.AgencyId, Public.Generation, Public.PublicKey, envelope.ToArray());
        }
        finally
        {
            writer.Clear();
            CryptographicOperations.ZeroMemory(raw);
            if (record is not null)
            {
                CryptographicOperations.ZeroMemory(record);
            }
        }
    }

    /// <summary>
    /// Unwraps <paramref name="wrapped"/> with a member device's key and checks that the record is the
    /// claimed agency's claimed generation and matches its published public key.
    /// </summary>
    /// <exception cref="AgeException">NoMatchingRecipient (not wrapped to this device), StatementMismatch, MalformedStatement, ...</exception>
    public static AgencyGenerationSecret Unwrap(WrappedGenerationKey wrapped, DeviceKey device)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(device);
        var record = Envelope.Decrypt(wrapped.Envelope, [device.Identity]);
        byte[]? raw = null;
        try
        {
            var reader = new CanonicalReader(record, Labels.MaxStatementSize);
            reader.Label(Labels.GenerationKeyRecord);
            var agencyId = Identifier.Check(reader.String());
            var generation = reader.UInt32();
            raw = reader.Bytes(Labels.X25519KeySize);
            reader.End();
            var identity = X25519Identity.Import(raw, KeyExportPolicies.AllowPlaintextExport);
            var secret = new AgencyGenerationSecret(agencyId, generation, identity);
            if (agencyId != wrapped.AgencyId || generation != wrapped.Generation
                || !secret.Public.PublicKey.PublicKey.Equals(wrapped.PublicKey.PublicKey))
            {
                secret.Dispose();
                throw new AgeException(AgeErrorKind.StatementMismatch, "The wrapped key is not the claimed agency generation.");
            }

            return secret;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(record);
            if (raw is not null)
            {
                CryptographicOperations.ZeroMemory(raw);
            }
        }
    }

    /// <inheritdoc/>
    public FileKey? Unwrap(IReadOnlyList<RecipientStanza> stanzas) => _identity.Unwrap(stanzas);

    public void Dispose() => _identity.Dispose();
}
