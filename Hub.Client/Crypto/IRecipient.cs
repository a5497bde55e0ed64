// A public recipient of an age envelope: wraps the file key into one stanza.
using Hub.Client.Crypto.Format;

namespace Hub.Client.Crypto;

/// <summary>Wraps a file key for one party (X25519 public key, passphrase, ...).</summary>
public interface IRecipient
{
    /// <summary>Wraps <paramref name="fileKey"/> into a new stanza (fresh randomness each call).</summary>
    RecipientStanza Wrap(FileKey fileKey);
}
