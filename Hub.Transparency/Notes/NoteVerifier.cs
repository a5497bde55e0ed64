namespace Hub.Transparency.Notes;

/// <summary>A trusted public key that checks signature lines of one name, key ID and signature type.</summary>
public abstract class NoteVerifier
{
    /// <summary>Sets the name and key ID that signature lines must carry to reach this verifier.</summary>
    protected NoteVerifier(string name, uint keyId)
    {
        NoteKeyName.Require(name);
        Name = name;
        KeyId = keyId;
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID.</summary>
    public uint KeyId { get; }

    /// <summary>The verifier key text, <c>name+hex(key ID)+base64(type || public key)</c>.</summary>
    public abstract string VerifierKey { get; }

    /// <summary>Checks <paramref name="signature"/> (the bytes after the key ID) over the UTF-8 note text.</summary>
    /// <returns><see langword="false"/> for any malformed or forged signature; never throws on hostile input.</returns>
    public abstract bool Verify(ReadOnlySpan<byte> noteText, ReadOnlySpan<byte> signature);
}
