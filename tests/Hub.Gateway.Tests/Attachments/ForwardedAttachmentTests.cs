using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Referrals;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;

namespace Hub.Gateway.Tests.Attachments;

/// <summary>
/// Attachments of a forwarded referral, through the SDK against a real gateway process: the re-wrap carries each
/// attachment's re-wrapped header, the added agency opens the original sealed files byte-identical, a header the hub
/// substitutes is refused by the client, outsiders get 404, a retried re-wrap writes nothing new, and malformed re-wraps
/// are refused whole.
/// </summary>
public sealed class ForwardedAttachmentTests(GatewayProcessFixture hub) : IClassFixture<GatewayProcessFixture>
{
    private SdkWorld World => SdkWorld.Over(hub.Gateway);

    [Fact]
    public async Task AfterAConsentGatedForwardTheAddedAgencyOpensEveryAttachmentByteIdentical()
    {
        var story = await ReferWithAttachmentsAsync("cg", new CaseHandling("H2", "TLP:AMBER"));
        using var _ = story;

        // H2 needs the originator's consent; the originator's client re-wraps on granting it.
        await story.Recipient.Api.RequestForwardAsync(story.CaseId, new RequestForward(Guid.NewGuid(), story.Added.AgencyId));
        await story.Sender.Api.DecideConsentAsync(story.CaseId, new DecideConsent(Guid.NewGuid(), story.Added.AgencyId, Grant: true));
        var rewrap = await story.Sender.Workspace.PrepareRewrapAsync(story.CaseId, story.MessageId, story.Added.AgencyId);
        await story.Sender.Api.AddRewrapAsync(story.CaseId, rewrap);

        // The content also names an attachment the hub never received: nobody can download it, so it has no re-wrap.
        var forwarding = ForwardingStatement.Parse(rewrap.Statement);
        Assert.Equal(2, forwarding.Attachments.Count);
        Assert.Equal(story.References.Select(r => r.Id).Order(), rewrap.Attachments!.Select(a => a.AttachmentId).Order());
        var missing = await Assert.ThrowsAsync<AgeException>(() => story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, story.NeverUploaded.Id, new MemoryStream()));
        Assert.Equal(AgeErrorKind.NoMatchingRecipient, missing.Kind);
        foreach (var (reference, plain) in story.References.Zip(story.Plaintexts))
        {
            var output = new MemoryStream();
            var opened = await story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, reference.Id, output);
            Assert.Equal(plain, output.ToArray());
            Assert.Equal(reference.SealedSha256, opened.SealedSha256);
        }

        // The sealed files are the ones the sender uploaded: the added agency downloads the same bytes as the recipient.
        var forRecipient = new MemoryStream();
        var forAdded = new MemoryStream();
        await story.Recipient.Api.DownloadAttachmentAsync(story.CaseId, story.References[0].Id, forRecipient);
        await story.Added.Api.DownloadAttachmentAsync(story.CaseId, story.References[0].Id, forAdded);
        Assert.Equal(forRecipient.ToArray(), forAdded.ToArray());
        Assert.Single(await AuditTypesAsync(story.Sender, story.CaseId), t => t == "case.rewrap-added.v1");
    }

    [Fact]
    public async Task AnAttachmentHeaderTheHubSubstitutesIsRefusedAndNothingIsWritten()
    {
        // The added agency's client talks to the hub through a transport that can swap one header answer for another, as
        // a hub would that serves attachment B's genuine re-wrapped header (which the added agency can unwrap) for A.
        var swaps = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var story = await ReferWithAttachmentsAsync("sw", new CaseHandling("H1", "TLP:AMBER"), swaps);
        using var _ = story;
        await ForwardByRecipientAsync(story);
        var (a, b) = (story.References[0], story.References[1]);
        var headerOfB = await story.Added.Api.GetAttachmentHeaderAsync(story.CaseId, story.MessageId, b.Id);
        swaps[$"/attachments/{a.Id}/header"] = headerOfB;
        var output = new MemoryStream();

        var failure = await Assert.ThrowsAsync<AgeException>(() => story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, a.Id, output));

        Assert.Equal(AgeErrorKind.StatementMismatch, failure.Kind);
        Assert.Contains("re-wrapped attachment header", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
        swaps.Clear();
        await story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, a.Id, output);
        Assert.Equal(story.Plaintexts[0], output.ToArray());
    }

    [Fact]
    public async Task TheHeaderEndpointIsNotFoundForOutsidersAndForbiddenToAgenciesWithoutAHeader()
    {
        var story = await ReferWithAttachmentsAsync("hx", new CaseHandling("H1", "TLP:AMBER"));
        using var _ = story;
        await ForwardByRecipientAsync(story);
        using var outsider = await TestAgencies.DefineAsync(World, TestAgencies.UniqueId("hx", "outsider"), AgencyKind.PoliceUnit, "Hub.Investigator");
        var attachmentId = story.References[0].Id;

        foreach (var (caseId, messageId, id) in new[] { (story.CaseId, story.MessageId, attachmentId), (Guid.NewGuid(), story.MessageId, attachmentId) })
        {
            var refusal = await Assert.ThrowsAsync<HubApiException>(() => outsider.Api.GetAttachmentHeaderAsync(caseId, messageId, id));
            Assert.Equal(HttpStatusCode.NotFound, refusal.Status);
            Assert.DoesNotContain(story.Sender.AgencyId, refusal.Message, StringComparison.Ordinal);
        }

        var unknownAttachment = await Assert.ThrowsAsync<HubApiException>(() => story.Added.Api.GetAttachmentHeaderAsync(story.CaseId, story.MessageId, Guid.NewGuid()));
        var unknownMessage = await Assert.ThrowsAsync<HubApiException>(() => story.Added.Api.GetAttachmentHeaderAsync(story.CaseId, Guid.NewGuid(), attachmentId));
        var originalRecipient = await Assert.ThrowsAsync<HubApiException>(() => story.Recipient.Api.GetAttachmentHeaderAsync(story.CaseId, story.MessageId, attachmentId));
        Assert.Equal(HttpStatusCode.NotFound, unknownAttachment.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownMessage.Status);
        Assert.Equal(HttpStatusCode.Forbidden, originalRecipient.Status);
        Assert.NotEmpty(await story.Added.Api.GetAttachmentHeaderAsync(story.CaseId, story.MessageId, attachmentId));
    }

    [Fact]
    public async Task ARetriedRewrapReturnsTheFirstResultAndWritesNothingNew()
    {
        var story = await ReferWithAttachmentsAsync("rt", new CaseHandling("H1", "TLP:AMBER"));
        using var _ = story;
        var rewrap = await PrepareForwardByRecipientAsync(story);

        var first = await story.Recipient.Api.AddRewrapAsync(story.CaseId, rewrap);
        var again = await story.Recipient.Api.AddRewrapAsync(story.CaseId, rewrap);
        var rebuilt = await story.Recipient.Workspace.PrepareRewrapAsync(story.CaseId, story.MessageId, story.Added.AgencyId, rewrap.CommandId);
        var afterRebuild = await story.Recipient.Api.AddRewrapAsync(story.CaseId, rebuilt);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, afterRebuild.Version);
        Assert.Single(await AuditTypesAsync(story.Sender, story.CaseId), t => t == "case.rewrap-added.v1");
        // The headers the hub keeps are the first ones (the rebuilt request carried fresh ones and changed nothing).
        var served = await story.Added.Api.GetAttachmentHeaderAsync(story.CaseId, story.MessageId, story.References[1].Id);
        Assert.Equal(rewrap.Attachments!.Single(a => a.AttachmentId == story.References[1].Id).Header, served);
        var output = new MemoryStream();
        await story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, story.References[1].Id, output);
        Assert.Equal(story.Plaintexts[1], output.ToArray());
    }

    [Fact]
    public async Task RewrapsWithUnboundUnknownOrOversizedAttachmentHeadersAreRefusedAndWriteNothing()
    {
        var story = await ReferWithAttachmentsAsync("bad", new CaseHandling("H1", "TLP:AMBER"));
        using var _ = story;
        var good = await PrepareForwardByRecipientAsync(story);
        var (first, second) = (good.Attachments![0], good.Attachments[1]);
        var unknown = new RewrappedAttachment(Guid.NewGuid(), first.Header);

        var attempts = new (string Name, AddRewrap Body, HttpStatusCode Status)[]
        {
            ("headers swapped between attachments", good with { CommandId = Guid.NewGuid(), Attachments = [first with { Header = second.Header }, second with { Header = first.Header }] }, HttpStatusCode.BadRequest),
            ("attachment headers left out", good with { CommandId = Guid.NewGuid(), Attachments = null }, HttpStatusCode.BadRequest),
            ("one attachment header too many", good with { CommandId = Guid.NewGuid(), Attachments = [first, second, unknown] }, HttpStatusCode.BadRequest),
            ("signed, but for an attachment the case does not have", Resign(story.Recipient, good, [first, second, unknown]), HttpStatusCode.BadRequest),
            ("signed, but the same attachment twice", Resign(story.Recipient, good, [first, first]), HttpStatusCode.BadRequest),
            ("a header over 64 KiB", Resign(story.Recipient, good, [first, second with { Header = new byte[(64 * 1024) + 1] }]), HttpStatusCode.RequestEntityTooLarge),
            ("for an agency that is not in the case", good with { CommandId = Guid.NewGuid(), Recipient = new RecipientKey("de-police", 1) }, HttpStatusCode.BadRequest),
        };
        foreach (var (name, body, status) in attempts)
        {
            var refusal = await Assert.ThrowsAsync<HubApiException>(() => story.Recipient.Api.AddRewrapAsync(story.CaseId, body));
            Assert.True(refusal.Status == status, $"{name}: {(int)refusal.Status} {refusal.Detail}");
        }

        Assert.DoesNotContain("case.rewrap-added.v1", await AuditTypesAsync(story.Sender, story.CaseId));
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<HubApiException>(() => story.Added.Api.GetEnvelopeAsync(story.CaseId, story.MessageId))).Status);
        await story.Recipient.Api.AddRewrapAsync(story.CaseId, good);
        var output = new MemoryStream();
        await story.Added.Workspace.OpenAttachmentAsync(story.CaseId, story.MessageId, first.AttachmentId, output);
        Assert.Equal(story.Plaintexts[story.References.FindIndex(r => r.Id == first.AttachmentId)], output.ToArray());
    }

    /// <summary>The same forward, signed again by the forwarder's device over other attachment headers.</summary>
    private static AddRewrap Resign(AgencyDesk forwarder, AddRewrap rewrap, RewrappedAttachment[] attachments)
    {
        var statement = ForwardingStatement.Parse(rewrap.Statement);
        var digests = attachments
            .Select(a => new AttachmentHeaderDigest(a.AttachmentId, System.Security.Cryptography.SHA256.HashData(a.Header)))
            .Order(Comparer<AttachmentHeaderDigest>.Create((x, y) => AttachmentHeaderDigest.CompareIds(x.AttachmentId, y.AttachmentId)))
            .ToList();
        var changed = new ForwardingStatement(
            [.. statement.OriginalStatementDigest], [.. statement.HeaderDigest], statement.AddedAgencyId, statement.AddedGeneration,
            statement.ForwarderAgencyId, statement.ForwarderDeviceId, statement.ForwardedAt, DistinctOrdered(digests));
        var signed = changed.Sign(forwarder.Workspace.Device);
        return rewrap with { CommandId = Guid.NewGuid(), Statement = signed.Statement, Signature = signed.Signature, Attachments = attachments };
    }

    // A statement cannot list one attachment twice; for the "same attachment twice" body it lists it once.
    private static List<AttachmentHeaderDigest> DistinctOrdered(List<AttachmentHeaderDigest> digests) =>
        [.. digests.DistinctBy(d => d.AttachmentId)];

    private static async Task ForwardByRecipientAsync(ForwardStory story)
    {
        await RequestForwardByRecipientAsync(story);
        await story.Recipient.Workspace.RewrapAsync(story.CaseId, story.MessageId, story.Added.AgencyId);
    }

    /// <summary>The recipient asks to add the added agency (no consent needed below H2) and prepares the re-wrap, unsent.</summary>
    private static async Task<AddRewrap> PrepareForwardByRecipientAsync(ForwardStory story)
    {
        await RequestForwardByRecipientAsync(story);
        return await story.Recipient.Workspace.PrepareRewrapAsync(story.CaseId, story.MessageId, story.Added.AgencyId);
    }

    private static Task<CommandAccepted> RequestForwardByRecipientAsync(ForwardStory story) =>
        story.Recipient.Api.RequestForwardAsync(story.CaseId, new RequestForward(Guid.NewGuid(), story.Added.AgencyId));

    /// <summary>
    /// A hotline refers a case with two attachments (one of several 64 KiB chunks), and a reference to a third it never
    /// uploaded, to a police unit; a second police unit, not yet in the case, will be added. <paramref name="swaps"/>: header answers the added unit's transport replaces.
    /// </summary>
    private async Task<ForwardStory> ReferWithAttachmentsAsync(string prefix, CaseHandling handling, Dictionary<string, byte[]>? swaps = null)
    {
        var sender = await TestAgencies.DefineAsync(World, TestAgencies.UniqueId(prefix, "hotline"), AgencyKind.Hotline, "Hub.Analyst");
        var recipient = await TestAgencies.DefineAsync(World, TestAgencies.UniqueId(prefix, "police"), AgencyKind.PoliceUnit, "Hub.Investigator");
        var addedId = TestAgencies.UniqueId(prefix, "added");
        var added = swaps is null
            ? await TestAgencies.DefineAsync(World, addedId, AgencyKind.PoliceUnit, "Hub.Investigator")
            : await DefineSwappingAsync(addedId, swaps);
        var caseId = Guid.NewGuid();
        await sender.Api.OpenCaseAsync(new OpenCaseRequest(caseId, Guid.NewGuid(), Priority.High, CaseCategory.AbuseMaterial, "LU", handling, DateTimeOffset.UtcNow));
        byte[][] plaintexts = [AttachmentUploadTests.RandomBytes(11, 300_000), AttachmentUploadTests.RandomBytes(12, 1_234)];
        var references = new List<AttachmentReference>();
        foreach (var (plain, index) in plaintexts.Select((p, i) => (p, i)))
        {
            references.Add(await sender.Workspace.UploadAttachmentAsync(caseId, new MemoryStream(plain), $"capture-{index}.bin", "application/octet-stream", [recipient.AgencyId]));
        }

        var neverUploaded = references[1] with { Id = Guid.NewGuid(), FileName = "never-uploaded.bin" };
        var content = SyntheticContent.CreateReferral(7, priority: CasePriority.High) with { Attachments = [.. references, neverUploaded] };
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), [recipient.AgencyId]);
        return new ForwardStory(sender, recipient, added, caseId, messageId, references, plaintexts, neverUploaded);
    }

    private async Task<AgencyDesk> DefineSwappingAsync(string agencyId, Dictionary<string, byte[]> swaps)
    {
        var admin = await World.SignInAsync(agencyId, "Hub.AgencyAdmin");
        using (var api = new HubApiClient(admin))
        {
            await api.DefineAgencyAsync(agencyId, new AgencyDefinition(AgencyKind.PoliceUnit, "LU", $"{agencyId} (test)", null));
        }

        var duty = await World.SignInAsync(agencyId, "Hub.Investigator");
        return await AgencyDesk.SetUpAsync(agencyId, admin, duty with { CreateHandler = () => new SwappingHandler(swaps) });
    }

    private async Task<List<string>> AuditTypesAsync(AgencyDesk desk, Guid caseId)
    {
        using var raw = hub.Gateway.CreateClient(await desk.Duty.AccessToken(default));
        var page = await raw.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/audit/entries?limit=1000", UriKind.Relative));
        return [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }

    private sealed record ForwardStory(
        AgencyDesk Sender, AgencyDesk Recipient, AgencyDesk Added, Guid CaseId, Guid MessageId, List<AttachmentReference> References, byte[][] Plaintexts,
        AttachmentReference NeverUploaded) : IDisposable
    {
        public void Dispose()
        {
            Sender.Dispose();
            Recipient.Dispose();
            Added.Dispose();
        }
    }

    /// <summary>Replaces the body of a successful answer whose path ends with a key of <paramref name="swaps"/>.</summary>
    private sealed class SwappingHandler(Dictionary<string, byte[]> swaps) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            if (response.IsSuccessStatusCode && swaps.FirstOrDefault(s => path.EndsWith(s.Key, StringComparison.Ordinal)) is { Value: { } replacement })
            {
                response.Content = new ByteArrayContent(replacement);
            }

            return response;
        }
    }
}
