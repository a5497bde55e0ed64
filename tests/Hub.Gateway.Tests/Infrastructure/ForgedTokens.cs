using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hub.Gateway.Auth;
using Hub.Gateway.Auth.Development;
using Hub.Silo.Seeding;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>Tokens that are wrong in exactly one way, for the 401 matrix.</summary>
public sealed class ForgedTokens(DevSigningKey realKey, DevIdentityOptions options)
{
    private static readonly DemoUser Analyst = DemoNetwork.Users.Single(u => u.UserName == "analyst@be-hotline.test");

    public string Expired() => Create(expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-1));

    public string WrongAudience() => Create(audience: "api://some-other-api");

    public string WrongIssuer() => Create(issuer: "http://evil.example/dev-idp");

    public string SignedWithForeignKey()
    {
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // Same key id as the real key, so only the signature itself can give it away.
        var key = new ECDsaSecurityKey(foreign) { KeyId = realKey.KeyId };
        return Create(credentials: new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
    }

    /// <summary>The real token's header and claims with <c>alg: none</c> and no signature.</summary>
    public string AlgNone()
    {
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Create().Split('.')[1];
        return $"{header}.{payload}.";
    }

    public string WithoutAgency() => Create(claims: c => c.RemoveAll(x => x.Type == HubClaims.Agency));

    public string WithAgency(string agency) => Create(claims: c =>
    {
        c.RemoveAll(x => x.Type == HubClaims.Agency);
        c.Add(new Claim(HubClaims.Agency, agency));
    });

    public string WithRoles(params string[] roles) => Create(claims: c =>
    {
        c.RemoveAll(x => x.Type == HubClaims.Roles);
        c.AddRange(roles.Select(r => new Claim(HubClaims.Roles, r)));
    });

    private string Create(
        string? issuer = null, string? audience = null, DateTime? expires = null, DateTime? notBefore = null,
        SigningCredentials? credentials = null, Action<List<Claim>>? claims = null)
    {
        var list = new List<Claim>
        {
            new(HubClaims.ObjectId, Analyst.ObjectId.ToString()),
            new(HubClaims.TenantId, options.TenantId),
            new(HubClaims.Agency, Analyst.AgencyId),
            new(HubClaims.PreferredUserName, Analyst.UserName),
        };
        list.AddRange(Analyst.Roles.Select(r => new Claim(HubClaims.Roles, r)));
        claims?.Invoke(list);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? options.Issuer,
            Audience = audience ?? options.Audience,
            Subject = new ClaimsIdentity(list),
            NotBefore = notBefore ?? now,
            IssuedAt = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = credentials ?? realKey.SigningCredentials,
        });
    }
}
