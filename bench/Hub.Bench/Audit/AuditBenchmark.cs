// AuditBenchmark: what offline verification of a stream's Merkle log costs (Hub.Transparency).
//
//   full audit     recompute the root of 1,000,000 encoded entries and compare it with a signed
//                  checkpoint, against the floor of SHA-256 over the same entries (one hash per entry,
//                  through the same SHA-256 implementation as the audit, MerkleHash.Engine), both on
//                  1 thread and both on 2 threads over the same chunks (ChunkedAudit)
//                  (target: audit speed at least 0.7 x the floor's). The BCL's SHA256.HashData over
//                  the entries is printed beside it for reference, not used in the ratio.
//   proofs         inclusion and consistency proof generation and verification per operation
//                  on the same log (targets: at most 20 us and 30 us per verification)
//
// Plain Stopwatch timing over many operations after a warm-up: the figures are for a quick
// reading of the targets, not for BenchmarkDotNet-grade statistics.
using Hub.Transparency.Checkpoints;
using Hub.Transparency.Entries;
using Hub.Transparency.Merkle;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Bench.Audit;

/// <summary>Measures full-log audit and proof costs and prints them with their targets.</summary>
public static class AuditBenchmark
{
    private const string Origin = "hub.example/log/case/bench";
    private const int Rounds = 5;

    /// <summary>Runs the audit benchmark over <paramref name="entryCount"/> synthetic entries of <paramref name="payloadBytes"/> each.</summary>
    public static void Run(TextWriter output, int entryCount = 1_000_000, int payloadBytes = 256)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = BuildEntries(entryCount, payloadBytes);
        output.WriteLine($"Audit benchmark: {entryCount:N0} entries, {entries[0].Length} encoded bytes each");

        // The hub's signed checkpoint for the whole stream, as a client would receive it.
        var log = new InMemoryMerkleLog();
        foreach (var entry in entries)
        {
            log.AppendEntry(entry);
        }
        using var hubKey = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new Ed25519NoteSigner("hub.example/log", hubKey);
        string signedCheckpoint = new Checkpoint(Origin, log.LeafCount, log.GetRoot()).Sign(signer).Format();

