using System.Text.RegularExpressions;
using Hub.Contracts.Agencies;

namespace Hub.Silo.Agencies;

/// <summary>What makes an agency id and profile acceptable. The grain applies it, so every entry point does.</summary>
public static partial class AgencyProfileRules
{
    public const int MaxDisplayNameLength = 120;
    private const int MaxSlaMinutes = 60 * 24 * 30;

    /// <summary>Lower-case directory code: letters, digits and inner hyphens, 3 to 40 characters.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$", RegexOptions.CultureInvariant)]
    public static partial Regex AgencyId();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    /// <summary>Null when the profile is acceptable for this id, otherwise the first problem found.</summary>
    public static string? Check(string agencyId, AgencyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!AgencyId().IsMatch(agencyId))
        {
            return "Agency ids are 3 to 40 lower-case letters, digits and inner hyphens.";
        }

        if (profile.Id != agencyId)
        {
            return "The profile's id does not match the agency addressed.";
        }

        if (!Enum.IsDefined(profile.Kind))
        {
            return "Unknown agency kind.";
        }

        if (!CountryCode().IsMatch(profile.Country ?? string.Empty))
        {
            return "Country must be an ISO 3166-1 alpha-2 code in upper case, e.g. BE.";
        }

        if (string.IsNullOrWhiteSpace(profile.DisplayName) || profile.DisplayName.Length > MaxDisplayNameLength)
        {
            return $"Display name is required and at most {MaxDisplayNameLength} characters.";
        }

        var sla = profile.Sla;
        if (sla is null || !InRange(sla.AcknowledgeUrgentMinutes) || !InRange(sla.AcknowledgeHighMinutes) || !InRange(sla.AcknowledgeNormalMinutes))
        {
            return $"SLA targets are whole minutes from 1 to {MaxSlaMinutes}.";
        }

        return null;
    }

    private static bool InRange(int minutes) => minutes is >= 1 and <= MaxSlaMinutes;
}
