using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(2 * 65536)]
    [InlineData((5 * 1024 * 1024) + 3)]
    public void EncryptThenDecryptGivesBackThePlaintext(int length)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = TestData.Bytes(length);

        var envelope = Envelope.Encrypt(plaintext, [identity.Recipient]);

        Assert.Equal(plaintext, Envelope.Decrypt(envelope, [identity]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData((3 * 1024 * 1024) + 65536)]
    public void StreamingThroughPipesWithSmallReadsGivesBackThePlaintext(int length)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = TestData.Bytes(length, seed: 7);
        using var sealedStream = new MemoryStream();
        Envelope.Encrypt(new PipeStream(new MemoryStream(plaintext), maxRead: 1000), sealedStream, [identity.Recipient]);

        sealedStream.Position = 0;
        using var reader = Envelope.OpenRead(new PipeStream(sealedStream, maxRead: 777), [identity]);
        using var result = new MemoryStream();
        var buffer = new byte[4099];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            result.Write(buffer, 0, read);
        }

        Assert.Equal(plaintext, result.ToArray());
    }

    [Fact]
    public void EveryOneOfSeveralRecipientsCanDecrypt()
    {
        var identities = Enumerable.Range(0, 4).Select(_ => X25519Identity.Generate()).ToList();
        var plaintext = TestData.Bytes(100_000);

        var envelope = Envelope.Encrypt(plaintext, identities.Select(i => (IRecipient)i.Recipient).ToList());

        Assert.All(identities, identity => Assert.Equal(plaintext, Envelope.Decrypt(envelope, [identity])));
        identities.ForEach(i => i.Dispose());
    }

    [Fact]
    public void ArmoredEnvelopeRoundTripsAndUsesStrictLines()
    {
        using var identity = X25519Identity.Generate();
        var plaintext = TestData.Bytes(70_000);

        var armored = Envelope.Encrypt(plaintext, [identity.Recipient], armor: true);
        var lines = System.Text.Encoding.ASCII.GetString(armored).Split('\n');

        Assert.Equal(Labels.ArmorBegin, lines[0]);
        Assert.Equal(Labels.ArmorEnd, lines[^2]);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.All(lines[1..^3], line => Assert.Equal(64, line.Length));
        Assert.InRange(lines[^3].Length, 1, 64);
        Assert.Equal(plaintext, Envelope.Decrypt(armored, [identity]));
    }

    [Fact]
    public void ArmorWithCrlfLineEndsAndSurroundingWhitespaceIsAccepted()
    {
        using var identity = X25519Identity.Generate();
        var plaintext = TestData.Bytes(500);
        var armored = System.Text.Encoding.ASCII.GetString(Envelope.Encrypt(plaintext, [identity.Recipient], armor: true));

        var crlf = "\n \t\r\n" + armored.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n\n";

        Assert.Equal(plaintext, Envelope.Decrypt(System.Text.Encoding.ASCII.GetBytes(crlf), [identity]));
    }

    [Fact]
    public void PassphraseEnvelopeRoundTrips()
    {
        var plaintext = TestData.Bytes(1000);

        var envelope = Envelope.Encrypt(plaintext, [new ScryptRecipient("correct horse", workFactor: 10)]);

        Assert.Equal(plaintext, Envelope.Decrypt(envelope, [new ScryptIdentity("correct horse")]));
    }

    [Fact]
    public void IdentityFileRoundTripsThroughItsTextForm()
    {
        using var identity = X25519Identity.Generate();
        var text = IdentityFile.Format(identity, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

        using var parsed = Assert.Single(IdentityFile.Parse(text));

        Assert.StartsWith("# created: 2025-01-02T03:04:05Z\n# public key: age1", text, StringComparison.Ordinal);
        Assert.Equal(identity.Recipient.ToString(), parsed.Recipient.ToString());
    }
}
