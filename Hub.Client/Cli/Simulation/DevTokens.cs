// Bearer tokens for the simulated users from the hub's development identity provider, fetched once and
// again shortly before they expire, so a run longer than a token's lifetime keeps working.
using System.Collections.Concurrent;
using Hub.Cli.Session;
using Hub.Client.Api;

namespace Hub.Cli.Simulation;

/// <summary>Refreshing token sources for demo users (or ad-hoc users of agencies without demo users).</summary>
internal sealed class DevTokens(Uri hub) : IDisposable
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    private readonly DevIdentityClient _idp = new(hub);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private IReadOnlyList<DevUser>? _users;

    public Uri Hub { get; } = hub;

    /// <summary>An endpoint for the agency's demo user with <paramref name="role"/> (e.g. Hub.Analyst).</summary>
    public async Task<HubEndpoint> EndpointAsync(string agencyId, string role, CancellationToken ct)
    {
        _users ??= await _idp.ListUsersAsync(ct);
        var user = _users.FirstOrDefault(u => u.AgencyId == agencyId && u.Roles.Contains(role))?.UserName;
        var key = user ?? $"{role}@{agencyId}";
        await TokenAsync(key, user, agencyId, role, ct);
        return new HubEndpoint(Hub, c => TokenAsync(key, user, agencyId, role, c));
    }

    public void Dispose() => _idp.Dispose();

    private async Task<string> TokenAsync(string key, string? user, string agencyId, string role, CancellationToken ct)
    {
        if (_cache.TryGetValue(key, out var held) && held.Expires - RefreshAhead > DateTimeOffset.UtcNow)
        {
            return held.Token;
        }

        var token = user is not null ? await _idp.TokenForUserAsync(user, ct) : await _idp.TokenForRolesAsync(agencyId, [role], ct);
        _cache[key] = (token, TokenExpiry.Of(token));
        return token;
    }
}
