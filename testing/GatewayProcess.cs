using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Hub.Testing;

/// <summary>
/// The built gateway run as its own OS process (`dotnet Hub.Gateway.dll`), as an operator runs it, so tests
/// can stop it with SIGTERM or kill it with SIGKILL and start it again on the same journal.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private const string GatewayEnvironmentPrefix = "HUB_GATEWAY_DOTNET_";

    private GatewayProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

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

    public Uri BaseAddress { get; }

    /// <summary>The gateway's OS process id (for a profiler to attach to).</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time (user + system, all threads) the gateway process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="httpPort">The HTTP port; a free one by default. Pass the previous one to restart where clients reconnect.</param>
    /// <param name="arguments">More configuration (<c>--Key=value</c>), after and so over the defaults, e.g. client mode in a cluster.</param>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, int? httpPort = null, IEnumerable<string>? arguments = null)
    {
        var gatewayDll = Path.Combine(ArtifactsBin(), "Hub.Gateway", Configuration(), "Hub.Gateway.dll");
        httpPort ??= FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] all =
        [
            gatewayDll,
            "--contentRoot", Path.GetDirectoryName(gatewayDll)!,
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Hub:Journal:Sqlite:Path={Path.Combine(dataDirectory, "journal.db")}",
            $"--DevIdentity:SigningKeyPath={Path.Combine(dataDirectory, "dev-idp-key.pem")}",
            $"--Hub:Orleans:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Hub:Orleans:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            .. arguments ?? [],
        ];
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        // Profiling and runtime experiments on the gateway alone: HUB_GATEWAY_DOTNET_X=v reaches it as DOTNET_X=v
        // (e.g. HUB_GATEWAY_DOTNET_PerfMapEnabled=1), while the launching process keeps its own settings.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value)))
        {
            if (name.StartsWith(GatewayEnvironmentPrefix, StringComparison.Ordinal))
            {
                start.Environment[name["HUB_GATEWAY_".Length..]] = value;
            }
        }
        var process = Process.Start(start)!;
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
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

    /// <summary>A token from the running process's own development provider.</summary>
    public async Task<string> TokenAsync(IDictionary<string, string> form)
    {
        using var client = CreateClient();
        var response = await client.PostAsync(new Uri("/dev-idp/token", UriKind.Relative), new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>SIGTERM: the host shuts down gracefully. Returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Signal("TERM");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or power loss of the process.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        // Generous: a loaded CI machine can take a minute to start a process that binds Orleans and Kestrel.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
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

        throw new TimeoutException($"The gateway was not ready within 180 s:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>artifacts/bin, found from the running assembly's own output folder (e.g. artifacts/bin/Hub.Gateway.Tests/debug).</summary>
    internal static string ArtifactsBin() => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));

    internal static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory).Name;
}
