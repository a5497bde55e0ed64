namespace Hub.Transparency.Notes;

/// <summary>A private key that produces signature lines for signed notes.</summary>
public abstract class NoteSigner
{
    /// <summary>Sets the name and key ID written on every signature line.</summary>
    protected NoteSigner(string name, uint keyId)
    {
        NoteKeyName.Require(name);
        Name = name;
        KeyId = keyId;
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key ID.</summary>
    public uint KeyId { get; }

    /// <summary>Signs the UTF-8 note text (which ends in a newline) and returns the signature line.</summary>
    public abstract NoteSignature Sign(ReadOnlySpan<byte> noteText);
}
