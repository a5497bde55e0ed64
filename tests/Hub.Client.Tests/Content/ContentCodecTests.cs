using Hub.Client.Content;
using static Hub.Client.Tests.Content.ContentSamples;

namespace Hub.Client.Tests.Content;

public sealed class ContentCodecTests
{
    private const string CanonicalReply =
        """{"schema":"hub.referral-content/v1","kind":"reply","notes":"Investigation opened.","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""";

    [Theory]
    [InlineData(ReferralContentKind.Referral)]
    [InlineData(ReferralContentKind.Reply)]
    [InlineData(ReferralContentKind.InformationRequest)]
    public void EveryKindRoundTrips(ReferralContentKind kind)
    {
        var content = kind switch
        {
            ReferralContentKind.Referral => Referral,
            ReferralContentKind.Reply => Reply,
            _ => InformationRequest,
        };

        var encoded = ReferralContentCodec.Encode(content, ContentContext.Normal);
        var decoded = ReferralContentCodec.Decode(encoded, ContentContext.Normal);

        Assert.Equivalent(content, decoded, strict: true);
        Assert.Equal(encoded, ReferralContentCodec.Encode(decoded, ContentContext.Normal));
    }

    [Fact]
    public void EncodingIsCompactInDeclaredOrderWithoutNullsOrEmptyLists()
    {
        Assert.Equal(CanonicalReply, Utf8(ReferralContentCodec.Encode(Reply, ContentContext.Normal)));
    }

    [Fact]
    public void EnumsAndTimesUseTheirWireForms()
    {
        var json = Utf8(ReferralContentCodec.Encode(Referral with { Items = [Item with { Classification = Classification.NationallyIllegal }] }, ContentContext.Normal));

        Assert.StartsWith("""{"schema":"hub.referral-content/v1","kind":"referral","source":"public-report","reportedAt":"2025-03-01T09:30:00+00:00","items":[{"url":""", json, StringComparison.Ordinal);
        Assert.Contains("\"classification\":\"nationally-illegal\"", json, StringComparison.Ordinal);
        Assert.Contains("\"notes\":\"Assessed by two analysts.\\nSame gallery as last week.\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void IndentedOrReorderedInputDecodesToTheSameCanonicalBytes()
    {
        const string Reordered = """
            {
              "inReplyTo": "3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
              "notes": "Investigation opened.",
              "kind": "reply",
              "schema": "hub.referral-content/v1"
            }
            """;

        var decoded = ReferralContentCodec.Decode(Utf8(Reordered), ContentContext.Normal);

        Assert.Equal(CanonicalReply, Utf8(ReferralContentCodec.Encode(decoded, ContentContext.Normal)));
    }

    [Theory]
    [InlineData("duplicate root member", """{"schema":"hub.referral-content/v1","kind":"reply","kind":"referral","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""")]
    [InlineData("duplicate schema", """{"schema":"hub.referral-content/v1","schema":"hub.referral-content/v2","kind":"reply"}""")]
    [InlineData("duplicate inside an unknown member", """{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","x":{"a":1,"a":2}}""")]
    [InlineData("trailing comma", """{"schema":"hub.referral-content/v1","kind":"reply",}""")]
    [InlineData("comment", """{"schema":"hub.referral-content/v1",/* c */"kind":"reply"}""")]
    [InlineData("two documents", """{"schema":"hub.referral-content/v1"}{}""")]
    [InlineData("truncated", """{"schema":"hub.referral-content/v1","kind":"re""")]
    public void MalformedJsonIsRefused(string attack, string json)
    {
        var problem = AssertRefused(json);

        Assert.False(string.IsNullOrEmpty(problem.Message), attack);
    }

    [Theory]
    [InlineData("""["schema"]""", "$")]
    [InlineData("""{"kind":"reply"}""", "$.schema")]
    [InlineData("""{"schema":1,"kind":"reply"}""", "$.schema")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":1,"inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""", "$.kind")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"Reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""", "$.kind")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply,referral","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""", "$.kind")]
    [InlineData("""{"schema":"hub.referral-content/v1","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""", "$")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"not-a-guid"}""", "$.inReplyTo")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","notes":7}""", "$.notes")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","items":{}}""", "$.items")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","items":null}""", "$.items")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","attachments":[{"id":"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d","fileName":"a.png","mediaType":"image/png","size":"12","sha256":"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f"}]}""", "$.attachments[0].size")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","attachments":[{"id":"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d","fileName":"a.png","mediaType":"image/png","size":1.5,"sha256":"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f"}]}""", "$.attachments[0].size")]
    [InlineData("""{"schema":"hub.referral-content/v1","kind":"reply","inReplyTo":"3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f","attachments":[{"id":"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d","fileName":null,"mediaType":"image/png","size":1,"sha256":"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f"}]}""", "$.attachments[0].fileName")]
    public void WrongTypesAndMissingMembersAreRefusedAtTheirPath(string json, string path)
    {
        Assert.Equal(path, AssertRefused(json).Path);
    }

    [Fact]
    public void DecodedContentIsValidatedToo()
    {
        var json = CanonicalReply.Replace("\"kind\":\"reply\"", "\"kind\":\"referral\"", StringComparison.Ordinal);

        var error = Assert.Throws<ReferralContentException>(() => ReferralContentCodec.Decode(Utf8(json), ContentContext.Normal));

        Assert.Equal(["$.source", "$.reportedAt", "$.items", "$.inReplyTo"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ADocumentOverTheSizeLimitIsRefusedBeforeParsing()
    {
        var json = new byte[ContentLimits.MaxEncodedBytes + 1];

        Assert.Equal("$", AssertRefused(json).Path);
    }

    [Fact]
    public void UrgencyIsCheckedAgainstTheCasePriorityOnDecode()
    {
        var urgent = Referral with { EscalationReason = "Child at imminent risk." };
        var encoded = ReferralContentCodec.Encode(urgent, ContentContext.Urgent);

        var error = Assert.Throws<ReferralContentException>(() => ReferralContentCodec.Decode(encoded, ContentContext.Normal));

        Assert.Equal("$.escalationReason", Assert.Single(error.Problems).Path);
    }

    private static ContentProblem AssertRefused(string json) => AssertRefused(Utf8(json));

    private static ContentProblem AssertRefused(byte[] json)
    {
        Assert.False(ReferralContentCodec.TryDecode(json, ContentContext.Normal, out var content, out var problems));
        Assert.Null(content);
        return Assert.Single(problems);
    }
}
