// One recipient agency of a referral and the key generation its copy was sealed to.
namespace Hub.Client.Referrals;

/// <summary>A recipient agency and the generation number its stanza was wrapped to.</summary>
/// <param name="AgencyId">The recipient agency.</param>
/// <param name="Generation">Its key generation.</param>
public sealed record RecipientGeneration(string AgencyId, uint Generation);
