// Three synthetic agencies, each with an admin device (and the hotline with a second device),
// enrolled in a verifying in-memory directory, with generation 1 wrapped to their devices.
using Hub.Client.Keys;
using Hub.Client.Referrals;

namespace Hub.Client.Tests.Referrals;

internal sealed class ReferralWorld : IDisposable
{
    public const string Hotline = "NL-HOTLINE";
    public const string Police = "DE-BKA";
    public const string Liaison = "INT-LIAISON";
    public const string Outsider = "FR-OFMIN";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid CaseId = new("6f1c2a56-0d7e-4c1b-9d55-0f3a7b2d9e41");
    public static readonly Guid MessageId = new("b2e4d8a1-3c5f-47e9-8a61-2d9c0e7f4b13");

    private readonly Dictionary<string, AgencyGenerationSecret> _generations = [];

    public ReferralWorld()
    {
        foreach (var agency in new[] { Hotline, Police, Liaison, Outsider })
        {
            var admin = DeviceKey.Generate($"{agency}-admin");
            Devices[agency] = admin;
            Directory.Enrol(new EnrolmentStatement(agency, admin.PublicKeys, admin.DeviceId, Start).Sign(admin));
        }

        SecondHotlineDevice = DeviceKey.Generate("NL-HOTLINE-analyst");
        Directory.Enrol(new EnrolmentStatement(Hotline, SecondHotlineDevice.PublicKeys, Devices[Hotline].DeviceId, Start.AddMinutes(1)).Sign(Devices[Hotline]));

        foreach (var (agency, admin) in Devices)
        {
            using var generation = AgencyGenerationSecret.Create(agency, 1);
            IReadOnlyList<DevicePublicKeys> members = agency == Hotline ? [admin.PublicKeys, SecondHotlineDevice.PublicKeys] : [admin.PublicKeys];
            Directory.PublishGeneration(generation.WrapTo(members));
            _generations[agency] = AgencyGenerationSecret.Unwrap(Directory.FindWrappedGeneration(agency, 1)!, admin);
        }
    }

    public InMemoryKeyDirectory Directory { get; } = new();

    public Dictionary<string, DeviceKey> Devices { get; } = [];

    public DeviceKey SecondHotlineDevice { get; }

    public ReferralSender Sender => new(Hotline, Devices[Hotline]);

    public AgencyGenerationKey Public(string agency) => Generation(agency).Public;

    public AgencyGenerationSecret Generation(string agency) => _generations[agency];

    public IReadOnlyList<AgencyGenerationSecret> Keys(string agency) => [Generation(agency)];

    public SealedReferral Seal(byte[] plaintext, ReferralSender? sender = null, Guid? caseId = null, string[]? codes = null) =>
        Referral.Seal(plaintext, caseId ?? CaseId, MessageId, sender ?? Sender,
            [Public(Liaison), Public(Hotline), Public(Police)], codes ?? [HandlingCodes.TlpAmber, HandlingCodes.H2], Start.AddHours(1));

    public Task<OpenedReferral> OpenAsync(SealedReferral referral, string agency = Police, Guid? caseId = null) =>
        Referral.OpenAsync(referral, caseId ?? CaseId, MessageId, Directory, Keys(agency));

    public void Dispose()
    {
        foreach (var key in Devices.Values)
        {
            key.Dispose();
        }

        foreach (var generation in _generations.Values)
        {
            generation.Dispose();
        }

        SecondHotlineDevice.Dispose();
    }
}
