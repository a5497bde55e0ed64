// Runs the Debian `age` CLI and the built `hub` CLI (hub.dll) as processes for the interop tests.
// A missing tool fails the test with a clear message instead of skipping it.
using System.Diagnostics;

namespace Hub.Client.Tests;

internal static class AgeCli
{
    public static string AgePath => Find("age") ?? throw new Xunit.Sdk.XunitException(
        "The age CLI is not installed; interop tests need it (apt-get install -y age).");

    public static string AgeKeygenPath => Find("age-keygen") ?? throw new Xunit.Sdk.XunitException(
        "age-keygen is not installed; interop tests need it (apt-get install -y age).");

    public static string HubDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            var path = Path.Combine(VectorTests.RepositoryRoot(), "artifacts", "bin", "Hub.Cli", configuration, "hub.dll");
            return File.Exists(path) ? path : throw new Xunit.Sdk.XunitException($"hub.dll not found at {path}; build tests/Hub.Client.Tests first.");
        }
    }

    public static (int ExitCode, string StdOut, string StdErr) Age(params string[] args) => Run(AgePath, args);

    public static (int ExitCode, string StdOut, string StdErr) AgeKeygen(params string[] args) => Run(AgeKeygenPath, args);

    public static (int ExitCode, string StdOut, string StdErr) Hub(params string[] args) => Run("dotnet", [HubDll, .. args]);

    private static (int, string, string) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
