// Opening every message of a case this agency can read, on this device: the SDK verifies the sender's
// enrolment, signature and digests before it releases any plaintext; a message that fails is reported,
// never shown. A profile without a device key still sees the case's metadata.
using System.Net;
using Hub.Cli.Keys;
using Hub.Cli.Shared;
using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Wire;

namespace Hub.Cli.Referrals;

/// <summary>Opens and verifies the readable messages of a case.</summary>
internal static class CaseReader
{
    /// <returns>The messages, or null when the profile has no device key (the caller shows metadata only).</returns>
    public static async Task<IReadOnlyList<OpenedMessage>?> OpenAsync(CliSession session, CaseView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(view);
        var readable = view.Messages.Where(m => m.Readable).ToList();
        if (readable.Count == 0)
        {
            return [];
        }

        if (!DeviceFolder.For(session.ProfileName).Store.Exists)
        {
            Console.Error.WriteLine($"hub: note: profile '{session.ProfileName}' has no device key, so the messages stay sealed; to read them: hub device init");
            return null;
        }

        using var device = DeviceSession.Open(session);
        await device.RequireEnrolledAsync(ct);
        var opened = new List<OpenedMessage>();
        foreach (var message in readable)
        {
            opened.Add(await OpenOneAsync(device, session.AgencyId, view, message, ct));
        }

        return opened;
    }

    private static async Task<OpenedMessage> OpenOneAsync(DeviceSession device, string agencyId, CaseView view, MessageView message, CancellationToken ct)
    {
        try
        {
            var opened = await device.Workspace.OpenAsync(view.CaseId, message.MessageId, ct);
            var statement = opened.Statement;
            var directory = await device.Workspace.LoadDirectoryAsync([statement.SenderAgencyId], ct);
            var sender = await directory.FindDeviceAsync(statement.SenderAgencyId, statement.SenderDeviceId, ct);
            ReferralContentCodec.TryDecode(opened.Plaintext, new ContentContext(ContentInput.Priority(view.Priority)), out var content, out var problems);
            return new OpenedMessage(
                message.MessageId, message.Kind, statement.SenderAgencyId, statement.SenderDeviceId, sender?.Keys.Fingerprint, statement.CreatedAt,
                statement.HandlingCodes, !statement.Recipients.Any(r => r.AgencyId == agencyId), content, opened.Plaintext,
                content is null ? string.Join("; ", problems) : null, null);
        }
        catch (AgeException ex)
        {
            return Failed(message, KeyProblems.Describe(ex));
        }
        catch (HubApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // Sealed to a generation from before this device was enrolled: the key was never wrapped to it.
            return Failed(message, null) with { ContentProblem = "sealed to a key generation this device never received (it was enrolled later); a colleague enrolled earlier can read it" };
        }
    }

    private static OpenedMessage Failed(MessageView message, string? problem) =>
        new(message.MessageId, message.Kind, message.FromAgency, "?", null, null, [], false, null, null, null, problem);
}
