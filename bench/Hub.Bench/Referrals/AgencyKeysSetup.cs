using System.Net.Http.Json;
using System.Text.Json;
using Hub.Client.Keys;
using Hub.Contracts.Agencies;
using NSec.Cryptography;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// Gives an agency keys through the public API, as its admin would: enrol one device (its first, so it signs
/// its own enrolment) and publish key generation 1 wrapped to it.
/// </summary>
public static class AgencyKeysSetup
{
    /// <returns>The enrolled device (owned by the caller) and the agency's generation-1 public key.</returns>
    public static async Task<(DeviceKey Device, AgencyGenerationKey Generation)> EnrolAndPublishAsync(
        GatewayProcess gateway, string agencyId, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var token = await gateway.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "urn:hub:dev:user", ["agency"] = agencyId, ["roles"] = "Hub.AgencyAdmin" });
        using var admin = gateway.CreateClient(token);
        var device = DeviceKey.Generate($"{agencyId}-bench-device");
        var signed = new EnrolmentStatement(agencyId, device.PublicKeys, device.DeviceId, DateTimeOffset.UtcNow).Sign(device);
        var enrol = new EnrolDevice(
            Guid.NewGuid(), device.DeviceId, device.PublicKeys.EncryptionKey.ToString(),
            device.PublicKeys.SigningKey.Export(KeyBlobFormat.RawPublicKey), device.DeviceId, signed.Statement, signed.Signature);
        await RequireAsync(await admin.PostAsJsonAsync(new Uri($"/api/agencies/{agencyId}/devices", UriKind.Relative), enrol, json));

        using var secret = AgencyGenerationSecret.Create(agencyId, 1);
        var wrapped = secret.WrapTo([device.PublicKeys]);
        var publish = new PublishGeneration(Guid.NewGuid(), 1, wrapped.PublicKey.ToString(), new Dictionary<string, byte[]> { [device.DeviceId] = wrapped.Envelope });
        await RequireAsync(await admin.PostAsJsonAsync(new Uri($"/api/agencies/{agencyId}/generations", UriKind.Relative), publish, json));
        return (device, wrapped.Public);
    }

    private static async Task RequireAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
