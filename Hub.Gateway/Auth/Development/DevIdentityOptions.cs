namespace Hub.Gateway.Auth.Development;

/// <summary>Configuration section <c>DevIdentity</c>: the built-in development identity provider.</summary>
public sealed class DevIdentityOptions
{
    public const string Section = "DevIdentity";

    /// <summary>On in appsettings.Development.json; the gateway refuses to start with it on in any other environment.</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>iss</c> of issued tokens and the base of the discovery document.</summary>
    public string Issuer { get; set; } = "http://localhost:5080/dev-idp";

    /// <summary>The <c>aud</c> of issued tokens; the gateway accepts only this audience.</summary>
    public string Audience { get; set; } = "api://hub";

    /// <summary>Where the signing key is kept, so tokens survive a restart of the hub.</summary>
    public string SigningKeyPath { get; set; } = Path.Combine(".hub-data", "dev-idp-signing-key.pem");

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tenant id (<c>tid</c>) stamped into development tokens.</summary>
    public string TenantId { get; set; } = "dev-tenant";
}
