using System.Text;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class CanonicalTests
{
    [Fact]
    public void SpecificationExampleIdentityGivesItsRecipient()
    {
        using var identity = X25519Identity.Parse(TestData.SpecIdentity);

        Assert.Equal(TestData.SpecRecipient, identity.Recipient.ToString());
        Assert.Equal(TestData.SpecRecipient, X25519Recipient.Parse(TestData.SpecRecipient).ToString());
    }

    [Theory]
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwq", AgeErrorKind.MalformedKey)]
    [InlineData("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ", AgeErrorKind.NonCanonicalEncoding)]
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwJ", AgeErrorKind.MalformedKey)]
    [InlineData("ssh-ed25519 AAAA", AgeErrorKind.MalformedKey)]
    public void MalformedRecipientStringsAreRejected(string text, AgeErrorKind kind)
    {
        Assert.Equal(kind, TestData.Fails(() => X25519Recipient.Parse(text)).Kind);
    }

    [Fact]
    public void LowerCaseIdentityIsNotCanonical()
    {
        var error = TestData.Fails(() => X25519Identity.Parse(TestData.SpecIdentity.ToLowerInvariant()));

        Assert.Equal(AgeErrorKind.NonCanonicalEncoding, error.Kind);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("4Ot6fDtBuK4WVuP68Z/EatoJjeucMrH9hmIFFl9JuAA")]
    public void LowOrderShareIsRejected(string share)
    {
        using var identity = X25519Identity.Generate();
        var envelope = Craft(new RecipientStanza("X25519", [share], new byte[32]));

        Assert.Equal(AgeErrorKind.LowOrderPoint, TestData.FailsToDecrypt(envelope, identity).Kind);
    }

    [Theory]
    [InlineData("AAAA", 32)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 31)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 33)]
    public void X25519StanzaWithWrongSizesIsMalformed(string share, int bodyLength)
    {
        using var identity = X25519Identity.Generate();
        var envelope = Craft(new RecipientStanza("X25519", [share], new byte[bodyLength]));

        Assert.Equal(AgeErrorKind.MalformedHeader, TestData.FailsToDecrypt(envelope, identity).Kind);
    }

    [Fact]
    public void X25519StanzaWithAnExtraArgumentIsMalformed()
    {
        using var identity = X25519Identity.Generate();
        var envelope = Craft(new RecipientStanza("X25519", [CanonicalBase64.Encode(new byte[32]), "extra"], new byte[32]));

        Assert.Equal(AgeErrorKind.MalformedHeader, TestData.FailsToDecrypt(envelope, identity).Kind);
    }

    [Fact]
    public void ShareWithNonZeroTrailingBitsIsNotCanonical()
    {
        using var identity = X25519Identity.Generate();
        var good = CanonicalBase64.Encode(TestData.Bytes(32));
        var bad = good[..^1] + (char)(good[^1] + 1);

        var error = TestData.FailsToDecrypt(Craft(new RecipientStanza("X25519", [bad], new byte[32])), identity);

        Assert.Equal(AgeErrorKind.NonCanonicalEncoding, error.Kind);
    }

    [Theory]
    [InlineData("age-encryption.org/v1\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v2\n", AgeErrorKind.UnsupportedVersion)]
    [InlineData("age-encryption.org/v1\r\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n->  X25519\n\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> X25519 \n\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> a\nAA==\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> a\nAB\n", AgeErrorKind.NonCanonicalEncoding)]
    [InlineData("age-encryption.org/v1\n-> a\n\n---AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> a\n\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB\n", AgeErrorKind.NonCanonicalEncoding)]
    [InlineData("age-encryption.org/v1\n-> a\n\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> a\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.MalformedHeader)]
    [InlineData("age-encryption.org/v1\n-> a\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.Truncated)]
    [InlineData("age-encryption.org/v1\n-> a\n\n-- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", AgeErrorKind.MalformedHeader)]
    public void HeadersOutsideTheGrammarAreRejected(string header, AgeErrorKind kind)
    {
        Assert.Equal(kind, TestData.Fails(() => EnvelopeHeader.Parse(Encoding.ASCII.GetBytes(header))).Kind);
    }

    [Fact]
    public void UnknownStanzasAreKeptAndIgnored()
    {
        using var identity = X25519Identity.Generate();
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Build(fileKey, [new RecipientStanza("example.com/enigma", ["x"], TestData.Bytes(100)), identity.Recipient.Wrap(fileKey)]);

        var parsed = EnvelopeHeader.Parse(header.ToArray());
        using var opened = parsed.Unwrap([identity]);

        Assert.Equal("example.com/enigma", parsed.Stanzas[0].Type);
        Assert.Equal(TestData.Bytes(100), parsed.Stanzas[0].Body.ToArray());
    }

    [Theory]
    [InlineData("garbage before\n")]
    [InlineData("")]
    public void ArmorWithDataAroundItIsRejected(string prefix)
    {
        using var identity = X25519Identity.Generate();
        var armored = Encoding.ASCII.GetString(Envelope.Encrypt(TestData.Bytes(100), [identity.Recipient], armor: true));

        var error = TestData.FailsToDecrypt(Encoding.ASCII.GetBytes(prefix + armored + (prefix.Length == 0 ? "trailing" : string.Empty)), identity);

        Assert.Equal(AgeErrorKind.MalformedArmor, error.Kind);
    }

    [Fact]
    public void ArmorWithAShortLineBeforeTheLastIsRejected()
    {
        using var identity = X25519Identity.Generate();
        var lines = Encoding.ASCII.GetString(Envelope.Encrypt(TestData.Bytes(300), [identity.Recipient], armor: true)).Split('\n').ToList();
        lines[1] = lines[1][..60] + "\n" + lines[1][60..];

        var error = TestData.FailsToDecrypt(Encoding.ASCII.GetBytes(string.Join('\n', lines)), identity);

        Assert.Equal(AgeErrorKind.MalformedArmor, error.Kind);
    }

    [Fact]
    public void ArmorWithNonCanonicalPaddingBitsIsRejected()
    {
        using var identity = X25519Identity.Generate();
        var lines = Enumerable.Range(301, 3)
            .Select(n => Encoding.ASCII.GetString(Envelope.Encrypt(TestData.Bytes(n), [identity.Recipient], armor: true)).Split('\n'))
            .First(l => l[^3].EndsWith('='));
        var last = lines[^3];
        var at = last.IndexOf('=', StringComparison.Ordinal) - 1;
        lines[^3] = last[..at] + (char)(last[at] + 1) + last[(at + 1)..];

        var error = TestData.FailsToDecrypt(Encoding.ASCII.GetBytes(string.Join('\n', lines)), identity);

        Assert.Equal(AgeErrorKind.NonCanonicalEncoding, error.Kind);
    }

    internal static byte[] Craft(params RecipientStanza[] stanzas)
    {
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Build(fileKey, [.. stanzas]);
        return [.. header.ToArray(), .. Payload.Encrypt(fileKey, [1, 2, 3])];
    }
}
