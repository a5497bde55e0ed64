namespace Hub.Client.Wire;

/// <summary>Publishes the next generation, its private key wrapped (age) to every active device.</summary>
/// <param name="CommandId">Idempotency key.</param>
/// <param name="Generation">The current generation plus one.</param>
/// <param name="PublicKey">The public key as an <c>age1…</c> recipient.</param>
/// <param name="WrappedForDevices">Device id to the age file wrapping the private key to it.</param>
public sealed record PublishGeneration(
    Guid CommandId,
    int Generation,
    string PublicKey,
    IReadOnlyDictionary<string, byte[]> WrappedForDevices);
