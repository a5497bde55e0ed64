namespace Hub.Contracts.Agencies;

/// <summary>What an agency does in the referral network.</summary>
public enum AgencyKind
{
    /// <summary>Receives public reports, assesses them and escalates (INHOPE-member style hotline).</summary>
    Hotline = 1,

    /// <summary>National police unit: receives referrals, investigates, may place takedown holds.</summary>
    PoliceUnit = 2,

    /// <summary>International liaison point (Europol- or Interpol-like): coordinates cross-border cases.</summary>
    LiaisonPoint = 3,
}
