namespace Hub.Silo.Tests.Audit;

/// <summary>The tamper matrix on a SQLite journal file.</summary>
public sealed class TamperMatrixTests : TamperMatrixContract
{
    protected override Task<JournalBackend> CreateJournalAsync() => Task.FromResult<JournalBackend>(new SqliteJournalBackend());
}
