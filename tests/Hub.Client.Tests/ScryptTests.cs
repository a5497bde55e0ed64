using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class ScryptTests
{
    [Fact]
    public void ScryptMatchesTheRfc7914TestVector()
    {
        // RFC 7914 §12: P = "pleaseletmein", S = "SodiumChloride", N = 16384, r = 8, p = 1 (first 32 bytes).
        var key = Scrypt.DeriveKey("pleaseletmein", "SodiumChloride"u8, 14);

        Assert.Equal("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void WrongPassphraseIsReportedAsBadPassphrase()
    {
        var envelope = Envelope.Encrypt([1, 2, 3], [new ScryptRecipient("right", 10)]);

        Assert.Equal(AgeErrorKind.BadPassphrase, TestData.FailsToDecrypt(envelope, new ScryptIdentity("wrong")).Kind);
    }

    [Fact]
    public void WorkFactorAboveTheLimitIsRefusedBeforeDerivation()
    {
        var envelope = Envelope.Encrypt([1, 2, 3], [new ScryptRecipient("pw", 12)]);

        Assert.Equal(AgeErrorKind.WorkFactorTooHigh, TestData.FailsToDecrypt(envelope, new ScryptIdentity("pw", maxWorkFactor: 11)).Kind);
    }

    [Fact]
    public void ScryptStanzaBesideAnotherStanzaIsRejected()
    {
        using var identity = X25519Identity.Generate();
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Build(fileKey, [new ScryptRecipient("pw", 10).Wrap(fileKey), identity.Recipient.Wrap(fileKey)]);
        byte[] envelope = [.. header.ToArray(), .. Payload.Encrypt(fileKey, [1])];

        Assert.Equal(AgeErrorKind.MalformedHeader, TestData.FailsToDecrypt(envelope, identity).Kind);
        Assert.Equal(AgeErrorKind.MalformedHeader, TestData.FailsToDecrypt(envelope, new ScryptIdentity("pw")).Kind);
    }

    [Theory]
    [InlineData("010")]
    [InlineData("1x")]
    [InlineData("-1")]
    public void WorkFactorMustBeAPlainDecimal(string factor)
    {
        var salt = CanonicalBase64.Encode(new byte[16]);
        var envelope = CanonicalTests.Craft(new RecipientStanza("scrypt", [salt, factor], new byte[32]));

        Assert.Equal(AgeErrorKind.MalformedHeader, TestData.FailsToDecrypt(envelope, new ScryptIdentity("pw")).Kind);
    }

    [Fact]
    public void PassphraseProtectedIdentityFileRoundTrips()
    {
        using var identity = X25519Identity.Generate();
        var keyFile = System.Text.Encoding.UTF8.GetBytes(IdentityFile.Format(identity, DateTimeOffset.UnixEpoch));

        var protectedFile = Envelope.Encrypt(keyFile, [new ScryptRecipient("agency passphrase", 10)], armor: true);
        var opened = Envelope.Decrypt(protectedFile, [new ScryptIdentity("agency passphrase")]);

        using var parsed = Assert.Single(IdentityFile.Parse(System.Text.Encoding.UTF8.GetString(opened)));
        Assert.Equal(identity.Recipient.ToString(), parsed.Recipient.ToString());
    }
}
