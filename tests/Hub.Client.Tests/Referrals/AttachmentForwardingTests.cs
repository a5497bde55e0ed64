using System.Security.Cryptography;
using Hub.Client.Attachments;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

/// <summary>
/// Re-wrapping an attachment's header for an added agency, and opening the original sealed file with the key from that
/// header: only the file the signed reference names is re-wrapped, and only a key that verifies the file's own header MAC
/// decrypts it.
/// </summary>
public sealed class AttachmentForwardingTests : IDisposable
{
    private readonly ReferralWorld _world = new();

    [Fact]
    public async Task TheAddedAgencyOpensTheOriginalSealedFileWithTheRewrappedHeader()
    {
        var (file, reference) = Seal(TestData.Bytes(200_000));
        var rewrapped = await RewrapAsync(file, reference);
        var output = new MemoryStream();

        await AttachmentOpener.OpenAsync(new MemoryStream(file), file.LongLength, SHA256.HashData(file), reference, _world.Keys(ReferralWorld.Outsider), output, rewrapped.Header, default);

        Assert.Equal(TestData.Bytes(200_000), output.ToArray());
        Assert.Equal(reference.Id, rewrapped.AttachmentId);
    }

    [Fact]
    public async Task TheRewrappedHeaderWithTheOriginalPayloadIsAnAgeFileTheAddedAgencyOpens()
    {
        var (file, reference) = Seal(TestData.Bytes(70_000));
        var rewrapped = await RewrapAsync(file, reference);
        var ownHeader = EnvelopeHeader.Read(new MemoryStream(file)).Length;

        var opened = Envelope.Decrypt([.. rewrapped.Header, .. file.AsSpan(ownHeader)], _world.Keys(ReferralWorld.Outsider));

        Assert.Equal(TestData.Bytes(70_000), opened);
        Assert.Equal(TestData.Bytes(70_000), Envelope.Decrypt([.. rewrapped.Header, .. file.AsSpan(ownHeader)], _world.Keys(ReferralWorld.Hotline)));
    }

    [Fact]
    public async Task WithoutARewrappedHeaderTheAddedAgencyHasNoKey()
    {
        var (file, reference) = Seal(TestData.Bytes(1000));

        var failure = await Assert.ThrowsAsync<AgeException>(() =>
            AttachmentOpener.OpenAsync(new MemoryStream(file), file.LongLength, SHA256.HashData(file), reference, _world.Keys(ReferralWorld.Outsider), new MemoryStream(), null, default));

        Assert.Equal(AgeErrorKind.NoMatchingRecipient, failure.Kind);
    }

    [Fact]
    public async Task AHeaderRewrappedFromAnotherFileIsRefusedBeforeAnythingIsDecrypted()
    {
        // Both files are sealed to the same agencies, so the other header opens fine for the added agency: only the MAC of
        // this file's own header shows the key is not this file's.
        var (file, reference) = Seal(TestData.Bytes(100_000));
        var (otherFile, otherReference) = Seal(TestData.Bytes(100_000));
        var other = await RewrapAsync(otherFile, otherReference);
        var output = new MemoryStream();

        var failure = await Assert.ThrowsAsync<AgeException>(() =>
            AttachmentOpener.OpenAsync(new MemoryStream(file), file.LongLength, SHA256.HashData(file), reference, _world.Keys(ReferralWorld.Outsider), output, other.Header, default));

        Assert.Equal(AgeErrorKind.StatementMismatch, failure.Kind);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task AForwarderRewrapsOnlyTheFileTheSignedReferenceNames()
    {
        var (file, reference) = Seal(TestData.Bytes(5000));
        var (otherFile, _) = Seal(TestData.Bytes(5000));
        var truncated = file.AsSpan(0, file.Length - 1).ToArray();

        foreach (var served in new[] { otherFile, truncated })
        {
            var failure = await Assert.ThrowsAsync<AgeException>(() => RewrapAsync(served, reference));
            Assert.Equal(AgeErrorKind.StatementMismatch, failure.Kind);
        }

        var unsigned = await Assert.ThrowsAsync<AgeException>(() => RewrapAsync(file, reference with { SealedSha256 = null, SealedSize = null }));
        Assert.Equal(AgeErrorKind.StatementMismatch, unsigned.Kind);
    }

    [Fact]
    public async Task AForwarderWhoseAgencyIsNotInTheAttachmentHeaderCannotRewrapIt()
    {
        var (file, reference) = Seal(TestData.Bytes(5000));

        var failure = await Assert.ThrowsAsync<AgeException>(() =>
            Forwarding.RewrapAttachmentAsync(new MemoryStream(file), reference, _world.Keys(ReferralWorld.Outsider), _world.Public(ReferralWorld.Liaison)));

        Assert.Equal(AgeErrorKind.NoMatchingRecipient, failure.Kind);
    }

    [Fact]
    public async Task TheForwardingStatementBindsEachRewrappedHeaderToItsAttachment()
    {
        var referral = _world.Seal(TestData.Bytes(300));
        var (first, firstReference) = Seal(TestData.Bytes(10));
        var (second, secondReference) = Seal(TestData.Bytes(20));
        var headers = new[] { await RewrapAsync(second, secondReference), await RewrapAsync(first, firstReference) };

        var forwarded = await Forwarding.ForwardAsync(
            referral, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Police),
            new ReferralSender(ReferralWorld.Police, _world.Devices[ReferralWorld.Police]), _world.Public(ReferralWorld.Outsider), ReferralWorld.Start.AddHours(2), headers);
        var opened = await Forwarding.OpenAsync(forwarded, ReferralWorld.CaseId, ReferralWorld.MessageId, _world.Directory, _world.Keys(ReferralWorld.Outsider));

        var signed = opened.Forwarding!.Attachments;
        Assert.Equal(2, signed.Count);
        Assert.True(AttachmentHeaderDigest.CompareIds(signed[0].AttachmentId, signed[1].AttachmentId) < 0);
        foreach (var header in headers)
        {
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(header.Header), signed.Single(s => s.AttachmentId == header.AttachmentId).HeaderDigest);
        }

        Assert.Equal(signed.Select(s => s.AttachmentId), forwarded.Attachments!.Select(a => a.AttachmentId));
        Assert.Equal(Labels.ForwardingStatementV2.ToArray(), forwarded.Forwarding.Statement.AsSpan(1, Labels.ForwardingStatementV2.Length).ToArray());
    }

    public void Dispose() => _world.Dispose();

    private Task<ForwardedAttachmentHeader> RewrapAsync(byte[] served, AttachmentReference reference) =>
        Forwarding.RewrapAttachmentAsync(new MemoryStream(served), reference, _world.Keys(ReferralWorld.Police), _world.Public(ReferralWorld.Outsider));

    private (byte[] File, AttachmentReference Reference) Seal(byte[] plaintext)
    {
        var output = new MemoryStream();
        var digests = AttachmentSealer.Seal(
            new MemoryStream(plaintext), output, [_world.Public(ReferralWorld.Hotline).PublicKey, _world.Public(ReferralWorld.Police).PublicKey]);
        var reference = new SealedAttachment(digests.PlainSize, digests.PlainSha256, digests.SealedSize, digests.SealedSha256)
            .Reference(Guid.NewGuid(), "capture.bin", "application/octet-stream");
        return (output.ToArray(), reference);
    }
}
