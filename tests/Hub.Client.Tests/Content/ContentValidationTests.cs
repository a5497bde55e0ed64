using Hub.Client.Content;

namespace Hub.Client.Tests.Content;

public sealed class ContentValidationTests
{
    private static readonly ReferralContent R = ContentSamples.Referral;

    // Each case breaks one rule of a valid document and names the path the problem must point at.
    private static readonly Dictionary<string, (ReferralContent Content, ContentContext Context, string Path)> Cases = new()
    {
        ["major version 2"] = (R with { Schema = "hub.referral-content/v2" }, ContentContext.Normal, "$.schema"),
        ["foreign schema id"] = (R with { Schema = "referral/v1" }, ContentContext.Normal, "$.schema"),
        ["minor version with leading zero"] = (R with { Schema = "hub.referral-content/v1.01" }, ContentContext.Normal, "$.schema"),
        ["undefined kind"] = (R with { Kind = (ReferralContentKind)99 }, ContentContext.Normal, "$.kind"),
        ["referral without source"] = (R with { Source = null }, ContentContext.Normal, "$.source"),
        ["undefined source"] = (R with { Source = (ReportSource)9 }, ContentContext.Normal, "$.source"),
        ["referral without report time"] = (R with { ReportedAt = null }, ContentContext.Normal, "$.reportedAt"),
        ["referral without items"] = (R with { Items = [] }, ContentContext.Normal, "$.items"),
        ["too many items"] = (R with { Items = [.. Enumerable.Repeat(ContentSamples.Item, ContentLimits.MaxItems + 1)] }, ContentContext.Normal, "$.items"),
        ["null item"] = (R with { Items = [null!] }, ContentContext.Normal, "$.items[0]"),
        ["relative URL"] = (R.WithItem(i => i with { Url = "/album/7f3a.html" }), ContentContext.Normal, "$.items[0].url"),
        ["ftp URL"] = (R.WithItem(i => i with { Url = "ftp://files.example/a.jpg" }), ContentContext.Normal, "$.items[0].url"),
        ["javascript URL"] = (R.WithItem(i => i with { Url = "javascript:alert(1)" }), ContentContext.Normal, "$.items[0].url"),
        ["URL too long"] = (R.WithItem(i => i with { Url = "https://a.example/" + new string('a', ContentLimits.MaxUrlLength) }), ContentContext.Normal, "$.items[0].url"),
        ["URL with a space"] = (R.WithItem(i => i with { Url = "https://a.example/a b" }), ContentContext.Normal, "$.items[0].url"),
        ["missing hashes"] = (R.WithItem(i => i with { Hashes = null! }), ContentContext.Normal, "$.items[0].hashes"),
        ["missing SHA-256"] = (R.WithHashes(h => h with { Sha256 = null! }), ContentContext.Normal, "$.items[0].hashes.sha256"),
        ["upper-case SHA-256"] = (R.WithHashes(h => h with { Sha256 = ContentSamples.Sha256.ToUpperInvariant() }), ContentContext.Normal, "$.items[0].hashes.sha256"),
        ["short SHA-256"] = (R.WithHashes(h => h with { Sha256 = ContentSamples.Sha256[1..] }), ContentContext.Normal, "$.items[0].hashes.sha256"),
        ["MD5 of SHA-1 length"] = (R.WithHashes(h => h with { Md5 = ContentSamples.Sha1 }), ContentContext.Normal, "$.items[0].hashes.md5"),
        ["SHA-1 with non-hex"] = (R.WithHashes(h => h with { Sha1 = "zz" + ContentSamples.Sha1[2..] }), ContentContext.Normal, "$.items[0].hashes.sha1"),
        ["perceptual algorithm in upper case"] = (R.WithHashes(h => h with { Perceptual = h.Perceptual! with { Algorithm = "PDQ" } }), ContentContext.Normal, "$.items[0].hashes.perceptual.algorithm"),
        ["perceptual value with a space"] = (R.WithHashes(h => h with { Perceptual = h.Perceptual! with { Value = "ab cd" } }), ContentContext.Normal, "$.items[0].hashes.perceptual.value"),
        ["undefined classification"] = (R.WithItem(i => i with { Classification = (Classification)7 }), ContentContext.Normal, "$.items[0].classification"),
        ["IPv4 with leading zero"] = (R.WithHosting(h => h with { Ip = "192.0.2.010" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["IPv4 shorthand"] = (R.WithHosting(h => h with { Ip = "3221225985" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["IPv4 with prefix"] = (R.WithHosting(h => h with { Ip = "192.0.2.0/24" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["IPv6 in upper case"] = (R.WithHosting(h => h with { Ip = "2001:DB8::1" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["IPv6 not compressed"] = (R.WithHosting(h => h with { Ip = "2001:db8:0:0:0:0:0:1" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["IPv6 with zone"] = (R.WithHosting(h => h with { Ip = "fe80::1%2" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["host name instead of IP"] = (R.WithHosting(h => h with { Ip = "gallery.example" }), ContentContext.Normal, "$.items[0].hosting.ip"),
        ["ASN in lower case"] = (R.WithHosting(h => h with { Asn = "as64496" }), ContentContext.Normal, "$.items[0].hosting.asn"),
        ["ASN with leading zero"] = (R.WithHosting(h => h with { Asn = "AS064496" }), ContentContext.Normal, "$.items[0].hosting.asn"),
        ["ASN beyond 32 bits"] = (R.WithHosting(h => h with { Asn = "AS4294967296" }), ContentContext.Normal, "$.items[0].hosting.asn"),
        ["blank provider"] = (R.WithHosting(h => h with { Provider = "  " }), ContentContext.Normal, "$.items[0].hosting.provider"),
        ["country in lower case"] = (R.WithHosting(h => h with { Country = "nl" }), ContentContext.Normal, "$.items[0].hosting.country"),
        ["alpha-3 country"] = (R.WithHosting(h => h with { Country = "NLD" }), ContentContext.Normal, "$.items[0].hosting.country"),
        ["urgent referral without reason"] = (R, ContentContext.Urgent, "$.escalationReason"),
        ["reason in a normal case"] = (R with { EscalationReason = "Child at risk." }, ContentContext.Normal, "$.escalationReason"),
        ["blank reason in an urgent case"] = (R with { EscalationReason = " " }, ContentContext.Urgent, "$.escalationReason"),
        ["notes too long"] = (R with { Notes = new string('n', ContentLimits.MaxNotesLength + 1) }, ContentContext.Normal, "$.notes"),
        ["notes with a control character"] = (R with { Notes = "bell \u0007" }, ContentContext.Normal, "$.notes"),
        ["referral in reply to a message"] = (R with { InReplyTo = ContentSamples.OriginalMessage }, ContentContext.Normal, "$.inReplyTo"),
        ["reply to nothing"] = (ContentSamples.Reply with { InReplyTo = null }, ContentContext.Normal, "$.inReplyTo"),
        ["reply to the empty id"] = (ContentSamples.Reply with { InReplyTo = Guid.Empty }, ContentContext.Normal, "$.inReplyTo"),
        ["request asking nothing"] = (ContentSamples.InformationRequest with { RequestedInformation = [] }, ContentContext.Normal, "$.requestedInformation"),
        ["referral asking for information"] = (R with { RequestedInformation = ["Logs"] }, ContentContext.Normal, "$.requestedInformation"),
        ["blank request entry"] = (ContentSamples.InformationRequest with { RequestedInformation = [""] }, ContentContext.Normal, "$.requestedInformation[0]"),
        ["null request entry"] = (ContentSamples.InformationRequest with { RequestedInformation = [null!] }, ContentContext.Normal, "$.requestedInformation[0]"),
        ["too many attachments"] = (R with { Attachments = [.. Enumerable.Range(1, ContentLimits.MaxAttachments + 1).Select(i => ContentSamples.Attachment with { Id = new Guid(i, 0, 0, new byte[8]) })] }, ContentContext.Normal, "$.attachments"),
        ["empty attachment id"] = (R.WithAttachment(a => a with { Id = Guid.Empty }), ContentContext.Normal, "$.attachments[0].id"),
        ["same attachment twice"] = (R with { Attachments = [ContentSamples.Attachment, ContentSamples.Attachment] }, ContentContext.Normal, "$.attachments[1].id"),
        ["file name with a directory"] = (R.WithAttachment(a => a with { FileName = "../keys.txt" }), ContentContext.Normal, "$.attachments[0].fileName"),
        ["file name too long"] = (R.WithAttachment(a => a with { FileName = new string('f', ContentLimits.MaxFileNameLength + 1) }), ContentContext.Normal, "$.attachments[0].fileName"),
        ["media type in upper case"] = (R.WithAttachment(a => a with { MediaType = "Image/PNG" }), ContentContext.Normal, "$.attachments[0].mediaType"),
        ["media type with parameters"] = (R.WithAttachment(a => a with { MediaType = "text/plain; charset=utf-8" }), ContentContext.Normal, "$.attachments[0].mediaType"),
        ["negative size"] = (R.WithAttachment(a => a with { Size = -1 }), ContentContext.Normal, "$.attachments[0].size"),
        ["bad attachment digest"] = (R.WithAttachment(a => a with { Sha256 = "abc" }), ContentContext.Normal, "$.attachments[0].sha256"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EachBrokenRuleIsReportedAtItsPath(string name)
    {
        var (content, context, path) = Cases[name];

        var problems = ReferralContentValidator.Validate(content, context);

        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EncodeRefusesEachBrokenRule(string name)
    {
        var (content, context, path) = Cases[name];

        var error = Assert.Throws<ReferralContentException>(() => ReferralContentCodec.Encode(content, context));

        Assert.Equal(path, Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void TheSamplesAreValid()
    {
        Assert.Empty(ReferralContentValidator.Validate(ContentSamples.Referral, ContentContext.Normal));
        Assert.Empty(ReferralContentValidator.Validate(ContentSamples.Referral with { EscalationReason = "Child at imminent risk." }, ContentContext.Urgent));
        Assert.Empty(ReferralContentValidator.Validate(ContentSamples.Reply, ContentContext.Urgent));
        Assert.Empty(ReferralContentValidator.Validate(ContentSamples.InformationRequest, ContentContext.Normal));
    }

    [Fact]
    public void EveryProblemIsReportedNotOnlyTheFirst()
    {
        var content = R.WithHosting(h => h with { Ip = "1", Country = "nl" }) with { Source = null, Notes = "" };

        var problems = ReferralContentValidator.Validate(content, ContentContext.Urgent);

        Assert.Equal(["$.source", "$.items[0].hosting.ip", "$.items[0].hosting.country", "$.escalationReason", "$.notes"], problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:1:2:3:4:5:6")]
    [InlineData("::ffff:192.0.2.1")]
    public void CanonicalAddressesAreAccepted(string ip)
    {
        Assert.Empty(ReferralContentValidator.Validate(R.WithHosting(h => h with { Ip = ip }), ContentContext.Normal));
    }
}
