using System.Security.Claims;
using Hub.Silo.Seeding;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Auth.Development;

/// <summary>Mints access tokens of the shape Entra ID issues (roles, oid, tid), plus the development agency claim.</summary>
public sealed class DevTokenIssuer(DevSigningKey key, IOptions<DevIdentityOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public DevIdentityOptions Options => options.Value;

    public string Issue(DemoUser user) => Issue(user.AgencyId, user.ObjectId, user.UserName, user.DisplayName, user.Roles);

    public string Issue(string agencyId, Guid objectId, string userName, string displayName, IEnumerable<string> roles)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var identity = new ClaimsIdentity(
        [
            new Claim(HubClaims.ObjectId, objectId.ToString()),
            new Claim(JwtRegisteredClaimNames.Sub, objectId.ToString()),
            new Claim(HubClaims.TenantId, Options.TenantId),
            new Claim(HubClaims.Name, displayName),
            new Claim(HubClaims.PreferredUserName, userName),
            new Claim(HubClaims.Agency, agencyId),
        ]);
        identity.AddClaims(roles.Select(r => new Claim(HubClaims.Roles, r)));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            Subject = identity,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Options.TokenLifetime,
            SigningCredentials = key.SigningCredentials,
        });
    }
}
