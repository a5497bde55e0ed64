using Hub.Client.Api;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>
/// Reads as a client does after an outage: an answer that is not one (a dropped connection, a 5xx while the
/// database's pooled connections are replaced) is retried for a while; a 4xx or a wrong answer is not.
/// </summary>
public static class Answered
{
    public static async Task<T> ByHubAsync<T>(Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline
                && (ex is HttpRequestException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError }
                    || (ex is HubApiException api && (int)api.Status >= 500)))
            {
                await Task.Delay(200);
            }
        }
    }
}
