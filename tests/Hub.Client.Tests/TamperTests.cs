using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class TamperTests
{
    private static readonly AgeErrorKind[] HeaderKinds =
    [
        AgeErrorKind.MalformedHeader, AgeErrorKind.NonCanonicalEncoding, AgeErrorKind.HeaderMacMismatch,
        AgeErrorKind.NoMatchingRecipient, AgeErrorKind.UnsupportedVersion, AgeErrorKind.LowOrderPoint,
        AgeErrorKind.MalformedArmor, AgeErrorKind.Truncated,
    ];

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x80)]
    public void FlippingAnyByteFailsWithASpecificErrorAndNeverYieldsPlaintext(byte mask)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = TestData.Bytes(100);
        var envelope = Envelope.Encrypt(plaintext, [identity.Recipient]);
        var headerLength = Envelope.Seal([], [identity.Recipient]).Header.Length;

        for (var i = 0; i < envelope.Length; i++)
        {
            var forged = (byte[])envelope.Clone();
            forged[i] ^= mask;

            var error = TestData.FailsToDecrypt(forged, identity);

            var expected = i < headerLength ? HeaderKinds : [AgeErrorKind.PayloadTampered];
            Assert.True(expected.Contains(error.Kind), $"byte {i}: {error.Kind}");
        }
    }

    [Fact]
    public void CuttingTheFinalChunkAtAChunkBoundaryIsReportedAsTruncated()
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt(TestData.Bytes((2 * Labels.ChunkSize) + 10), [identity.Recipient]);

        var cut = envelope[..^(10 + Labels.TagSize)];

        Assert.Equal(AgeErrorKind.Truncated, TestData.FailsToDecrypt(cut, identity).Kind);
    }

    [Fact]
    public void StreamingReaderThrowsTruncatedInsteadOfReportingEndOfStream()
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt(TestData.Bytes(Labels.ChunkSize * 40), [identity.Recipient]);
        var cut = envelope[..^Labels.EncryptedChunkSize];
        using var reader = Envelope.OpenRead(new PipeStream(new MemoryStream(cut)), [identity]);
        var buffer = new byte[65536];
        long total = 0;

        var error = Assert.Throws<AgeException>(() =>
        {
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                total += read;
            }
        });

        Assert.Equal(AgeErrorKind.Truncated, error.Kind);
        Assert.True(total < Labels.ChunkSize * 39L);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(100)]
    public void CuttingBytesInsideTheFinalChunkFails(int cut)
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt(TestData.Bytes(Labels.ChunkSize + 200), [identity.Recipient]);

        var error = TestData.FailsToDecrypt(envelope[..^cut], identity);

        Assert.Contains(error.Kind, new[] { AgeErrorKind.PayloadTampered, AgeErrorKind.Truncated });
    }

    [Fact]
    public void EnvelopeCutRightAfterTheHeaderOrNonceIsTruncated()
    {
        using var identity = X25519Identity.Generate();
        var sealedEnvelope = Envelope.Seal(TestData.Bytes(10), [identity.Recipient]);
        var full = sealedEnvelope.ToArray();

        Assert.Equal(AgeErrorKind.Truncated, TestData.FailsToDecrypt(full[..sealedEnvelope.Header.Length], identity).Kind);
        Assert.Equal(AgeErrorKind.Truncated, TestData.FailsToDecrypt(full[..(sealedEnvelope.Header.Length + 8)], identity).Kind);
        Assert.Equal(AgeErrorKind.Truncated, TestData.FailsToDecrypt(full[..(sealedEnvelope.Header.Length + 16)], identity).Kind);
        Assert.Equal(AgeErrorKind.Truncated, TestData.FailsToDecrypt(full[..(sealedEnvelope.Header.Length - 5)], identity).Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(Labels.EncryptedChunkSize)]
    public void BytesAfterAShortFinalChunkFail(int extra)
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt(TestData.Bytes(300), [identity.Recipient]);

        var error = TestData.FailsToDecrypt([.. envelope, .. new byte[extra]], identity);

        Assert.Contains(error.Kind, new[] { AgeErrorKind.PayloadTampered, AgeErrorKind.TrailingData });
    }

    [Fact]
    public void BytesAfterAFullFinalChunkAreReportedAsTrailingData()
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt(TestData.Bytes(Labels.ChunkSize), [identity.Recipient]);

        var error = TestData.FailsToDecrypt([.. envelope, .. new byte[40]], identity);

        Assert.Equal(AgeErrorKind.TrailingData, error.Kind);
    }

    [Fact]
    public void SwappingTwoChunksIsDetected()
    {
        using var identity = X25519Identity.Generate();
        var sealedEnvelope = Envelope.Seal(TestData.Bytes(3 * Labels.ChunkSize), [identity.Recipient]);
        var payload = sealedEnvelope.Payload.ToArray();
        var first = payload.AsSpan(16, Labels.EncryptedChunkSize).ToArray();
        payload.AsSpan(16 + Labels.EncryptedChunkSize, Labels.EncryptedChunkSize).CopyTo(payload.AsSpan(16));
        first.CopyTo(payload.AsSpan(16 + Labels.EncryptedChunkSize));

        var error = TestData.FailsToDecrypt([.. sealedEnvelope.Header.ToArray(), .. payload], identity);

        Assert.Equal(AgeErrorKind.PayloadTampered, error.Kind);
    }
}
