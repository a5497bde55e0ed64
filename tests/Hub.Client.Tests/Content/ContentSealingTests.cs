using Hub.Client.Content;
using Hub.Client.Referrals;
using Hub.Client.Tests.Referrals;

namespace Hub.Client.Tests.Content;

public sealed class ContentSealingTests : IDisposable
{
    private readonly ReferralWorld _world = new();

    [Fact]
    public async Task ContentSealedAsAReferralOpensToTheSameContent()
    {
        var content = SyntheticContent.CreateReferral(seed: 7, itemCount: 25, CasePriority.Urgent);
        var plaintext = ReferralContentCodec.Encode(content, ContentContext.Urgent);

        var opened = await _world.OpenAsync(_world.Seal(plaintext));
        var decoded = ReferralContentCodec.Decode(opened.Plaintext, ContentContext.Urgent);

        Assert.Equivalent(content, decoded, strict: true);
        Assert.Equal(plaintext, ReferralContentCodec.Encode(decoded, ContentContext.Urgent));
    }

    [Fact]
    public async Task AnInformationRequestAnswersTheReferralItFollows()
    {
        var request = SyntheticContent.CreateInformationRequest(seed: 8, inReplyTo: ReferralWorld.MessageId);
        var sealedRequest = Referral.Seal(ReferralContentCodec.Encode(request, ContentContext.Normal), ReferralWorld.CaseId, ReferralWorld.MessageId,
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]),
            [_world.Public(ReferralWorld.Police), _world.Public(ReferralWorld.Hotline)], [HandlingCodes.TlpAmber], ReferralWorld.Start.AddHours(2));

        var opened = await _world.OpenAsync(sealedRequest, ReferralWorld.Hotline);
        var decoded = ReferralContentCodec.Decode(opened.Plaintext, ContentContext.Normal);

        Assert.Equal(ReferralContentKind.InformationRequest, decoded.Kind);
        Assert.Equal(ReferralWorld.MessageId, decoded.InReplyTo);
        Assert.Equal(request.RequestedInformation, decoded.RequestedInformation);
    }

    public void Dispose() => _world.Dispose();
}
