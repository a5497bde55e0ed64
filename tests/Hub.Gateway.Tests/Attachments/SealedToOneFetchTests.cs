using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Keys;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;

namespace Hub.Gateway.Tests.Attachments;

/// <summary>
/// A referral with attachments (what <c>hub refer --attach</c> sends) asks the hub for each agency's keys once: the
/// generations fetched up front seal every attachment and the referral, and the recipient opens all of them.
/// </summary>
[Collection(SharedHubGroup.Name)]
public sealed class SealedToOneFetchTests(SharedHub hub)
{
    [Fact]
    public async Task AttachmentsAndTheirReferralSealedToGenerationsFetchedOnceAskForNoMoreKeys()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "of");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var keyRequests = 0;
        using var api = new HubApiClient(sender.Duty with { CreateHandler = () => new KeyRequestCounter(hub.Server.CreateHandler(), () => keyRequests++) });
        using var workspace = new AgencyWorkspace(api, sender.AgencyId, sender.Workspace.Device);

        var generations = await workspace.CurrentGenerationsAsync([recipient.AgencyId]);
        var fetched = keyRequests;
        var files = new[] { RandomBytes(1, 70_000), RandomBytes(2, 3000) };
        var references = new List<AttachmentReference>();
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var sealedFile = new MemoryStream();
            var digests = workspace.SealAttachment(new MemoryStream(file), sealedFile, generations);
            var id = Guid.NewGuid();
            sealedFile.Position = 0;
            await workspace.UploadSealedAttachmentAsync(caseId, id, sealedFile, digests);
            references.Add(digests.Reference(id, $"capture-{index}.bin", "application/octet-stream"));
        }

        var content = SyntheticContent.CreateReferral(1, priority: CasePriority.High) with { Attachments = references };
        var (messageId, _) = await workspace.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), generations);

        Assert.Equal(2, fetched);
        Assert.Equal(fetched, keyRequests);
        var opened = await recipient.Workspace.OpenAsync(caseId, messageId);
        foreach (var (reference, file) in references.Zip(files))
        {
            var output = new MemoryStream();
            await recipient.Workspace.OpenAttachmentAsync(caseId, opened, reference, output);
            Assert.Equal(file, output.ToArray());
        }
    }

    [Fact]
    public async Task GenerationsWithoutTheSendersOwnAreMisuse()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(SdkWorld.Over(hub), "ow");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        IReadOnlyList<AgencyGenerationKey> others = [.. (await sender.Workspace.CurrentGenerationsAsync([recipient.AgencyId])).Where(k => k.AgencyId == recipient.AgencyId)];

        Assert.Throws<ArgumentException>(() => sender.Workspace.SealAttachment(new MemoryStream(RandomBytes(3, 10)), new MemoryStream(), others));
        await Assert.ThrowsAsync<ArgumentException>(() => sender.Workspace.ReferAsync(caseId, RandomBytes(4, 10), others));
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Counts the key-directory reads (<c>GET /api/agencies/{id}/keys</c>) a client makes.</summary>
    private sealed class KeyRequestCounter(HttpMessageHandler inner, Action counted) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal))
            {
                counted();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
