// Ed25519NoteSigner: produces signed-note signature type 0x01 (see Ed25519NoteVerifier for the layout).
using NSec.Cryptography;

namespace Hub.Transparency.Notes;

/// <summary>Signs notes with an Ed25519 private key (signature type 0x01).</summary>
/// <remarks>The signer does not own the key: the caller keeps and disposes it.</remarks>
public sealed class Ed25519NoteSigner : NoteSigner
{
    private readonly Key _key;

    /// <summary>Creates a signer that writes <paramref name="name"/> on its signature lines.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or the name is invalid.</exception>
    public Ed25519NoteSigner(string name, Key key)
        : base(name, NoteKeyId.Compute(name, NoteKeyId.Ed25519, Ed25519NoteVerifier.RawKey(RequireKey(key).PublicKey)))
    {
        _key = key;
    }

    /// <summary>The matching verifier, to publish as a vkey.</summary>
    public Ed25519NoteVerifier Verifier => new(Name, _key.PublicKey);

    /// <inheritdoc />
    public override NoteSignature Sign(ReadOnlySpan<byte> noteText) =>
        new(Name, KeyId, SignatureAlgorithm.Ed25519.Sign(_key, noteText));

    private static Key RequireKey(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key;
    }
}
