namespace Hub.Bench.Referrals;

/// <summary>The baseline relay's requests: one sealed body per client, sent in turn to that client's own cases.</summary>
public sealed class ReusedBodies(Guid[] cases, int casesPerClient, byte[][] bodies)
{
    private readonly long[] _sent = new long[bodies.Length];

    public (Guid CaseId, byte[] Body) Take(int client) =>
        (cases[(client * casesPerClient) + (int)(_sent[client]++ % casesPerClient)], bodies[client]);
}
