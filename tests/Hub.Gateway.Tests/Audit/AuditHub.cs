using Hub.Contracts;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Silo.Seeding;
using Hub.Transparency.Cosignatures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Hub.Gateway.Tests.Audit;

/// <summary>A hub that trusts one witness, whose signing key the tests hold (an agency's witness, as README.md's "Audit and evidence" registers it).</summary>
public sealed class AuditHub : HubFactory, IAsyncLifetime
{
    public const string WitnessName = "witness.be-police.test";

    private readonly Key _witnessKey = Key.Create(SignatureAlgorithm.Ed25519);

    public AuditHub()
    {
        Witness = new Ed25519CosignatureSigner(WitnessName, _witnessKey, TimeProvider.System);
    }

    public Ed25519CosignatureSigner Witness { get; }

    public IClusterClient Orleans => Services.GetRequiredService<IClusterClient>();

    /// <summary>A demo user as a grain caller, e.g. <c>As("be-hotline", "analyst")</c>.</summary>
    public static Caller As(string agency, string roleWord)
    {
        var user = DemoNetwork.Users.Single(u => u.UserName == DemoNetwork.UserName(agency, roleWord));
        return new Caller(user.AgencyId, user.ObjectId.ToString(), user.Roles);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hub:Audit:Witnesses:0", Witness.Verifier.VerifierKey);
    }

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _witnessKey.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AuditHubGroup : ICollectionFixture<AuditHub>
{
    public const string Name = "audit-hub";
}
