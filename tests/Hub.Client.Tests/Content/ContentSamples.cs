// Hand-built content with every member set, so each validation test breaks exactly one rule.
using Hub.Client.Content;

namespace Hub.Client.Tests.Content;

internal static class ContentSamples
{
    public const string Sha256 = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f";
    public const string Md5 = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string Sha1 = "00112233445566778899aabbccddeeff00112233";

    public static readonly Guid OriginalMessage = new("3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
    public static readonly Guid AttachmentId = new("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d");

    public static ReferralItem Item { get; } = new()
    {
        Url = "https://gallery-101.example/album/7f3a.html",
        Hashes = new ContentHashes
        {
            Sha256 = Sha256,
            Md5 = Md5,
            Sha1 = Sha1,
            Perceptual = new PerceptualHash { Algorithm = "pdq", Value = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22" },
        },
        Classification = Classification.Baseline,
        Hosting = new HostingTrace { Ip = "192.0.2.10", Asn = "AS64496", Provider = "Example Hosting B.V.", Country = "NL" },
    };

    public static AttachmentReference Attachment { get; } = new()
    {
        Id = AttachmentId,
        FileName = "screenshot-1.png",
        MediaType = "image/png",
        Size = 48_213,
        Sha256 = Sha256,
    };

    public static ReferralContent Referral { get; } = new()
    {
        Kind = ReferralContentKind.Referral,
        Source = ReportSource.PublicReport,
        ReportedAt = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero),
        Items = [Item],
        Notes = "Assessed by two analysts.\nSame gallery as last week.",
        Attachments = [Attachment],
    };

    public static ReferralContent Reply { get; } = new()
    {
        Kind = ReferralContentKind.Reply,
        InReplyTo = OriginalMessage,
        Notes = "Investigation opened.",
    };

    public static ReferralContent InformationRequest { get; } = new()
    {
        Kind = ReferralContentKind.InformationRequest,
        InReplyTo = OriginalMessage,
        RequestedInformation = ["Server logs for the upload time", "Account identifier of the uploader"],
    };

    public static ReferralContent WithItem(this ReferralContent content, Func<ReferralItem, ReferralItem> change) =>
        content with { Items = [change(content.Items[0])] };

    public static ReferralContent WithHashes(this ReferralContent content, Func<ContentHashes, ContentHashes> change) =>
        content.WithItem(item => item with { Hashes = change(item.Hashes) });

    public static ReferralContent WithHosting(this ReferralContent content, Func<HostingTrace, HostingTrace> change) =>
        content.WithItem(item => item with { Hosting = change(item.Hosting!) });

    public static ReferralContent WithAttachment(this ReferralContent content, Func<AttachmentReference, AttachmentReference> change) =>
        content with { Attachments = [change(content.Attachments[0])] };

    public static string Utf8(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
