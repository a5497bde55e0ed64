// `hub device enroll` and `hub device revoke` (agency admins). Both end by publishing the agency's next key
// generation wrapped to exactly the active devices: after an enrolment so the new device can open what is
// sealed from then on, after a revocation so the revoked device cannot.
using System.CommandLine;
using Hub.Cli.Shared;
using Hub.Client.Keys;
using Hub.Client.Wire;

namespace Hub.Cli.Keys;

/// <summary>Builds <c>hub device enroll</c> and <c>hub device revoke</c>.</summary>
internal static class DeviceEnrolment
{
    public static Command Create()
    {
        var member = new Option<string?>("--member") { Description = "The waiting device to enrol: the fingerprint the member read out to you (or its device id, then compare)." };
        var yes = new Option<bool>("--yes") { Description = "With a device id: you compared the printed fingerprint with the member's already." };
        var noOlder = new Option<bool>("--no-older-generations")
        {
            Description = "Do not wrap the agency's older key generations to the new device (it then reads only what is sealed from now on).",
        };
        var command = new Command("enroll", """
            Enrol a device into your agency (agency admins), signed by this device.
            Without --member: this device founds the agency's key directory (its first device signs itself) and
            publishes the first key generation.
            With --member: enrol a member's device that waits after their `hub device init`. Give the fingerprint
            the member reads out to you; the enrolment is signed only if a waiting device has exactly that
            fingerprint. A new key generation is then published, wrapped to every active device, and every older
            generation this device holds is wrapped to the new device too, so it also opens what was sealed before
            its enrolment (--no-older-generations skips that).

            Examples:
              hub device enroll --profile be-admin
              hub device enroll --profile be-admin --member '1A2B 3C4D 5E6F 7A8B 9C0D 1E2F 3A4B 5C6D 7E8F 9A0B'
            """);
        command.Options.Add(member);
        command.Options.Add(yes);
        command.Options.Add(noOlder);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            using var device = DeviceSession.Open(session);
            var keys = await session.Api.GetKeysAsync(session.AgencyId, ct);
            var self = keys.Devices.FirstOrDefault(d => d.DeviceId == device.Device.DeviceId);
            var wanted = parse.GetValue(member);
            DevicePublicKeys enrolled;
            DevicePublicKeys? already = null;
            if (wanted is null)
            {
                if (self is null && keys.Devices.Any(d => d.RevokedAt is null))
                {
                    throw new CliException(
                        $"{session.AgencyId} has enrolled devices already; an enrolled admin device enrols this one: hub device enroll --member '{device.Device.Fingerprint}'",
                        ExitCodes.Refused);
                }

                enrolled = device.Device;
                if (self is null)
                {
                    await device.Workspace.EnrolDeviceAsync(ct: ct);
                }
            }
            else
            {
                if (self is not { RevokedAt: null })
                {
                    throw new CliException($"this device is not an enrolled device of {session.AgencyId}; only enrolled admin devices enrol others", ExitCodes.KeyUnavailable);
                }

                // Enrolled already (by fingerprint): run again only to wrap older generations from this device.
                already = keys.Devices.Where(d => d.RevokedAt is null).Select(d => DeviceCard.Keys(d.DeviceId, d.EncryptionKey, d.SigningKey))
                    .FirstOrDefault(d => SameFingerprint(d.Fingerprint, wanted));
                enrolled = already ?? await FindWaitingAsync(session, wanted, parse.GetValue(yes), ct);
                if (already is null)
                {
                    await device.Workspace.EnrolDeviceAsync(enrolled, ct: ct);
                }
            }

            var generation = (self is null || wanted is not null || keys.Generations.Count == 0) && already is null
                ? await device.Workspace.PublishNextGenerationAsync(ct: ct)
                : (uint)keys.Generations.Max(g => g.Generation);
            IReadOnlyList<uint> older = [];
            IReadOnlyList<uint> notHeld = [];
            if (wanted is not null && !parse.GetValue(noOlder))
            {
                (older, notHeld) = await device.Workspace.WrapOlderGenerationsToAsync(enrolled.DeviceId, ct);
            }

            var active = (await session.Api.GetKeysAsync(session.AgencyId, ct)).Devices.Count(d => d.RevokedAt is null);
            CliContext.Write(parse, new { enrolled.DeviceId, enrolled.Fingerprint, session.AgencyId, signedBy = device.Device.DeviceId, generation, activeDevices = active, olderGenerations = older, notHeldHere = notHeld }, _ =>
            {
                Console.Out.WriteLine(already is null
                    ? $"Enrolled device {enrolled.DeviceId} in {session.AgencyId} (fingerprint {enrolled.Fingerprint}), signed by {device.Device.DeviceId}."
                    : $"Device {enrolled.DeviceId} is enrolled in {session.AgencyId} already (fingerprint {enrolled.Fingerprint}).");
                Console.Out.WriteLine($"Generation {generation} is current, wrapped to {active} active device(s); {enrolled.DeviceId} opens what is sealed from now on.");
                if (older.Count > 0)
                {
                    Console.Out.WriteLine($"Older generation(s) {string.Join(", ", older)} wrapped to {enrolled.DeviceId} too: it opens what was sealed to them before its enrolment.");
                }

                if (notHeld.Count > 0)
                {
                    Console.Out.WriteLine($"Generation(s) {string.Join(", ", notHeld)} are not on this device; an admin device enrolled earlier can wrap them: hub device enroll --member '{enrolled.Fingerprint}' from there.");
                }
            });
        }));
        return command;
    }

    public static Command Revoke()
    {
        var deviceId = new Argument<string>("device") { Description = "The device id to revoke (hub agency keys lists them)." };
        var command = new Command("revoke", """
            Revoke a device of your agency (agency admins; lost laptop, person left). Signs a revocation naming the
            next key generation and publishes that generation wrapped to the remaining devices only: the revoked
            device cannot open anything sealed to your agency from then on.

            Example:
              hub device revoke analyst-7f3a --profile be-admin
            """);
        command.Arguments.Add(deviceId);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            using var device = DeviceSession.Open(session);
            var target = parse.GetValue(deviceId)!;
            var keys = await session.Api.GetKeysAsync(session.AgencyId, ct);
            if (!keys.Devices.Any(d => d.DeviceId == target && d.RevokedAt is null))
            {
                throw new CliException($"{session.AgencyId} has no active device '{target}'; hub agency keys lists them", ExitCodes.BadInput);
            }

            if (target == device.Device.DeviceId)
            {
                throw new CliException("a device does not revoke itself; revoke it from another admin device", ExitCodes.BadInput);
            }

            var next = (uint)(keys.Generations.Count == 0 ? 1 : keys.Generations.Max(g => g.Generation) + 1);
            var signed = new RevocationStatement(session.AgencyId, target, device.Device.DeviceId, DateTimeOffset.UtcNow, next).Sign(device.Workspace.Device);
            await session.Api.RevokeDeviceAsync(session.AgencyId, new RevokeDevice(Guid.NewGuid(), target, device.Device.DeviceId, signed.Statement, signed.Signature), ct);
            var generation = await device.Workspace.PublishNextGenerationAsync(ct: ct);
            CliContext.Write(parse, new { revoked = target, session.AgencyId, generation }, _ =>
                Console.Out.WriteLine($"Revoked {target}. Generation {generation} replaces generation {generation - 1}, wrapped to the remaining devices only."));
        }));
        return command;
    }

    private static bool SameFingerprint(string fingerprint, string given) =>
        string.Equals(fingerprint.Replace(" ", string.Empty, StringComparison.Ordinal), new string([.. given.Where(c => !char.IsWhiteSpace(c))]), StringComparison.OrdinalIgnoreCase);

    private static async Task<DevicePublicKeys> FindWaitingAsync(CliSession session, string wanted, bool compared, CancellationToken ct)
    {
        var waiting = (await session.Api.ListDeviceRequestsAsync(session.AgencyId, ct))
            .Select(r => DeviceCard.Keys(r.DeviceId, r.EncryptionKey, r.SigningKey))
            .ToList();
        var fingerprint = new string([.. wanted.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        if (fingerprint.Length == 40 && fingerprint.All(char.IsAsciiHexDigit))
        {
            return waiting.FirstOrDefault(d => d.Fingerprint.Replace(" ", string.Empty, StringComparison.Ordinal) == fingerprint)
                ?? throw new CliException(
                    $"no device of {session.AgencyId} waits with fingerprint {wanted}; check it with the member (hub agency keys lists waiting devices)",
                    ExitCodes.BadInput);
        }

        var byId = waiting.FirstOrDefault(d => d.DeviceId == wanted)
            ?? throw new CliException($"no device '{wanted}' waits for enrolment in {session.AgencyId}; the member runs: hub device init", ExitCodes.BadInput);
        if (!compared)
        {
            throw new CliException(
                $"compare fingerprints before enrolling: {byId.DeviceId} has {byId.Fingerprint}; if the member reads out the same, run again with --member '{byId.Fingerprint}'",
                ExitCodes.BadInput);
        }

        return byId;
    }
}
