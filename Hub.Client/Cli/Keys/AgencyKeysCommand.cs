// `hub agency keys [AGENCY] [--rotate]`: the key directory as this client verifies it, with fingerprints to
// compare out of band, and (for your own agency) the devices waiting for enrolment.
using System.CommandLine;
using System.Globalization;
using Hub.Cli.Shared;
using Hub.Client.Api;
using Hub.Client.Crypto.Recipients;
using Hub.Client.Keys;
using Hub.Client.Wire;

namespace Hub.Cli.Keys;

/// <summary>Builds <c>hub agency</c> and <c>hub agency keys</c>.</summary>
internal static class AgencyKeysCommand
{
    public static Command Create()
    {
        var agency = new Command("agency", "Your agency's keys and devices.");
        agency.Subcommands.Add(Keys());
        return agency;
    }

    private static Command Keys()
    {
        var agencyId = new Argument<string?>("agency") { Description = "The agency (default: yours).", Arity = ArgumentArity.ZeroOrOne };
        var rotate = new Option<bool>("--rotate") { Description = "Publish the next key generation, wrapped to every active device (agency admins)." };
        var command = new Command("keys", """
            Show an agency's key generations and devices with their fingerprints (compare them out of band), which
            device enrolments verify, and for your own agency the devices waiting for enrolment.

            Examples:
              hub agency keys
              hub agency keys nl-police
              hub agency keys --rotate --profile be-admin
            """);
        command.Arguments.Add(agencyId);
        command.Options.Add(rotate);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async session =>
        {
            var id = parse.GetValue(agencyId) ?? session.AgencyId;
            uint? rotated = null;
            if (parse.GetValue(rotate))
            {
                if (id != session.AgencyId)
                {
                    throw new CliException("only your own agency's keys can be rotated", ExitCodes.BadInput);
                }

                using var device = DeviceSession.Open(session);
                rotated = await device.Workspace.PublishNextGenerationAsync(ct: ct);
            }

            var keys = await session.Api.GetKeysAsync(id, ct);
            var verified = new VerifiedKeyDirectory([keys]).DevicesOf(id).Select(d => d.Keys.DeviceId).ToHashSet(StringComparer.Ordinal);
            var generations = keys.Generations.Select(g => new
            {
                g.Generation,
                Fingerprint = Fingerprint.OfGeneration(new AgencyGenerationKey(id, (uint)g.Generation, X25519Recipient.Parse(g.PublicKey))),
                g.PublishedAt,
            }).ToList();
            var devices = keys.Devices.Select(d => new
            {
                d.DeviceId,
                DeviceCard.Keys(d.DeviceId, d.EncryptionKey, d.SigningKey).Fingerprint,
                d.EnrolledBy,
                d.EnrolledAt,
                d.RevokedAt,
                Verified = verified.Contains(d.DeviceId),
            }).ToList();
            IReadOnlyList<DeviceRequest> requests = id == session.AgencyId ? await session.Api.ListDeviceRequestsAsync(id, ct) : [];
            var waiting = requests.Select(r => new
            {
                r.DeviceId,
                DeviceCard.Keys(r.DeviceId, r.EncryptionKey, r.SigningKey).Fingerprint,
                r.RequestedBy,
                r.RequestedAt,
            }).ToList();
            var mine = DeviceFolder.For(session.ProfileName).ReadCard()?.DeviceId;
            CliContext.Write(parse, new { agencyId = id, rotated, generations, devices, waiting }, _ =>
            {
                var o = Console.Out;
                if (rotated is { } n)
                {
                    o.WriteLine(Invariant($"Published generation {n}, wrapped to every active device."));
                }

                o.WriteLine($"Key generations of {id}:");
                foreach (var g in generations)
                {
                    o.WriteLine(Invariant($"  {g.Generation,3}  {g.Fingerprint}  {g.PublishedAt:u}{(g == generations[^1] ? "  current" : string.Empty)}"));
                }

                o.WriteLine("Devices:");
                foreach (var d in devices)
                {
                    var state = d.RevokedAt is { } at ? Invariant($"revoked {at:u}") : d.Verified ? "enrolled, signature verified" : "NOT VERIFIED: ignored";
                    o.WriteLine(Invariant($"  {d.DeviceId,-24} {d.Fingerprint}  by {d.EnrolledBy}  {state}{(d.DeviceId == mine ? "  (this device)" : string.Empty)}"));
                }

                if (waiting.Count > 0)
                {
                    o.WriteLine("Waiting for enrolment (compare the fingerprint with the member, then: hub device enroll --member '<fingerprint>'):");
                    foreach (var w in waiting)
                    {
                        o.WriteLine(Invariant($"  {w.DeviceId,-24} {w.Fingerprint}  user {w.RequestedBy}  {w.RequestedAt:u}"));
                    }
                }
            });
        }));
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
