using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Auth;

/// <summary>
/// Remembers bearer tokens that validated, so a client sending the same token on every request pays for one
/// signature check (ES256/RS256: about a fifth of the gateway's CPU per referral when checked on every call), not one per request.
/// </summary>
/// <remarks>
/// Only successful validations are kept, keyed by the whole token (header, claims and signature), so a token that
/// differs in any byte is validated afresh. An entry is served until the token's own expiry or <see cref="Lifetime"/>
/// after it was validated, whichever comes first: a signing key withdrawn by the identity provider stops being
/// honoured within that time. Each hit gets its own copy of the identity, so what one request adds to its principal
/// never reaches another. At most <see cref="Capacity"/> tokens are kept; past that, tokens are validated every time.
/// </remarks>
internal sealed class CachingTokenHandler(TokenHandler inner, TimeProvider time) : TokenHandler
{
    /// <summary>How long a validated token is trusted without a new check, at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Most tokens kept at once (each a few KiB): enough for every signed-in user of a large deployment.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    public TokenHandler Inner => inner;

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (token is not null && _validated.TryGetValue(token, out var cached))
        {
            if (now < cached.Until)
            {
                return cached.Copy();
            }

            _validated.TryRemove(new KeyValuePair<string, Validated>(token, cached));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.ClaimsIdentity is { } identity && result.SecurityToken is { } securityToken
            && securityToken.ValidTo > now && HasRoom(now))
        {
            var until = Min(securityToken.ValidTo, now + Lifetime);
            // A private copy: the request that validated the token keeps (and may change) the identity it was given.
            _validated[token] = new Validated(identity.Clone(), securityToken, result.Issuer, result.TokenType, until);
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    private bool HasRoom(DateTime now)
    {
        if (_validated.Count < Capacity)
        {
            return true;
        }

        foreach (var entry in _validated)
        {
            if (entry.Value.Until <= now)
            {
                _validated.TryRemove(entry);
            }
        }

        return _validated.Count < Capacity;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Validated(System.Security.Claims.ClaimsIdentity Identity, SecurityToken Token, string? Issuer, string? TokenType, DateTime Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
