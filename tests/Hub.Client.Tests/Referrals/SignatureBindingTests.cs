// Each bound field is changed after signing (the statement re-encoded, the signature kept) or the
// delivered pieces are swapped; every case must fail closed with its specific error and no plaintext.
using Hub.Client.Crypto;
using Hub.Client.Keys;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

public sealed class SignatureBindingTests : IDisposable
{
    private readonly ReferralWorld _world = new();
    private readonly SealedReferral _referral;
    private readonly ReferralStatement _statement;

    public SignatureBindingTests()
    {
        _referral = _world.Seal(TestData.Bytes(500));
        _statement = ReferralStatement.Parse(_referral.Statement.Statement);
    }

    public static TheoryData<string> AlteredFields => ["recipients", "generation", "case", "message", "code", "time", "header digest", "payload digest", "sender device"];

    [Theory]
    [MemberData(nameof(AlteredFields))]
    public async Task AlteringABoundFieldBreaksTheSignature(string field)
    {
        var s = _statement;
        var altered = field switch
        {
            "recipients" => Restate(recipients: [.. s.Recipients.Where(r => r.AgencyId != ReferralWorld.Liaison)]),
            "generation" => Restate(recipients: [.. s.Recipients.Select(r => r with { Generation = 2 })]),
            "case" => Restate(caseId: Guid.NewGuid()),
            "message" => Restate(messageId: Guid.NewGuid()),
            "code" => Restate(codes: [HandlingCodes.H2, HandlingCodes.TlpClear]),
            "time" => Restate(createdAt: s.CreatedAt.AddMinutes(-1)),
            "header digest" => Restate(headerDigest: new byte[32]),
            "payload digest" => Restate(payloadDigest: new byte[32]),
            // Another enrolled device of the same agency: found in the directory, but it did not sign.
            "sender device" => Restate(senderDevice: _world.SecondHotlineDevice.DeviceId),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        await FailsWith(AgeErrorKind.BadSignature, _referral with { Statement = new SignedStatement(altered.Encode(), _referral.Statement.Signature) }, caseId: altered.CaseId);
    }

    [Fact]
    public async Task ClaimingAnotherSenderAgencyFindsNoSuchMember()
    {
        var altered = Restate(senderAgency: ReferralWorld.Police, recipients: _statement.Recipients);

        await FailsWith(AgeErrorKind.SenderNotEnrolled, _referral with { Statement = new SignedStatement(altered.Encode(), _referral.Statement.Signature) });
    }

    [Fact]
    public async Task ASignatureByADeviceNotEnrolledInTheClaimedAgencyFails()
    {
        // The police admin is a real, enrolled device, but not of the hotline it claims to speak for.
        using var stray = DeviceKey.Generate("NL-HOTLINE-stray");
        var forged = _world.Seal(TestData.Bytes(500), sender: new ReferralSender(ReferralWorld.Hotline, stray));

        await FailsWith(AgeErrorKind.SenderNotEnrolled, forged);
    }

    [Fact]
    public async Task AReferralDeliveredUnderAnotherCaseFails() =>
        await FailsWith(AgeErrorKind.StatementMismatch, _referral, caseId: Guid.NewGuid());

    [Fact]
    public async Task AHeaderFromAnotherReferralToTheSameAgenciesFails()
    {
        var other = _world.Seal(TestData.Bytes(500));

        await FailsWith(AgeErrorKind.StatementMismatch, _referral with { Header = other.Header });
    }

    [Fact]
    public async Task APayloadFromAnotherReferralFails()
    {
        var other = _world.Seal(TestData.Bytes(500, seed: 2));

        await FailsWith(AgeErrorKind.StatementMismatch, _referral with { Payload = other.Payload });
    }

    [Fact]
    public async Task AStatementAndEnvelopeSwappedTogetherFromAnotherCaseFail()
    {
        var other = _world.Seal(TestData.Bytes(500), caseId: Guid.NewGuid());

        await FailsWith(AgeErrorKind.StatementMismatch, other);
    }

    [Fact]
    public async Task AReferralByARevokedDeviceFailsEvenIfSignedBeforeTheRevocation()
    {
        var analyst = _world.SecondHotlineDevice;
        var admin = _world.Devices[ReferralWorld.Hotline];
        var referral = _world.Seal(TestData.Bytes(100), sender: new ReferralSender(ReferralWorld.Hotline, analyst));
        _world.Directory.Revoke(DeviceRevocation.Create(admin, ReferralWorld.Hotline, analyst.DeviceId, 2, [admin.PublicKeys], ReferralWorld.Start.AddDays(1)));

        await FailsWith(AgeErrorKind.SenderNotEnrolled, referral);
    }

    public void Dispose() => _world.Dispose();

    private ReferralStatement Restate(
        IReadOnlyList<RecipientGeneration>? recipients = null, Guid? caseId = null, Guid? messageId = null, string[]? codes = null,
        DateTimeOffset? createdAt = null, byte[]? headerDigest = null, byte[]? payloadDigest = null, string? senderAgency = null, string? senderDevice = null)
    {
        var s = _statement;
        return new ReferralStatement(
            headerDigest ?? [.. s.HeaderDigest], payloadDigest ?? [.. s.PayloadDigest], caseId ?? s.CaseId, messageId ?? s.MessageId,
            senderAgency ?? s.SenderAgencyId, senderDevice ?? s.SenderDeviceId, recipients ?? s.Recipients, codes ?? s.HandlingCodes, createdAt ?? s.CreatedAt);
    }

    private async Task FailsWith(AgeErrorKind kind, SealedReferral referral, Guid? caseId = null)
    {
        var statement = ReferralStatement.Parse(referral.Statement.Statement);
        var error = await Assert.ThrowsAsync<AgeException>(() =>
            Referral.OpenAsync(referral, caseId ?? ReferralWorld.CaseId, statement.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police)));
        Assert.Equal(kind, error.Kind);
    }
}
