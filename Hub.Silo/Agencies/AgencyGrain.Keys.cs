using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Silo.Agencies;

/// <summary>
/// The agency's key directory. The hub stores public keys, signed enrolment and revocation statements, and
/// generation keys wrapped to devices; it never holds a private key in the clear. Every change is a journal
/// event, so the directory is a verifiable log (key transparency). The gateway has verified the signatures.
/// </summary>
public sealed partial class AgencyGrain
{
    private const int SigningKeyBytes = 32;
    private const int MaxStatementBytes = 4096;
    private const int MaxWrappedBytes = 4096;

    public Task<AgencyKeys> GetKeysAsync(CancellationToken ct)
    {
        var state = _stream.State;
        return Task.FromResult(new AgencyKeys(this.GetPrimaryKeyString(), [.. state.Devices.Values.OrderBy(d => d.EnrolledAt)], [.. state.Generations], _stream.Version));
    }

    public async Task<KeyCommandResult> EnrolDeviceAsync(Caller caller, EnrolDevice command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        var state = _stream.State;
        if (Refuse(caller, command.CommandId) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(command.DeviceId) || command.DeviceId.Length > 64 || !command.EncryptionKey.StartsWith("age1", StringComparison.Ordinal)
            || command.SigningKey is not { Length: SigningKeyBytes } || command.Statement is not { Length: > 0 and <= MaxStatementBytes } || command.Signature is not { Length: 64 })
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, "An enrolment needs a device id, an age1 X25519 key, a 32-byte Ed25519 key and a signed statement.");
        }

        if (state.Devices.ContainsKey(command.DeviceId))
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"Device {command.DeviceId} is enrolled already.");
        }

        var bootstrap = !state.ActiveDevices.Any();
        if (bootstrap ? command.EnrolledBy != command.DeviceId : !state.Devices.TryGetValue(command.EnrolledBy, out var by) || !by.IsActive)
        {
            return new KeyCommandResult(KeyCommandOutcome.Forbidden, bootstrap
                ? "The agency's first device signs its own enrolment."
                : "Enrolments are signed by an active device of the agency.");
        }

        await _stream.AppendAsync(
            new DeviceEnrolled(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.DeviceId, command.EncryptionKey, command.SigningKey, command.EnrolledBy, command.Statement, command.Signature),
            ct);
        return new KeyCommandResult(KeyCommandOutcome.Done);
    }

    public async Task<KeyCommandResult> RevokeDeviceAsync(Caller caller, RevokeDevice command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var state = _stream.State;
        if (Refuse(caller, command.CommandId) is { } refused)
        {
            return refused;
        }

        if (!state.Devices.TryGetValue(command.DeviceId ?? string.Empty, out var device) || !device.IsActive)
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, "No such active device.");
        }

        if (!state.Devices.TryGetValue(command.RevokedBy ?? string.Empty, out var by) || !by.IsActive
            || command.Statement is not { Length: > 0 and <= MaxStatementBytes } || command.Signature is not { Length: 64 })
        {
            return new KeyCommandResult(KeyCommandOutcome.Forbidden, "Revocations are signed by an active device of the agency.");
        }

        await _stream.AppendAsync(
            new DeviceRevoked(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.DeviceId!, command.RevokedBy!, command.Statement, command.Signature), ct);
        return new KeyCommandResult(KeyCommandOutcome.Done);
    }

    public async Task<KeyCommandResult> PublishGenerationAsync(Caller caller, PublishGeneration command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var state = _stream.State;
        if (Refuse(caller, command.CommandId) is { } refused)
        {
            return refused;
        }

        if (command.Generation != state.CurrentGeneration + 1 || command.PublicKey?.StartsWith("age1", StringComparison.Ordinal) != true)
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"The next generation is {state.CurrentGeneration + 1}, with an age1 public key.");
        }

        // Every active device, and only those, must be able to unwrap the new generation.
        var active = state.ActiveDevices.Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);
        if (command.WrappedForDevices is null || !active.SetEquals(command.WrappedForDevices.Keys) || command.WrappedForDevices.Values.Any(w => w is not { Length: > 0 and <= MaxWrappedBytes }))
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, "Wrap the generation key for exactly the agency's active devices.");
        }

        await _stream.AppendAsync(
            new GenerationPublished(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.Generation, command.PublicKey, command.WrappedForDevices), ct);
        return new KeyCommandResult(KeyCommandOutcome.Done);
    }

    public async Task<KeyCommandResult> WrapGenerationAsync(Caller caller, int generation, WrapGeneration command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var state = _stream.State;
        if (Refuse(caller, command.CommandId) is { } refused)
        {
            return refused;
        }

        if (!state.Wrapped.TryGetValue(generation, out var holders))
        {
            return new KeyCommandResult(KeyCommandOutcome.NotFound, $"{this.GetPrimaryKeyString()} has no generation {generation}.");
        }

        if (!state.Devices.TryGetValue(command.DeviceId ?? string.Empty, out var device))
        {
            return new KeyCommandResult(KeyCommandOutcome.NotFound, $"No device {command.DeviceId} is enrolled in {this.GetPrimaryKeyString()}.");
        }

        if (!device.IsActive)
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"Device {command.DeviceId} is revoked; no key is wrapped to it.");
        }

        if (!state.Devices.TryGetValue(command.WrappedBy ?? string.Empty, out var by) || !by.IsActive)
        {
            return new KeyCommandResult(KeyCommandOutcome.Forbidden, "A generation key is re-wrapped by an active device of the agency.");
        }

        if (command.Envelope is not { Length: > 0 and <= MaxWrappedBytes })
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, $"The wrapped key is an age file of 1 to {MaxWrappedBytes} bytes.");
        }

        // The first wrapped copy stays: replacing a device's key with another (possibly wrong) one would only lose access.
        if (holders.ContainsKey(command.DeviceId!))
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"Device {command.DeviceId} holds generation {generation} already.");
        }

        await _stream.AppendAsync(
            new GenerationWrapped(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, generation, command.DeviceId!, command.WrappedBy!, command.Envelope), ct);
        return new KeyCommandResult(KeyCommandOutcome.Done);
    }

    public Task<byte[]?> GetWrappedGenerationAsync(Caller caller, int generation, string deviceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var mine = caller.AgencyId == this.GetPrimaryKeyString();
        return Task.FromResult(mine && _stream.State.Wrapped.TryGetValue(generation, out var wrapped) && wrapped.TryGetValue(deviceId, out var envelope) ? envelope : null);
    }

    /// <summary>Admins of this agency only; a repeated command id is a retry of something already done.</summary>
    private KeyCommandResult? Refuse(Caller caller, Guid commandId)
    {
        if (!caller.IsAdminOf(this.GetPrimaryKeyString()) || _stream.State.Profile is null)
        {
            return new KeyCommandResult(KeyCommandOutcome.Forbidden, "Only the agency's own admins change its keys.");
        }

        if (commandId == Guid.Empty)
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, "Every command needs a client-generated commandId.");
        }

        return _stream.State.DoneCommands.Contains(commandId) ? new KeyCommandResult(KeyCommandOutcome.Done) : null;
    }
}
