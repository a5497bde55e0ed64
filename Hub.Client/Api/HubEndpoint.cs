// Where and how the SDK reaches a hub. The handler factory and the long-polling switch exist for
// in-process test servers (ASP.NET Core TestServer has no sockets, so SignalR must long-poll through
// its handler); real deployments leave both unset and get WebSockets over the default handler.
namespace Hub.Client.Api;

/// <summary>A hub's base address, the caller's bearer token source and the HTTP transport to use.</summary>
public sealed record HubEndpoint
{
    /// <param name="baseAddress">The gateway's root, e.g. <c>https://hub.example/</c>.</param>
    /// <param name="accessToken">Returns a current bearer token; called for every request and (re)connect.</param>
    public HubEndpoint(Uri baseAddress, Func<CancellationToken, Task<string>> accessToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(accessToken);
        BaseAddress = baseAddress;
        AccessToken = accessToken;
    }

    /// <summary>The gateway's root address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token source.</summary>
    public Func<CancellationToken, Task<string>> AccessToken { get; }

    /// <summary>Creates the HTTP handler for API calls and SignalR; null for the platform default.</summary>
    public Func<HttpMessageHandler>? CreateHandler { get; init; }

    /// <summary>Use SignalR long polling only (needed over an in-process test server).</summary>
    public bool LongPollingOnly { get; init; }

    /// <summary>An endpoint with a fixed token (tokens expire; prefer a refreshing source in long-lived clients).</summary>
    public static HubEndpoint WithToken(Uri baseAddress, string token) => new(baseAddress, _ => Task.FromResult(token));

    internal HttpClient CreateHttpClient() =>
        new(CreateHandler?.Invoke() ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = BaseAddress };
}
