// One report's life through the hub, as the agencies involved would live it: the hotline opens a case and
// asks the hub where to send it; it seals the referral for the suggested agencies it works with and
// submits it; each recipient, once its live inbox shows the referral, fetches and opens it (sender
// signature, enrolment and digests checked before any plaintext), acknowledges, and accepts or declines.
// Then a police recipient may hold the takedown and later lift it, a hotline records the notice and
// whether the content was removed, and police record investigations and identified victims. Each step
// runs only after the one it depends on, so the hub never refuses a step for being out of order: any
// refusal is a real error and is counted.
using System.Diagnostics;
using Bogus;
using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>Runs one <see cref="CasePlan"/> against the hub.</summary>
internal sealed class CaseStory(CasePlan plan, SimulationWorld world)
{
    private readonly Randomizer _random = new(plan.DecisionSeed);
    private readonly Guid _caseId = Guid.NewGuid();

    private SimulationStats Stats => world.Stats;

    public async Task RunAsync(CancellationToken ct)
    {
        var sender = world.Agencies[plan.Sender];
        var recipients = await StepAsync("open", async () =>
        {
            await sender.Duty.Api.OpenCaseAsync(new OpenCaseRequest(
                _caseId, Guid.NewGuid(), plan.Priority, plan.Category, plan.HostingCountry, plan.Handling, DateTimeOffset.UtcNow.AddMinutes(-_random.Int(1, 120))), ct);
            Stats.Count(Counters.CasesOpened);
            var suggested = await sender.Duty.Api.SuggestRoutesAsync(plan.HostingCountry, plan.Priority, ct);
            return Routing.Choose(suggested, world.Agencies, plan.Handling);
        });
        if (recipients is null)
        {
            return;
        }

        if (recipients.Count == 0)
        {
            Stats.Count(Counters.Unroutable);
            return;
        }

        if (!await SubmitAsync(sender, recipients, ct))
        {
            return;
        }

        var decisions = recipients.Select(r => (Agency: world.Agencies[r], Accept: _random.Bool(0.85f))).ToList();
        var decided = await Task.WhenAll(decisions.Select(d => DecideAsync(d.Agency, d.Accept, ct)));
        if (decided.Contains(false))
        {
            return;
        }

        var police = decisions.Where(d => d.Accept && d.Agency.Profile.Kind == AgencyKind.PoliceUnit).Select(d => d.Agency).ToList();
        if (police.Count > 0 && _random.Bool(0.3f) && !await HoldAsync(police[0], ct))
        {
            return;
        }

        if (plan.Category is not (CaseCategory.Grooming or CaseCategory.Sextortion) && !await TakedownAsync(sender, decisions, ct))
        {
            return;
        }

        foreach (var unit in police)
        {
            if (!await OutcomesAsync(unit, ct))
            {
                return;
            }
        }

        Stats.Count(Counters.Completed);
    }

    private async Task<bool> SubmitAsync(SimulatedAgency sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        var message = await StepAsync("seal", () => sender.Duty.SealAsync(_caseId, plan.Content, recipients, ct: ct));
        if (message is null)
        {
            return false;
        }

        Stats.Count(Counters.Submitted);
        Stats.Count(Counters.Expected, recipients.Count);
        var deliveries = world.Tracker.Submitting(_caseId, recipients);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await sender.Duty.Api.SubmitMessageAsync(_caseId, message, ct);
            Stats.SubmitToAck.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Stats.Acknowledged(world.Clock.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            world.Tracker.Withdraw(_caseId, recipients);
            Stats.Count(Counters.SubmitFailed);
            Stats.Error("submit", ex);
            return false;
        }

        var all = Task.WhenAll(deliveries);
        if (await Task.WhenAny(all, Task.Delay(world.DeliveryTimeout, ct)) != all)
        {
            Stats.Error("delivery: not in the recipient's inbox feed in time", $"case {_caseId}");
            return false;
        }

        return true;
    }

