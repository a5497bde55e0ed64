using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Hub.Bench.Referrals;

/// <summary>
/// The built gateway (same configuration as this benchmark, so Release) run as its own process with the
/// silo embedded, its own journal in a temp folder, loopback ports and the development identity provider.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private GatewayUnderTest(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public static async Task<GatewayUnderTest> StartAsync(string directory)
    {
        // artifacts/bin/Hub.Bench/release -> artifacts/bin/Hub.Gateway/release (built through the project reference).
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var gatewayDll = Path.Combine(here.Parent!.Parent!.FullName, "Hub.Gateway", here.Name, "Hub.Gateway.dll");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            gatewayDll,
            "--contentRoot", Path.GetDirectoryName(gatewayDll)!,
            "--urls", $"http://127.0.0.1:{port}",
            $"--Hub:Journal:Sqlite:Path={Path.Combine(directory, "journal.db")}",
            $"--DevIdentity:SigningKeyPath={Path.Combine(directory, "dev-idp-key.pem")}",
            $"--Hub:Orleans:SiloPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Hub:Orleans:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var gateway = new GatewayUnderTest(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await gateway.WaitUntilReadyAsync();
        return gateway;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A token from the gateway's development identity provider.</summary>
    public async Task<string> TokenAsync(params (string Key, string Value)[] form)
    {
        using var client = CreateClient();
        using var content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        using var response = await client.PostAsync(new Uri("/dev-idp/token", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The gateway was not ready within 90 s:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }
}
