using System.Diagnostics;
using System.Globalization;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Journal.Sqlite;
using Hub.Testing;

namespace Hub.Bench.Journal;

/// <summary>
/// Durable appends per second with many concurrent writers (one stream each, as grains do): the PostgreSQL journal
/// (a throwaway database on the server named by HUB_TEST_POSTGRES) against the SQLite journal measured in the same run.
/// </summary>
public static class JournalBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var writers = CommandLine.Option(args, "--writers", 64);
        var seconds = CommandLine.Option(args, "--seconds", 5);
        var payload = new byte[512];
        new Random(7).NextBytes(payload);

        var directory = Directory.CreateTempSubdirectory("hub-bench-journal-").FullName;
        try
        {
            await using var sqlite = new SqliteJournalStore(new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") });
            var baseline = await MeasureAsync(sqlite, writers, seconds, payload);

            await using var database = await PostgresTestDatabase.CreateAsync();
            await using var postgres = new PostgresJournalStore(new PostgresJournalOptions { ConnectionString = database.ConnectionString });
            var measured = await MeasureAsync(postgres, writers, seconds, payload);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal appends/s, {writers} writers, {seconds} s, 512-byte payloads"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sqlite (baseline)  {baseline,10:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres           {measured,10:F0}   ratio {measured / baseline:F2}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(IJournalStore store, int writers, int seconds, byte[] payload)
    {
        // A short warm-up (connections, JIT) not counted.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => store.AppendAsync($"warm/{w}", 0, [new PendingEntry("bench.v1", payload)])));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var stream = $"bench/{w}/{Guid.NewGuid():N}";
            long version = 0;
            while (!stop.IsCancellationRequested)
            {
                version = await store.AppendAsync(stream, version, [new PendingEntry("bench.v1", payload)]);
            }

            return version;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
