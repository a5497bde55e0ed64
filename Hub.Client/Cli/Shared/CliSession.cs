using System.CommandLine;
using Hub.Cli.Session;
using Hub.Client.Api;

namespace Hub.Cli.Shared;

/// <summary>One command run as a signed-in profile: the parsed command line, the API client, the profile and its name.</summary>
internal sealed record CliSession(ParseResult Parse, HubApiClient Api, string ProfileName, CliProfile Profile)
{
    public string AgencyId => Profile.AgencyId;
}
