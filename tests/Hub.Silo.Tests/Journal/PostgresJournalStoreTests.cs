using Hub.Silo.Journal;
using Hub.Silo.Journal.Postgres;
using Hub.Silo.Tests.Testing;

namespace Hub.Silo.Tests.Journal;

/// <summary>The PostgreSQL journal against the store contract, on one throwaway database for the class.</summary>
public sealed class PostgresJournalStoreTests(PostgresDatabaseFixture database) : JournalStoreContract, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IJournalStore> OpenStoreAsync() =>
        Task.FromResult<IJournalStore>(new PostgresJournalStore(new PostgresJournalOptions { ConnectionString = database.ConnectionString }));
}
