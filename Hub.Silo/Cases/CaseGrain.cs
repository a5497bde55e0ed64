using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;
using Hub.Silo.Agencies;
using Hub.Silo.EventSourcing;
using Hub.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Hub.Silo.Cases;

/// <summary>
/// One case: its participants, sealed messages, takedown track and outcomes, as the fold of its journal
/// stream. Decides every command from the explicit caller; a non-participant cannot tell that the case exists.
/// </summary>
public sealed partial class CaseGrain(IJournalStore journal, TimeProvider clock, ILogger<CaseGrain> logger)
    : Grain, ICaseGrain, IRemindable
{
    private EventSourcedState<CaseState, CaseEvent> _stream = null!;

    private CaseState State => _stream.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var recent = new List<(long Version, CaseEvent Event)>();
        _stream = new EventSourcedState<CaseState, CaseEvent>(
            journal,
            CaseEvents.StreamId(this.GetPrimaryKey()),
            new CaseState(),
            (state, @event, version) =>
            {
                recent.Add((version, @event));
                return state.Apply(@event, version);
            },
            CaseEvents.Codec);
        await _stream.LoadAsync(cancellationToken);
        QueueUndeliveredNotices(recent);
        _ = StartDelivery();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await CheckpointDeliveredNoticesAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CaseResult> OpenAsync(Caller caller, OpenCase command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (State.IsOpen)
        {
            // Same command again is the idempotent retry; anything else must not learn more than "taken".
            return State.DoneCommands.TryGetValue(command.CommandId, out var version) && State.Opened!.ByAgency == caller.AgencyId
                ? new CaseResult(CaseResultStatus.Done, Version: version)
                : CaseResult.Conflict("This case id is taken; choose a new one.");
        }

        var originator = await LookupAsync(caller.AgencyId, ct, command.Priority);
        if (originator is null || !CaseRules.MayOpen(caller, originator.Kind))
        {
            return CaseResult.Forbidden("Only hotline analysts open cases.");
        }

        if (HandlingRules.Check(command.Handling) is { } handlingProblem)
        {
            return CaseResult.Invalid(handlingProblem);
        }

        if (!Enum.IsDefined(command.Priority) || !Enum.IsDefined(command.Category))
        {
            return CaseResult.Invalid("Unknown priority or category.");
        }

        if (command.HostingCountry is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
        {
            return CaseResult.Invalid("Hosting country must be an ISO 3166-1 alpha-2 code in upper case.");
        }

        var now = clock.GetUtcNow();
        if (command.ReportedAt > now)
        {
            return CaseResult.Invalid("The report time is in the future.");
        }

        return await CommitAsync(
            new CaseOpened(now, caller.AgencyId, caller.UserId, command.CommandId, originator, command.Priority, command.Category, country, command.Handling, command.ReportedAt),
            ct);
    }

    public Task<CaseView?> GetViewAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(Participant(caller) is not null && CaseRules.MayRead(caller)
            ? CaseViews.For(this.GetPrimaryKey(), State, caller.AgencyId, clock.GetUtcNow(), _stream.Version)
            : null);
    }

    public Task<SubmissionContext?> GetSubmissionContextAsync(Caller caller, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(Participant(caller) is not null && CaseRules.MayRead(caller)
            ? new SubmissionContext(this.GetPrimaryKey(), State.Opened!.Handling, State.Messages.ContainsKey(messageId))
            : null);
    }

    public async Task<CaseResult> DecideAsync(Caller caller, DecideReferral command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Participant(caller) is not { } me)
        {
            return CaseResult.NotFound;
        }

        if (Replay(command.CommandId) is { } done)
        {
            return done;
        }

        if (me.Role == ParticipantRole.Originator || !CaseRules.IsCaseWorker(caller))
        {
            return CaseResult.Forbidden("Only recipient agencies' case workers decide on a referral.");
        }

        if (command.Decision is RecipientStatus.Delivered || !Enum.IsDefined(command.Decision))
        {
            return CaseResult.Invalid("Decide Acknowledged, Accepted, Declined or InformationRequested.");
        }

        if (me.Status == command.Decision)
        {
            // Acknowledging twice (or any repeated decision) changes nothing.
            return new CaseResult(CaseResultStatus.Done, Version: _stream.Version);
        }

        if (me.Status is RecipientStatus.Accepted or RecipientStatus.Declined || (command.Decision == RecipientStatus.Acknowledged && me.Status != RecipientStatus.Delivered))
        {
            return CaseResult.Conflict($"The referral is already {me.Status}.");
        }

        return await CommitAsync(new ReferralDecided(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.Decision), ct);
    }

    /// <summary>The caller's agency's participation, or null: the one test behind every "not found".</summary>
    private CaseState.Participant? Participant(Caller caller) =>
        State.IsOpen && State.Participants.TryGetValue(caller.AgencyId, out var participant) ? participant : null;

    /// <summary>The first result of a command already done (idempotent retry); also refuses commands without an id.</summary>
    private CaseResult? Replay(Guid commandId) =>
        commandId == Guid.Empty ? CaseResult.Invalid("Every command needs a client-generated commandId.")
        : State.DoneCommands.TryGetValue(commandId, out var version) ? new CaseResult(CaseResultStatus.Done, Version: version)
        : null;

    /// <summary>An agency's routing facts and its acknowledgement target for this case's priority.</summary>
    // An id no agency can have is no agency: asking a grain for it would fail (Orleans refuses an empty or blank key)
    // instead of answering, and turn a caller's bad input into a fault.
    private async Task<CaseAgency?> LookupAsync(string agencyId, CancellationToken ct, Priority? priority = null) =>
        AgencyProfileRules.AgencyId().IsMatch(agencyId) && await GrainFactory.GetGrain<IAgencyGrain>(agencyId).GetProfileAsync(ct) is { } profile
            ? new CaseAgency(profile.Id, profile.Kind, profile.Country, (priority ?? State.Opened?.Priority) switch
            {
                Priority.Urgent => profile.Sla.AcknowledgeUrgentMinutes,
                Priority.High => profile.Sla.AcknowledgeHighMinutes,
                Priority.Normal => profile.Sla.AcknowledgeNormalMinutes,
                _ => 0,
            })
            : null;

    private Task<CaseResult> CommitAsync(CaseEvent @event, CancellationToken ct) => CommitAsync([@event], [], ct);

    private Task<CaseResult> CommitAsync(CaseEvent[] events, CancellationToken ct) => CommitAsync(events, [], ct);

    /// <summary>
    /// Journals the events with the envelope bytes they name (durable together, before anything else happens),
    /// queues their inbox notices and returns: the delivery loop takes them from there.
    /// </summary>
    private async Task<CaseResult> CommitAsync(CaseEvent[] events, PendingBlob[] envelopeBytes, CancellationToken ct)
    {
        var before = _stream.Version;
        await _stream.AppendAsync(events, envelopeBytes, ct);
        for (var i = 0; i < events.Length; i++)
        {
            QueueNotices(before + i + 1, events[i]);
        }

        // Not awaited: the command is acknowledged once journaled; notices follow at least once, in order.
        _ = StartDelivery();
        await ScheduleDeadlineAsync();
        return new CaseResult(CaseResultStatus.Done, Version: _stream.Version);
    }
}
