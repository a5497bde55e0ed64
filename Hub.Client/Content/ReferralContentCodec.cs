// Bytes in and out of the sealed envelope. Encode refuses invalid content before anything is sealed;
// Decode refuses anything but well-formed, duplicate-free JSON of a supported schema and then applies
// the same rules, so sender and recipient agree on what a valid referral is.
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Hub.Client.Content;

/// <summary>Canonical UTF-8 JSON encoding of <see cref="ReferralContent"/>.</summary>
public static class ReferralContentCodec
{
    /// <summary>Validates <paramref name="content"/> and encodes it canonically (declared member order, then unknown members; no indentation).</summary>
    /// <exception cref="ReferralContentException">The content breaks a rule; every problem is listed.</exception>
    public static byte[] Encode(ReferralContent content, ContentContext context)
    {
        var problems = ReferralContentValidator.Validate(content, context);
        if (problems.Count > 0)
        {
            throw new ReferralContentException(problems);
        }

        return JsonSerializer.SerializeToUtf8Bytes(content, ContentJson.TypeInfo);
    }

    /// <summary>Parses and validates opened content.</summary>
    /// <exception cref="ReferralContentException">Malformed JSON, duplicate members, wrong types, an unsupported schema, or broken rules.</exception>
    public static ReferralContent Decode(ReadOnlySpan<byte> utf8Json, ContentContext context) =>
        TryDecode(utf8Json, context, out var content, out var problems) ? content : throw new ReferralContentException(problems);

    /// <summary>Parses and validates opened content; on failure, <paramref name="problems"/> says why.</summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> utf8Json, ContentContext context,
        [NotNullWhen(true)] out ReferralContent? content, out IReadOnlyList<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        content = null;
        problems = CheckEnvelope(utf8Json);
        if (problems.Count > 0)
        {
            return false;
        }

        try
        {
            content = JsonSerializer.Deserialize(utf8Json, ContentJson.TypeInfo)!;
        }
        catch (JsonException error)
        {
            problems = [new ContentProblem(error.Path ?? "$", error.Message)];
            return false;
        }

        problems = ReferralContentValidator.Validate(content, context);
        if (problems.Count > 0)
        {
            content = null;
            return false;
        }

        return true;
    }

    // Size, well-formedness, duplicates anywhere (unknown members included), and the schema version,
    // checked before binding: a v2 document must be refused as v2, not as a type error in some member.
    private static IReadOnlyList<ContentProblem> CheckEnvelope(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > ContentLimits.MaxEncodedBytes)
        {
            return [new ContentProblem("$", $"Is {utf8Json.Length} bytes; at most {ContentLimits.MaxEncodedBytes} are allowed.")];
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), ContentJson.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [new ContentProblem("$", "Must be a JSON object.")];
            }

            if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            {
                return [new ContentProblem("$.schema", "Is required, as a string such as \"" + ContentSchema.Current + "\".")];
            }

            return ContentSchema.Refusal(schema.GetString()) is { } refusal ? [new ContentProblem("$.schema", refusal)] : [];
        }
        catch (JsonException error)
        {
            return [new ContentProblem(error.Path ?? "$", error.Message)];
        }
    }
}
