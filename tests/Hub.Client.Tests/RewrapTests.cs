using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class RewrapTests
{
    [Fact]
    public void AddedRecipientOpensTheUnchangedPayload()
    {
        using var sender = X25519Identity.Generate();
        using var liaison = X25519Identity.Generate();
        using var police = X25519Identity.Generate();
        var plaintext = TestData.Bytes(200_000);
        var sealedEnvelope = Envelope.Seal(plaintext, [sender.Recipient, liaison.Recipient]);

        using var fileKey = EnvelopeHeader.Parse(sealedEnvelope.Header.ToArray()).Unwrap([liaison]);
        var rewrapped = sealedEnvelope.Header.AddRecipients(fileKey, [police.Recipient]);
        byte[] forwarded = [.. rewrapped.ToArray(), .. sealedEnvelope.Payload.Span];

        Assert.Equal(3, rewrapped.Stanzas.Count);
        Assert.Equal(plaintext, Envelope.Decrypt(forwarded, [police]));
        Assert.Equal(plaintext, Envelope.Decrypt(forwarded, [sender]));
        Assert.Equal(plaintext, Envelope.Decrypt(sealedEnvelope.ToArray(), [liaison]));
        TestData.FailsToDecrypt(sealedEnvelope.ToArray(), police);
    }

    [Fact]
    public void RewrappingWithAnotherEnvelopesFileKeyIsMisuse()
    {
        using var identity = X25519Identity.Generate();
        var first = Envelope.Seal([1, 2, 3], [identity.Recipient]);
        using var otherKey = FileKey.Generate();

        Assert.Throws<ArgumentException>(() => first.Header.AddRecipients(otherKey, [identity.Recipient]));
    }

    [Fact]
    public void HeaderReadFromAStreamLeavesItAtThePayload()
    {
        using var identity = X25519Identity.Generate();
        var sealedEnvelope = Envelope.Seal(TestData.Bytes(10), [identity.Recipient]);
        using var file = new MemoryStream(sealedEnvelope.ToArray());

        var header = EnvelopeHeader.Read(file);

        Assert.Equal(sealedEnvelope.Header.Length, file.Position);
        Assert.Equal(sealedEnvelope.Header.ToArray(), header.ToArray());
        using var fileKey = header.Unwrap([identity]);
        Assert.Equal(TestData.Bytes(10), ReadAll(Payload.OpenRead(fileKey, file)));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        stream.Dispose();
        return copy.ToArray();
    }
}
