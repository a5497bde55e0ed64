using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Silo.Agencies;

/// <summary>
/// Device requests: a member's new device registers its public keys, so that an admin of the agency can find
/// them, compare the fingerprint with the member out of band and sign the enrolment. A request is journaled
/// like every other change but grants nothing; only the admin's signed enrolment does.
/// </summary>
public sealed partial class AgencyGrain
{
    /// <summary>At most this many requests wait at once; more suggests abuse, and the admins should clear them.</summary>
    public const int MaxPendingRequests = 100;

    public async Task<KeyCommandResult> RequestDeviceAsync(Caller caller, RequestDevice command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        var state = _stream.State;
        if (caller.AgencyId != this.GetPrimaryKeyString() || state.Profile is null)
        {
            return new KeyCommandResult(KeyCommandOutcome.Forbidden, "Only members of the agency register devices with it.");
        }

        if (command.CommandId == Guid.Empty)
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, "Every command needs a client-generated commandId.");
        }

        if (state.DoneCommands.Contains(command.CommandId))
        {
            return new KeyCommandResult(KeyCommandOutcome.Done);
        }

        if (!IsDeviceId(command.DeviceId) || command.EncryptionKey?.StartsWith("age1", StringComparison.Ordinal) != true
            || command.EncryptionKey.Length > 128 || command.SigningKey is not { Length: SigningKeyBytes })
        {
            return new KeyCommandResult(KeyCommandOutcome.Invalid, "A device request needs a device id (1-64 of A-Z a-z 0-9 . _ - :), an age1 X25519 key and a 32-byte Ed25519 key.");
        }

        if (state.Devices.ContainsKey(command.DeviceId))
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"Device {command.DeviceId} is enrolled already.");
        }

        if (state.Requests.TryGetValue(command.DeviceId, out var waiting))
        {
            // The same keys again is a retry from the same device; other keys under the same id are another device.
            return waiting.EncryptionKey == command.EncryptionKey && waiting.SigningKey.AsSpan().SequenceEqual(command.SigningKey)
                ? new KeyCommandResult(KeyCommandOutcome.Done)
                : new KeyCommandResult(KeyCommandOutcome.Conflict, $"Another device waits under the id {command.DeviceId}; choose another device id.");
        }

        if (state.Requests.Count >= MaxPendingRequests)
        {
            return new KeyCommandResult(KeyCommandOutcome.Conflict, $"{MaxPendingRequests} devices wait for enrolment already; ask an admin of the agency.");
        }

        await _stream.AppendAsync(
            new DeviceRequested(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.DeviceId, command.EncryptionKey, command.SigningKey), ct);
        return new KeyCommandResult(KeyCommandOutcome.Done);
    }

    public Task<IReadOnlyList<DeviceRequest>?> GetDeviceRequestsAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyList<DeviceRequest>? requests = caller.AgencyId == this.GetPrimaryKeyString() || caller.IsSystem
            ? [.. _stream.State.Requests.Values.OrderBy(r => r.RequestedAt)]
            : null;
        return Task.FromResult(requests);
    }

    // The client's identifier rule (Hub.Client Identifier): the id goes into signed statements later.
    private static bool IsDeviceId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');
}
