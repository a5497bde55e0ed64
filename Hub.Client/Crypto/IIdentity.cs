// A private identity able to unwrap the file key from the stanzas addressed to it.
using Hub.Client.Crypto.Format;

namespace Hub.Client.Crypto;

/// <summary>Unwraps a file key from the stanzas of a header.</summary>
public interface IIdentity
{
    /// <summary>
    /// Returns the file key if one of <paramref name="stanzas"/> is addressed to this identity and
    /// opens, or <see langword="null"/> if none is. Stanzas of other types are ignored; a stanza of this
    /// identity's type that is malformed throws <see cref="AgeException"/>.
    /// </summary>
    FileKey? Unwrap(IReadOnlyList<RecipientStanza> stanzas);
}
