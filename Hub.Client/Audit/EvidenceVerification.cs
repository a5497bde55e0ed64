namespace Hub.Client.Audit;

/// <summary>The outcome of verifying an evidence bundle offline.</summary>
/// <param name="Failure">Null when the bundle verifies; otherwise the first check that failed, naming the entry, proof or signature.</param>
/// <param name="TreeSize">Entries covered by the verified checkpoint.</param>
/// <param name="RootHash">The checkpoint's root, recomputed from the entries.</param>
/// <param name="HubKeyFingerprint">Fingerprint of the hub key that signed the checkpoint (empty when none did).</param>
/// <param name="HubKeyPinned">True when the caller pinned the hub key and it matched; otherwise the fingerprint must be compared out of band.</param>
/// <param name="Witnesses">Names of witnesses whose cosignatures verified.</param>
/// <param name="NotYetCheckpointed">Entries after the checkpoint: well-formed and in order, but no signature covers them yet.</param>
/// <param name="EarlierCheckpoints">Earlier checkpoints proven consistent with the verified one.</param>
public sealed record EvidenceVerification(
    string? Failure,
    long TreeSize,
    byte[] RootHash,
    string HubKeyFingerprint,
    bool HubKeyPinned,
    IReadOnlyList<string> Witnesses,
    long NotYetCheckpointed,
    int EarlierCheckpoints)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure is null;

    /// <summary><c>OK &lt;tree size&gt; &lt;root base64&gt;</c>, or <c>FAIL &lt;reason&gt;</c>.</summary>
    public string Summary => IsValid ? $"OK {TreeSize} {Convert.ToBase64String(RootHash)}" : $"FAIL {Failure}";

    internal static EvidenceVerification Failed(string failure, string fingerprint = "") => new(failure, 0, [], fingerprint, false, [], 0, 0);
}
