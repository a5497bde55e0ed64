using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Hub.Testing;

/// <summary>
/// The built standalone silo run as its own OS process (`dotnet Hub.Silo.dll`), as an operator runs it in cluster
/// mode, so tests can kill it with SIGKILL and start it again.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    // Microsoft.Hosting.Lifetime prints this once every hosted service, the silo included, has started.
    private const string StartedLine = "Application started.";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo and waits until it has joined its cluster (its host reports started).</summary>
    /// <param name="dataDirectory">Working directory of the process.</param>
    /// <param name="arguments">Configuration (<c>--Key=value</c>): clustering, journal, keys.</param>
    /// <param name="siloPort">Silo-to-silo port; a free one by default. Pass the previous one to restart in place.</param>
    /// <param name="gatewayPort">Client port; a free one by default.</param>
    public static async Task<SiloProcess> StartAsync(string dataDirectory, IEnumerable<string> arguments, int? siloPort = null, int? gatewayPort = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var siloDll = Path.Combine(GatewayProcess.ArtifactsBin(), "Hub.Silo", GatewayProcess.Configuration(), "Hub.Silo.dll");
        siloPort ??= FreePorts.Next();
        gatewayPort ??= FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] all =
        [
            siloDll,
            "--contentRoot", Path.GetDirectoryName(siloDll)!,
            $"--Hub:Orleans:SiloPort={siloPort.Value.ToString(CultureInfo.InvariantCulture)}",
            $"--Hub:Orleans:GatewayPort={gatewayPort.Value.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. arguments,
        ];
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var silo = new SiloProcess(Process.Start(start)!, siloPort.Value, gatewayPort.Value);
        await silo.WaitUntilStartedAsync();
        return silo;
    }

    /// <summary>SIGKILL: the process dies at once, without leaving the cluster.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM: the silo leaves the cluster gracefully. Returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Signal("TERM");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains(StartedLine, StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }

        _output.Enqueue(line);
        while (_output.Count > 60 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilStartedAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_started.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first == exited)
        {
            throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it started:{Environment.NewLine}{RecentOutput}");
        }

        if (first != _started.Task)
        {
            throw new TimeoutException($"The silo did not start within 90 s:{Environment.NewLine}{RecentOutput}");
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
