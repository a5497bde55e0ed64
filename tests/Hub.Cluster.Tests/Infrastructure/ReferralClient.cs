using System.Net;
using Hub.Client.Api;
using Hub.Client.Wire;

namespace Hub.Cluster.Tests.Infrastructure;

/// <summary>
/// One sender's client: submits its sealed referrals in order, each until the hub acknowledges it, through the
/// gateway it prefers and the other one when that fails. A retry resends the same body (same command and message
/// id), which is what makes retrying safe.
/// </summary>
public sealed class ReferralClient(ClusterDesk sender, Guid caseId, IReadOnlyList<SubmitMessage> messages, int preferredGateway, ReferralLedger ledger)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    public Guid CaseId => caseId;

    public IReadOnlyList<SubmitMessage> Messages => messages;

    /// <summary>Runs until every referral is settled; a referral still in doubt at <paramref name="giveUpAt"/> is recorded ambiguous.</summary>
    public async Task RunAsync(DateTime giveUpAt)
    {
        ArgumentNullException.ThrowIfNull(sender);
        HubApiClient[] apis = [sender.ApiAt(0), sender.ApiAt(1)];
        try
        {
            var gateway = preferredGateway;
            foreach (var message in messages)
            {
                var inDoubt = false;
                while (true)
                {
                    using var timeout = new CancellationTokenSource(AttemptTimeout);
                    try
                    {
                        await apis[gateway].SubmitMessageAsync(caseId, message, timeout.Token);
                        ledger.Record(message.MessageId, ReferralLedger.Outcome.Acknowledged);
                        break;
                    }
                    catch (HubApiException ex) when ((int)ex.Status is >= 400 and < 500 && ex.Status != HttpStatusCode.TooManyRequests)
                    {
                        ledger.Record(message.MessageId, inDoubt ? ReferralLedger.Outcome.Ambiguous : ReferralLedger.Outcome.Failed);
                        break;
                    }
                    catch (Exception ex) when (IsInDoubt(ex))
                    {
                        inDoubt = true;
                        ledger.AttemptInDoubt();
                        if (DateTime.UtcNow > giveUpAt)
                        {
                            ledger.Record(message.MessageId, ReferralLedger.Outcome.Ambiguous);
                            break;
                        }

                        gateway = 1 - gateway;   // fail over to the other gateway
                        await Task.Delay(100);
                    }
                }
            }
        }
        finally
        {
            foreach (var api in apis)
            {
                api.Dispose();
            }
        }
    }

    private static bool IsInDoubt(Exception ex) =>
        ex is HttpRequestException or OperationCanceledException or TimeoutException
        || (ex is HubApiException api && ((int)api.Status >= 500 || api.Status == HttpStatusCode.TooManyRequests));
}
