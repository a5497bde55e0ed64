using Hub.Client.Keys;

namespace Hub.Bench.Referrals;

/// <summary>Disposes the benchmark's device keys together.</summary>
public sealed class DeviceKeys(params DeviceKey[] keys) : IDisposable
{
    public void Dispose()
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
