using Hub.Testing;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>One real gateway process on a throwaway journal, shared by a test class.</summary>
public sealed class GatewayProcessFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("hub-gw-").FullName;

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>The gateway's working folder: journal, keys and the attachment folder.</summary>
    public string DataDirectory => _data;

    public async Task InitializeAsync() => Gateway = await GatewayProcess.StartAsync(_data);

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
