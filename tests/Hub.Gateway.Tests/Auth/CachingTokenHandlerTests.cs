using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hub.Gateway.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Tests.Auth;

/// <summary>
/// The validated-token cache: a token is checked once while it is valid, never longer than its expiry or the cache
/// lifetime, failures are never remembered, any changed byte is a new token, and requests never share an identity.
/// </summary>
public sealed class CachingTokenHandlerTests : IDisposable
{
    private const string Issuer = "http://idp.test";
    private const string Audience = "api://hub";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _foreignKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly CountingHandler _inner = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly CachingTokenHandler _handler;

    public CachingTokenHandlerTests() => _handler = new CachingTokenHandler(_inner, _clock);

    public void Dispose()
    {
        _key.Dispose();
        _foreignKey.Dispose();
    }

    private TokenValidationParameters Parameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = new ECDsaSecurityKey(_key),
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
    };

    [Fact]
    public async Task TheSameTokenIsCheckedOnceWhileItIsValid()
    {
        var token = Token(_key, TimeSpan.FromMinutes(30));

        var results = new[]
        {
            await _handler.ValidateTokenAsync(token, Parameters),
            await _handler.ValidateTokenAsync(token, Parameters),
            await _handler.ValidateTokenAsync(token, Parameters),
        };

        Assert.All(results, r => Assert.True(r.IsValid));
        Assert.All(results, r => Assert.Equal("user-1", r.ClaimsIdentity.FindFirst("oid")?.Value));
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task AFailedValidationIsNotRemembered()
    {
        var forged = Token(_foreignKey, TimeSpan.FromMinutes(30));

        var first = await _handler.ValidateTokenAsync(forged, Parameters);
        var second = await _handler.ValidateTokenAsync(forged, Parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ARememberedTokensClaimsWithAnotherSignatureAreCheckedAfresh()
    {
        var token = Token(_key, TimeSpan.FromMinutes(30));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters)).IsValid);

        // The same header and claims, signed by a key the issuer never had.
        var signedPart = token[..token.LastIndexOf('.')];
        var twin = $"{signedPart}.{Base64UrlEncoder.Encode(_foreignKey.SignData(Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256))}";
        var result = await _handler.ValidateTokenAsync(twin, Parameters);

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ARememberedTokenIsCheckedAgainOnceItHasExpired()
    {
        var token = Token(_key, TimeSpan.FromMinutes(2));
        await _handler.ValidateTokenAsync(token, Parameters);

        _clock.Now += TimeSpan.FromMinutes(3);
        await _handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ALongLivedTokenIsCheckedAgainAfterTheCacheLifetime()
    {
        var token = Token(_key, TimeSpan.FromHours(1));
        await _handler.ValidateTokenAsync(token, Parameters);

        _clock.Now += CachingTokenHandler.Lifetime - TimeSpan.FromSeconds(1);
        await _handler.ValidateTokenAsync(token, Parameters);
        Assert.Equal(1, _inner.Calls);

        _clock.Now += TimeSpan.FromSeconds(2);
        await _handler.ValidateTokenAsync(token, Parameters);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task WhatOneRequestAddsToItsIdentityNeverReachesTheNext()
    {
        var token = Token(_key, TimeSpan.FromMinutes(30));

        var first = await _handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim("roles", "Hub.AgencyAdmin"));
        var second = await _handler.ValidateTokenAsync(token, Parameters);
        second.ClaimsIdentity.AddClaim(new Claim("roles", "Hub.Auditor"));
        var third = await _handler.ValidateTokenAsync(token, Parameters);

        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.Equal(["Hub.Analyst"], third.ClaimsIdentity.FindAll("roles").Select(c => c.Value));
    }

    private static string Token(ECDsa key, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("oid", "user-1"), new Claim("roles", "Hub.Analyst")]),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The real handler, counting how often it is asked.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _calls;

        public int Calls => _calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
