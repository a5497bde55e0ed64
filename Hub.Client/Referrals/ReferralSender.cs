// The sending side of a referral: the agency and the device key that signs for it.
using Hub.Client.Crypto.Format;
using Hub.Client.Keys;

namespace Hub.Client.Referrals;

/// <summary>A sending agency and the enrolled device signing on its behalf.</summary>
public sealed record ReferralSender
{
    /// <exception cref="ArgumentException">The agency id is not a valid identifier.</exception>
    public ReferralSender(string agencyId, DeviceKey device)
    {
        ArgumentNullException.ThrowIfNull(device);
        AgencyId = Identifier.Require(agencyId, nameof(agencyId));
        Device = device;
    }

    /// <summary>The sending agency.</summary>
    public string AgencyId { get; }

    /// <summary>The signing device's keys.</summary>
    public DeviceKey Device { get; }
}
