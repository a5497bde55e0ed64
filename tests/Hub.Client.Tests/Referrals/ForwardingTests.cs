using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

public sealed class ForwardingTests : IDisposable
{
    private readonly ReferralWorld _world = new();
    private readonly SealedReferral _referral;

    public ForwardingTests()
    {
        _referral = _world.Seal(TestData.Bytes(70_000));
    }

    [Fact]
    public async Task TheAddedAgencyOpensTheUnchangedPayload()
    {
        var forwarded = await ForwardAsync();

        var opened = await OpenAsync(forwarded);

        Assert.Equal(TestData.Bytes(70_000), opened.Plaintext);
        Assert.Equal(_referral.Payload, forwarded.Payload);
        Assert.Equal(ReferralWorld.Hotline, opened.Statement.SenderAgencyId);
        var forwarding = ForwardingStatement.Parse(forwarded.Forwarding.Statement);
        Assert.Equal((ReferralWorld.Outsider, 1u, ReferralWorld.Police), (forwarding.AddedAgencyId, forwarding.AddedGeneration, forwarding.ForwarderAgencyId));
    }

    [Fact]
    public async Task TheOriginalRecipientsStillOpenTheForwardedHeader()
    {
        var forwarded = await ForwardAsync();

        Assert.Equal(TestData.Bytes(70_000), Envelope.Decrypt(forwarded.ToAgeFile(), _world.Keys(ReferralWorld.Liaison)));
    }

    [Fact]
    public async Task ATamperedForwardingStatementFails()
    {
        var forwarded = await ForwardAsync();
        var bytes = (byte[])forwarded.Forwarding.Statement.Clone();
        bytes[^1] ^= 1;

        await FailsWith(AgeErrorKind.BadSignature, forwarded with { Forwarding = forwarded.Forwarding with { Statement = bytes } });
    }

    [Fact]
    public async Task AForwardingStatementForAnotherReferralFails()
    {
        var other = await ForwardAsync(_world.Seal(TestData.Bytes(10)));
        var forwarded = await ForwardAsync();

        await FailsWith(AgeErrorKind.StatementMismatch, forwarded with { Forwarding = other.Forwarding });
    }

    [Fact]
    public async Task AReplacedHeaderFails()
    {
        var forwarded = await ForwardAsync();
        var again = await ForwardAsync();

        await FailsWith(AgeErrorKind.StatementMismatch, forwarded with { Header = again.Header });
    }

    [Fact]
    public async Task AReplacedPayloadFails()
    {
        var forwarded = await ForwardAsync();

        await FailsWith(AgeErrorKind.StatementMismatch, forwarded with { Payload = _world.Seal(TestData.Bytes(70_000, seed: 3)).Payload });
    }

    [Fact]
    public async Task AForwarderNotEnrolledInItsClaimedAgencyFails()
    {
        using var stray = DeviceKey.Generate("DE-BKA-stray");
        var forwarded = await Forwarding.ForwardAsync(_referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory,
            _world.Keys(ReferralWorld.Police), new ReferralSender(ReferralWorld.Police, stray), _world.Public(ReferralWorld.Outsider), ReferralWorld.Start.AddHours(2));

        await FailsWith(AgeErrorKind.SenderNotEnrolled, forwarded);
    }

    [Fact]
    public async Task ForwardingToAnExistingRecipientIsMisuse() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Forwarding.ForwardAsync(_referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory,
            _world.Keys(ReferralWorld.Police), new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Liaison), ReferralWorld.Start));

    public void Dispose() => _world.Dispose();

    private Task<ForwardedReferral> ForwardAsync(SealedReferral? referral = null) =>
        Forwarding.ForwardAsync(referral ?? _referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Outsider), ReferralWorld.Start.AddHours(2));

    private Task<OpenedReferral> OpenAsync(ForwardedReferral forwarded) =>
        Forwarding.OpenAsync(forwarded, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Outsider));

    private async Task FailsWith(AgeErrorKind kind, ForwardedReferral forwarded)
    {
        var error = await Assert.ThrowsAsync<AgeException>(() => OpenAsync(forwarded));
        Assert.Equal(kind, error.Kind);
    }
}
