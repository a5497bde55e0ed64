// Synthetic content for tests, demos and the load simulation. Everything is made up and points
// nowhere: hosts under the reserved .example and .test domains (RFC 2606), documentation address
// ranges (RFC 5737, RFC 3849) and AS numbers (RFC 5398), random hex in place of every hash, and
// Bogus lorem for text. The same seed always gives the same content, so encodings are reproducible.
using System.Net;
using Bogus;

namespace Hub.Client.Content;

/// <summary>Deterministic synthetic referral content.</summary>
public static class SyntheticContent
{
    /// <summary>The instant generated report times count from.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Ipv4Prefixes = ["192.0.2.", "198.51.100.", "203.0.113."];
    private static readonly string[] Countries = ["NL", "BE", "DE", "FR", "SE", "PL", "IE", "CA", "US"];
    private static readonly string[] TopLevelDomains = ["example", "test"];
    private static readonly (string MediaType, string Extension)[] AttachmentTypes =
        [("image/png", "png"), ("image/jpeg", "jpg"), ("application/pdf", "pdf"), ("text/plain", "txt")];

    /// <summary>A referral with <paramref name="itemCount"/> items; urgent referrals carry an escalation reason.</summary>
    public static ReferralContent CreateReferral(int seed, int itemCount = 3, CasePriority priority = CasePriority.Normal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(itemCount, ContentLimits.MaxItems);
        var faker = Seeded(seed);
        return new ReferralContent
        {
            Kind = ReferralContentKind.Referral,
            Source = faker.PickRandom<ReportSource>(),
            ReportedAt = Epoch.AddSeconds(faker.Random.Int(0, 30 * 24 * 3600)),
            Items = [.. Enumerable.Range(0, itemCount).Select(_ => Item(faker))],
            EscalationReason = priority == CasePriority.Urgent ? faker.Lorem.Sentence() : null,
            Notes = faker.Lorem.Paragraph(),
            Attachments = [.. Enumerable.Range(0, faker.Random.Int(0, 2)).Select(_ => Attachment(faker))],
        };
    }

    /// <summary>A reply to message <paramref name="inReplyTo"/>, with notes and possibly an attachment.</summary>
    public static ReferralContent CreateReply(int seed, Guid inReplyTo)
    {
        var faker = Seeded(seed);
        return new ReferralContent
        {
            Kind = ReferralContentKind.Reply,
            InReplyTo = inReplyTo,
            Notes = faker.Lorem.Paragraph(),
            Attachments = [.. Enumerable.Range(0, faker.Random.Int(0, 1)).Select(_ => Attachment(faker))],
        };
    }

    /// <summary>An information request about message <paramref name="inReplyTo"/>.</summary>
    public static ReferralContent CreateInformationRequest(int seed, Guid inReplyTo)
    {
        var faker = Seeded(seed);
        return new ReferralContent
        {
            Kind = ReferralContentKind.InformationRequest,
            InReplyTo = inReplyTo,
            Notes = faker.Lorem.Sentence(),
            RequestedInformation = [.. faker.Lorem.Sentences(faker.Random.Int(1, 3), "\n").Split('\n')],
        };
    }

    private static Faker Seeded(int seed) => new("en") { Random = new Randomizer(seed) };

    private static ReferralItem Item(Faker faker) => new()
    {
        Url = $"https://{Host(faker)}/{faker.Lorem.Word()}/{Hex(faker, 4)}.html",
        Hashes = new ContentHashes
        {
            Sha256 = Hex(faker, 32),
            Md5 = faker.Random.Bool() ? Hex(faker, 16) : null,
            Sha1 = faker.Random.Bool() ? Hex(faker, 20) : null,
            Perceptual = faker.Random.Bool(0.3f) ? new PerceptualHash { Algorithm = "pdq", Value = Hex(faker, 32) } : null,
        },
        Classification = faker.Random.WeightedRandom([Classification.Baseline, Classification.NationallyIllegal, Classification.NotIllegal], [0.7f, 0.2f, 0.1f]),
        Hosting = new HostingTrace
        {
            Ip = faker.Random.Bool(0.75f) ? faker.PickRandom(Ipv4Prefixes) + faker.Random.Int(1, 254) : Ipv6(faker),
            Asn = $"AS{faker.Random.Int(64496, 64511)}",
            Provider = faker.Company.CompanyName(),
            Country = faker.PickRandom(Countries),
        },
    };

    private static AttachmentReference Attachment(Faker faker)
    {
        var (mediaType, extension) = faker.PickRandom(AttachmentTypes);
        return new AttachmentReference
        {
            Id = faker.Random.Guid(),
            FileName = $"{faker.Lorem.Word()}-{faker.Random.Int(1, 999)}.{extension}",
            MediaType = mediaType,
            Size = faker.Random.Long(1_000, 5_000_000),
            Sha256 = Hex(faker, 32),
        };
    }

    // Lorem words are plain lower-case ASCII, so the host is always a valid name under a reserved TLD.
    private static string Host(Faker faker) => $"{faker.Lorem.Word()}-{faker.Random.Int(100, 999)}.{faker.PickRandom(TopLevelDomains)}";

    // 2001:db8::/32, formatted by IPAddress so that it is in canonical form.
    private static string Ipv6(Faker faker) => new IPAddress([0x20, 0x01, 0x0d, 0xb8, .. faker.Random.Bytes(12)]).ToString();

    private static string Hex(Faker faker, int bytes) => Convert.ToHexStringLower(faker.Random.Bytes(bytes));
}
