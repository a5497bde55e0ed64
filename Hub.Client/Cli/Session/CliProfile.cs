namespace Hub.Cli.Session;

/// <summary>One signed-in identity: which hub, as whom, with which token. A person acting for several agencies keeps several profiles.</summary>
internal sealed record CliProfile(string HubUrl, string UserName, string AgencyId, string Token, DateTimeOffset ExpiresAt);
