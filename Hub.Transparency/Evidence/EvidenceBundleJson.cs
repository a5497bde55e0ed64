using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Transparency.Evidence;

/// <summary>
/// The JSON form of <see cref="EvidenceBundle"/>: camelCase, every member required, unknown members and nulls refused,
/// so a bundle parses to exactly one value and nothing can ride along unverified.
/// </summary>
public static class EvidenceBundleJson
{
    /// <summary>Bundles larger than this are refused before parsing.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = true,
    };

    /// <summary>UTF-8 JSON of the bundle.</summary>
    public static byte[] Serialize(EvidenceBundle bundle) => JsonSerializer.SerializeToUtf8Bytes(bundle, Options);

    /// <summary>Parses a bundle strictly; false (with the reason) for anything that is not a complete v1 bundle.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out EvidenceBundle? bundle, out string problem)
    {
        bundle = null;
        if (utf8Json.Length > MaxBytes)
        {
            problem = $"the bundle is larger than {MaxBytes} bytes";
            return false;
        }

        try
        {
            bundle = JsonSerializer.Deserialize<EvidenceBundle>(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            problem = $"the bundle is not well-formed JSON of {EvidenceBundle.FormatV1}: {ex.Message}";
            return false;
        }

        if (bundle is null || !string.Equals(bundle.Format, EvidenceBundle.FormatV1, StringComparison.Ordinal))
        {
            problem = $"the bundle's format is not {EvidenceBundle.FormatV1}";
            bundle = null;
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
