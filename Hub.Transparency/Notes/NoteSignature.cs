namespace Hub.Transparency.Notes;

/// <summary>
/// One signature line of a signed note: <c>— &lt;key name&gt; base64(key ID || signature)</c>.
/// </summary>
/// <remarks>Holding a <see cref="NoteSignature"/> proves nothing: check it with <see cref="SignedNote.TryVerify"/>.</remarks>
public sealed class NoteSignature
{
    private readonly byte[] _signature;

    /// <summary>Creates a signature line; the signature bytes are copied.</summary>
    /// <exception cref="ArgumentException">The key name is not a valid note key name, or the signature is empty.</exception>
    public NoteSignature(string keyName, uint keyId, ReadOnlySpan<byte> signature)
    {
        NoteKeyName.Require(keyName);
        if (signature.IsEmpty)
        {
            throw new ArgumentException("A note signature is not empty.", nameof(signature));
        }
        KeyName = keyName;
        KeyId = keyId;
        _signature = signature.ToArray();
    }

    /// <summary>Name of the key that claims to have signed.</summary>
    public string KeyName { get; }

    /// <summary>The 32-bit key ID (big-endian on the wire) that, with the name, selects the verifier.</summary>
    public uint KeyId { get; }

    /// <summary>The signature bytes after the key ID; their format depends on the signature type.</summary>
    public ReadOnlyMemory<byte> Signature => _signature;
}
