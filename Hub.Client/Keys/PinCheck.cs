// The outcome of comparing a key's fingerprint with the pinned one (trust on first use).
namespace Hub.Client.Keys;

/// <summary>Result of <see cref="KeyPins.Check"/>.</summary>
public enum PinCheck
{
    /// <summary>Nothing was pinned for the subject; the fingerprint is pinned now.</summary>
    FirstUse = 1,

    /// <summary>The fingerprint equals the pinned one.</summary>
    Match = 2,

    /// <summary>The fingerprint differs from the pinned one: the directory changed an already-seen key.</summary>
    Changed = 3,
}
