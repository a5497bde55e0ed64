using Hub.Testing;
using Npgsql;

namespace Hub.Silo.Tests.Testing;

/// <summary>The throwaway databases the PostgreSQL tests run on: created empty, usable, gone after dispose.</summary>
public sealed class PostgresTestDatabaseTests
{
    [Fact]
    public async Task ADatabaseIsCreatedEmptyAndDroppedOnDisposeEvenWithASessionOpen()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        Assert.Matches("^hub_test_[0-9a-f]{32}$", database.Name);

        await using var session = new NpgsqlConnection(database.ConnectionString);
        await session.OpenAsync();
        await using (var command = session.CreateCommand())
        {
            command.CommandText = "SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(database.Name, reader.GetString(0));
            Assert.Equal(0L, reader.GetInt64(1));
        }

        await database.DisposeAsync();

        Assert.False(await ExistsAsync(database));
    }

    private static async Task<bool> ExistsAsync(PostgresTestDatabase database)
    {
        await using var admin = new NpgsqlConnection(database.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT FROM pg_database WHERE datname = @name)";
        command.Parameters.AddWithValue("name", database.Name);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
