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
    /// <summary>H3 free text: 1 to 200 printable ASCII characters, no comma, no padding (the client's canonical form).</summary>
    public const int MaxRestrictionLength = 200;

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
            true when !IsRestrictionText(codes.SienaRestriction) =>
                $"H3 needs its restriction as 1 to {MaxRestrictionLength} printable ASCII characters, without commas or surrounding spaces.",
            false when codes.SienaRestriction is not null => "Only H3 carries a restriction text.",
            _ => null,
        };
    }

    /// <summary>The codes as the canonical set signed statements carry: e.g. <c>["H2", "TLP:AMBER"]</c> or <c>["H3:text", "TLP:RED"]</c>.</summary>
    public static string[] CanonicalSet(HandlingCodes codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        string[] set = [codes.Siena == "H3" ? $"H3:{codes.SienaRestriction}" : codes.Siena, codes.Tlp];
        Array.Sort(set, StringComparer.Ordinal);
        return set;
    }

    private static bool IsRestrictionText(string? text) =>
        text is { Length: > 0 and <= MaxRestrictionLength } && text.All(c => c is >= ' ' and <= '~' and not ',') && text.Trim() == text;

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
