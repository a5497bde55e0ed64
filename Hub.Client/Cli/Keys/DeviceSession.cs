using System.Net;
using Hub.Cli.Shared;
using Hub.Client.Api;
using Hub.Client.Crypto;
using Hub.Client.Keys;

namespace Hub.Cli.Keys;

/// <summary>
/// A profile's device key unlocked for one command, with the profile's pins: the <see cref="AgencyWorkspace"/>
/// that seals, opens, signs and re-wraps. Pins learned during the command are saved when it ends.
/// </summary>
internal sealed class DeviceSession : IDisposable
{
    private readonly DeviceKey _key;
    private readonly KeyPins _pins;
    private readonly CliSession _session;

    private DeviceSession(CliSession session, DeviceFolder folder, DeviceKey key, KeyPins pins)
    {
        _session = session;
        Folder = folder;
        _key = key;
        _pins = pins;
        Workspace = new AgencyWorkspace(session.Api, session.AgencyId, key, pins);
    }

    public DeviceFolder Folder { get; }

    public AgencyWorkspace Workspace { get; }

    public DevicePublicKeys Device => _key.PublicKeys;

    /// <summary>Unlocks the profile's device key (asks for the passphrase).</summary>
    public static DeviceSession Open(CliSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var folder = DeviceFolder.For(session.ProfileName);
        if (!folder.Store.Exists)
        {
            throw new CliException($"profile '{session.ProfileName}' has no device key; run: hub device init --profile {session.ProfileName}", ExitCodes.KeyUnavailable);
        }

        var passphrase = Passphrase.Read(session.Parse, session.ProfileName, isNew: false);
        DeviceKey key;
        try
        {
            key = folder.Store.Load(passphrase);
        }
        catch (AgeException ex) when (ex.Kind is AgeErrorKind.BadPassphrase or AgeErrorKind.NoMatchingRecipient)
        {
            throw new CliException($"wrong passphrase for the device key of profile '{session.ProfileName}'; try again", ExitCodes.KeyUnavailable);
        }

        return new DeviceSession(session, folder, key, folder.LoadPins());
    }

    /// <summary>
    /// Checks that this device may act for the agency: enrolled, not revoked, and holding the current
    /// generation key. Otherwise one line says who has to do what.
    /// </summary>
    public async Task RequireEnrolledAsync(CancellationToken ct)
    {
        var keys = await _session.Api.GetKeysAsync(_session.AgencyId, ct);
        var entry = keys.Devices.FirstOrDefault(d => d.DeviceId == Device.DeviceId);
        if (entry is null)
        {
            throw new CliException(
                $"device {Device.DeviceId} is not enrolled in {_session.AgencyId} yet; ask an admin of {_session.AgencyId} to run: hub device enroll --member '{Device.Fingerprint}'",
                ExitCodes.KeyUnavailable);
        }

        if (!entry.RevokedAt.HasValue && keys.Generations.Count == 0)
        {
            throw new CliException($"{_session.AgencyId} has no key generation yet; ask an admin to run: hub agency keys --rotate", ExitCodes.KeyUnavailable);
        }

        if (entry.RevokedAt is { } revoked)
        {
            throw new CliException($"device {Device.DeviceId} was revoked on {revoked:u}; set up a new one with: hub device init --replace", ExitCodes.KeyUnavailable);
        }

        try
        {
            await Workspace.UnlockCurrentGenerationAsync(ct);
        }
        catch (HubApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            throw new CliException(
                $"device {Device.DeviceId} holds no key of {_session.AgencyId}'s current generation; ask an admin to run: hub agency keys --rotate",
                ExitCodes.KeyUnavailable);
        }
    }

    public void Dispose()
    {
        Folder.SavePins(_pins);
        Workspace.Dispose();
        _key.Dispose();
    }
}
