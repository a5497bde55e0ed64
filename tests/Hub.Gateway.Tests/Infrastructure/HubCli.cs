using System.Diagnostics;
using Hub.Testing;

namespace Hub.Gateway.Tests.Infrastructure;

/// <summary>Runs the built `hub` command line as a process with its own config directory, as a user would.</summary>
public sealed class HubCli : IDisposable
{
    private readonly string _configDirectory = Directory.CreateTempSubdirectory("hub-cli-").FullName;

    public string ConfigDirectory => _configDirectory;

    /// <summary>Variables set for every run (e.g. <c>HUB_PASSPHRASE</c>); nothing else of the kind is inherited.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts a run without waiting for it, its output and error redirected (to follow it, or to kill it midway).</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(GatewayProcess.ArtifactsBin(), "Hub.Cli", GatewayProcess.Configuration(), "hub.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HUB_CONFIG_DIR"] = _configDirectory;
        start.Environment.Remove("HUB_PASSPHRASE");
        start.Environment.Remove("HUB_URL");
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public void Dispose() => Directory.Delete(_configDirectory, recursive: true);
}
