using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

public sealed class MisuseTests
{
    [Fact]
    public void EncryptingToNoRecipientIsMisuse()
    {
        Assert.Throws<ArgumentException>(() => Envelope.Encrypt([1], []));
    }

    [Fact]
    public void NullArgumentsAreMisuse()
    {
        using var identity = X25519Identity.Generate();
        Assert.Throws<ArgumentNullException>(() => Envelope.Encrypt([1], null!));
        Assert.Throws<ArgumentNullException>(() => Envelope.Encrypt(null!, new MemoryStream(), [identity.Recipient]));
        Assert.Throws<ArgumentNullException>(() => X25519Recipient.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => identity.Unwrap(null!));
        Assert.Throws<ArgumentNullException>(() => identity.Recipient.Wrap(null!));
    }

    [Fact]
    public void DecryptingWithNoIdentityIsMisuse()
    {
        using var identity = X25519Identity.Generate();
        var envelope = Envelope.Encrypt([1], [identity.Recipient]);

        Assert.Throws<ArgumentException>(() => Envelope.Decrypt(envelope, []));
    }

    [Fact]
    public void MixingAPassphraseWithOtherRecipientsIsMisuse()
    {
        using var identity = X25519Identity.Generate();

        Assert.Throws<ArgumentException>(() => Envelope.Encrypt([1], [new ScryptRecipient("pw", 10), identity.Recipient]));
    }

    [Fact]
    public void InvalidScryptParametersAreMisuse()
    {
        Assert.Throws<ArgumentException>(() => new ScryptRecipient(string.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScryptRecipient("pw", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScryptRecipient("pw", Labels.ScryptMaxWorkFactor + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScryptIdentity("pw", 40));
    }

    [Fact]
    public void StanzaArgumentsWithSpacesOrEmptyStringsAreMisuse()
    {
        Assert.Throws<ArgumentException>(() => new RecipientStanza("X25519", ["a b"], []));
        Assert.Throws<ArgumentException>(() => new RecipientStanza(string.Empty, [], []));
        Assert.Throws<ArgumentException>(() => new RecipientStanza("t", [string.Empty], []));
    }

    [Fact]
    public void UsingADisposedFileKeyThrows()
    {
        using var identity = X25519Identity.Generate();
        var fileKey = FileKey.Generate();
        fileKey.Dispose();

        Assert.Throws<ObjectDisposedException>(() => identity.Recipient.Wrap(fileKey));
    }

    [Fact]
    public void ParsedIdentitiesAreNotExportable()
    {
        using var identity = X25519Identity.Parse(TestData.SpecIdentity);

        Assert.Throws<InvalidOperationException>(() => identity.Encode());
    }

    [Fact]
    public void NegativeWorkerCountIsMisuse()
    {
        using var fileKey = FileKey.Generate();

        Assert.Throws<ArgumentOutOfRangeException>(() => Payload.Encrypt(fileKey, new MemoryStream(), new MemoryStream(), workers: -1));
    }
}
