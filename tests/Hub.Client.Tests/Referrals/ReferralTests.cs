using Hub.Client.Crypto;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

public sealed class ReferralTests : IDisposable
{
    private readonly ReferralWorld _world = new();

    [Theory]
    [InlineData(ReferralWorld.Hotline)]
    [InlineData(ReferralWorld.Police)]
    [InlineData(ReferralWorld.Liaison)]
    public async Task EveryRecipientAgencyOpensTheReferral(string agency)
    {
        var plaintext = TestData.Bytes(150_000);
        var referral = _world.Seal(plaintext);

        var opened = await _world.OpenAsync(referral, agency);

        Assert.Equal(plaintext, opened.Plaintext);
        Assert.Equal(ReferralWorld.Hotline, opened.Statement.SenderAgencyId);
        Assert.Equal("NL-HOTLINE-admin", opened.Statement.SenderDeviceId);
        Assert.Equal([HandlingCodes.H2, HandlingCodes.TlpAmber], opened.Statement.HandlingCodes);
        Assert.Equal([ReferralWorld.Police, ReferralWorld.Liaison, ReferralWorld.Hotline], opened.Statement.Recipients.Select(r => r.AgencyId));
    }

    [Fact]
    public void TheEnvelopeIsAStandardAgeFileForEveryGeneration()
    {
        var referral = _world.Seal(TestData.Bytes(100));

        Assert.Equal(TestData.Bytes(100), Envelope.Decrypt(referral.ToAgeFile(), _world.Keys(ReferralWorld.Liaison)));
    }

    [Fact]
    public async Task AnAgencyNotAmongTheRecipientsCannotOpen()
    {
        var referral = _world.Seal(TestData.Bytes(100));

        var error = await Assert.ThrowsAsync<AgeException>(() => _world.OpenAsync(referral, ReferralWorld.Outsider));

        Assert.Equal(AgeErrorKind.StatementMismatch, error.Kind);
    }

    [Fact]
    public async Task StreamingOpenReturnsThePlaintextInFull()
    {
        var plaintext = TestData.Bytes(3 * 64 * 1024 + 5);
        using var payload = new MemoryStream();
        var head = Referral.Seal(new MemoryStream(plaintext), payload, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Sender,
            [_world.Public(ReferralWorld.Hotline), _world.Public(ReferralWorld.Police)], [HandlingCodes.TlpRed], ReferralWorld.Start);
        payload.Position = 0;

        var (statement, stream) = await Referral.OpenReadAsync(head, new PipeStream(payload), ReferralWorld.CaseId, ReferralWorld.MessageId,
            _world.Directory, _world.Keys(ReferralWorld.Police));
        using var output = new MemoryStream();
        stream.CopyTo(output);

        Assert.Equal(plaintext, output.ToArray());
        Assert.Equal([HandlingCodes.TlpRed], statement.HandlingCodes);
    }

    [Fact]
    public async Task StreamingOpenWithholdsTheFinalChunkOfAPayloadACoRecipientReplaced()
    {
        // A co-recipient knows the file key, so it can make a payload that STREAM accepts; only the
        // signed payload digest tells it apart, and the last chunk must never be released.
        var referral = _world.Seal(TestData.Bytes(100));
        using var fileKey = Crypto.Format.EnvelopeHeader.Parse(referral.Header).Unwrap(_world.Keys(ReferralWorld.Police));
        var forged = Payload.Encrypt(fileKey, TestData.Bytes(100, seed: 2));

        var (_, stream) = await Referral.OpenReadAsync(new ReferralHead(referral.Header, referral.Statement), new MemoryStream(forged),
            ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police));
        var buffer = new byte[1000];

        var error = Assert.Throws<AgeException>(() => stream.Read(buffer));
        Assert.Equal(AgeErrorKind.StatementMismatch, error.Kind);
    }

    [Fact]
    public void SealingWithoutTheSendersOwnAgencyIsMisuse() =>
        Assert.Throws<ArgumentException>(() => Referral.Seal(TestData.Bytes(10), ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Sender,
            [_world.Public(ReferralWorld.Police)], [HandlingCodes.H0], ReferralWorld.Start));

    [Fact]
    public void SealingToTheSameAgencyTwiceIsMisuse() =>
        Assert.Throws<ArgumentException>(() => Referral.Seal(TestData.Bytes(10), ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Sender,
            [_world.Public(ReferralWorld.Hotline), _world.Public(ReferralWorld.Police), _world.Public(ReferralWorld.Police)], [HandlingCodes.H0], ReferralWorld.Start));

    [Theory]
    [InlineData("tlp:amber")]
    [InlineData("H0", "H1")]
    [InlineData("TLP:RED", "TLP:AMBER")]
    [InlineData]
    public void SealingWithNonCanonicalHandlingCodesIsMisuse(params string[] codes) =>
        Assert.Throws<ArgumentException>(() => _world.Seal(TestData.Bytes(10), codes: codes));

    [Fact]
    public void StatementEncodingRoundTripsAndRejectsTrailingBytes()
    {
        var referral = _world.Seal(TestData.Bytes(10));
        var statement = ReferralStatement.Parse(referral.Statement.Statement);

        Assert.Equal(referral.Statement.Statement, statement.Encode());
        var error = Assert.Throws<AgeException>(() => ReferralStatement.Parse([.. referral.Statement.Statement, 0]));
        Assert.Equal(AgeErrorKind.MalformedStatement, error.Kind);
    }

    public void Dispose() => _world.Dispose();
}
