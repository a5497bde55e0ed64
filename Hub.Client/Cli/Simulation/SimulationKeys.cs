// The simulator's device key for each agency it drives, kept between runs in the config directory
// (simulation/<host>_<port>/<agency>/device-key.age). An agency's first device founds its key directory,
// and only an enrolled device can enrol another, so a second run against the same hub must come back
// with the same device. These keys guard synthetic demo agencies on development hubs (the simulator signs
// in through the development identity provider, which a production hub refuses to run): they sit in the
// usual owner-only age key file under a passphrase from HUB_SIMULATION_PASSPHRASE, or a built-in one so
// that runs stay unattended. Never drive a real agency with `hub simulate`.
using Hub.Cli.Session;
using Hub.Client.Keys;

namespace Hub.Cli.Simulation;

/// <summary>Loads or creates the simulator's device key of each agency on one hub.</summary>
internal sealed class SimulationKeys(string directory, string passphrase)
{
    // Low work factor: the passphrase is no secret unless the operator sets one, so slow scrypt would buy nothing.
    private const int WorkFactor = 14;
    private const string BuiltInPassphrase = "hub simulate: synthetic demo agencies only";

    public string Directory { get; } = directory;

    public static SimulationKeys For(Uri hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var passphrase = Environment.GetEnvironmentVariable("HUB_SIMULATION_PASSPHRASE") is { Length: > 0 } set ? set : BuiltInPassphrase;
        return new SimulationKeys(Path.Combine(new ProfileStore().Directory, "simulation", $"{hub.Host}_{hub.Port}"), passphrase);
    }

    /// <summary>The agency's simulator device: the saved one, or a new one saved before it is enrolled anywhere.</summary>
    public DeviceKey DeviceFor(string agencyId)
    {
        var store = new DeviceKeyStore(Path.Combine(Directory, agencyId));
        if (store.Exists)
        {
            return store.Load(passphrase);
        }

        var device = DeviceKey.Generate($"{agencyId}-simulator");
        try
        {
            store.Save(device, passphrase, WorkFactor);
            return device;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }
}
