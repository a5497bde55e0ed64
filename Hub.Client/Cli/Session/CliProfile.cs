namespace Hub.Cli.Session;

/// <summary>One signed-in identity: which hub, as whom, with which token. A person acting for several agencies keeps several profiles.</summary>
/// <param name="Entra">Set for an Entra ID sign-in: <see cref="Token"/> is then refreshed from the profile's token cache.</param>
/// <param name="EntraAccount">MSAL's home account id of the signed-in user (Entra profiles only).</param>
internal sealed record CliProfile(string HubUrl, string UserName, string AgencyId, string Token, DateTimeOffset ExpiresAt, EntraLogin? Entra = null, string? EntraAccount = null);
