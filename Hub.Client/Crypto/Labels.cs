// Labels and sizes of the age v1 envelope format (age-encryption.org/v1, c2sp.org/age).
//
//   Key agreement   X25519 (RFC 7748): 32-byte private keys, public keys and shares
//   Key derivation  HKDF-SHA-256 (RFC 5869): 32-byte output keys
//   Header MAC      HMAC-SHA-256 (RFC 2104): 32-byte tag
//   AEAD            ChaCha20-Poly1305 (RFC 8439): 32-byte key, 12-byte nonce, 16-byte tag
//   Passphrase KDF  scrypt (RFC 7914): r = 8, p = 1, 16-byte salt
//
// Every label and size the format uses lives here, so the README's "envelope format &
// threats" section and the code cannot drift apart. The labels are fixed by the age v1
// specification; changing any of them breaks interoperability with the age CLI.
//
// The Hub's own labels (signed statements, key records, fingerprints) follow below the age ones:
//   Signatures      Ed25519 (RFC 8032): 32-byte public keys and seeds, 64-byte signatures
//   Digests         SHA-256 (FIPS 180-4): 32 bytes
// Each is a versioned "referral-hub/v1/..." string written at the start of the signed or
// encrypted bytes, so a signature over one kind of statement can never verify as another.
namespace Hub.Client.Crypto;

/// <summary>Labels (HKDF info strings, stanza types, text markers) and sizes of age v1.</summary>
public static class Labels
{
    /// <summary>First header line, without its line feed.</summary>
    public static ReadOnlySpan<byte> VersionLine => "age-encryption.org/v1"u8;

    /// <summary>Prefix shared by all age version lines (used to report unsupported versions).</summary>
    public static ReadOnlySpan<byte> VersionPrefix => "age-encryption.org/"u8;

    /// <summary>Prefix of a recipient stanza's argument line.</summary>
    public static ReadOnlySpan<byte> StanzaPrefix => "-> "u8;

    /// <summary>Prefix of the header MAC line; the MAC covers the header up to and including it.</summary>
    public static ReadOnlySpan<byte> MacPrefix => "---"u8;

    /// <summary>HKDF info for the header MAC key (salt empty, ikm = file key).</summary>
    public static ReadOnlySpan<byte> HeaderKey => "header"u8;

    /// <summary>HKDF info for the payload key (salt = payload nonce, ikm = file key).</summary>
    public static ReadOnlySpan<byte> PayloadKey => "payload"u8;

    /// <summary>HKDF info for an X25519 stanza's wrap key.</summary>
    public static ReadOnlySpan<byte> X25519Wrap => "age-encryption.org/v1/X25519"u8;

    /// <summary>Prefix of the scrypt salt (followed by the 16 random salt bytes).</summary>
    public static ReadOnlySpan<byte> ScryptSaltPrefix => "age-encryption.org/v1/scrypt"u8;

    /// <summary>Stanza type of the X25519 recipient.</summary>
    public const string X25519StanzaType = "X25519";

    /// <summary>Stanza type of the scrypt passphrase recipient.</summary>
    public const string ScryptStanzaType = "scrypt";

    /// <summary>Bech32 human-readable part of an X25519 recipient (lower case).</summary>
    public const string RecipientHrp = "age";

    /// <summary>Bech32 human-readable part of an X25519 identity (upper case).</summary>
    public const string IdentityHrp = "AGE-SECRET-KEY-";

    /// <summary>PEM label of the ASCII armor.</summary>
    public const string ArmorLabel = "AGE ENCRYPTED FILE";

    /// <summary>ASCII armor first line.</summary>
    public const string ArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";

    /// <summary>ASCII armor last line.</summary>
    public const string ArmorEnd = "-----END AGE ENCRYPTED FILE-----";

    /// <summary>File key size (128 bits).</summary>
    public const int FileKeySize = 16;

    /// <summary>X25519 key and share size.</summary>
    public const int X25519KeySize = 32;

    /// <summary>Size of a wrapped file key in a stanza body (file key + Poly1305 tag).</summary>
    public const int WrappedKeySize = FileKeySize + TagSize;

    /// <summary>HKDF output size (header MAC key, payload key, wrap keys).</summary>
    public const int DerivedKeySize = 32;

