using Hub.Gateway.Auth.Development;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Auth;

/// <summary>Microsoft.Identity.Web validates every API and hub call; the development provider plugs into the same pipeline.</summary>
public static class AuthExtensions
{
    public const string AgencyMemberPolicy = "AgencyMember";

    /// <summary>SignalR connections start here; only these paths may carry the token in the query string.</summary>
    public const string HubPathPrefix = "/hubs";

    public static WebApplicationBuilder AddHubAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dev = builder.Configuration.GetSection(DevIdentityOptions.Section).Get<DevIdentityOptions>() ?? new DevIdentityOptions();
        if (dev.Enabled && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The development identity provider is on in the '{builder.Environment.EnvironmentName}' environment. " +
                "It only runs in Development; set DevIdentity:Enabled=false and configure AzureAd.");
        }

        var services = builder.Services;
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(builder.Configuration, "AzureAd");

        // Registered after Identity.Web's own configuration, so these run after it and see its events.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = HubClaims.Name;
            options.TokenValidationParameters.RoleClaimType = HubClaims.Roles;
            ReadSignalRTokenFromQuery(options);
        });

        // After every other configuration (Identity.Web's, MapInboundClaims above): each token handler remembers
        // the tokens it validated, so a client's repeated requests with one token pay for one signature check.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>((options, time) =>
        {
            for (var i = 0; i < options.TokenHandlers.Count; i++)
            {
                if (options.TokenHandlers[i] is not CachingTokenHandler)
                {
                    options.TokenHandlers[i] = new CachingTokenHandler(options.TokenHandlers[i], time);
                }
            }
        });

        services.Configure<CallerResolverOptions>(o =>
        {
            foreach (var (tenant, agency) in builder.Configuration.GetSection("Hub:Tenants").Get<Dictionary<string, string>>() ?? [])
            {
                o.Tenants[tenant] = agency;
            }

            o.TrustAgencyClaim = dev.Enabled;
        });
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<IAuthorizationHandler, AgencyMemberHandler>();

        // Every endpoint needs an agency member unless it says otherwise (health, dev provider, API reference).
        var agencyMember = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AgencyMemberRequirement())
            .Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(AgencyMemberPolicy, agencyMember)
            .SetDefaultPolicy(agencyMember)
            .SetFallbackPolicy(agencyMember);

        if (dev.Enabled)
        {
            AddDevelopmentProvider(services, builder.Configuration);
        }

        return builder;
    }

    /// <summary>
    /// SignalR's WebSocket and SSE transports cannot send headers, so the token comes as <c>access_token</c>.
    /// Identity.Web already has an <c>OnMessageReceived</c>: wrap it, never replace it.
    /// </summary>
    private static void ReadSignalRTokenFromQuery(JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var previous = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await previous(context);
            if (string.IsNullOrEmpty(context.Token)
                && context.HttpContext.Request.Path.StartsWithSegments(HubPathPrefix, StringComparison.Ordinal)
                && context.Request.Query["access_token"] is { Count: 1 } token)
            {
                context.Token = token.ToString();
            }
        };
    }

    /// <summary>
    /// Identity.Web fetches issuer metadata over https only; the local provider is plain http and in-process,
    /// so its keys and issuer are given to the same JWT bearer handler directly.
    /// </summary>
    private static void AddDevelopmentProvider(IServiceCollection services, ConfigurationManager configuration)
    {
        services.Configure<DevIdentityOptions>(configuration.GetSection(DevIdentityOptions.Section));
        services.AddSingleton(sp => new DevSigningKey(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevIdentityOptions>>().Value.SigningKeyPath));
        services.AddSingleton<DevTokenIssuer>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<DevSigningKey, Microsoft.Extensions.Options.IOptions<DevIdentityOptions>>((options, key, dev) =>
            {
                var issuer = dev.Value.Issuer;
                options.Authority = issuer;
                options.RequireHttpsMetadata = false;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                    new OpenIdConnectConfiguration { Issuer = issuer, SigningKeys = { key.SecurityKey } });
                var validation = options.TokenValidationParameters;
                validation.ValidIssuer = issuer;
                validation.IssuerValidator = (tokenIssuer, _, _) => string.Equals(tokenIssuer, issuer, StringComparison.Ordinal)
                    ? tokenIssuer
                    : throw new SecurityTokenInvalidIssuerException("Token was not issued by the development provider.");
                validation.AudienceValidator = null;
                validation.ValidAudiences = [dev.Value.Audience];
                validation.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256];
                validation.IssuerSigningKeys = [key.SecurityKey];
            });
    }
}
