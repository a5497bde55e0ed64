using Hub.Client.Crypto;
using Hub.Client.Keys;

namespace Hub.Client.Tests.Keys;

public sealed class EnrolmentTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DeviceKey _admin = DeviceKey.Generate("admin");
    private readonly DeviceKey _device = DeviceKey.Generate("phone");
    private readonly InMemoryKeyDirectory _directory = new();

    public EnrolmentTests()
    {
        _directory.Enrol(new EnrolmentStatement("NL-HOTLINE", _admin.PublicKeys, "admin", At).Sign(_admin));
    }

    [Fact]
    public async Task AnEnrolmentSignedByAMemberIsAdmitted()
    {
        _directory.Enrol(new EnrolmentStatement("NL-HOTLINE", _device.PublicKeys, "admin", At.AddHours(1)).Sign(_admin));

        var record = await _directory.FindDeviceAsync("NL-HOTLINE", "phone");

        Assert.Equal(_device.PublicKeys.Fingerprint, record!.Keys.Fingerprint);
        Assert.True(record.MaySignAt(At.AddHours(2)));
        Assert.False(record.MaySignAt(At));
    }

    [Fact]
    public void AnEnrolmentSignedByANonMemberFails()
    {
        using var stranger = DeviceKey.Generate("stranger");

        var error = Assert.Throws<AgeException>(() => _directory.Enrol(new EnrolmentStatement("NL-HOTLINE", _device.PublicKeys, "stranger", At).Sign(stranger)));

        Assert.Equal(AgeErrorKind.SenderNotEnrolled, error.Kind);
    }

    [Fact]
    public void ASelfSignedEnrolmentIntoAnExistingAgencyFails()
    {
        var error = Assert.Throws<AgeException>(() => _directory.Enrol(new EnrolmentStatement("NL-HOTLINE", _device.PublicKeys, "phone", At).Sign(_device)));

        Assert.Equal(AgeErrorKind.SenderNotEnrolled, error.Kind);
    }

    [Fact]
    public void AnEnrolmentWithSwappedKeysFailsTheSignature()
    {
        using var attacker = DeviceKey.Generate("phone");
        var signed = new EnrolmentStatement("NL-HOTLINE", _device.PublicKeys, "admin", At).Sign(_admin);
        var swapped = new EnrolmentStatement("NL-HOTLINE", attacker.PublicKeys, "admin", At).Encode();

        var error = Assert.Throws<AgeException>(() => _directory.Enrol(signed with { Statement = swapped }));

        Assert.Equal(AgeErrorKind.BadSignature, error.Kind);
    }

    [Fact]
    public void TheStatementEncodingRoundTripsAndIsStrict()
    {
        var statement = new EnrolmentStatement("NL-HOTLINE", _device.PublicKeys, "admin", At);
        var encoded = statement.Encode();

        Assert.Equal(encoded, EnrolmentStatement.Parse(encoded).Encode());
        Assert.Equal(AgeErrorKind.MalformedStatement, Assert.Throws<AgeException>(() => EnrolmentStatement.Parse(encoded.AsSpan(0, encoded.Length - 1))).Kind);
        Assert.Equal(AgeErrorKind.MalformedStatement, Assert.Throws<AgeException>(() => EnrolmentStatement.Parse([.. encoded, 0])).Kind);
        Assert.Equal(AgeErrorKind.MalformedStatement, Assert.Throws<AgeException>(() => RevocationStatement.Parse(encoded)).Kind);
    }

    public void Dispose()
    {
        _admin.Dispose();
        _device.Dispose();
    }
}
