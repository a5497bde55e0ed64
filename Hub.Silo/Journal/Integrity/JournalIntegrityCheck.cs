namespace Hub.Silo.Journal.Integrity;

/// <summary>Which integrity check of a stream's Merkle log failed on read.</summary>
[GenerateSerializer, Alias("Hub.Silo.Journal.Integrity.JournalIntegrityCheck")]
public enum JournalIntegrityCheck
{
    /// <summary>An entry's fields no longer hash to the leaf hash stored with it (payload, type, time or version edited).</summary>
    LeafHash = 1,

    /// <summary>Versions are not 1, 2, 3, … without gaps: an entry was deleted, inserted or moved.</summary>
    VersionChain = 2,

    /// <summary>A leaf or tree node the log needs is missing.</summary>
    MissingNode = 3,

    /// <summary>The root recomputed from the leaves differs from the root of the stored tree nodes.</summary>
    TreeRoot = 4,

    /// <summary>The stream is shorter than a checkpoint the hub already signed for it: its tail was cut.</summary>
    CheckpointTruncated = 5,

    /// <summary>The stream is not an extension of a checkpoint the hub already signed: its history was rewritten (a fork).</summary>
    CheckpointInconsistent = 6,

    /// <summary>A stored checkpoint's signed note does not verify with the hub's log keys or does not state its size and root.</summary>
    CheckpointSignature = 7,
}
