using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>A hub whose inline envelope limit is 4 KiB, to exercise the 413 path without 16 MiB bodies.</summary>
public sealed class SmallLimitHub : HubFactory, IAsyncLifetime
{
    public const int Limit = 4096;

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        for (var attempt = 0; attempt < 240 && !(await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(250);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hub:Limits:MaxEnvelopeBytes", Limit.ToString(CultureInfo.InvariantCulture));
    }
}
