using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

/// <summary>
/// What handling codes allow, enforced by the case grain. SIENA: H0 law-enforcement use only; H1 not for
/// judicial proceedings without the provider's permission; H2 not to be disseminated without the provider's
/// permission; H3 other restrictions (free text). TLP 2.0 as FIRST defines it.
/// </summary>
public static class HandlingRules
{
    public const int MaxRestrictionLength = 500;

    private static readonly string[] SienaCodes = ["H0", "H1", "H2", "H3"];
    private static readonly string[] TlpLevels = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];

    /// <summary>Null when the codes are canonical and complete, otherwise what is wrong.</summary>
    public static string? Check(HandlingCodes? codes)
    {
        if (codes is null)
        {
            return "Handling codes are required.";
        }

        if (!SienaCodes.Contains(codes.Siena, StringComparer.Ordinal))
        {
            return "SIENA handling code must be one of H0, H1, H2, H3.";
        }

        if (!TlpLevels.Contains(codes.Tlp, StringComparer.Ordinal))
        {
            return "TLP must be one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED.";
        }

        return (codes.Siena == "H3") switch
        {
            true when string.IsNullOrWhiteSpace(codes.SienaRestriction) || codes.SienaRestriction.Length > MaxRestrictionLength =>
                $"H3 needs its restriction as text (at most {MaxRestrictionLength} characters).",
            false when codes.SienaRestriction is not null => "Only H3 carries a restriction text.",
            _ => null,
        };
    }

    /// <summary>Forwarding to an agency the originator did not choose needs the originator's recorded consent.</summary>
    public static bool ForwardNeedsConsent(HandlingCodes codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Siena == "H2" || codes.Tlp is "TLP:AMBER+STRICT" or "TLP:RED";
    }

    /// <summary>H0 material is for law enforcement only: police units and liaison points may receive it, hotlines may not.</summary>
    public static bool MayReceive(HandlingCodes codes, AgencyKind kind)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Siena != "H0" || kind is AgencyKind.PoliceUnit or AgencyKind.LiaisonPoint;
    }
}
