// Entra ID sign-in settings of a profile. The hub's API is registered as one multi-tenant app (README,
// "Production identity"); the CLI signs in as a public client with the device-code flow (no browser on
// the machine running `hub` is needed), for the API's scope, e.g. api://hub/.default.
using System.Text.RegularExpressions;
using Hub.Cli.Shared;

namespace Hub.Cli.Session;

/// <summary>Where and as which app to sign in with Entra ID.</summary>
/// <param name="Tenant">Directory (tenant) id, a verified domain, or <c>organizations</c>.</param>
/// <param name="ClientId">The application (client) id of the CLI's public client registration.</param>
/// <param name="Scope">The hub API's scope, e.g. <c>api://hub/.default</c>.</param>
/// <param name="Authority">The authority host (https), <c>https://login.microsoftonline.com/</c> unless a national cloud.</param>
internal sealed partial record EntraLogin(string Tenant, string ClientId, string Scope, string Authority)
{
    public const string PublicCloud = "https://login.microsoftonline.com/";

    /// <summary>The authority URL with the tenant, as MSAL takes it.</summary>
    public string AuthorityUrl => $"{Authority.TrimEnd('/')}/{Tenant}/";

    /// <summary>Checks the settings before anything is sent anywhere; wrong ones are a usage error naming the option.</summary>
    public static EntraLogin Validate(string? tenant, string? clientId, string? scope, string? authority)
    {
        if (string.IsNullOrWhiteSpace(tenant) || !(Guid.TryParse(tenant, out _) || TenantName().IsMatch(tenant)))
        {
            throw new CliException("--tenant needs the directory (tenant) id, a verified domain such as contoso.example, or 'organizations'", ExitCodes.BadInput);
        }

        if (!Guid.TryParse(clientId, out _))
        {
            throw new CliException("--client-id needs the application (client) id of the CLI's app registration (a GUID)", ExitCodes.BadInput);
        }

        if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace) || !Uri.TryCreate(scope, UriKind.Absolute, out _))
        {
            throw new CliException("--scope needs the hub API's scope, e.g. api://hub/.default", ExitCodes.BadInput);
        }

        authority ??= PublicCloud;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var host) || host.Scheme != Uri.UriSchemeHttps || host.AbsolutePath != "/" || host.Query.Length > 0)
        {
            // Tokens must never travel in the clear; MSAL refuses non-https authorities too.
            throw new CliException("--authority needs an https authority host such as https://login.microsoftonline.com/", ExitCodes.BadInput);
        }

        return new EntraLogin(tenant, clientId!, scope, host.ToString());
    }

    [GeneratedRegex("^(organizations|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TenantName();
}
