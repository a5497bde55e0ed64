// The public key of one agency key generation: X25519 (RFC 7748, 32 bytes). Referrals are
// encrypted to the current generation of every recipient agency.
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Keys;

/// <summary>An agency's generation number and its X25519 public key.</summary>
public sealed record AgencyGenerationKey
{
    /// <exception cref="ArgumentException">The agency id is not a valid identifier.</exception>
    public AgencyGenerationKey(string agencyId, uint generation, X25519Recipient publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        AgencyId = Identifier.Require(agencyId, nameof(agencyId));
        Generation = generation;
        PublicKey = publicKey;
    }

    /// <summary>The agency's directory code.</summary>
    public string AgencyId { get; }

    /// <summary>The generation number (increases with every rotation).</summary>
    public uint Generation { get; }

    /// <summary>The generation's X25519 public key (an age recipient).</summary>
    public X25519Recipient PublicKey { get; }

    /// <summary>Fingerprint for out-of-band comparison.</summary>
    public string Fingerprint => Keys.Fingerprint.OfGeneration(this);
}
