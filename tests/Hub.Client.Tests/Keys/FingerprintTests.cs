using System.Text.RegularExpressions;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;
using Hub.Client.Keys;

namespace Hub.Client.Tests.Keys;

public sealed class FingerprintTests
{
    [Fact]
    public void AGenerationFingerprintIsStableAcrossReleases()
    {
        var key = new AgencyGenerationKey("DE-BKA", 1, X25519Recipient.Parse(TestData.SpecRecipient));

        Assert.Equal(FrozenGenerationFingerprint, key.Fingerprint);
    }

    [Fact]
    public void FingerprintsAreGroupedHexAndSeparateRolesAndGenerations()
    {
        var recipient = X25519Recipient.Parse(TestData.SpecRecipient);
        var first = new AgencyGenerationKey("DE-BKA", 1, recipient).Fingerprint;

        Assert.Matches(new Regex("^([0-9A-F]{4} ){9}[0-9A-F]{4}$"), first);
        Assert.NotEqual(first, new AgencyGenerationKey("DE-BKA", 2, recipient).Fingerprint);
        Assert.NotEqual(first, new AgencyGenerationKey("NL-HOTLINE", 1, recipient).Fingerprint);
    }

    [Fact]
    public async Task PinningFlagsAChangedDeviceKey()
    {
        using var genuine = DeviceKey.Generate("phone");
        using var substitute = DeviceKey.Generate("phone");
        var pins = new KeyPins();
        var at = DateTimeOffset.UnixEpoch;
        var honest = new InMemoryKeyDirectory();
        honest.Enrol(new EnrolmentStatement("NL-HOTLINE", genuine.PublicKeys, "phone", at).Sign(genuine));
        var lying = new InMemoryKeyDirectory();
        lying.Enrol(new EnrolmentStatement("NL-HOTLINE", substitute.PublicKeys, "phone", at).Sign(substitute));

        Assert.NotNull(await new PinningKeyDirectory(honest, pins).FindDeviceAsync("NL-HOTLINE", "phone"));
        Assert.NotNull(await new PinningKeyDirectory(honest, pins).FindDeviceAsync("NL-HOTLINE", "phone"));
        var error = await Assert.ThrowsAsync<AgeException>(() => new PinningKeyDirectory(lying, pins).FindDeviceAsync("NL-HOTLINE", "phone"));

        Assert.Equal(AgeErrorKind.PinnedKeyChanged, error.Kind);
    }

    [Fact]
    public void PinningFlagsAChangedGenerationKey()
    {
        var pins = new KeyPins();
        using var genuine = AgencyGenerationSecret.Create("DE-BKA", 1);
        using var substitute = AgencyGenerationSecret.Create("DE-BKA", 1);

        Assert.Equal(PinCheck.FirstUse, pins.Check(KeyPins.GenerationSubject("DE-BKA", 1), genuine.Public.Fingerprint));
        Assert.Equal(PinCheck.Match, pins.Check(KeyPins.GenerationSubject("DE-BKA", 1), genuine.Public.Fingerprint));
        Assert.Equal(PinCheck.Changed, pins.Check(KeyPins.GenerationSubject("DE-BKA", 1), substitute.Public.Fingerprint));
        Assert.Equal(pins.Format(), KeyPins.Parse(pins.Format()).Format());
    }

    // SHA-256(0x1B "referral-hub/v1/fingerprint" 0x13 "generation:DE-BKA:1" || key)[..20], computed
    // independently from the age specification's example recipient.
    private const string FrozenGenerationFingerprint = "F7BB 30A7 C668 E8B4 B1E7 ACA9 BD21 1936 2B11 04FF";
}
