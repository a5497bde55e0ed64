// `hub login` (development provider or Entra ID device code), `hub logout`, `hub whoami`: profiles of
// signed-in identities in the user's config directory.
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
        var user = new Option<string?>("--user") { Description = "Development identity provider: user name, e.g. analyst@be-hotline.test (GET /dev-idp/users lists the demo users)." };
        var entra = new Option<bool>("--entra") { Description = "Sign in with Entra ID (device code) instead of the development provider." };
        var tenant = new Option<string?>("--tenant") { Description = "Entra: directory (tenant) id or domain (default: $HUB_ENTRA_TENANT)." };
        var clientId = new Option<string?>("--client-id") { Description = "Entra: the CLI's application (client) id (default: $HUB_ENTRA_CLIENT_ID)." };
        var scope = new Option<string?>("--scope") { Description = "Entra: the hub API's scope, e.g. api://hub/.default (default: $HUB_ENTRA_SCOPE)." };
        var authority = new Option<string?>("--authority") { Description = $"Entra: authority host for national clouds (default: {EntraLogin.PublicCloud})." };
        var command = new Command("login", """
            Sign in and keep the login as a profile. By default through the hub's development identity provider;
            with --entra through Entra ID: open the printed address on any device and enter the code. An Entra
            login refreshes itself silently from the profile's token cache (owner-only) on later commands.

            Example:
              hub login --user analyst@be-hotline.test
              hub login --profile nl-police --user investigator@nl-police.test
              hub login --hub https://hub.example --profile be-entra --entra --tenant contoso.example --client-id 00000000-0000-0000-0000-000000000000 --scope api://hub/.default
            """);
        foreach (var option in new Option[] { hub, user, entra, tenant, clientId, scope, authority })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var hubUrl = new Uri(parse.GetValue(hub)!.TrimEnd('/') + "/");
                var userName = parse.GetValue(user);
                CliProfile profile;
                string name;
                if (parse.GetValue(entra))
                {
                    var settings = EntraLogin.Validate(
                        parse.GetValue(tenant) ?? Environment.GetEnvironmentVariable("HUB_ENTRA_TENANT"),
                        parse.GetValue(clientId) ?? Environment.GetEnvironmentVariable("HUB_ENTRA_CLIENT_ID"),
                        parse.GetValue(scope) ?? Environment.GetEnvironmentVariable("HUB_ENTRA_SCOPE"),
                        parse.GetValue(authority));
                    if (userName is not null)
                    {
                        throw new CliException("--user is for the development provider; with --entra you sign in at Entra ID", ExitCodes.BadInput);
                    }

                    name = parse.GetValue(CliContext.Profile) ?? "entra";
                    var signIn = new EntraSignIn(settings, name);
                    var result = await signIn.SignInAsync(prompt => Console.Error.WriteLine(prompt), ct);
                    using var api = new HubApiClient(HubEndpoint.WithToken(hubUrl, result.AccessToken));
                    var me = await api.GetMeAsync(ct);
                    // The access token stays in the token cache only; the profile names the account to refresh it for.
                    profile = new CliProfile(hubUrl.ToString(), result.Account.Username, me.AgencyId, string.Empty, result.ExpiresOn, settings, result.Account.HomeAccountId.Identifier);
                    Save(name, profile);
                    CliContext.Write(parse, new { profile = name, me.AgencyId, me.Roles }, _ =>
                        Console.Out.WriteLine($"Signed in with Entra ID as {profile.UserName} for {me.AgencyId} ({string.Join(", ", me.Roles)}); profile '{name}'."));
                    return ExitCodes.Ok;
                }

                if (userName is null)
                {
                    throw new CliException("say who signs in: hub login --user <name> (development provider) or hub login --entra ...", ExitCodes.BadInput);
                }

                using var idp = new DevIdentityClient(hubUrl);
                var token = await idp.TokenForUserAsync(userName, ct);
                using (var api = new HubApiClient(HubEndpoint.WithToken(hubUrl, token)))
                {
                    var me = await api.GetMeAsync(ct);
                    name = parse.GetValue(CliContext.Profile) ?? userName;
                    Save(name, new CliProfile(hubUrl.ToString(), userName, me.AgencyId, token, TokenExpiry.Of(token)));
                    CliContext.Write(parse, new { profile = name, me.AgencyId, me.Roles }, _ =>
                        Console.Out.WriteLine($"Signed in as {userName} for {me.AgencyId} ({string.Join(", ", me.Roles)}); profile '{name}'."));
                }

                return ExitCodes.Ok;
            }
            catch (CliException ex) when (!parse.GetValue(CliContext.Verbose))
            {
                Console.Error.WriteLine($"hub: {ex.Message}");
                return ex.ExitCode;
            }
            catch (Exception ex) when (ex is HubApiException or HttpRequestException && !parse.GetValue(CliContext.Verbose))
            {
                Console.Error.WriteLine(ex is HubApiException refused
                    ? $"hub: sign-in refused ({refused.Detail ?? refused.Title}); check the user name (GET /dev-idp/users)"
                    : $"hub: unreachable ({ex.Message}); check the address, or start the hub with: dotnet run --project Hub.Gateway");
                return ex is HubApiException ? ExitCodes.Refused : ExitCodes.HubUnreachable;
            }
        });
        return command;
    }

    private static void Save(string name, CliProfile profile)
    {
        var store = new ProfileStore();
        var profiles = store.Load();
        profiles.Profiles[name] = profile;
        profiles.Current = name;
        store.Save(profiles);
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
            if (name is null || !profiles.Profiles.Remove(name, out var removed))
            {
                Console.Error.WriteLine("hub: no such profile; hub whoami shows the current one");
                return ExitCodes.NotSignedIn;
            }

            profiles.Current = profiles.Current == name ? profiles.Profiles.Keys.FirstOrDefault() : profiles.Current;
            store.Save(profiles);
            if (removed.Entra is not null)
            {
                // Signing out of Entra forgets its refresh token too.
                TokenCacheFile.For(name).Delete();
            }

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
