using System.Text.Json;
using Hub.Client.Content;
using static Hub.Client.Tests.Content.ContentSamples;

namespace Hub.Client.Tests.Content;

public sealed class ContentVersioningTests
{
    // A v1.1 document in canonical order: unknown members follow the known ones in every object, at
    // the root, in an item, its hashes and hosting, and in an attachment. Values cover every JSON kind,
    // numbers in forms a re-serializer might change (2.50, 1e3, -0), and non-ASCII text.
    private const string FutureDocument =
        """{"schema":"hub.referral-content/v1.1","kind":"referral","source":"industry-report","reportedAt":"2025-03-01T09:30:00+00:00","items":[{"url":"https://gallery-101.example/album/7f3a.html","hashes":{"sha256":"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f","tlsh":"T1A2B3"},"classification":"baseline","hosting":{"ip":"2001:db8::7","country":"NL","rir":{"name":"RIPE","since":2.50}},"firstSeen":"2025-02-27","views":[1e3,-0,true,null]}],"notes":"Zoë’s note ✓","attachments":[{"id":"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d","fileName":"a.png","mediaType":"image/png","size":10,"sha256":"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f","thumbnail":{"w":64,"h":48}}],"victimAgeBand":"unknown","review":{"by":["analyst-1","analyst-2"],"nested":{"deeper":[[],{}]}},"flag":false}""";

    [Fact]
    public void AV11DocumentWithUnknownMembersReencodesByteForByte()
    {
        var decoded = ReferralContentCodec.Decode(Utf8(FutureDocument), ContentContext.Normal);

        Assert.Equal(FutureDocument, Utf8(ReferralContentCodec.Encode(decoded, ContentContext.Normal)));
    }

    [Fact]
    public void UnknownMembersAreAvailableToTheCaller()
    {
        var decoded = ReferralContentCodec.Decode(Utf8(FutureDocument), ContentContext.Normal);

        Assert.Equal("hub.referral-content/v1.1", decoded.Schema);
        Assert.Equal(["victimAgeBand", "review", "flag"], decoded.Extensions!.Keys);
        Assert.Equal(["firstSeen", "views"], decoded.Items[0].Extensions!.Keys);
        Assert.Equal("""{"name":"RIPE","since":2.50}""", decoded.Items[0].Hosting!.Extensions!["rir"].GetRawText());
        Assert.Equal("T1A2B3", decoded.Items[0].Hashes.Extensions!["tlsh"].GetString());
        Assert.Equal(64, decoded.Attachments[0].Extensions!["thumbnail"].GetProperty("w").GetInt32());
    }

    [Fact]
    public void UnknownMembersBeforeKnownOnesKeepTheirValuesAndMoveAfterThem()
    {
        const string Json = """{"zeta":{"b":[1.0,"x"]},"schema":"hub.referral-content/v1.3","alpha":"é","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""";

        var encoded = Utf8(ReferralContentCodec.Encode(ReferralContentCodec.Decode(Utf8(Json), ContentContext.Normal), ContentContext.Normal));

        Assert.Equal("""{"schema":"hub.referral-content/v1.3","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","zeta":{"b":[1.0,"x"]},"alpha":"é"}""", encoded);
    }

    [Fact]
    public void UnknownMembersSurviveSealingBySomeoneWhoEditsKnownOnes()
    {
        var decoded = ReferralContentCodec.Decode(Utf8(FutureDocument), ContentContext.Normal);

        var edited = ReferralContentCodec.Encode(decoded with { Notes = "Checked again." }, ContentContext.Normal);

        using var document = JsonDocument.Parse(edited);
        Assert.Equal("Checked again.", document.RootElement.GetProperty("notes").GetString());
        Assert.Equal("""{"by":["analyst-1","analyst-2"],"nested":{"deeper":[[],{}]}}""", document.RootElement.GetProperty("review").GetRawText());
    }

    [Theory]
    [InlineData("hub.referral-content/v1")]
    [InlineData("hub.referral-content/v1.0")]
    [InlineData("hub.referral-content/v1.1")]
    [InlineData("hub.referral-content/v1.27")]
    public void EveryV1MinorVersionIsAccepted(string schema)
    {
        var json = """{"schema":"SCHEMA","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""".Replace("SCHEMA", schema, StringComparison.Ordinal);

        Assert.Equal(schema, ReferralContentCodec.Decode(Utf8(json), ContentContext.Normal).Schema);
    }

    [Fact]
    public void AV2DocumentIsRefusedAsV2EvenWhenItsMembersChangedType()
    {
        // In v2 "items" might be an object; the reader must say "version", not "wrong type".
        const string Json = """{"schema":"hub.referral-content/v2","kind":"referral","items":{"count":1}}""";

        var error = Assert.Throws<ReferralContentException>(() => ReferralContentCodec.Decode(Utf8(Json), ContentContext.Normal));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.schema", problem.Path);
        Assert.Contains("major version 2 is not supported", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hub.referral-content/v0")]
    [InlineData("hub.referral-content/v01")]
    [InlineData("hub.referral-content/v1.")]
    [InlineData("hub.referral-content/v1.1.1")]
    [InlineData("hub.referral-content/V1")]
    [InlineData("hub.referral-content/v1 ")]
    [InlineData("hub.referral-contents/v1")]
    public void MalformedSchemaIdsAreRefused(string schema)
    {
        var json = """{"schema":"SCHEMA","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""".Replace("SCHEMA", schema, StringComparison.Ordinal);

        var error = Assert.Throws<ReferralContentException>(() => ReferralContentCodec.Decode(Utf8(json), ContentContext.Normal));

        Assert.Equal("$.schema", Assert.Single(error.Problems).Path);
    }
}
