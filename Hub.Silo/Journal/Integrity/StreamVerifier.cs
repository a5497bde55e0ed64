// StreamVerifier: the read-side integrity checks every journal store runs over one consistent snapshot
// of a stream of n entries, before a single entry is handed out.
//
//   entries      versions after `after` chain after+1 .. n without gaps; each entry's fields, re-encoded
//                (LogEntryEncoding), hash to the leaf hash stored with it
//   tree         the root built from those recomputed leaves (on the stored frontier at `after`) equals
//                the root of the stored nodes at n
//   checkpoint   the latest signed checkpoint is authentic, n is at least its size, and the tree at n is
//                consistent with it (RFC 9162 consistency proof from the stored nodes)
//
// A read from version 0 therefore recomputes the whole tree from the entries themselves. Stores then
// serve the entries from the same snapshot, so what is served is exactly what was verified.
using Hub.Transparency.Merkle;

namespace Hub.Silo.Journal.Integrity;

/// <summary>Store-agnostic checks of a stream's entries against its stored Merkle log.</summary>
internal static class StreamVerifier
{
    /// <summary>Checks the entries after <paramref name="after"/> and the stored tree at <paramref name="size"/>; returns the root.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="after">Leaves up to this version are taken from the stored nodes (already verified by an earlier read).</param>
    /// <param name="size">The stream's current version, as the store sees it.</param>
    /// <param name="storedEntries">Stored entries with version &gt; <paramref name="after"/> and their stored leaf hashes, in order.</param>
    /// <param name="nodes">The stored tree of size <paramref name="size"/>.</param>
    /// <param name="checkpoint">The latest checkpoint the hub signed for the stream, if any.</param>
    /// <param name="authenticator">Checks the checkpoint's signature; null trusts the stored size and root.</param>
    /// <param name="alarm">Raises the failure.</param>
    public static byte[] VerifyTree(
        string streamId,
        long after,
        long size,
        IEnumerable<(JournalEntry Entry, byte[] StoredLeafHash)> storedEntries,
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
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        foreach (var (entry, storedLeafHash) in storedEntries)
        {
            if (entry.Version != expected)
            {
                throw alarm.Raise(streamId, expected, JournalIntegrityCheck.VersionChain, $"expected version {expected}, found {entry.Version}");
            }

            JournalLeaf.ComputeHash(streamId, entry.Version, entry.Type, entry.RecordedAt.ToUnixTimeMilliseconds(), entry.Payload.Span, leaf);
            if (!leaf.SequenceEqual(storedLeafHash))
            {
                throw alarm.Raise(streamId, entry.Version, JournalIntegrityCheck.LeafHash, "the entry does not hash to its stored leaf");
            }

            accumulator.Append(leaf);
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

    /// <summary>Runs a computation over the stored tree; a missing leaf or node raises the alarm (<see cref="JournalIntegrityCheck.MissingNode"/>).</summary>
    /// <remarks>A source that lacks a leaf makes the Merkle code throw <see cref="InvalidOperationException"/>.</remarks>
    public static T Guard<T>(string streamId, long version, JournalTamperAlarm alarm, Func<T> compute)
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
