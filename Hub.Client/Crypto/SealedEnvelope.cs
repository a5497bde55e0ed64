// The two halves of a freshly sealed age v1 envelope: the header (stanzas + MAC) and the payload.
using Hub.Client.Crypto.Format;

namespace Hub.Client.Crypto;

/// <summary>
/// A sealed envelope kept as header and payload, so the header can later be re-wrapped
/// (<see cref="EnvelopeHeader.AddRecipients"/>) and stored apart from the unchanged payload.
/// The age file is <c>Header.ToArray()</c> followed by <see cref="Payload"/>.
/// </summary>
public sealed record SealedEnvelope(EnvelopeHeader Header, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The complete binary age file.</summary>
    public byte[] ToArray() => [.. Header.ToArray(), .. Payload.Span];
}
