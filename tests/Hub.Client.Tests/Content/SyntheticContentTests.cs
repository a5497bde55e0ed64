using System.Net;
using System.Net.Sockets;
using Hub.Client.Content;

namespace Hub.Client.Tests.Content;

public sealed class SyntheticContentTests
{
    private static readonly IPNetwork[] DocumentationNetworks =
    [
        IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("2001:db8::/32"),
    ];

    public static TheoryData<int> Seeds => [1, 2, 42, 1234, 99_999];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheSameSeedGivesTheSameBytes(int seed)
    {
        var first = ReferralContentCodec.Encode(SyntheticContent.CreateReferral(seed, 5), ContentContext.Normal);
        var second = ReferralContentCodec.Encode(SyntheticContent.CreateReferral(seed, 5), ContentContext.Normal);

        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentContent()
    {
        var one = ReferralContentCodec.Encode(SyntheticContent.CreateReferral(1), ContentContext.Normal);
        var two = ReferralContentCodec.Encode(SyntheticContent.CreateReferral(2), ContentContext.Normal);

        Assert.NotEqual(one, two);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryGeneratedKindIsValid(int seed)
    {
        var message = new Guid(seed, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]);

        Assert.Empty(ReferralContentValidator.Validate(SyntheticContent.CreateReferral(seed, 20), ContentContext.Normal));
        Assert.Empty(ReferralContentValidator.Validate(SyntheticContent.CreateReferral(seed, 1, CasePriority.Urgent), ContentContext.Urgent));
        Assert.Empty(ReferralContentValidator.Validate(SyntheticContent.CreateReply(seed, message), ContentContext.Normal));
        Assert.Empty(ReferralContentValidator.Validate(SyntheticContent.CreateInformationRequest(seed, message), ContentContext.Normal));
    }

    [Fact]
    public void GeneratedHostsAddressesAndAsnsAreAllReservedForDocumentation()
    {
        var items = Enumerable.Range(0, 50).SelectMany(seed => SyntheticContent.CreateReferral(seed, 20).Items).ToList();

        Assert.All(items, item =>
        {
            var url = new Uri(item.Url);
            Assert.True(url.Host.EndsWith(".example", StringComparison.Ordinal) || url.Host.EndsWith(".test", StringComparison.Ordinal), url.Host);
            var ip = IPAddress.Parse(item.Hosting!.Ip!);
            Assert.Contains(DocumentationNetworks, network => network.Contains(ip));
            Assert.InRange(int.Parse(item.Hosting.Asn!.AsSpan(2), provider: null), 64496, 64511);
        });
        Assert.Contains(items, item => IPAddress.Parse(item.Hosting!.Ip!).AddressFamily == AddressFamily.InterNetworkV6);
        Assert.Contains(items, item => IPAddress.Parse(item.Hosting!.Ip!).AddressFamily == AddressFamily.InterNetwork);
    }
}
