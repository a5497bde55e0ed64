using Hub.Client.Content;

namespace Hub.Client.Tests.Content;

public sealed class ReferralContentDocTests
{
    private const string Marker = "<!-- example: SyntheticContent.CreateReferral(seed: 42, itemCount: 2, CasePriority.Urgent) -->";

    [Fact]
    public void TheDocumentedExampleIsWhatTheGeneratorProduces()
    {
        var doc = File.ReadAllText(Path.Combine(VectorTests.RepositoryRoot(), "docs", "referral-content.md"));
        var start = doc.IndexOf("```json", doc.IndexOf(Marker, StringComparison.Ordinal), StringComparison.Ordinal) + "```json".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var expected = ReferralContentCodec.Encode(SyntheticContent.CreateReferral(seed: 42, itemCount: 2, CasePriority.Urgent), ContentContext.Urgent);

        var documented = ReferralContentCodec.Encode(ReferralContentCodec.Decode(ContentSamples.Utf8(example), ContentContext.Urgent), ContentContext.Urgent);

        Assert.Equal(ContentSamples.Utf8(expected), ContentSamples.Utf8(documented));
    }
}
