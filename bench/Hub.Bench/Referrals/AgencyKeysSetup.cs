using Hub.Client.Api;
using Hub.Client.Keys;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// Gives an agency keys through the public API, as its admin would (the SDK's <see cref="AgencyKeysBootstrap"/>):
/// enrol one device (its first, so it signs its own enrolment) and publish key generation 1 wrapped to it.
/// </summary>
public static class AgencyKeysSetup
{
    /// <returns>The enrolled device (owned by the caller) and the agency's generation-1 public key.</returns>
    public static async Task<(DeviceKey Device, AgencyGenerationKey Generation)> EnrolAndPublishAsync(GatewayProcess gateway, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        string token;
        using (var idp = new DevIdentityClient(gateway.BaseAddress))
        {
            token = await idp.TokenForRolesAsync(agencyId, ["Hub.AgencyAdmin"]);
        }

        var device = DeviceKey.Generate($"{agencyId}-bench-device");
        using var admin = new AgencyWorkspace(new HubApiClient(HubEndpoint.WithToken(gateway.BaseAddress, token)), agencyId, device);
        try
        {
            return (device, await admin.EnsureKeysAsync());
        }
        catch
        {
            device.Dispose();
            throw;
        }
        finally
        {
            admin.Api.Dispose();
        }
    }
}
