// A key directory built from what the hub serves (GET /api/agencies/{id}/keys), trusting none of its
// word: a device counts only if its enrolment statement verifies under the agency's founding device
// (which signs itself, trust on first use) or under a device already verified that way, and its keys
// are taken from the signed statement, not from the hub's fields next to it. Any revocation the hub
// reports is honoured, verified or not, because believing it can only take trust away. Generation
// public keys are not signed by anyone; wrap this directory in PinningKeyDirectory to catch changes.
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;
using Hub.Client.Keys;
using Hub.Client.Wire;

namespace Hub.Client.Api;

/// <summary>An <see cref="IKeyDirectory"/> over the hub's key listings, holding only devices whose signed enrolment verifies.</summary>
public sealed class VerifiedKeyDirectory : IKeyDirectory
{
    private readonly Dictionary<(string Agency, string Device), DeviceRecord> _devices = [];
    private readonly Dictionary<(string Agency, uint Generation), AgencyGenerationKey> _generations = [];
    private readonly Dictionary<string, uint> _current = new(StringComparer.Ordinal);

    /// <summary>Verifies the listings of each agency in <paramref name="agencies"/>.</summary>
    public VerifiedKeyDirectory(IEnumerable<AgencyKeys> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        foreach (var agency in agencies)
        {
            Admit(agency);
        }
    }

    /// <summary>The verified devices of <paramref name="agencyId"/>, active or revoked.</summary>
    public IReadOnlyList<DeviceRecord> DevicesOf(string agencyId) => [.. _devices.Values.Where(d => d.AgencyId == agencyId)];

    /// <inheritdoc/>
    public Task<DeviceRecord?> FindDeviceAsync(string agencyId, string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_devices.GetValueOrDefault((agencyId, deviceId)));

    /// <inheritdoc/>
    public Task<AgencyGenerationKey?> FindCurrentGenerationAsync(string agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_current.TryGetValue(agencyId, out var current) ? _generations[(agencyId, current)] : null);

    /// <inheritdoc/>
    public Task<AgencyGenerationKey?> FindGenerationAsync(string agencyId, uint generation, CancellationToken cancellationToken = default) =>
        Task.FromResult(_generations.GetValueOrDefault((agencyId, generation)));

    private void Admit(AgencyKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var pending = keys.Devices
            .Select(d => (Entry: d, Statement: TryParse(d.Enrolment, EnrolmentStatement.Parse)))
            .Where(p => p.Statement is { } s && s.AgencyId == keys.AgencyId && s.Device.DeviceId == p.Entry.DeviceId)
            .OrderBy(p => p.Statement!.EnrolledAt)
            .ToList();

        // Enrolments first, revocations after: a device enrolled by an admin device revoked later stays enrolled.
        var verified = new Dictionary<string, DeviceRecord>(StringComparer.Ordinal);
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var (entry, statement) in pending.ToList())
            {
                var signer = verified.Count == 0 && statement!.EnrolledBy == statement.Device.DeviceId
                    ? statement.Device
                    : verified.TryGetValue(statement!.EnrolledBy, out var admin) && admin.EnrolledAt <= statement.EnrolledAt ? admin.Keys : null;
                if (signer is not null && Verifies(entry.Enrolment, entry.EnrolmentSignature, signer))
                {
                    verified[entry.DeviceId] = new DeviceRecord(keys.AgencyId, statement.Device, statement.EnrolledAt, null);
                    pending.Remove((entry, statement));
                    progress = true;
                }
            }
        }

        foreach (var entry in keys.Devices.Where(d => d.RevokedAt is not null || d.Revocation is not null))
        {
            if (verified.TryGetValue(entry.DeviceId, out var record))
            {
                var revocation = TryParse(entry.Revocation, RevocationStatement.Parse);
                verified[entry.DeviceId] = record with { RevokedAt = revocation?.RevokedAt ?? entry.RevokedAt ?? DateTimeOffset.MinValue };
            }
        }

        foreach (var record in verified.Values)
        {
            _devices[(keys.AgencyId, record.Keys.DeviceId)] = record;
        }

        foreach (var generation in keys.Generations.Where(g => g.Generation > 0))
        {
            var number = (uint)generation.Generation;
            _generations[(keys.AgencyId, number)] = new AgencyGenerationKey(keys.AgencyId, number, X25519Recipient.Parse(generation.PublicKey));
            _current[keys.AgencyId] = Math.Max(_current.GetValueOrDefault(keys.AgencyId), number);
        }
    }

    private static bool Verifies(byte[]? statement, byte[]? signature, DevicePublicKeys signer)
    {
        try
        {
            new SignedStatement(statement!, signature!).Verify(signer.SigningKey);
            return true;
        }
        catch (AgeException)
        {
            return false;
        }
    }

    private delegate T Parser<out T>(ReadOnlySpan<byte> bytes);

    private static T? TryParse<T>(byte[]? bytes, Parser<T> parse)
        where T : class
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return parse(bytes);
        }
        catch (AgeException)
        {
            return null;
        }
    }
}
