using Hub.Contracts.Cases;
using Hub.Silo.Audit;

namespace Hub.Silo.Tests.Audit;

/// <summary>
/// The auditor's answers bounded by a stream version the caller read already (the agency audit grain reads it once per
/// call, for its existence check): that version is the bound, not one read again.
/// </summary>
public sealed class StreamAuditorTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Stream = "agency/auditor-test";

    private readonly AuditTestBed _bed = new();

    private StreamAuditor Auditor => new(_bed.Checkpoints, _bed.Store);

    public Task InitializeAsync() => _bed.AppendAsync(Stream, 5);

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncDisposable)this).DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task AnEntryPageStatesTheVersionTheCallerRead()
    {
        var page = await Auditor.GetEntriesAsync(Stream, 3, 0, 100, default);
        var reread = await Auditor.GetEntriesAsync(Stream, 0, 100, default);

        Assert.Equal(3, page.StreamVersion);
        Assert.Equal(5, reread.StreamVersion);
    }

    [Fact]
    public async Task ProofsAreBoundedByTheVersionTheCallerRead()
    {
        var inclusion = await Auditor.GetInclusionProofAsync(Stream, 3, 1, 4, default);
        var consistency = await Auditor.GetConsistencyProofAsync(Stream, 3, 2, 4, default);
        var withinBound = await Auditor.GetInclusionProofAsync(Stream, 3, 1, 3, default);

        Assert.Equal(CaseResultStatus.Invalid, inclusion.Result.Status);
        Assert.Equal(CaseResultStatus.Invalid, consistency.Result.Status);
        Assert.Equal((CaseResultStatus.Done, 3L), (withinBound.Result.Status, withinBound.Proof!.TreeSize));
        Assert.Equal(CaseResultStatus.Done, (await Auditor.GetInclusionProofAsync(Stream, 1, 4, default)).Result.Status);
    }
}
