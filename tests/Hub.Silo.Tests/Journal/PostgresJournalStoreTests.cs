using Hub.Silo.Journal;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Tests.Testing;
using Npgsql;

namespace Hub.Silo.Tests.Journal;

/// <summary>The PostgreSQL journal against the store contract, on one throwaway database for the class.</summary>
public sealed class PostgresJournalStoreTests(PostgresDatabaseFixture database) : JournalStoreContract, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IJournalStore> OpenStoreAsync() =>
        Task.FromResult<IJournalStore>(new PostgresJournalStore(new PostgresJournalOptions { ConnectionString = database.ConnectionString }));

    // A stray node row where the stream's first two entries complete the node (1, 0): its insert fails inside the batch.
    protected override async Task BreakWritesOfStreamAsync(string stream)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO journal_nodes (stream_id, level, idx, hash) VALUES ($1, $2, $3, $4)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 1 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 0L });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = new byte[32] });
        await command.ExecuteNonQueryAsync();
    }
}
