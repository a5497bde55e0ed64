// Entra ID sign-in through MSAL: the device-code flow at `hub login --entra` (the user opens the printed
// address on any device and enters the code), then silent token refresh from the profile's token cache on
// every later command. When the refresh token is gone or revoked, the user is told to sign in again.
using Hub.Cli.Shared;
using Microsoft.Identity.Client;

namespace Hub.Cli.Session;

/// <summary>MSAL public client for one Entra profile.</summary>
internal sealed class EntraSignIn
{
    private readonly IPublicClientApplication _app;
    private readonly EntraLogin _login;
    private readonly string _profileName;

    public EntraSignIn(EntraLogin login, string profileName)
    {
        ArgumentNullException.ThrowIfNull(login);
        _login = login;
        _profileName = profileName;
        Cache = TokenCacheFile.For(profileName);
        var builder = PublicClientApplicationBuilder.Create(login.ClientId)
            .WithAuthority(login.AuthorityUrl, validateAuthority: login.Authority == EntraLogin.PublicCloud);
        if (login.Authority != EntraLogin.PublicCloud)
        {
            // A national cloud or private authority: no instance discovery against the public cloud.
            builder = builder.WithInstanceDiscovery(false);
        }

        _app = builder.Build();
        Cache.Bind(_app.UserTokenCache);
    }

    public TokenCacheFile Cache { get; }

    /// <summary>Device-code sign-in; <paramref name="prompt"/> gets MSAL's instruction line (address and code).</summary>
    public async Task<AuthenticationResult> SignInAsync(Action<string> prompt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Cache.EnsureExists();
        try
        {
            return await _app.AcquireTokenWithDeviceCode([_login.Scope], code =>
            {
                prompt(code.Message);
                return Task.CompletedTask;
            }).ExecuteAsync(ct);
        }
        catch (Exception ex) when (Unreachable(ex) is { } http)
        {
            throw EntraUnreachable(http);
        }
        catch (MsalException ex)
        {
            throw new CliException($"Entra sign-in failed ({ex.ErrorCode}); check --tenant, --client-id and --scope, then run hub login --entra again", ExitCodes.NotSignedIn);
        }
    }

    /// <summary>A current access token from the cache, refreshed silently when needed.</summary>
    public async Task<string> TokenAsync(string accountId, CancellationToken ct)
    {
        var account = await _app.GetAccountAsync(accountId);
        if (account is null)
        {
            throw SignInAgain("no sign-in in its token cache");
        }

        try
        {
            return (await _app.AcquireTokenSilent([_login.Scope], account).ExecuteAsync(ct)).AccessToken;
        }
        catch (MsalUiRequiredException ex)
        {
            throw SignInAgain($"Entra asks to sign in again: {ex.ErrorCode}");
        }
        catch (Exception ex) when (Unreachable(ex) is { } http)
        {
            throw EntraUnreachable(http);
        }
    }

    // MSAL lets some network failures through as they are and wraps others in a service exception.
    private static HttpRequestException? Unreachable(Exception ex) =>
        ex as HttpRequestException ?? (ex as MsalServiceException)?.InnerException as HttpRequestException;

    private CliException EntraUnreachable(HttpRequestException http) =>
        new($"Entra ID unreachable at {_login.Authority} ({http.Message}); check the network or --authority", ExitCodes.HubUnreachable);

    private CliException SignInAgain(string why) => new(
        $"the Entra login of profile '{_profileName}' cannot be refreshed ({why}); run: hub login --profile {_profileName} --entra --tenant {_login.Tenant} --client-id {_login.ClientId} --scope {_login.Scope}",
        ExitCodes.NotSignedIn);
}
