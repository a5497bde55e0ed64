using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hub.Contracts.Operations;
using Hub.Silo.Clustering;
using Hub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Cluster.Tests;

/// <summary>
/// Silo-to-silo and gateway-to-silo traffic over mutual TLS with a self-signed cluster certificate made here: the
/// cluster forms and serves, and an Orleans client without the certificate cannot join it.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private const string Password = "cluster-test-password";

    private readonly string _directory = Directory.CreateTempSubdirectory("hub-tls-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AClusterOverTlsServesAndAClientWithoutTlsCannotJoin()
    {
        var pfx = Path.Combine(_directory, "cluster.pfx");
        await File.WriteAllBytesAsync(pfx, SelfSignedPfx());
        await using var cluster = await HubCluster.StartAsync(silos: 2, gateways: 1,
            [$"--Hub:Orleans:Tls:CertificatePath={pfx}", $"--Hub:Orleans:Tls:CertificatePassword={Password}"]);

        // The gateway became ready, so a grain answered over TLS; the API works through it.
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress(0) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await cluster.TokenAsync("analyst@be-hotline.test"));
        var agencies = await http.GetFromJsonAsync<JsonElement[]>("/api/agencies");
        Assert.Contains(agencies!, a => a.GetProperty("id").GetString() == "be-hotline");

        // The same client configuration, with and without the certificate.
        using (var withTls = await StartClientAsync(cluster, withTls: true))
        {
            var grains = withTls.Services.GetRequiredService<IClusterClient>();
            Assert.True(await grains.GetGrain<IReadinessGrain>(0).CheckAsync(CancellationToken.None));
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var withoutTls = await StartClientAsync(cluster, withTls: false);
            await withoutTls.Services.GetRequiredService<IClusterClient>().GetGrain<IReadinessGrain>(0).CheckAsync(CancellationToken.None);
        });

        // Refused by the silos, not merely slow: the guard's timeout would be a different failure.
        Assert.False(refused is TimeoutException or OperationCanceledException, $"The client was not refused but timed out: {refused}");
    }

    private static async Task<IHost> StartClientAsync(HubCluster cluster, bool withTls)
    {
        var settings = cluster.CommonArguments
            .Select(a => a[2..].Split('=', 2))
            .Where(kv => withTls || !kv[0].StartsWith("Hub:Orleans:Tls:", StringComparison.Ordinal))
            .GroupBy(kv => kv[0])
            .ToDictionary(g => g.Key, g => (string?)g.Last()[1]);   // a later argument wins, as on a command line
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.AddHubClustering(configuration));

        // A refused connection fails the start instead of being retried forever, so the refusal itself is seen.
        builder.Services.AddSingleton<IClientConnectionRetryFilter, NoRetry>();
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private sealed class NoRetry : IClientConnectionRetryFilter
    {
        public Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>One certificate for the whole cluster, for server and client authentication (mutual TLS).</summary>
    private static byte[] SelfSignedPfx()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=hub-cluster.test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));   // server and client auth
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("hub-cluster.test");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, Password);
    }
}
