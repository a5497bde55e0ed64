using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

/// <summary>
/// The forward that reads the content first (to find the attachments it names) verifies the message once and still makes
/// every check a recipient makes, and the forwarding rule, before it returns content or a re-wrapped header.
/// </summary>
public sealed class OpenForForwardingTests : IDisposable
{
    private readonly ReferralWorld _world = new();
    private readonly SealedReferral _referral;

    public OpenForForwardingTests()
    {
        _referral = _world.Seal(TestData.Bytes(70_000));
    }

    [Fact]
    public async Task TheForwarderReadsTheContentAndTheAddedAgencyOpensTheSignedForward()
    {
        var (opened, draft) = await OpenAsync(_referral);
        var forwarded = draft.Sign(ReferralWorld.Start.AddHours(2), null);

        var received = await Forwarding.OpenAsync(forwarded, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Outsider));

        Assert.Equal(TestData.Bytes(70_000), opened.Plaintext);
        Assert.Equal(ReferralWorld.Hotline, opened.Statement.SenderAgencyId);
        Assert.Equal(TestData.Bytes(70_000), received.Plaintext);
        Assert.Equal(_referral.Payload, forwarded.Payload);
        Assert.Equal((ReferralWorld.Outsider, ReferralWorld.Police), (received.Forwarding!.AddedAgencyId, received.Forwarding.ForwarderAgencyId));
    }

    [Fact]
    public async Task TheSenderIsVerifiedOnceForReadingAndRewrapping()
    {
        var directory = new CountingDirectory(_world.Directory);

        await Forwarding.OpenForForwardingAsync(
            _referral, ReferralWorld.CaseId, ReferralWorld.MessageId, directory, _world.Keys(ReferralWorld.Police),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Outsider));

        Assert.Equal(1, directory.DeviceLookups);
    }

    [Fact]
    public async Task AReplacedPayloadOrHeaderAForgedSignatureOrAnotherCaseIsRefused()
    {
        var other = _world.Seal(TestData.Bytes(70_000, seed: 3));
        var signature = (byte[])_referral.Statement.Signature.Clone();
        signature[0] ^= 1;

        Assert.Equal(AgeErrorKind.StatementMismatch, (await Assert.ThrowsAsync<AgeException>(() => OpenAsync(_referral with { Payload = other.Payload }))).Kind);
        Assert.Equal(AgeErrorKind.StatementMismatch, (await Assert.ThrowsAsync<AgeException>(() => OpenAsync(_referral with { Header = other.Header }))).Kind);
        Assert.Equal(AgeErrorKind.BadSignature, (await Assert.ThrowsAsync<AgeException>(() => OpenAsync(_referral with { Statement = _referral.Statement with { Signature = signature } }))).Kind);
        Assert.Equal(AgeErrorKind.StatementMismatch, (await Assert.ThrowsAsync<AgeException>(() => OpenAsync(_world.Seal(TestData.Bytes(10), caseId: Guid.NewGuid())))).Kind);
    }

    [Fact]
    public async Task KeysTheStatementDoesNotAddressAreRefused()
    {
        var failure = await Assert.ThrowsAsync<AgeException>(() => Forwarding.OpenForForwardingAsync(
            _referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Outsider),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Outsider)));

        Assert.Equal(AgeErrorKind.StatementMismatch, failure.Kind);
    }

    [Fact]
    public async Task ForwardingToAnExistingRecipientIsMisuse() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Forwarding.OpenForForwardingAsync(
            _referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Liaison)));

    public void Dispose() => _world.Dispose();

    private Task<(OpenedReferral Opened, ForwardDraft Draft)> OpenAsync(SealedReferral referral) =>
        Forwarding.OpenForForwardingAsync(
            referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Outsider));

    private sealed class CountingDirectory(IKeyDirectory inner) : IKeyDirectory
    {
        public int DeviceLookups { get; private set; }

        public Task<DeviceRecord?> FindDeviceAsync(string agencyId, string deviceId, CancellationToken cancellationToken = default)
        {
            DeviceLookups++;
            return inner.FindDeviceAsync(agencyId, deviceId, cancellationToken);
        }

        public Task<AgencyGenerationKey?> FindCurrentGenerationAsync(string agencyId, CancellationToken cancellationToken = default) =>
            inner.FindCurrentGenerationAsync(agencyId, cancellationToken);

        public Task<AgencyGenerationKey?> FindGenerationAsync(string agencyId, uint generation, CancellationToken cancellationToken = default) =>
            inner.FindGenerationAsync(agencyId, generation, cancellationToken);
    }
}