        FullAudit(output, entries, signedCheckpoint, signer.Verifier);
        ProofCosts(output, log);
    }

    private static void FullAudit(TextWriter output, byte[][] entries, string signedCheckpoint, NoteVerifier hubKey)
    {
        // What each side does per entry:
        //   floor  SHA-256(encoded entry)                                  1 hash call, ceil((L + 9) / 64) blocks
        //   audit  SHA-256(0x00 || encoded entry), then about one interior node
        //          SHA-256(0x01 || left || right) (65 bytes: 2 blocks)    ~2 hash calls, 2 more blocks
        // so even with no per-call overhead the audit cannot exceed blocks(L+1) / (blocks(L+1) + 2) of the floor.
        int blocks = (entries[0].Length + 1 + 9 + 63) / 64;
        output.WriteLine($"  per entry: floor = 1 SHA-256 call ({blocks} blocks); audit = leaf ({blocks} blocks) + ~1 node (2 blocks); ideal ratio {blocks / (blocks + 2.0):F2}");
        output.WriteLine($"  SHA-256 implementation (audit and floor alike): {MerkleHash.Engine}; load average {LoadAverage.Now}");
        foreach (int threads in new[] { 1, Math.Min(2, Environment.ProcessorCount) }.Distinct())
        {
            Measure(output, entries, signedCheckpoint, hubKey, threads);
        }
    }

    private static void Measure(TextWriter output, byte[][] entries, string signedCheckpoint, NoteVerifier hubKey, int threads)
    {
        ChunkedAudit.HashFloor(entries, threads); // warm-up
        AuditOnce(entries, signedCheckpoint, hubKey, threads);

        // Interleaved rounds, so a burst of other load hits all three subjects alike; the best of each is kept.
        var floor = new BestTiming();
        var bclFloor = new BestTiming();
        var audit = new BestTiming();
        for (int round = 0; round < Rounds; round++)
        {
            floor.Run(() => ChunkedAudit.HashFloor(entries, threads));
            bclFloor.Run(() => ChunkedAudit.BclHashFloor(entries, threads));
            audit.Run(() =>
            {
                if (!AuditOnce(entries, signedCheckpoint, hubKey, threads))
                {
                    throw new InvalidOperationException("The recomputed root does not match the checkpoint.");
                }
            });
        }

        double ratio = floor.Wall.TotalSeconds / audit.Wall.TotalSeconds;
        double cpuRatio = floor.Cpu.TotalSeconds / audit.Cpu.TotalSeconds;
        string mode = $"{threads} thread{(threads == 1 ? "" : "s")}, same chunks of {ChunkedAudit.ChunkLeaves} entries on both sides, best of {Rounds} interleaved rounds";
        output.WriteLine($"  [{mode}]                      wall        CPU");
        output.WriteLine($"    SHA-256 floor            {floor.Wall.TotalMilliseconds,9:F1} ms {floor.Cpu.TotalMilliseconds,9:F1} ms  ({entries.Length / floor.Wall.TotalSeconds / 1e6:F2} M entries/s)");
        output.WriteLine($"    full audit vs checkpoint {audit.Wall.TotalMilliseconds,9:F1} ms {audit.Cpu.TotalMilliseconds,9:F1} ms  ({entries.Length / audit.Wall.TotalSeconds / 1e6:F2} M entries/s)");
        output.WriteLine($"    (reference, not in the ratio: BCL SHA256.HashData floor {bclFloor.Wall.TotalMilliseconds:F1} ms wall, {bclFloor.Cpu.TotalMilliseconds:F1} ms CPU)");
        output.WriteLine($"    audit speed / floor      {ratio,9:F2} x {cpuRatio,9:F2} x   (target >= 0.70)  wall: {(ratio >= 0.7 ? "met" : "NOT met")}, CPU: {(cpuRatio >= 0.7 ? "met" : "NOT met")}");
    }

    private static bool AuditOnce(byte[][] entries, string signedCheckpoint, NoteVerifier hubKey, int threads) =>
        Checkpoint.TryOpen(signedCheckpoint, Origin, hubKey, out var checkpoint)
        && checkpoint.Size == entries.Length
        && ChunkedAudit.ComputeRoot(entries, threads).AsSpan().SequenceEqual(checkpoint.RootHash.Span);

    private static void ProofCosts(TextWriter output, InMemoryMerkleLog log)
    {
        const int operations = 20_000;
        var random = new Random(20240601);
        long size = log.LeafCount;
        var root = log.GetRoot();
        var indexes = Enumerable.Range(0, operations).Select(_ => random.NextInt64(size)).ToArray();
        var oldSizes = Enumerable.Range(0, operations).Select(_ => random.NextInt64(1, size)).ToArray();
        var leaves = indexes.Select(i => Leaf(log, i)).ToArray();
        var oldRoots = oldSizes.Take(200).Select(s => MerkleProofBuilder.ComputeRoot(log, s)).ToArray();

        byte[][] inclusion = new byte[operations][];
        byte[][] consistency = new byte[operations][];
        var buildInclusion = PerOperation(operations, i => inclusion[i] = MerkleProofBuilder.BuildInclusionProof(log, indexes[i], size));
        var verifyInclusion = PerOperation(operations, i => Require(MerkleProofVerifier.VerifyInclusion(leaves[i], indexes[i], size, inclusion[i], root)));
        var buildConsistency = PerOperation(operations, i => consistency[i] = MerkleProofBuilder.BuildConsistencyProof(log, oldSizes[i], size));
        // Old roots are computed for the first 200 old sizes only (each costs a tree walk); verification cycles over them.
        var verifyConsistency = PerOperation(operations, i => Require(MerkleProofVerifier.VerifyConsistency(
            oldSizes[i % oldRoots.Length], size, oldRoots[i % oldRoots.Length], root, consistency[i % oldRoots.Length])));

        output.WriteLine($"  per operation, best of {Rounds} rounds of {operations:N0}, wall / CPU:");
        output.WriteLine($"  inclusion proof   build {buildInclusion.Wall,6:F2} / {buildInclusion.Cpu,6:F2} us   verify {verifyInclusion.Wall,6:F2} / {verifyInclusion.Cpu,6:F2} us  (target <= 20)  {Verdict(verifyInclusion, 20)}");
        output.WriteLine($"  consistency proof build {buildConsistency.Wall,6:F2} / {buildConsistency.Cpu,6:F2} us   verify {verifyConsistency.Wall,6:F2} / {verifyConsistency.Cpu,6:F2} us  (target <= 30)  {Verdict(verifyConsistency, 30)}");
        output.WriteLine($"  load average after the run: {LoadAverage.Now}");
    }

    /// <summary>Per-operation wall and CPU time in microseconds: the best of several rounds over all operations.</summary>
    /// <remarks>
    /// Several rounds, not one: the first calls run tier-0 code until tiered compilation swaps in optimized code
    /// (after a delay of about 100 ms), so a single short round can measure unoptimized code.
    /// </remarks>
    private static (double Wall, double Cpu) PerOperation(int count, Action<int> operation)
    {
        var timing = new BestTiming();
        for (int round = 0; round < Rounds; round++)
        {
            timing.Run(() =>
            {
                for (int i = 0; i < count; i++)
                {
                    operation(i);
                }
            });
        }
        return (timing.Wall.TotalMicroseconds / count, timing.Cpu.TotalMicroseconds / count);
    }

    private static string Verdict((double Wall, double Cpu) perOperation, double target) =>
        $"wall: {(perOperation.Wall <= target ? "met" : "NOT met")}, CPU: {(perOperation.Cpu <= target ? "met" : "NOT met")}";

    private static byte[][] BuildEntries(int count, int payloadBytes)
    {
        var payload = new byte[payloadBytes];
        var random = new Random(7);
        var entries = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(payload);
            entries[i] = LogEntryEncoding.Encode("case/bench", i, "ReferralSubmitted", 1_700_000_000_000 + i, payload);
        }
        return entries;
    }

    private static byte[] Leaf(InMemoryMerkleLog log, long index)
    {
        var leaf = new byte[MerkleHash.Size];
        log.TryReadNode(0, index, leaf);
        return leaf;
    }

    private static void Require(bool verified)
    {
        if (!verified)
        {
            throw new InvalidOperationException("A proof failed to verify.");
        }
    }
}
