// Sealing messages in the workspace: to the recipients' and this agency's current generations, fetched (and pinned) for
// the message, or fetched once by the caller and passed in, so that a command sealing attachments and then the message
// that names them asks the hub for each agency's keys once and seals everything to the same generations.
using Hub.Client.Keys;
using Hub.Client.Referrals;
using Hub.Client.Wire;

namespace Hub.Client.Api;

public sealed partial class AgencyWorkspace
{
    /// <summary>
    /// Seals <paramref name="content"/> for <paramref name="recipients"/> and this agency at their current
    /// generations, signed by this device, as a <see cref="SubmitMessage"/> ready to send (and to resend unchanged on retry).
    /// </summary>
    public async Task<SubmitMessage> SealAsync(
        Guid caseId, ReadOnlyMemory<byte> content, IEnumerable<string> recipients, MessageKind kind = MessageKind.Referral,
        Guid? messageId = null, Guid? commandId = null, CancellationToken ct = default) =>
        await SealAsync(caseId, content, await CurrentGenerationsAsync(recipients, ct), kind, messageId, commandId, ct);

    /// <summary>
    /// Seals <paramref name="content"/> for <paramref name="generations"/> (from <see cref="CurrentGenerationsAsync"/>, which
    /// includes this agency's), signed by this device. A command that also seals attachments fetches the generations once
    /// and seals the attachments and the message to the same ones.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="generations"/> leaves out this agency (it could not read its own message).</exception>
    public async Task<SubmitMessage> SealAsync(
        Guid caseId, ReadOnlyMemory<byte> content, IReadOnlyList<AgencyGenerationKey> generations, MessageKind kind = MessageKind.Referral,
        Guid? messageId = null, Guid? commandId = null, CancellationToken ct = default)
    {
        RequireOwnAgency(generations);
        var view = await Api.GetCaseAsync(caseId, ct);
        var id = messageId ?? Guid.NewGuid();
        var sealedReferral = Referral.Seal(content.Span, caseId, id, new ReferralSender(AgencyId, Device), generations, CodesOf(view.Handling), _time.GetUtcNow());
        return new SubmitMessage(
            commandId ?? Guid.NewGuid(), id, kind, Device.DeviceId, [.. generations.Select(k => new RecipientKey(k.AgencyId, (int)k.Generation))],
            sealedReferral.Header, sealedReferral.Payload, sealedReferral.Statement.Statement, sealedReferral.Statement.Signature);
    }

    /// <summary>
    /// The current generation of each of <paramref name="recipients"/> and of this agency (recipients first, then this
    /// agency unless named; each once), fetched and pinned now.
    /// </summary>
    /// <exception cref="InvalidOperationException">An agency has not published a key generation yet.</exception>
    public async Task<IReadOnlyList<AgencyGenerationKey>> CurrentGenerationsAsync(IEnumerable<string> recipients, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var keys = new List<AgencyGenerationKey>();
        foreach (var agency in recipients.Append(AgencyId).Distinct(StringComparer.Ordinal))
        {
            keys.Add(await CurrentGenerationOfAsync(agency, ct));
        }

        return keys;
    }

    /// <summary>Seals and submits a referral to <paramref name="recipients"/> (see <see cref="SealAsync(Guid, ReadOnlyMemory{byte}, IEnumerable{string}, MessageKind, Guid?, Guid?, CancellationToken)"/>).</summary>
    /// <returns>The message id and the case version after it.</returns>
    public async Task<(Guid MessageId, CommandAccepted Accepted)> ReferAsync(
        Guid caseId, ReadOnlyMemory<byte> content, IEnumerable<string> recipients, CancellationToken ct = default) =>
        await ReferAsync(caseId, content, await CurrentGenerationsAsync(recipients, ct), ct);

    /// <summary>Seals and submits a referral to <paramref name="generations"/> (see <see cref="SealAsync(Guid, ReadOnlyMemory{byte}, IReadOnlyList{AgencyGenerationKey}, MessageKind, Guid?, Guid?, CancellationToken)"/>).</summary>
    /// <returns>The message id and the case version after it.</returns>
    public async Task<(Guid MessageId, CommandAccepted Accepted)> ReferAsync(
        Guid caseId, ReadOnlyMemory<byte> content, IReadOnlyList<AgencyGenerationKey> generations, CancellationToken ct = default)
    {
        var message = await SealAsync(caseId, content, generations, ct: ct);
        return (message.MessageId, await Api.SubmitMessageAsync(caseId, message, ct));
    }

    private void RequireOwnAgency(IReadOnlyList<AgencyGenerationKey> generations)
    {
        ArgumentNullException.ThrowIfNull(generations);
        if (!generations.Any(k => k?.AgencyId == AgencyId))
        {
            throw new ArgumentException($"The generations must include {AgencyId}'s own, or it could not read what it sealed.", nameof(generations));
        }
    }

    private static string[] CodesOf(CaseHandling handling) =>
        [handling.Siena == "H3" ? HandlingCodes.H3(handling.SienaRestriction ?? string.Empty) : handling.Siena, handling.Tlp];
}
