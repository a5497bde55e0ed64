// `hub device init|show|enroll|revoke`: a person's device keys and how an agency's admin vouches for them.
// Two people, two terminals: the member runs `hub device init` (keys generated here, the public half
// registered with the hub as waiting) and reads the fingerprint out to an admin over a channel they trust;
// the admin runs `hub device enroll --member '<fingerprint>'`, which signs the enrolment only for the
// waiting device with exactly that fingerprint and then rotates the agency key so the new device can read.
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Hub.Cli.Shared;
using Hub.Client.Keys;
using Hub.Client.Wire;

namespace Hub.Cli.Keys;

/// <summary>Builds <c>hub device</c>.</summary>
internal static class DeviceCommands
{
    public static Command Create()
    {
        var device = new Command("device", "This device's keys: create them, show them, enrol and revoke devices (admins).");
        device.Subcommands.Add(Init());
        device.Subcommands.Add(Show());
        device.Subcommands.Add(DeviceEnrolment.Create());
        device.Subcommands.Add(DeviceEnrolment.Revoke());
        return device;
    }

    private static Command Init()
    {
        var deviceId = new Option<string?>("--device-id") { Description = "A name for this device in your agency (default: your user name and 4 random hex digits)." };
        var replace = new Option<bool>("--replace") { Description = "Set the existing key aside and create a new one (after a revocation or a lost passphrase)." };
        var workFactor = new Option<int>("--work-factor")
        {
            Description = "scrypt work factor (log2 N) protecting the key file; 18 by default, lower only for throwaway demo keys.",
            DefaultValueFactory = _ => 18,
        };
        var command = new Command("init", """
            Create this device's key pair (X25519 to receive your agency's keys, Ed25519 to sign) in the profile's
            folder, protected by a passphrase, and register its public half with the hub for an admin to enrol.
            Read the printed fingerprint out to an admin of your agency (phone, in person): they enrol the device
            with it and compare it before signing.

            Example:
              hub device init --profile be-analyst
              HUB_PASSPHRASE='…' hub device init --device-id analyst-laptop-2
            """);
        command.Options.Add(deviceId);
        command.Options.Add(replace);
        command.Options.Add(workFactor);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var folder = DeviceFolder.For(session.ProfileName);
            var card = folder.ReadCard();
            if (parse.GetValue(replace) && folder.Store.Exists)
            {
                var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
                File.Move(folder.Store.FilePath, $"{folder.Store.FilePath}.{stamp}.old");
                card = null;
            }

            var created = !folder.Store.Exists;
            if (created)
            {
                var passphrase = Passphrase.Read(parse, session.ProfileName, isNew: true);
                using var key = DeviceKey.Generate(parse.GetValue(deviceId) ?? DefaultDeviceId(session.Profile.UserName));
                folder.Store.Save(key, passphrase, parse.GetValue(workFactor));
                card = DeviceCard.Of(session.AgencyId, key.PublicKeys);
                folder.WriteCard(card);
            }
            else if (card is null)
            {
                throw new CliException($"the key file of profile '{session.ProfileName}' has no device.json beside it; start over with: hub device init --replace", ExitCodes.Failed);
            }

            var status = await RegisterAsync(session, card!, ct);
            CliContext.Write(parse, new { card!.DeviceId, card.AgencyId, card.Fingerprint, status, created }, _ =>
            {
                Console.Out.WriteLine(created ? $"Created device {card.DeviceId} for {card.AgencyId}." : $"Profile '{session.ProfileName}' has device {card.DeviceId} already.");
                Console.Out.WriteLine($"Fingerprint: {card.Fingerprint}");
                Console.Out.WriteLine(status switch
                {
                    "waiting" => $"Waiting for enrolment. Read the fingerprint out to an admin of {card.AgencyId}; they run: hub device enroll --member '{card.Fingerprint}'",
                    "revoked" => "This device was revoked; create a new one with: hub device init --replace",
                    _ => "Enrolled.",
                });
            });
        }));
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", """
            Show this profile's device: id, fingerprint, and whether the hub lists it as enrolled, waiting or revoked.

            Example:
              hub device show --profile be-analyst --json
            """);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var card = DeviceFolder.For(session.ProfileName).ReadCard()
                ?? throw new CliException($"profile '{session.ProfileName}' has no device key; run: hub device init --profile {session.ProfileName}", ExitCodes.KeyUnavailable);
            var status = await StatusAsync(session, card, ct);
            CliContext.Write(parse, new { card.DeviceId, card.AgencyId, card.Fingerprint, status }, _ =>
                Console.Out.WriteLine($"Device {card.DeviceId} of {card.AgencyId} ({status})\nFingerprint: {card.Fingerprint}"));
        }));
        return command;
    }

    /// <summary>Enrolled, revoked, waiting (registered), or unknown to the hub.</summary>
    internal static async Task<string> StatusAsync(CliSession session, DeviceCard card, CancellationToken ct)
    {
        var keys = await session.Api.GetKeysAsync(card.AgencyId, ct);
        if (keys.Devices.FirstOrDefault(d => d.DeviceId == card.DeviceId) is { } entry)
        {
            return entry.RevokedAt is null ? "enrolled" : "revoked";
        }

        var requests = await session.Api.ListDeviceRequestsAsync(card.AgencyId, ct);
        return requests.Any(r => r.DeviceId == card.DeviceId) ? "waiting" : "not registered";
    }

    private static async Task<string> RegisterAsync(CliSession session, DeviceCard card, CancellationToken ct)
    {
        var status = await StatusAsync(session, card, ct);
        if (status == "not registered")
        {
            await session.Api.RequestDeviceAsync(card.AgencyId, new RequestDevice(Guid.NewGuid(), card.DeviceId, card.EncryptionKey, card.RawSigningKey), ct);
            status = "waiting";
        }

        return status;
    }

    private static string DefaultDeviceId(string userName)
    {
        var local = userName.Split('@')[0];
        var safe = new string([.. local.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(40)]);
        return $"{(safe.Length == 0 ? "device" : safe)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
    }
}
