namespace Hub.Silo.Tests.Audit;

/// <summary>The tamper matrix on a PostgreSQL journal (a throwaway database per test), edited with SQL on its tables.</summary>
public sealed class PostgresTamperMatrixTests : TamperMatrixContract
{
    protected override Task<JournalBackend> CreateJournalAsync() => PostgresJournalBackend.CreateAsync();
}
