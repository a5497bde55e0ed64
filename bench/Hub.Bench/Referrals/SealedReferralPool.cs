using System.Diagnostics;
using System.Text.Json;
using Hub.Client.Keys;
using Hub.Client.Referrals;
using Hub.Contracts.Cases;

namespace Hub.Bench.Referrals;

/// <summary>
/// Request bodies of real referrals (age envelope + Ed25519-signed statement), sealed before the clock starts:
/// senders seal on their own machines, so the hub's two cores should not pay for it in the measurement.
/// A client that runs out seals on the fly.
/// </summary>
public sealed class SealedReferralPool(Guid[] cases, int casesPerClient, ReferralSender sender, IReadOnlyList<AgencyGenerationKey> recipients, JsonSerializerOptions json)
{
    private static readonly string[] Handling = ["H2", "TLP:AMBER"];
    private readonly Dictionary<int, Queue<(Guid CaseId, byte[] Body)>> _ready = [];
    private readonly RecipientKey[] _recipientKeys = [.. recipients.Select(r => new RecipientKey(r.AgencyId, (int)r.Generation))];
    private readonly long[] _next = new long[cases.Length / casesPerClient];
    private long _sealedLate;

    public long SealedLate => Interlocked.Read(ref _sealedLate);

    /// <summary>Seals <paramref name="perClient"/> referrals for each client, on all cores; returns how long it took.</summary>
    public TimeSpan Fill(int perClient)
    {
        var clock = Stopwatch.StartNew();
        var clients = _next.Length;
        var sealedBodies = new (Guid, byte[])[clients][];
        Parallel.For(0, clients, client => sealedBodies[client] = [.. Enumerable.Range(0, perClient).Select(_ => SealNext(client))]);
        for (var client = 0; client < clients; client++)
        {
            _ready[client] = new Queue<(Guid, byte[])>(sealedBodies[client]);
        }

        return clock.Elapsed;
    }

    /// <summary>The client's next referral (each client is one worker, so its queue is never shared).</summary>
    public (Guid CaseId, byte[] Body) Take(int client)
    {
        if (_ready.TryGetValue(client, out var queue) && queue.TryDequeue(out var ready))
        {
            return ready;
        }

        Interlocked.Increment(ref _sealedLate);
        return SealNext(client);
    }

    private (Guid CaseId, byte[] Body) SealNext(int client)
    {
        var n = Interlocked.Increment(ref _next[client]);
        var caseId = cases[(client * casesPerClient) + (int)(n % casesPerClient)];
        var messageId = Guid.NewGuid();
        var plaintext = new byte[1024];
        BitConverter.TryWriteBytes(plaintext, n);
        var sealedReferral = Referral.Seal(plaintext, caseId, messageId, sender, recipients, Handling, DateTimeOffset.UtcNow);
        var body = new SubmitMessage(
            Guid.NewGuid(), messageId, MessageKind.Referral, sender.Device.DeviceId, _recipientKeys,
            sealedReferral.Header, sealedReferral.Payload, sealedReferral.Statement.Statement, sealedReferral.Statement.Signature);
        return (caseId, JsonSerializer.SerializeToUtf8Bytes(body, json));
    }
}
