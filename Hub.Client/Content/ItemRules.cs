// Rules for items: URL, hashes, classification, hosting.
namespace Hub.Client.Content;

internal static class ItemRules
{
    public static void CheckAll(ProblemList problems, IReadOnlyList<ReferralItem>? items, bool isReferral)
    {
        items ??= [];
        if (isReferral && items.Count == 0)
        {
            problems.Add("$.items", "A referral must have at least one item.");
        }
        else if (items.Count > ContentLimits.MaxItems)
        {
            problems.Add("$.items", $"Has {items.Count} items; at most {ContentLimits.MaxItems} are allowed.");
            return;   // Do not report thousands of item problems for a document refused anyway.
        }

        for (var i = 0; i < items.Count; i++)
        {
            Check(problems, $"$.items[{i}]", items[i]);
        }
    }

    private static void Check(ProblemList problems, string path, ReferralItem? item)
    {
        if (item is null)
        {
            problems.Add(path, "Must be an object, not null.");
            return;
        }

        CheckUrl(problems, $"{path}.url", item.Url);
        CheckHashes(problems, $"{path}.hashes", item.Hashes);
        problems.Defined($"{path}.classification", item.Classification);
        if (item.Hosting is { } hosting)
        {
            HostingRules.Check(problems, $"{path}.hosting", hosting);
        }
    }

    private static void CheckUrl(ProblemList problems, string path, string? url)
    {
        if (url is null)
        {
            problems.Add(path, "Is required.");
        }
        else if (url.Length > ContentLimits.MaxUrlLength)
        {
            problems.Add(path, $"Is {url.Length} characters long; at most {ContentLimits.MaxUrlLength} are allowed.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add(path, "Must be an absolute http or https URL.");
        }
        else if (uri.Host.Length == 0 || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            problems.Add(path, "Must have a host and no spaces or control characters.");
        }
    }

    private static void CheckHashes(ProblemList problems, string path, ContentHashes? hashes)
    {
        if (hashes is null)
        {
            problems.Add(path, "Is required.");
            return;
        }

        problems.Required($"{path}.sha256", hashes.Sha256);
        problems.Sha256($"{path}.sha256", hashes.Sha256);
        problems.Hex($"{path}.md5", hashes.Md5, 32, "MD5");
        problems.Hex($"{path}.sha1", hashes.Sha1, 40, "SHA-1");
        if (hashes.Perceptual is { } perceptual)
        {
            CheckPerceptual(problems, $"{path}.perceptual", perceptual);
        }
    }

    private static void CheckPerceptual(ProblemList problems, string path, PerceptualHash perceptual)
    {
        if (perceptual.Algorithm is null || !ContentPatterns.AlgorithmId().IsMatch(perceptual.Algorithm))
        {
            problems.Add($"{path}.algorithm", "Must be a lower-case algorithm id (letters, digits, '-'), such as \"pdq\".");
        }

        var value = perceptual.Value;
        if (value is null || value.Length == 0 || value.Length > ContentLimits.MaxPerceptualValueLength
            || !value.All(c => c is > ' ' and <= '~'))
        {
            problems.Add($"{path}.value", $"Must be 1 to {ContentLimits.MaxPerceptualValueLength} printable ASCII characters without spaces.");
        }
    }
}
