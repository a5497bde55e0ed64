using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Audit;

/// <summary>Signs checkpoints with the hub's log key over verified tree heads, and serves them with proofs.</summary>
/// <remarks>
/// Signing and cosigning read the stored checkpoint, then write a new note: two of them at once on one stream could
/// lose a witness's line (a re-signed note of the same size replacing a cosigned one) or fail for going backwards.
/// They are therefore serialized per stream within the process (striped locks: the set of streams is unbounded).
/// Another process signing the same stream can still win the race to a larger size; the loser then serves the newer
/// stored checkpoint instead of failing.
/// </remarks>
public sealed partial class CheckpointService(IJournalStore journal, HubLogKeys keys, JournalTamperAlarm alarm, ILogger<CheckpointService> logger)
    : ICheckpointService, IDisposable
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public IReadOnlyList<string> PublishedKeys { get; } = [keys.Current.VerifierKey, .. keys.Previous.Select(k => k.VerifierKey)];

    public IReadOnlyList<string> WitnessKeys { get; } = [.. keys.Witnesses.Select(k => k.VerifierKey)];

    public string OriginOf(string streamId) => keys.OriginOf(streamId);

    public async Task<SignedCheckpoint> SignCheckpointAsync(string streamId, CancellationToken ct = default)
    {
        var stripe = StripeOf(streamId);
        await stripe.WaitAsync(ct);
        try
        {
            return await SignUnderLockAsync(streamId, ct);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<SignedCheckpoint> SignUnderLockAsync(string streamId, CancellationToken ct)
    {
        var head = await journal.GetTreeHeadAsync(streamId, ct);
        if (await journal.GetCheckpointAsync(streamId, null, ct) is { } stored)
        {
            // The previous checkpoint's own signed root, not the stored columns: the new one must extend what was signed.
            var previous = Open(stored);
            if (previous.Size == head.Size && previous.RootHash.Span.SequenceEqual(head.RootHash.Span))
            {
                return ToSigned(stored);
            }

            var proof = await journal.GetConsistencyProofAsync(streamId, Math.Min(previous.Size, head.Size), head.Size, ct);
            if (!MerkleProofVerifier.VerifyConsistency(previous.Size, head.Size, previous.RootHash.Span, head.RootHash.Span, proof))
            {
                throw alarm.Raise(streamId, previous.Size, JournalIntegrityCheck.CheckpointInconsistent,
                    $"the stream at size {head.Size} does not extend the checkpoint signed at size {previous.Size}");
            }
        }

        var note = new Checkpoint(keys.OriginOf(streamId), head.Size, head.RootHash.Span).Sign(keys.Signer).Format();
        var checkpoint = new JournalCheckpoint(streamId, head.Size, head.RootHash, note, default);
        try
        {
            await journal.SaveCheckpointAsync(checkpoint, ct);
        }
        catch (InvalidOperationException)
        {
            // Another process signed a larger tree meanwhile: that one is the latest checkpoint, serve it.
            if (await journal.GetCheckpointAsync(streamId, null, ct) is { } newer && newer.TreeSize > head.Size)
            {
                Open(newer);
                return ToSigned(newer);
            }

            throw;
        }

        LogSigned(streamId, head.Size);
        return ToSigned(checkpoint);
    }

    public async Task<SignedCheckpoint?> GetCheckpointAsync(string streamId, CancellationToken ct = default)
    {
        if (await journal.GetCheckpointAsync(streamId, null, ct) is not { } stored)
        {
            return null;
        }

        Open(stored); // never serve a checkpoint the hub did not sign
        return ToSigned(stored);
    }

    public Task<byte[]> GetInclusionProofAsync(string streamId, long version, long treeSize, CancellationToken ct = default) =>
        journal.GetInclusionProofAsync(streamId, version, treeSize, ct);

    public Task<byte[]> GetConsistencyProofAsync(string streamId, long fromSize, long toSize, CancellationToken ct = default) =>
        journal.GetConsistencyProofAsync(streamId, fromSize, toSize, ct);

    public async Task<CosignatureResult> AddCosignatureAsync(string streamId, string cosignedNote, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var stripe = StripeOf(streamId);
        await stripe.WaitAsync(ct);
        try
        {
            return await AddCosignatureUnderLockAsync(streamId, cosignedNote, ct);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private SemaphoreSlim StripeOf(string streamId) =>
        _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(streamId ?? throw new ArgumentNullException(nameof(streamId))) % (uint)_stripes.Length)];

    private async Task<CosignatureResult> AddCosignatureUnderLockAsync(string streamId, string cosignedNote, CancellationToken ct)
    {
        if (!SignedNote.TryParse(cosignedNote, out var offered) || !keys.TryOpen(cosignedNote, streamId, out var checkpoint))
        {
            return new CosignatureResult(CosignatureOutcome.Malformed);
        }

        var stored = await journal.GetCheckpointAsync(streamId, checkpoint!.Size, ct);
        if (stored is null || !SignedNote.TryParse(stored.SignedNote, out var storedNote) || !string.Equals(storedNote.Text, offered.Text, StringComparison.Ordinal))
        {
            return new CosignatureResult(CosignatureOutcome.UnknownCheckpoint);
        }

        if (keys.Witnesses.Count == 0 || !offered.TryVerify(keys.Witnesses, out var verified))
        {
            LogCosignatureRejected(streamId, checkpoint.Size);
            return new CosignatureResult(CosignatureOutcome.Untrusted);
        }

        // A witness's newer cosignature replaces its older one; every other line is kept.
        var added = verified.Select(v => v.Signature).ToList();
        var kept = storedNote.Signatures.Where(s => !added.Exists(a => a.KeyName == s.KeyName && a.KeyId == s.KeyId));
        var merged = new SignedNote(storedNote.Text, [.. kept, .. added]).Format();
        var updated = stored with { SignedNote = merged };
        await journal.SaveCheckpointAsync(updated, ct);
        LogCosigned(streamId, checkpoint.Size, added.Count);
        return new CosignatureResult(CosignatureOutcome.Added, ToSigned(updated));
    }

    private Checkpoint Open(JournalCheckpoint stored)
    {
        if (!keys.IsAuthentic(stored) || !keys.TryOpen(stored.SignedNote, stored.StreamId, out var checkpoint))
        {
            throw alarm.Raise(stored.StreamId, stored.TreeSize, JournalIntegrityCheck.CheckpointSignature,
                $"the stored checkpoint at size {stored.TreeSize} is not one the hub signed");
        }

        return checkpoint!;
    }

    private SignedCheckpoint ToSigned(JournalCheckpoint stored) =>
        new(stored.StreamId, keys.OriginOf(stored.StreamId), stored.TreeSize, stored.RootHash, stored.SignedNote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint of {StreamId} signed at size {Size}")]
    private partial void LogSigned(string streamId, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint of {StreamId} at size {Size} cosigned by {Count} witness(es)")]
    private partial void LogCosigned(string streamId, long size, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosignature of {StreamId} at size {Size} refused: no trusted witness signature verifies")]
    private partial void LogCosignatureRejected(string streamId, long size);
}
