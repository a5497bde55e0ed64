using Hub.Testing;

namespace Hub.Silo.Tests.Testing;

/// <summary>One throwaway PostgreSQL database for a test class (<see cref="PostgresTestDatabase"/>); fails the class when PostgreSQL is not set up.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
