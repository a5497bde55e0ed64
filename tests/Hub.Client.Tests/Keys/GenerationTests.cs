using Hub.Client.Crypto;
using Hub.Client.Keys;

namespace Hub.Client.Tests.Keys;

public sealed class GenerationTests
{
    [Fact]
    public void EveryMemberDeviceUnwrapsTheGenerationAndAnOutsiderCannot()
    {
        using var a = DeviceKey.Generate("a");
        using var b = DeviceKey.Generate("b");
        using var c = DeviceKey.Generate("c");
        using var outsider = DeviceKey.Generate("x");
        using var generation = AgencyGenerationSecret.Create("DE-BKA", 7);
        var wrapped = generation.WrapTo([a.PublicKeys, b.PublicKeys, c.PublicKeys]);

        foreach (var device in new[] { a, b, c })
        {
            using var unwrapped = AgencyGenerationSecret.Unwrap(wrapped, device);
            Assert.Equal(generation.Public.Fingerprint, unwrapped.Public.Fingerprint);
        }

        Assert.Equal(AgeErrorKind.NoMatchingRecipient, Assert.Throws<AgeException>(() => AgencyGenerationSecret.Unwrap(wrapped, outsider)).Kind);
    }

    [Fact]
    public void AGenerationServedUnderAnotherNumberFails()
    {
        using var device = DeviceKey.Generate("a");
        using var generation = AgencyGenerationSecret.Create("DE-BKA", 1);
        var wrapped = generation.WrapTo([device.PublicKeys]);

        var error = Assert.Throws<AgeException>(() => AgencyGenerationSecret.Unwrap(wrapped with { Generation = 2 }, device));

        Assert.Equal(AgeErrorKind.StatementMismatch, error.Kind);
    }

    [Fact]
    public async Task RevocationRotatesTheGenerationAwayFromTheRevokedDevice()
    {
        using var admin = DeviceKey.Generate("admin");
        using var member = DeviceKey.Generate("member");
        using var leaver = DeviceKey.Generate("leaver");
        var directory = new InMemoryKeyDirectory();
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        directory.Enrol(new EnrolmentStatement("DE-BKA", admin.PublicKeys, "admin", at).Sign(admin));
        directory.Enrol(new EnrolmentStatement("DE-BKA", member.PublicKeys, "admin", at).Sign(admin));
        directory.Enrol(new EnrolmentStatement("DE-BKA", leaver.PublicKeys, "admin", at).Sign(admin));
        using (var first = AgencyGenerationSecret.Create("DE-BKA", 1))
        {
            directory.PublishGeneration(first.WrapTo([admin.PublicKeys, member.PublicKeys, leaver.PublicKeys]));
        }

        directory.Revoke(DeviceRevocation.Create(admin, "DE-BKA", "leaver", 2, [admin.PublicKeys, member.PublicKeys], at.AddDays(1)));

        var current = (await directory.FindCurrentGenerationAsync("DE-BKA"))!;
        Assert.Equal(2u, current.Generation);
        var wrapped = directory.FindWrappedGeneration("DE-BKA", 2)!;
        using (var unwrapped = AgencyGenerationSecret.Unwrap(wrapped, member))
        {
            Assert.Equal(current.Fingerprint, unwrapped.Public.Fingerprint);
        }

        Assert.Equal(AgeErrorKind.NoMatchingRecipient, Assert.Throws<AgeException>(() => AgencyGenerationSecret.Unwrap(wrapped, leaver)).Kind);
        Assert.NotNull((await directory.FindDeviceAsync("DE-BKA", "leaver"))!.RevokedAt);
    }

    [Fact]
    public void ARevocationSignedByTheRevokedDeviceItselfIsMisuse()
    {
        using var leaver = DeviceKey.Generate("leaver");

        Assert.Throws<ArgumentException>(() => new RevocationStatement("DE-BKA", "leaver", "leaver", DateTimeOffset.UnixEpoch, 2).Sign(leaver));
    }
}
