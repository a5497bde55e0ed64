// `hub login`, `hub logout`, `hub whoami`: profiles of signed-in identities in the user's config directory.
using System.CommandLine;
using Hub.Cli.Shared;
using Hub.Client.Api;

namespace Hub.Cli.Session;

/// <summary>Builds the session commands.</summary>
internal static class SessionCommands
{
    public static IEnumerable<Command> Create() => [Login(), Logout(), WhoAmI()];

    private static Command Login()
    {
        var hub = new Option<string>("--hub")
        {
            Description = "Hub address (default: $HUB_URL, else http://localhost:5080).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HUB_URL") is { Length: > 0 } url ? url : "http://localhost:5080",
        };
        var user = new Option<string>("--user") { Description = "User name, e.g. analyst@be-hotline.test (GET /dev-idp/users lists the demo users).", Required = true };
        var command = new Command("login", """
            Sign in through the hub's development identity provider and keep the login as a profile.
            (Entra ID sign-in with the device-code flow is not in the CLI yet.)

            Example:
              hub login --user analyst@be-hotline.test
              hub login --profile nl-police --user investigator@nl-police.test
            """);
        command.Options.Add(hub);
        command.Options.Add(user);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var hubUrl = new Uri(parse.GetValue(hub)!.TrimEnd('/') + "/");
                var userName = parse.GetValue(user)!;
                using var idp = new DevIdentityClient(hubUrl);
                var token = await idp.TokenForUserAsync(userName, ct);
                using var api = new HubApiClient(HubEndpoint.WithToken(hubUrl, token));
                var me = await api.GetMeAsync(ct);
                var name = parse.GetValue(CliContext.Profile) ?? userName;
                var store = new ProfileStore();
                var profiles = store.Load();
                profiles.Profiles[name] = new CliProfile(hubUrl.ToString(), userName, me.AgencyId, token, TokenExpiry.Of(token));
                profiles.Current = name;
                store.Save(profiles);
                CliContext.Write(parse, new { profile = name, me.AgencyId, me.Roles }, _ =>
                    Console.Out.WriteLine($"Signed in as {userName} for {me.AgencyId} ({string.Join(", ", me.Roles)}); profile '{name}'."));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is HubApiException or HttpRequestException && !parse.GetValue(CliContext.Verbose))
            {
                Console.Error.WriteLine(ex is HubApiException refused
                    ? $"hub: sign-in refused ({refused.Detail ?? refused.Title}); check the user name (GET /dev-idp/users)"
                    : $"hub: hub unreachable ({ex.Message}); start it with: dotnet run --project Hub.Gateway");
                return ex is HubApiException ? ExitCodes.Refused : ExitCodes.HubUnreachable;
            }
        });
        return command;
    }

    private static Command Logout()
    {
        var command = new Command("logout", """
            Forget a profile's login (default: the current profile).

            Example:
              hub logout --profile nl-police
            """);
        command.SetAction(parse =>
        {
            var store = new ProfileStore();
            var profiles = store.Load();
            var name = parse.GetValue(CliContext.Profile) ?? profiles.Current;
            if (name is null || !profiles.Profiles.Remove(name))
            {
                Console.Error.WriteLine("hub: no such profile; hub whoami shows the current one");
                return ExitCodes.NotSignedIn;
            }

            profiles.Current = profiles.Current == name ? profiles.Profiles.Keys.FirstOrDefault() : profiles.Current;
            store.Save(profiles);
            Console.Out.WriteLine($"Signed out of profile '{name}'.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command WhoAmI()
    {
        var command = new Command("whoami", """
            Show who the hub thinks you are: agency, user, roles (asks the hub).

            Example:
              hub whoami --json
            """);
        command.SetAction((parse, ct) => CliContext.RunAsync(parse, async (api, profile) =>
        {
            var me = await api.GetMeAsync(ct);
            CliContext.Write(parse, me, m => Console.Out.WriteLine(
                $"{m.UserName ?? m.UserId} acts for {m.AgencyId} with {string.Join(", ", m.Roles)} on {profile.HubUrl} (login valid until {profile.ExpiresAt:u})"));
        }));
        return command;
    }
}
