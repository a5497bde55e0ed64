using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Agencies;

/// <summary>One agency: its profile, as the fold of its journal stream.</summary>
/// <remarks>Key-directory commands are in AgencyGrain.Keys.cs.</remarks>
public sealed partial class AgencyGrain(IJournalStore journal, TimeProvider clock, ILogger<AgencyGrain> logger) : Grain, IAgencyGrain
{
    private EventSourcedState<AgencyState, AgencyEvent> _stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _stream = new EventSourcedState<AgencyState, AgencyEvent>(
            journal, AgencyEvents.StreamId(id), new AgencyState(id), (s, e) => s.Apply(e), AgencyEvents.Codec);
        await _stream.LoadAsync(cancellationToken);
    }

    public Task<AgencyProfile?> GetProfileAsync(CancellationToken ct) => Task.FromResult(_stream.State.Profile);

    public async Task<DefineAgencyResult> DefineAsync(Caller caller, AgencyProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = this.GetPrimaryKeyString();
        if (!caller.IsAdminOf(id))
        {
            return new DefineAgencyResult(DefineAgencyOutcome.Forbidden);
        }

        if (AgencyProfileRules.Check(id, profile) is { } problem)
        {
            return new DefineAgencyResult(DefineAgencyOutcome.Invalid, problem);
        }

        var existing = _stream.State.Profile;
        if (existing == profile)
        {
            return new DefineAgencyResult(DefineAgencyOutcome.Unchanged);
        }

        // The directory learns the id before the profile is written: after a crash between the two the
        // directory lists an id whose profile is missing (skipped when listing), never a profile it cannot list.
        if (existing is null)
        {
            await GrainFactory.GetGrain<IAgencyDirectoryGrain>(IAgencyDirectoryGrain.Key).RegisterAsync(id, ct);
        }

        await _stream.AppendAsync(
            new AgencyDefined(clock.GetUtcNow(), caller.AgencyId, caller.UserId, profile.Kind, profile.Country, profile.DisplayName, profile.Sla),
            ct);
        LogDefined(id, caller.AgencyId, existing is null);
        return new DefineAgencyResult(existing is null ? DefineAgencyOutcome.Created : DefineAgencyOutcome.Updated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency {AgencyId} defined by {CallerAgency} (new: {IsNew})")]
    private partial void LogDefined(string agencyId, string callerAgency, bool isNew);
}
