// Why an envelope failed to open or parse; carried by AgeException.
namespace Hub.Client.Crypto;

/// <summary>
/// The reason an envelope, key or stanza was rejected. Values are explicit and stable so later
/// kinds (for example <c>BadSignature</c> for signed referrals) can be appended without renumbering.
/// </summary>
public enum AgeErrorKind
{
    /// <summary>No identity could unwrap any stanza of the header.</summary>
    NoMatchingRecipient = 1,

    /// <summary>The header MAC does not verify under the unwrapped file key.</summary>
    HeaderMacMismatch = 2,

    /// <summary>A payload chunk failed authentication (modified, reordered or forged).</summary>
    PayloadTampered = 3,

    /// <summary>The input ended before the header or the final payload chunk.</summary>
    Truncated = 4,

    /// <summary>Base64, Bech32 or armor text is not in its single canonical form.</summary>
    NonCanonicalEncoding = 5,

    /// <summary>The header or a stanza does not follow the grammar (line shapes, arguments, sizes).</summary>
    MalformedHeader = 6,

    /// <summary>The recipient or identity string is of a type this library does not implement.</summary>
    UnsupportedRecipient = 7,

    /// <summary>The passphrase does not unwrap the scrypt stanza.</summary>
    BadPassphrase = 8,

    /// <summary>A peer's X25519 share is a low-order point (the shared secret would be all zero).</summary>
    LowOrderPoint = 9,

    /// <summary>Bytes follow the final payload chunk.</summary>
    TrailingData = 10,

    /// <summary>The version line names an age version other than v1.</summary>
    UnsupportedVersion = 11,

    /// <summary>The scrypt work factor exceeds the identity's limit.</summary>
    WorkFactorTooHigh = 12,

    /// <summary>The ASCII armor is malformed (framing, line lengths, data around the block).</summary>
    MalformedArmor = 13,

    /// <summary>A key or identity file is malformed (Bech32 checksum, length, prefix).</summary>
    MalformedKey = 14,

    /// <summary>A signature (sender, forwarder or enrolment) does not verify under the claimed device's key.</summary>
    BadSignature = 15,

    /// <summary>The claimed signing device is unknown, not enrolled in the claimed agency at that time, or revoked.</summary>
    SenderNotEnrolled = 16,

    /// <summary>A signed statement does not match what was delivered (digests, case, message, recipients, generation).</summary>
    StatementMismatch = 17,

    /// <summary>A statement, key record or wrapped key is not in its single canonical encoding.</summary>
    MalformedStatement = 18,

    /// <summary>A directory key differs from the fingerprint pinned for that device or generation.</summary>
    PinnedKeyChanged = 19,

    /// <summary>
    /// A generation key wrapped to this device is not the generation's published key (the hub cannot check the wrapped
    /// key, so a forged or damaged one is caught here, and nothing sealed to that generation is opened with it).
    /// </summary>
    GenerationKeyMismatch = 20,
}
