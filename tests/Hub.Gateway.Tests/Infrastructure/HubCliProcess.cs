using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Hub.Testing;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>A long-running `hub` command (e.g. `inbox --watch`) whose stdout lines are read as they come, stopped with a signal.</summary>
public sealed class HubCliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly System.Text.StringBuilder _error = new();

    private HubCliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts hub.dll with <paramref name="configDirectory"/> as its config directory (see <see cref="HubCli"/>).</summary>
    public static HubCliProcess Start(string configDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(GatewayProcess.ArtifactsBin(), "Hub.Cli", GatewayProcess.Configuration(), "hub.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HUB_CONFIG_DIR"] = configDirectory;
        return new HubCliProcess(Process.Start(start)!);
    }

    /// <summary>The next stdout line, or a timeout naming what stderr said.</summary>
    public async Task<string> NextLineAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No line from hub within {patience.TotalSeconds} s; stderr: {Error}");
        }
    }

    /// <summary>Sends a signal (INT is Ctrl+C) and returns the exit code.</summary>
    public async Task<int> StopAsync(string signal)
    {
        using (var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    /// <summary>
    /// Ctrl+C as a terminal sends it, if this process may receive it: a process started with SIGINT ignored (a
    /// background job of a non-interactive shell, as CI may run tests) passes that on, and .NET then leaves SIGINT
    /// ignored. SIGTERM reaches the same cancellation path of the command line.
    /// </summary>
    public static string InterruptSignal()
    {
        var ignored = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        return ignored is not null && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0 ? "TERM" : "INT";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
