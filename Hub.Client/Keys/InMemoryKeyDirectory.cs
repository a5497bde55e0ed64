// An in-memory key directory for tests and local tools. It admits only verified statements: an
// enrolment must be signed by a device already enrolled (and not revoked) in the same agency,
// except the founding device of an agency, which signs its own enrolment (its fingerprint is then
// checked out of band). Revocations must be signed likewise and introduce the next generation.
using Hub.Client.Crypto;

namespace Hub.Client.Keys;

/// <summary>A key directory held in memory that verifies enrolment and revocation statements.</summary>
public sealed class InMemoryKeyDirectory : IKeyDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Agency, string Device), DeviceRecord> _devices = [];
    private readonly Dictionary<(string Agency, uint Generation), WrappedGenerationKey> _generations = [];
    private readonly Dictionary<string, uint> _current = [];

    /// <summary>Admits a signed enrolment statement.</summary>
    /// <exception cref="AgeException">MalformedStatement, SenderNotEnrolled (signer not a member), BadSignature, StatementMismatch (device already enrolled).</exception>
    public void Enrol(SignedStatement enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var statement = EnrolmentStatement.Parse(enrolment.Statement);
        lock (_lock)
        {
            var founding = !_devices.Keys.Any(k => k.Agency == statement.AgencyId);
            var signer = founding && statement.EnrolledBy == statement.Device.DeviceId
                ? statement.Device
                : Member(statement.AgencyId, statement.EnrolledBy, statement.EnrolledAt).Keys;
            enrolment.Verify(signer.SigningKey);
            if (!_devices.TryAdd((statement.AgencyId, statement.Device.DeviceId), new DeviceRecord(statement.AgencyId, statement.Device, statement.EnrolledAt, null)))
            {
                throw new AgeException(AgeErrorKind.StatementMismatch, "The device is already enrolled.");
            }
        }
    }

    /// <summary>Publishes (or re-publishes, wrapped to more devices) a generation; only the current or the next number is accepted.</summary>
    /// <exception cref="ArgumentException">The generation number is out of sequence or its public key changed.</exception>
    public void PublishGeneration(WrappedGenerationKey generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        lock (_lock)
        {
            var known = _current.TryGetValue(generation.AgencyId, out var current);
            var existing = _generations.GetValueOrDefault((generation.AgencyId, generation.Generation));
            if ((known && generation.Generation != current && generation.Generation != current + 1)
                || (existing is not null && !existing.PublicKey.PublicKey.Equals(generation.PublicKey.PublicKey)))
            {
                throw new ArgumentException("Generations are published in sequence and never change their key.", nameof(generation));
            }

            _generations[(generation.AgencyId, generation.Generation)] = generation;
            _current[generation.AgencyId] = known ? Math.Max(current, generation.Generation) : generation.Generation;
        }
    }

    /// <summary>Admits a signed revocation and its new generation.</summary>
    /// <exception cref="AgeException">MalformedStatement, SenderNotEnrolled, BadSignature, StatementMismatch.</exception>
    public void Revoke(DeviceRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        var statement = RevocationStatement.Parse(revocation.Statement.Statement);
        lock (_lock)
        {
            revocation.Statement.Verify(Member(statement.AgencyId, statement.RevokedBy, statement.RevokedAt).Keys.SigningKey);
            var revoked = Member(statement.AgencyId, statement.DeviceId, statement.RevokedAt);
            var next = _current.GetValueOrDefault(statement.AgencyId) + 1;
            if (statement.NewGeneration != next || revocation.NewGeneration.Generation != next || revocation.NewGeneration.AgencyId != statement.AgencyId)
            {
                throw new AgeException(AgeErrorKind.StatementMismatch, "A revocation must introduce the agency's next generation.");
            }

            _devices[(statement.AgencyId, statement.DeviceId)] = revoked with { RevokedAt = statement.RevokedAt };
            _generations[(statement.AgencyId, next)] = revocation.NewGeneration;
            _current[statement.AgencyId] = next;
        }
    }

    /// <summary>The wrapped private key of a generation, for member devices to unwrap.</summary>
    public WrappedGenerationKey? FindWrappedGeneration(string agencyId, uint generation)
    {
        lock (_lock)
        {
            return _generations.GetValueOrDefault((agencyId, generation));
        }
    }

    /// <inheritdoc/>
    public Task<DeviceRecord?> FindDeviceAsync(string agencyId, string deviceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_devices.GetValueOrDefault((agencyId, deviceId)));
        }
    }

    /// <inheritdoc/>
    public Task<AgencyGenerationKey?> FindCurrentGenerationAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_current.TryGetValue(agencyId, out var current) ? _generations[(agencyId, current)].Public : null);
        }
    }

    /// <inheritdoc/>
    public Task<AgencyGenerationKey?> FindGenerationAsync(string agencyId, uint generation, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_generations.GetValueOrDefault((agencyId, generation))?.Public);
        }
    }

    private DeviceRecord Member(string agencyId, string deviceId, DateTimeOffset at) =>
        _devices.TryGetValue((agencyId, deviceId), out var record) && record.MaySignAt(at)
            ? record
            : throw new AgeException(AgeErrorKind.SenderNotEnrolled, $"Device '{deviceId}' is not an enrolled member of '{agencyId}'.");
}
