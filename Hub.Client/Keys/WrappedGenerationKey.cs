// An agency generation's private key as the hub stores it: an age v1 file whose X25519 stanzas
// wrap its file key to every enrolled member device, and whose payload is the generation key
// record (label, agency id, generation number, 32-byte X25519 private key). The hub cannot read it.
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Keys;

/// <summary>An agency generation key wrapped (age) to the member devices' X25519 keys.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="Generation">The generation number.</param>
/// <param name="PublicKey">The generation's public key.</param>
/// <param name="Envelope">The age file holding the private key record.</param>
public sealed record WrappedGenerationKey(string AgencyId, uint Generation, X25519Recipient PublicKey, byte[] Envelope)
{
    /// <summary>The public half, as published in the key directory.</summary>
    public AgencyGenerationKey Public => new(AgencyId, Generation, PublicKey);
}
