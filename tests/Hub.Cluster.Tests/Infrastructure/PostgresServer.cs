using System.Diagnostics;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>The local PostgreSQL server the tests run against (the one scripts/test.sh started), restarted as an operator would.</summary>
public static class PostgresServer
{
    /// <summary><c>pg_ctlcluster &lt;version&gt; &lt;cluster&gt; restart</c> for the first cluster <c>pg_lsclusters</c> lists.</summary>
    public static async Task RestartAsync()
    {
        var listed = (await RunAsync("pg_lsclusters", "--no-header")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await RunAsync("pg_ctlcluster", listed[0], listed[1], "restart");
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
