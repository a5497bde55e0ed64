using System.CommandLine;
using System.Net;
using System.Text.Json;
using Hub.Cli.Keys;
using Hub.Cli.Session;
using Hub.Client.Api;
using Hub.Client.Crypto;
using Hub.Client.Wire;

namespace Hub.Cli.Shared;

/// <summary>Options every networked command takes, and the one way they run: signed in, one-line errors, exit codes.</summary>
internal static class CliContext
{
    public static Option<string?> Profile { get; } = new("--profile") { Description = "Profile to act as (default: the one last signed in).", Recursive = true };

    public static Option<bool> JsonOutput { get; } = new("--json") { Description = "Machine-readable JSON output.", Recursive = true };

    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Show full errors (stack traces).", Recursive = true };

    public static Option<FileInfo?> PassphraseFile { get; } = new("--passphrase-file")
    {
        Description = "Read the device key's passphrase from the first line of this file (else $HUB_PASSPHRASE, else a terminal prompt).",
        Recursive = true,
    };

    /// <summary>Runs <paramref name="action"/> with an API client for the chosen profile; maps failures to one line and an exit code.</summary>
    public static Task<int> RunAsync(ParseResult parse, Func<HubApiClient, CliProfile, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunAsync(parse, session => action(session.Api, session.Profile));
    }

    /// <summary>Runs <paramref name="action"/> in a session of the chosen profile; maps failures to one line and an exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CliSession, Task> action)
    {
        try
        {
            var (name, profile) = Resolve(parse.GetValue(Profile));
            using var api = new HubApiClient(EndpointFor(name, profile));
            await action(new CliSession(parse, api, name, profile));
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (!parse.GetValue(Verbose))
        {
            var (message, code) = Describe(ex);
            Console.Error.WriteLine($"hub: {message}");
            return code;
        }
    }

    /// <summary>Runs an action that needs no signed-in profile, with the same one-line failures and exit codes.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (Exception ex) when (!parse.GetValue(Verbose))
        {
            var (message, code) = Describe(ex);
            Console.Error.WriteLine($"hub: {message}");
            return code;
        }
    }

    /// <summary>The hub of the current profile, or the embedded hub's default address.</summary>
    public static Uri DefaultHub() =>
        new ProfileStore().Load() is { Current: { } name } profiles && profiles.Profiles.TryGetValue(name, out var profile)
            ? new Uri(profile.HubUrl)
            : new Uri("http://localhost:5080/");

    public static void Write<T>(ParseResult parse, T value, Action<T> human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (parse.GetValue(JsonOutput))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(value, HubJson.Options));
        }
        else
        {
            human(value);
        }
    }

    /// <summary>
    /// The hub endpoint of a profile. An Entra profile gets its tokens from MSAL (silently refreshed from the
    /// profile's token cache); a development login uses the token it stored.
    /// </summary>
    public static HubEndpoint EndpointFor(string name, CliProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile is not { Entra: { } entra, EntraAccount: { } account })
        {
            return HubEndpoint.WithToken(new Uri(profile.HubUrl), profile.Token);
        }

        var signIn = new EntraSignIn(entra, name);
        return new HubEndpoint(new Uri(profile.HubUrl), ct => signIn.TokenAsync(account, ct));
    }

    private static (string Name, CliProfile Profile) Resolve(string? name)
    {
        var profiles = new ProfileStore().Load();
        name ??= profiles.Current;
        if (name is null || !profiles.Profiles.TryGetValue(name, out var profile))
        {
            throw new CliException(name is null ? "not signed in; run: hub login --user <name>" : $"no profile '{name}'; run: hub login --profile {name} --user <name>", ExitCodes.NotSignedIn);
        }

        if (profile.Entra is null && profile.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            throw new CliException($"the login of profile '{name}' expired; run: hub login --profile {name} --user {profile.UserName}", ExitCodes.NotSignedIn);
        }

        return (name, profile);
    }

    private static (string Message, int Code) Describe(Exception ex) => ex switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        HubApiException { Status: HttpStatusCode.Unauthorized } => ("the hub refused the login (expired or revoked); run: hub login", ExitCodes.NotSignedIn),
        HubApiException api => ($"{(int)api.Status} {api.Title}: {api.Detail}", ExitCodes.Refused),
        AgeException age => (KeyProblems.Describe(age), age.Kind is AgeErrorKind.BadSignature or AgeErrorKind.StatementMismatch or AgeErrorKind.SenderNotEnrolled
            or AgeErrorKind.PinnedKeyChanged or AgeErrorKind.GenerationKeyMismatch or AgeErrorKind.HeaderMacMismatch or AgeErrorKind.PayloadTampered ? ExitCodes.NotVerified : ExitCodes.Failed),
        HttpRequestException http => ($"hub unreachable ({http.Message}); check the URL with: hub whoami, or start the hub", ExitCodes.HubUnreachable),
        _ => (ex.Message, ExitCodes.Failed),
    };
}
