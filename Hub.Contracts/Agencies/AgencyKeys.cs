namespace Hub.Contracts.Agencies;

/// <summary>
/// An agency's public key directory: its member devices and its key generations. Everything here is public
/// key material or signed statements that clients verify themselves; the wrapped generation keys are not here.
/// </summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.AgencyKeys")]
public sealed record AgencyKeys(
    [property: Id(0)] string AgencyId,
    [property: Id(1)] IReadOnlyList<DeviceEntry> Devices,
    [property: Id(2)] IReadOnlyList<GenerationEntry> Generations,
    [property: Id(3)] long Version)
{
    /// <summary>The generation referrals are sealed to now; null before the agency published one.</summary>
    public GenerationEntry? Current => Generations.Count == 0 ? null : Generations[^1];
}

/// <summary>A member device: its public keys, and the enrolment (and revocation) statements signed by an admin device.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.DeviceEntry")]
public sealed record DeviceEntry(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string EncryptionKey,
    [property: Id(2)] byte[] SigningKey,
    [property: Id(3)] string EnrolledBy,
    [property: Id(4)] DateTimeOffset EnrolledAt,
    [property: Id(5)] byte[] Enrolment,
    [property: Id(6)] byte[] EnrolmentSignature,
    [property: Id(7)] DateTimeOffset? RevokedAt = null,
    [property: Id(8)] byte[]? Revocation = null,
    [property: Id(9)] byte[]? RevocationSignature = null)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A key generation: its number (from 1) and X25519 public key as an <c>age1…</c> recipient.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Agencies.GenerationEntry")]
public sealed record GenerationEntry(
    [property: Id(0)] int Generation,
    [property: Id(1)] string PublicKey,
    [property: Id(2)] DateTimeOffset PublishedAt);