    /// <summary>HMAC-SHA-256 output size.</summary>
    public const int MacSize = 32;

    /// <summary>Payload nonce size (HKDF salt of the payload key).</summary>
    public const int PayloadNonceSize = 16;

    /// <summary>ChaCha20-Poly1305 nonce size.</summary>
    public const int AeadNonceSize = 12;

    /// <summary>Poly1305 tag size.</summary>
    public const int TagSize = 16;

    /// <summary>Plaintext bytes per STREAM chunk (64 KiB).</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>Ciphertext bytes per full STREAM chunk.</summary>
    public const int EncryptedChunkSize = ChunkSize + TagSize;

    /// <summary>Column width of stanza bodies and armor lines.</summary>
    public const int LineWidth = 64;

    /// <summary>scrypt salt size.</summary>
    public const int ScryptSaltSize = 16;

    /// <summary>Default scrypt work factor (log2 N) used when sealing with a passphrase.</summary>
    public const int ScryptDefaultWorkFactor = 18;

    /// <summary>Highest scrypt work factor (log2 N) accepted when opening (2^22 x 1 KiB = 4 GiB of scrypt memory).</summary>
    public const int ScryptMaxWorkFactor = 22;

    /// <summary>Longest header line accepted by the parser.</summary>
    public const int MaxHeaderLine = 16 * 1024;

    /// <summary>Largest header accepted by the parser.</summary>
    public const int MaxHeaderSize = 1024 * 1024;

    /// <summary>Domain label opening every signed referral statement (its format version).</summary>
    public static ReadOnlySpan<byte> ReferralStatement => "referral-hub/v1/referral-statement"u8;

    /// <summary>Domain label opening every signed forwarding statement.</summary>
    public static ReadOnlySpan<byte> ForwardingStatement => "referral-hub/v1/forwarding-statement"u8;

    /// <summary>
    /// Domain label of the forwarding statement's second version: the first version's fields followed by the re-wrapped
    /// attachment headers' digests. Written only when a forward re-wraps attachments, so each statement has one encoding.
    /// </summary>
    public static ReadOnlySpan<byte> ForwardingStatementV2 => "referral-hub/v2/forwarding-statement"u8;

    /// <summary>Domain label opening every signed device enrolment statement.</summary>
    public static ReadOnlySpan<byte> EnrolmentStatement => "referral-hub/v1/enrolment-statement"u8;

    /// <summary>Domain label opening every signed device revocation statement.</summary>
    public static ReadOnlySpan<byte> RevocationStatement => "referral-hub/v1/revocation-statement"u8;

    /// <summary>Domain label of the device key record inside the passphrase-protected key store file.</summary>
    public static ReadOnlySpan<byte> DeviceKeyRecord => "referral-hub/v1/device-key"u8;

    /// <summary>Domain label of an agency generation key record inside its age envelope.</summary>
    public static ReadOnlySpan<byte> GenerationKeyRecord => "referral-hub/v1/agency-generation-key"u8;

    /// <summary>Domain label hashed in front of every fingerprinted public key.</summary>
    public static ReadOnlySpan<byte> Fingerprint => "referral-hub/v1/fingerprint"u8;

    /// <summary>SHA-256 digest size (header, payload and statement digests).</summary>
    public const int DigestSize = 32;

    /// <summary>Ed25519 public key and private seed size.</summary>
    public const int Ed25519KeySize = 32;

    /// <summary>Ed25519 signature size.</summary>
    public const int SignatureSize = 64;

    /// <summary>Bytes of the SHA-256 output kept in a fingerprint (160 bits, 40 hex digits).</summary>
    public const int FingerprintSize = 20;

    /// <summary>Longest agency or device identifier (ASCII letters, digits, '.', '_', '-', ':').</summary>
    public const int MaxIdentifierLength = 64;

    /// <summary>Most recipient agencies one referral statement may name.</summary>
    public const int MaxRecipientAgencies = 64;

    /// <summary>Most handling codes one referral statement may carry (one SIENA code and one TLP label).</summary>
    public const int MaxHandlingCodes = 2;

    /// <summary>Largest encoded statement accepted by the parsers.</summary>
    public const int MaxStatementSize = 16 * 1024;

    /// <summary>File name of the device key store inside the key directory.</summary>
    public const string DeviceKeyFileName = "device-key.age";
}
