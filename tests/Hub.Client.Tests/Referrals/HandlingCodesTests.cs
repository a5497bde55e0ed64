using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

public sealed class HandlingCodesTests
{
    [Theory]
    [InlineData("H0")]
    [InlineData("H1")]
    [InlineData("H2")]
    [InlineData("H3:Only for the joint investigation team")]
    [InlineData("TLP:CLEAR")]
    [InlineData("TLP:GREEN")]
    [InlineData("TLP:AMBER")]
    [InlineData("TLP:AMBER+STRICT")]
    [InlineData("TLP:RED")]
    public void CanonicalCodesAreAccepted(string code) => Assert.True(HandlingCodes.IsCanonical(code));

    [Theory]
    [InlineData("h0")]
    [InlineData(" H0")]
    [InlineData("H0 ")]
    [InlineData("H4")]
    [InlineData("H3")]
    [InlineData("H3:")]
    [InlineData("H3: padded")]
    [InlineData("H3:a,b")]
    [InlineData("H3:caf\u00e9")]
    [InlineData("TLP:WHITE")]
    [InlineData("tlp:red")]
    [InlineData("TLP:AMBER+strict")]
    [InlineData("TLP: RED")]
    [InlineData("RED")]
    [InlineData("")]
    public void AnythingElseIsRejected(string code) => Assert.False(HandlingCodes.IsCanonical(code));

    [Fact]
    public void SetsHoldOneSienaCodeAndOneTlpLabelInOrdinalOrder()
    {
        Assert.Equal(["H2", "TLP:AMBER"], HandlingCodes.ToCanonicalSet(["TLP:AMBER", "H2"]));
        Assert.Equal(["H2", "TLP:AMBER"], HandlingCodes.ParseSet("H2,TLP:AMBER"));
        Assert.Equal("H3:no court use,TLP:RED", HandlingCodes.FormatSet(HandlingCodes.ParseSet("H3:no court use,TLP:RED")));
        Assert.Throws<FormatException>(() => HandlingCodes.ParseSet("TLP:AMBER,H2"));
        Assert.Throws<FormatException>(() => HandlingCodes.ParseSet("H0,H1"));
        Assert.Throws<FormatException>(() => HandlingCodes.ParseSet("H0,"));
        Assert.Throws<ArgumentException>(() => HandlingCodes.ToCanonicalSet(["TLP:RED", "TLP:GREEN"]));
        Assert.Throws<ArgumentException>(() => HandlingCodes.H3(" x"));
    }
}
