// StreamVerifier: the read-side integrity checks every journal store runs, in two passes over one
// consistent snapshot of a stream of n entries.
//
//   pass 1  tree      stored leaf hashes after `after` chain 1..n without gaps; the root built from
//                     them (on the stored frontier at `after`) equals the root of the stored nodes
//                     at n; n is at least the latest signed checkpoint's size and the tree at n is
//                     consistent with it (RFC 9162 consistency proof from the stored nodes)
//   pass 2  entries   each entry's fields, re-encoded (LogEntryEncoding), hash to its stored leaf
//
// Pass 1 runs before any entry is handed out; pass 2 stops before handing out an entry that fails.
// A read from version 0 therefore recomputes the whole tree from the entries themselves.
using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.Integrity;

/// <summary>Store-agnostic checks of a stream's entries against its stored Merkle log.</summary>
internal static class StreamVerifier
{
    /// <summary>Pass 1: checks the stored tree of a stream at <paramref name="size"/> and returns its root.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="after">Leaves up to this version are taken from the stored nodes (already verified by an earlier read).</param>
    /// <param name="size">The stream's current version, as the store sees it.</param>
    /// <param name="storedLeaves">Stored (version, leaf hash) pairs with version &gt; <paramref name="after"/>, in order.</param>
    /// <param name="nodes">The stored tree of size <paramref name="size"/>.</param>
    /// <param name="checkpoint">The latest checkpoint the hub signed for the stream, if any.</param>
    /// <param name="authenticator">Checks the checkpoint's signature; null trusts the stored size and root.</param>
    /// <param name="alarm">Raises the failure.</param>
    public static byte[] VerifyTree(
        string streamId,
        long after,
        long size,
        IEnumerable<(long Version, byte[] LeafHash)> storedLeaves,
        IMerkleNodeSource nodes,
        JournalCheckpoint? checkpoint,
        ICheckpointAuthenticator? authenticator,
        JournalTamperAlarm alarm)
    {
        if (checkpoint is not null && authenticator is not null && !authenticator.IsAuthentic(checkpoint))
        {
            throw alarm.Raise(streamId, checkpoint.TreeSize, JournalIntegrityCheck.CheckpointSignature,
                $"the stored checkpoint at size {checkpoint.TreeSize} is not one the hub signed");
        }

        if (checkpoint is not null && checkpoint.TreeSize > size)
        {
            throw alarm.Raise(streamId, size, JournalIntegrityCheck.CheckpointTruncated,
                $"the stream has {size} entries but the hub signed a checkpoint at size {checkpoint.TreeSize}");
        }

        var start = Math.Min(after, size);
        var accumulator = Guard(streamId, start, alarm, () => start == 0 ? new MerkleAccumulator() : MerkleAccumulator.Restore(nodes, start));
        var expected = start + 1;
        foreach (var (version, leafHash) in storedLeaves)
        {
            if (version != expected)
            {
                throw alarm.Raise(streamId, expected, JournalIntegrityCheck.VersionChain, $"expected version {expected}, found {version}");
            }

            if (leafHash.Length != MerkleHash.Size)
            {
                throw alarm.Raise(streamId, version, JournalIntegrityCheck.MissingNode, "the stored leaf hash is not 32 bytes");
            }

            accumulator.Append(leafHash);
            expected++;
        }

        if (expected - 1 != size)
        {
            throw alarm.Raise(streamId, expected, JournalIntegrityCheck.VersionChain, $"the stream ends at version {expected - 1}, not at its head {size}");
        }

        var root = accumulator.GetRoot();
        var storedRoot = Guard(streamId, size, alarm, () => MerkleProofBuilder.ComputeRoot(nodes, size));
        if (!root.AsSpan().SequenceEqual(storedRoot))
        {
            throw alarm.Raise(streamId, size, JournalIntegrityCheck.TreeRoot, "the root of the leaves differs from the root of the stored nodes");
        }

        if (checkpoint is not null && checkpoint.TreeSize > 0)
        {
            var proof = Guard(streamId, size, alarm, () => MerkleProofBuilder.BuildConsistencyProof(nodes, checkpoint.TreeSize, size));
            if (!MerkleProofVerifier.VerifyConsistency(checkpoint.TreeSize, size, checkpoint.RootHash.Span, root, proof))
            {
                throw alarm.Raise(streamId, checkpoint.TreeSize, JournalIntegrityCheck.CheckpointInconsistent,
                    $"the tree at size {size} does not extend the checkpoint the hub signed at size {checkpoint.TreeSize}");
            }
        }

        return root;
    }

    /// <summary>Pass 2: checks one entry against its stored leaf hash and its expected position.</summary>
    public static void VerifyEntry(JournalEntry entry, long expectedVersion, ReadOnlySpan<byte> storedLeafHash, JournalTamperAlarm alarm)
    {
        if (entry.Version != expectedVersion)
        {
            throw alarm.Raise(entry.StreamId, expectedVersion, JournalIntegrityCheck.VersionChain, $"expected version {expectedVersion}, found {entry.Version}");
        }

        Span<byte> computed = stackalloc byte[MerkleHash.Size];
        JournalLeaf.ComputeHash(entry.StreamId, entry.Version, entry.Type, entry.RecordedAt.ToUnixTimeMilliseconds(), entry.Payload.Span, computed);
        if (!computed.SequenceEqual(storedLeafHash))
        {
            throw alarm.Raise(entry.StreamId, entry.Version, JournalIntegrityCheck.LeafHash, "the entry does not hash to its stored leaf");
        }
    }

    // A source that lacks a leaf makes the Merkle code throw InvalidOperationException: a missing node.
    private static T Guard<T>(string streamId, long version, JournalTamperAlarm alarm, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (InvalidOperationException)
        {
            throw alarm.Raise(streamId, version, JournalIntegrityCheck.MissingNode, "a leaf or node of the stored tree is missing");
        }
    }
}
