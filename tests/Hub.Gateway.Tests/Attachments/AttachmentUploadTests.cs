using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Client.Api;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Wire;
using Hub.Gateway.Tests.Infrastructure;
using Hub.Gateway.Tests.Sdk;

namespace Hub.Gateway.Tests.Attachments;

/// <summary>The attachment protocol against a real gateway process: access, the declared size and digest, cut chunks, tampered storage.</summary>
public sealed class AttachmentUploadTests(GatewayProcessFixture hub) : IClassFixture<GatewayProcessFixture>
{
    private const int Chunk = 64 * 1024;

    private SdkWorld World => SdkWorld.Over(hub.Gateway);

    [Fact]
    public async Task ANonParticipantGetsNotFoundOnEveryAttachmentEndpoint()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(World, "an");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        using var outsider = await TestAgencies.DefineAsync(World, TestAgencies.UniqueId("an", "outsider"), AgencyKind.PoliceUnit, "Hub.Investigator");
        var stored = await sender.Workspace.UploadAttachmentAsync(caseId, new MemoryStream(RandomBytes(1, 3000)), "a.bin", "application/octet-stream", [recipient.AgencyId]);
        var content = SyntheticContent.CreateReferral(1, priority: CasePriority.High) with { Attachments = [stored] };
        await sender.Workspace.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), [recipient.AgencyId]);
        var open = Guid.NewGuid();
        await sender.Api.OpenUploadAsync(caseId, new OpenUpload(open, 10, new string('0', 64)));
        var unknownCase = Guid.NewGuid();

        var attempts = new List<Func<Task>>();
        foreach (var target in new[] { caseId, unknownCase })
        {
            attempts.Add(() => outsider.Api.OpenUploadAsync(target, new OpenUpload(Guid.NewGuid(), 10, new string('0', 64))));
            foreach (var id in new[] { stored.Id, open })
            {
                attempts.Add(() => outsider.Api.GetUploadOffsetAsync(target, id));
                attempts.Add(() => outsider.Api.PutChunkAsync(target, id, 0, new byte[10]));
                attempts.Add(() => outsider.Api.CompleteUploadAsync(target, id));
                attempts.Add(() => outsider.Api.DownloadAttachmentAsync(target, id, new MemoryStream()));
            }
        }

        foreach (var attempt in attempts)
        {
            var refusal = await Assert.ThrowsAsync<HubApiException>(attempt);
            Assert.Equal(HttpStatusCode.NotFound, refusal.Status);
        }

        // Participants still get what is theirs: the recipient (a participant since the referral) downloads, but cannot touch the sender's upload.
        var sealedBytes = new MemoryStream();
        await recipient.Api.DownloadAttachmentAsync(caseId, stored.Id, sealedBytes);
        Assert.Equal(stored.SealedSize, sealedBytes.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HubApiException>(() => recipient.Api.GetUploadOffsetAsync(caseId, open))).Status);
    }

    [Fact]
    public async Task ADigestMismatchIsABadRequestAndNothingIsReferenced()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(World, "dm");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var bytes = RandomBytes(2, 2 * Chunk);
        var id = Guid.NewGuid();
        await sender.Api.OpenUploadAsync(caseId, new OpenUpload(id, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(1)))));
        await sender.Api.PutChunkAsync(caseId, id, 0, bytes);

        var refusal = await Assert.ThrowsAsync<HubApiException>(() => sender.Api.CompleteUploadAsync(caseId, id));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Contains("SHA-256", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HubApiException>(() => sender.Api.GetUploadOffsetAsync(caseId, id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<HubApiException>(() => recipient.Api.DownloadAttachmentAsync(caseId, id, new MemoryStream()))).Status);
        Assert.DoesNotContain("case.attachment-stored.v1", await AuditTypesAsync(sender, caseId));
        Assert.False(File.Exists(StoredPath(caseId, sender.AgencyId, id)));
    }

    [Fact]
    public async Task AChunkBeyondTheDeclaredSizeOrOverTheLimitIsRefusedAndWritesNothing()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(World, "bs");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var id = Guid.NewGuid();
        var state = await sender.Api.OpenUploadAsync(caseId, new OpenUpload(id, 100, new string('a', 64)));

        var beyond = await Assert.ThrowsAsync<HubApiException>(() => sender.Api.PutChunkAsync(caseId, id, 0, new byte[101]));
        var tooLarge = await Assert.ThrowsAsync<HubApiException>(() => sender.Api.OpenUploadAsync(caseId, new OpenUpload(Guid.NewGuid(), (2L << 30) + 1, new string('a', 64))));

        Assert.Equal(HttpStatusCode.BadRequest, beyond.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal(8 * 1024 * 1024, state.MaxChunkBytes);
        Assert.Equal((0L, false), await sender.Api.GetUploadOffsetAsync(caseId, id));
    }

    [Fact]
    public async Task AChunkCutMidwayIsNotCommittedAndTheUploadResumesAtTheDurableOffset()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(World, "cut");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var bytes = RandomBytes(3, 3 * Chunk);
        var id = Guid.NewGuid();
        await sender.Api.OpenUploadAsync(caseId, new OpenUpload(id, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        await sender.Api.PutChunkAsync(caseId, id, 0, bytes.AsMemory(0, Chunk));

        // The second chunk announces 64 KiB but the connection breaks after half of it.
        using (var raw = hub.Gateway.CreateClient(await sender.Duty.AccessToken(default)))
        {
            using var cut = new StreamContent(new BreakingStream(bytes.AsMemory(Chunk, Chunk).ToArray(), breakAfter: Chunk / 2));
            cut.Headers.ContentLength = Chunk;
            cut.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            await Assert.ThrowsAnyAsync<Exception>(() => raw.PutAsync(new Uri($"/api/cases/{caseId}/attachments/{id}/chunks/{Chunk}", UriKind.Relative), cut));
        }

        var afterCut = await sender.Api.GetUploadOffsetAsync(caseId, id);
        var stale = await Assert.ThrowsAsync<HubApiException>(() => sender.Api.PutChunkAsync(caseId, id, 0, bytes.AsMemory(0, Chunk)));
        await sender.Api.PutChunkAsync(caseId, id, Chunk, bytes.AsMemory(Chunk, 2 * Chunk));
        var done = await sender.Api.CompleteUploadAsync(caseId, id);
        var again = await sender.Api.CompleteUploadAsync(caseId, id);

        Assert.Equal((Chunk, false), afterCut);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.True(done.Complete);
        Assert.Equal(done.CaseVersion, again.CaseVersion);
        var stored = new MemoryStream();
        await sender.Api.DownloadAttachmentAsync(caseId, id, stored);
        Assert.Equal(bytes, stored.ToArray());
        var types = await AuditTypesAsync(sender, caseId);
        Assert.Single(types, t => t == "case.attachment-stored.v1");
        Assert.Single(types, t => t == "case.attachment-fetched.v1");
    }

    [Fact]
    public async Task TamperedStoredBytesFailClosedOnTheRecipientBeforeAnythingIsDecrypted()
    {
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(World, "tp");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var plain = RandomBytes(4, 200_000);
        var reference = await sender.Workspace.UploadAttachmentAsync(caseId, new MemoryStream(plain), "capture.bin", "application/octet-stream", [recipient.AgencyId]);
        var content = SyntheticContent.CreateReferral(4, priority: CasePriority.High) with { Attachments = [reference] };
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), [recipient.AgencyId]);
        var intact = new MemoryStream();
        await recipient.Workspace.OpenAttachmentAsync(caseId, messageId, reference.Id, intact);

        var path = StoredPath(caseId, sender.AgencyId, reference.Id);
        var stored = await File.ReadAllBytesAsync(path);
        stored[stored.Length - 100] ^= 0x01;
        await File.WriteAllBytesAsync(path, stored);
        var output = new MemoryStream();
        var failure = await Assert.ThrowsAsync<AgeException>(() => recipient.Workspace.OpenAttachmentAsync(caseId, messageId, reference.Id, output));

        Assert.Equal(plain, intact.ToArray());
        Assert.Equal(AgeErrorKind.StatementMismatch, failure.Kind);
        Assert.Equal(0, output.Length);
    }

    internal static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private string StoredPath(Guid caseId, string agencyId, Guid attachmentId) =>
        Path.Combine(hub.DataDirectory, "attachments", caseId.ToString("N"), $"{attachmentId:N}.{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(agencyId))}");

    private async Task<List<string>> AuditTypesAsync(AgencyDesk desk, Guid caseId)
    {
        using var raw = hub.Gateway.CreateClient(await desk.Duty.AccessToken(default));
        var page = await raw.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/audit/entries?limit=1000", UriKind.Relative));
        return [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }

    /// <summary>A request body that fails part-way, as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= breakAfter ? throw new IOException("Connection lost.") : base.Read(buffer, offset, (int)Math.Min(count, breakAfter - Position));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAfter)
            {
                throw new IOException("Connection lost.");
            }

            return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - Position)], cancellationToken);
        }
    }
}
