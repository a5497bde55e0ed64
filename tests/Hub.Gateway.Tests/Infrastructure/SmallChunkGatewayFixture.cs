using Hub.Testing;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway process that takes attachment chunks of at most 64 KiB, so a few MiB are many synced chunks: an upload
/// lasts long enough to be interrupted midway without gigabytes of test data.
/// </summary>
public sealed class SmallChunkGatewayFixture : IAsyncLifetime
{
    public const int MaxChunkBytes = 64 * 1024;

    private readonly string _data = Directory.CreateTempSubdirectory("hub-gw-").FullName;

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>The gateway's working folder: journal, keys and the attachment folder.</summary>
    public string DataDirectory => _data;

    public async Task InitializeAsync() =>
        Gateway = await GatewayProcess.StartAsync(_data, arguments: [$"--Hub:Attachments:MaxChunkBytes={MaxChunkBytes}"]);

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
