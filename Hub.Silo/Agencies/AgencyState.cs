using Hub.Contracts.Agencies;

namespace Hub.Silo.Agencies;

/// <summary>The fold of an agency's events: profile, devices, generations (with their wrapped private keys).</summary>
public sealed class AgencyState(string agencyId)
{
    public AgencyProfile? Profile { get; private set; }

    public Dictionary<string, DeviceEntry> Devices { get; } = new(StringComparer.Ordinal);

    public List<GenerationEntry> Generations { get; } = [];

    /// <summary>Generation number → device id → that generation's private key, age-encrypted to the device.</summary>
    public Dictionary<int, IReadOnlyDictionary<string, byte[]>> Wrapped { get; } = [];

    /// <summary>Devices members registered for enrolment, by device id; an enrolment removes its request.</summary>
    public Dictionary<string, DeviceRequest> Requests { get; } = new(StringComparer.Ordinal);

    public HashSet<Guid> DoneCommands { get; } = [];

    public int CurrentGeneration => Generations.Count == 0 ? 0 : Generations[^1].Generation;

    public IEnumerable<DeviceEntry> ActiveDevices => Devices.Values.Where(d => d.IsActive);

    public AgencyState Apply(AgencyEvent @event)
    {
        switch (@event)
        {
            case AgencyDefined d:
                Profile = new AgencyProfile(agencyId, d.Kind, d.Country, d.DisplayName, d.Sla);
                break;
            case DeviceEnrolled e:
                DoneCommands.Add(e.CommandId);
                Devices[e.DeviceId] = new DeviceEntry(e.DeviceId, e.EncryptionKey, e.SigningKey, e.EnrolledBy, e.At, e.Statement, e.Signature);
                Requests.Remove(e.DeviceId);
                break;
            case DeviceRevoked r:
                DoneCommands.Add(r.CommandId);
                Devices[r.DeviceId] = Devices[r.DeviceId] with { RevokedAt = r.At, Revocation = r.Statement, RevocationSignature = r.Signature };
                break;
            case GenerationPublished g:
                DoneCommands.Add(g.CommandId);
                Generations.Add(new GenerationEntry(g.Generation, g.PublicKey, g.At));
                Wrapped[g.Generation] = g.WrappedForDevices;
                break;
            case GenerationWrapped w:
                DoneCommands.Add(w.CommandId);
                Wrapped[w.Generation] = new Dictionary<string, byte[]>(Wrapped[w.Generation], StringComparer.Ordinal) { [w.DeviceId] = w.Envelope };
                break;
            case DeviceRequested q:
                DoneCommands.Add(q.CommandId);
                Requests[q.DeviceId] = new DeviceRequest(q.DeviceId, q.EncryptionKey, q.SigningKey, q.ByUser, q.At);
                break;
            default:
                throw new InvalidDataException($"Unhandled agency event {@event.GetType().Name}.");
        }

        return this;
    }
}
