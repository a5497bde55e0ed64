namespace Hub.Client.Wire;

/// <summary>An agency key generation: its number (from 1) and X25519 public key.</summary>
/// <param name="Generation">The generation number.</param>
/// <param name="PublicKey">The public key as an <c>age1…</c> recipient.</param>
/// <param name="PublishedAt">When the hub recorded it.</param>
public sealed record GenerationEntry(
    int Generation,
    string PublicKey,
    DateTimeOffset PublishedAt);