    private async Task<bool> DecideAsync(SimulatedAgency recipient, bool accept, CancellationToken ct) =>
        await StepAsync($"{recipient.Profile.Kind} decision", async () =>
        {
            var view = await recipient.Duty.Api.GetCaseAsync(_caseId, ct);
            var referral = view.Messages.First(m => m.Kind == MessageKind.Referral);
            var opened = await recipient.Duty.OpenAsync(_caseId, referral.MessageId, ct);
            if (!opened.Plaintext.AsSpan().SequenceEqual(plan.Content))
            {
                throw new InvalidOperationException("The opened referral differs from the one sent.");
            }

            Stats.Count(Counters.Decrypted);
            await recipient.Duty.Api.DecideAsync(_caseId, new DecideReferral(Guid.NewGuid(), RecipientStatus.Acknowledged), ct);
            Stats.Count(Counters.Acknowledgements);
            await recipient.Duty.Api.DecideAsync(_caseId, new DecideReferral(Guid.NewGuid(), accept ? RecipientStatus.Accepted : RecipientStatus.Declined), ct);
            Stats.Count(accept ? Counters.Accepted : Counters.Declined);
            return true;
        });

    private async Task<bool> HoldAsync(SimulatedAgency police, CancellationToken ct) =>
        await StepAsync("hold", async () =>
        {
            var reason = _random.Enum<HoldReason>();
            await police.Duty.Api.PlaceHoldAsync(_caseId, new PlaceHold(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(_random.Int(1, 30)), reason), ct);
            Stats.Count(Counters.HoldsPlaced);
            await Task.Delay(_random.Int(50, 500), ct);
            await police.Duty.Api.LiftHoldAsync(_caseId, new LiftHold(Guid.NewGuid()), ct);
            Stats.Count(Counters.HoldsLifted);
            return true;
        });

    private async Task<bool> TakedownAsync(SimulatedAgency sender, IReadOnlyList<(SimulatedAgency Agency, bool Accept)> decisions, CancellationToken ct)
    {
        // The hosting country's hotline sends the notice when it took the case; otherwise the reporting hotline does.
        var hotline = decisions.FirstOrDefault(d => d.Accept && d.Agency.Profile.Kind == AgencyKind.Hotline && d.Agency.Profile.Country == plan.HostingCountry).Agency ?? sender;
        return await StepAsync("takedown", async () =>
        {
            await hotline.Duty.Api.RecordTakedownAsync(_caseId, new RecordTakedown(Guid.NewGuid(), TakedownStep.NoticeSent), ct);
            Stats.Count(Counters.Notices);
            await Task.Delay(_random.Int(50, 500), ct);
            var removed = _random.Bool(0.9f);
            await hotline.Duty.Api.RecordTakedownAsync(_caseId, new RecordTakedown(Guid.NewGuid(), removed ? TakedownStep.Removed : TakedownStep.NotRemoved), ct);
            Stats.Count(removed ? Counters.Removed : Counters.NotRemoved);
            return true;
        });
    }

    private async Task<bool> OutcomesAsync(SimulatedAgency police, CancellationToken ct) =>
        await StepAsync("outcome", async () =>
        {
            if (_random.Bool(0.6f))
            {
                await police.Duty.Api.RecordOutcomeAsync(_caseId, new RecordOutcome(Guid.NewGuid(), CaseOutcome.InvestigationOpened), ct);
                Stats.Count(Counters.Investigations);
                if (_random.Bool(0.15f))
                {
                    var victims = _random.Int(1, 3);
                    await police.Duty.Api.RecordOutcomeAsync(_caseId, new RecordOutcome(Guid.NewGuid(), CaseOutcome.VictimIdentified, victims), ct);
                    Stats.Count(Counters.VictimsIdentified, victims);
                }
            }

            return true;
        });

    /// <summary>Runs a step; a failure is counted under the step's name and ends the story (null / false).</summary>
    private async Task<T?> StepAsync<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !world.Stopping.IsCancellationRequested)
        {
            Stats.Error(step, ex);
            return default;
        }
    }
}
