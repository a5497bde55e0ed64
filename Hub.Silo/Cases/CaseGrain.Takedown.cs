using Hub.Contracts;
using Hub.Contracts.Cases;

namespace Hub.Silo.Cases;

public sealed partial class CaseGrain
{
    public async Task<CaseResult> PlaceHoldAsync(Caller caller, PlaceHold command, CancellationToken ct)
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

        if (!CaseRules.MayHold(caller, me.Agency.Kind))
        {
            return CaseResult.Forbidden("Only investigators of a participating police unit place takedown holds.");
        }

        var now = clock.GetUtcNow();
        if (command.Until <= now || command.Until > now + CaseRules.MaxHold || !Enum.IsDefined(command.Reason))
        {
            return CaseResult.Invalid($"A hold needs a reason and an end in the future, at most {CaseRules.MaxHold.TotalDays} days ahead.");
        }

        if (State.TakedownAt(now) is TakedownStatus.NoticeSent or TakedownStatus.Removed or TakedownStatus.NotRemoved)
        {
            return CaseResult.Conflict("The notice was sent already; a hold can no longer delay it.");
        }

        if (State.HoldAt(now) is { } hold && hold.ByAgency != caller.AgencyId)
        {
            return CaseResult.Conflict("Another police unit holds this case; coordinate with it through the case.");
        }

        return await CommitAsync(new HoldPlaced(now, caller.AgencyId, caller.UserId, command.CommandId, command.Until, command.Reason), ct);
    }

    public async Task<CaseResult> LiftHoldAsync(Caller caller, LiftHold command, CancellationToken ct)
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

        var hold = State.HoldAt(clock.GetUtcNow());
        if (!CaseRules.MayHold(caller, me.Agency.Kind) || (hold is not null && hold.ByAgency != caller.AgencyId))
        {
            return CaseResult.Forbidden("Only the police unit that placed the hold lifts it.");
        }

        if (hold is null)
        {
            return CaseResult.Conflict("No hold is active.");
        }

        return await CommitAsync(new HoldLifted(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId), ct);
    }

    public async Task<CaseResult> RecordTakedownAsync(Caller caller, RecordTakedown command, CancellationToken ct)
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

        if (!CaseRules.MayRecordTakedown(caller, me.Agency.Kind))
        {
            return CaseResult.Forbidden("Hotline analysts record the takedown.");
        }

        var now = clock.GetUtcNow();
        var status = State.TakedownAt(now);
        var allowed = command.Step switch
        {
            TakedownStep.NoticeSent => status is TakedownStatus.NoticePending or TakedownStatus.Cleared,
            TakedownStep.Removed or TakedownStep.NotRemoved => status == TakedownStatus.NoticeSent,
            _ => false,
        };
        if (!allowed)
        {
            return status == TakedownStatus.Held
                ? CaseResult.Conflict($"A takedown hold is active until {State.HoldAt(now)!.Until:u}; the notice must wait.")
                : CaseResult.Conflict($"The takedown is {status}; {command.Step} does not follow.");
        }

        return await CommitAsync(new TakedownRecorded(now, caller.AgencyId, caller.UserId, command.CommandId, command.Step), ct);
    }

    public async Task<CaseResult> RecordOutcomeAsync(Caller caller, RecordOutcome command, CancellationToken ct)
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

        var allowed = command.Outcome switch
        {
            CaseOutcome.Closed => me.Role == ParticipantRole.Originator && caller.HasRole(HubRoles.Analyst),
            CaseOutcome.InvestigationOpened or CaseOutcome.VictimIdentified => CaseRules.MayRecordInvestigation(caller, me.Agency.Kind),
            _ => false,
        };
        if (!allowed)
        {
            return CaseResult.Forbidden("Police and liaison case workers record investigations and victims; the originator closes the case.");
        }

        if ((command.Outcome == CaseOutcome.VictimIdentified) != (command.Victims > 0) || command.Victims > 1000)
        {
            return CaseResult.Invalid("A victim identification counts 1 to 1000 victims; other outcomes count none.");
        }

        return await CommitAsync(new OutcomeRecorded(clock.GetUtcNow(), caller.AgencyId, caller.UserId, command.CommandId, command.Outcome, command.Victims), ct);
    }
}
