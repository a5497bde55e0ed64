using System.Net.Http.Headers;
using Hub.Gateway.Auth.Development;
using Hub.Silo.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hub.Testing;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway with its co-hosted silo, in Development with the built-in identity provider, on a
/// throwaway journal file and its own free silo and gateway ports.
/// </summary>
public class HubFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-gateway-").FullName;

    public string JournalPath => Path.Combine(_directory, "journal.db");

    public string SigningKeyPath => Path.Combine(_directory, "dev-idp-key.pem");

    public CapturedLogs Logs { get; } = new();

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Hub:Journal:Sqlite:Path", JournalPath);
        builder.UseSetting("DevIdentity:SigningKeyPath", SigningKeyPath);
        builder.UseSetting("Hub:Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Hub:Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public DevTokenIssuer Tokens => Services.GetRequiredService<DevTokenIssuer>();

    public string TokenFor(string userName) => Tokens.Issue(DemoNetwork.Users.Single(u => u.UserName == userName));

    /// <summary>An HTTP client signed in as a demo user, e.g. <c>analyst@be-hotline.test</c>.</summary>
    public HttpClient ClientFor(string userName) => ClientWithToken(TokenFor(userName));

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<long> JournalEntriesAsync() => JournalProbe.CountEntriesAsync(JournalPath);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle: the OS temp cleaner takes it later.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One hub shared by the test classes of the <c>hub</c> collection, started once and ready.</summary>
public sealed class SharedHub : HubFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The hub did not become ready within 30 s.");
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SharedHubGroup : ICollectionFixture<SharedHub>
{
    public const string Name = "hub";
}
