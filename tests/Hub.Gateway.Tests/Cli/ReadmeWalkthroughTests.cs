using System.Diagnostics;
using System.Globalization;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Testing;
using Xunit.Abstractions;

namespace Hub.Gateway.Tests.Cli;

/// <summary>
/// README's walkthrough, run as written: each command line through bash, with `hub` being the built hub.dll,
/// against a real gateway process, one config directory for every profile, as a person in several terminals
/// on one machine would. Every step's exit code and `#>` lines are checked, so README and CLI cannot drift.
/// </summary>
public sealed class ReadmeWalkthroughTests(GatewayProcessFixture fixture, ITestOutputHelper log) : IClassFixture<GatewayProcessFixture>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hub-walkthrough-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void TheWalkthroughTellsTheWholeReferenceStory()
    {
        var commands = ReadmeWalkthrough.Load().Steps.Select(s => s.Command).ToList();

        foreach (var part in new[]
        {
            "hub device init", "hub device enroll", "--member", "hub agency keys", "hub case open", "hub route", "hub refer", "hub case show",
            "hub ack", "hub forward", "hub consent", "hub hold place", "hub takedown notice", "hub hold lift", "hub takedown removed",
            "hub stats", "hub audit export", "hub audit verify", "--attach", "hub attachment get",
        })
        {
            Assert.Contains(commands, c => c.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EveryStepOfTheReadmeWalkthroughPrintsWhatTheReadmeSays()
    {
        var environment = WalkthroughEnvironment();
        var work = Directory.CreateDirectory(Path.Combine(_home, "work")).FullName;
        foreach (var step in ReadmeWalkthrough.Load().Steps)
        {
            // An assignment prints the value it set last, so the next steps can use it.
            var script = step.Assigns is { } name ? $"set -e\n{step.Command}\nprintf '%s' \"${name}\"" : step.Command;
            var started = Stopwatch.GetTimestamp();
            var (exitCode, output, error) = await BashAsync(script, environment, work);
            // Where the time goes (printed, never asserted): device unlocks (scrypt) against everything else.
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.00} s  {step.Command}"));

            var shown = $"README step `{step.Command}` exited {exitCode}:\n{output}\n{error}";
            Assert.True(exitCode == step.ExitCode, $"expected exit {step.ExitCode}. {shown}");
            foreach (var expected in step.Expected)
            {
                Assert.True((output + error).Contains(expected, StringComparison.Ordinal), $"expected '{expected}'. {shown}");
            }

            if (step.Assigns is { } variable)
            {
                environment[variable] = output;
            }
        }
    }

    private Dictionary<string, string> WalkthroughEnvironment()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_home, "bin")).FullName;
        var hubDll = Path.Combine(GatewayProcess.ArtifactsBin(), "Hub.Cli", GatewayProcess.Configuration(), "hub.dll");
        var hub = Path.Combine(bin, "hub");
        File.WriteAllText(hub, $"#!/bin/sh\nexec dotnet '{hubDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["HUB_CONFIG_DIR"] = Path.Combine(_home, "config"),
            ["HUB_URL"] = fixture.Gateway.BaseAddress.ToString(),
        };
    }

    private static async Task<(int ExitCode, string Output, string Error)> BashAsync(string script, Dictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment.Remove("HUB_PASSPHRASE");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}
