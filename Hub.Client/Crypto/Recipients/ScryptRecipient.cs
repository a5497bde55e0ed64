// The age scrypt passphrase recipient: wrap key = scrypt(N = 2^workFactor, r = 8, p = 1,
// dkLen = 32, S = "age-encryption.org/v1/scrypt" || 16-byte salt, P = passphrase) (RFC 7914),
// file key sealed with ChaCha20-Poly1305 (RFC 8439) under the zero nonce. Used to protect key files.
// An scrypt stanza must be the only stanza of its header.
using System.Globalization;
using System.Security.Cryptography;
using Hub.Client.Crypto.Format;
using NSec.Cryptography;

namespace Hub.Client.Crypto.Recipients;

/// <summary>A passphrase recipient (scrypt). It must be the only recipient of an envelope.</summary>
public sealed class ScryptRecipient : IRecipient
{
    private readonly string _passphrase;

    /// <param name="passphrase">Non-empty passphrase.</param>
    /// <param name="workFactor">log2 of scrypt's N, 1..<see cref="Labels.ScryptMaxWorkFactor"/>.</param>
    public ScryptRecipient(string passphrase, int workFactor = Labels.ScryptDefaultWorkFactor)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ArgumentOutOfRangeException.ThrowIfLessThan(workFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workFactor, Labels.ScryptMaxWorkFactor);
        _passphrase = passphrase;
        WorkFactor = workFactor;
    }

    /// <summary>log2 of scrypt's N.</summary>
    public int WorkFactor { get; }

    /// <inheritdoc/>
    public RecipientStanza Wrap(FileKey fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        return Wrap(fileKey, RandomNumberGenerator.GetBytes(Labels.ScryptSaltSize));
    }

    /// <summary>Wraps with a caller-chosen salt (deterministic test vectors only).</summary>
    internal RecipientStanza Wrap(FileKey fileKey, byte[] salt)
    {
        using var wrapKey = DeriveWrapKey(_passphrase, salt, WorkFactor);
        return new RecipientStanza(
            Labels.ScryptStanzaType,
            [CanonicalBase64.Encode(salt), WorkFactor.ToString(CultureInfo.InvariantCulture)],
            StanzaAead.Seal(wrapKey, fileKey));
    }

    internal static Key DeriveWrapKey(string passphrase, ReadOnlySpan<byte> salt, int workFactor)
    {
        byte[] fullSalt = [.. Labels.ScryptSaltPrefix, .. salt];
        var raw = Scrypt.DeriveKey(passphrase, fullSalt, workFactor);
        try
        {
            var parameters = StanzaAead.Ephemeral;
            return Key.Import(AeadAlgorithm.ChaCha20Poly1305, raw, KeyBlobFormat.RawSymmetricKey, in parameters);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }
}
