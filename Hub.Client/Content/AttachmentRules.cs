// Rules for attachment references. The file name is shown to users and may become a local file
// name on save, so directory parts and control characters are refused here, not at save time.
namespace Hub.Client.Content;

internal static class AttachmentRules
{
    public static void CheckAll(ProblemList problems, IReadOnlyList<AttachmentReference>? attachments)
    {
        attachments ??= [];
        if (attachments.Count > ContentLimits.MaxAttachments)
        {
            problems.Add("$.attachments", $"Has {attachments.Count} attachments; at most {ContentLimits.MaxAttachments} are allowed.");
            return;
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < attachments.Count; i++)
        {
            var path = $"$.attachments[{i}]";
            if (attachments[i] is not { } attachment)
            {
                problems.Add(path, "Must be an object, not null.");
                continue;
            }

            if (attachment.Id == Guid.Empty)
            {
                problems.Add($"{path}.id", "Must be an attachment id on the hub, not the empty id.");
            }
            else if (!seen.Add(attachment.Id))
            {
                problems.Add($"{path}.id", "Refers to the same attachment as an earlier entry.");
            }

            CheckFileName(problems, $"{path}.fileName", attachment.FileName);
            if (attachment.MediaType is null || !ContentPatterns.MediaType().IsMatch(attachment.MediaType))
            {
                problems.Add($"{path}.mediaType", "Must be a lower-case media type without parameters, such as \"image/png\".");
            }

            if (attachment.Size < 0)
            {
                problems.Add($"{path}.size", "Must not be negative.");
            }

            problems.Required($"{path}.sha256", attachment.Sha256);
            problems.Sha256($"{path}.sha256", attachment.Sha256);
            if (attachment.SealedSize is <= 0)
            {
                problems.Add($"{path}.sealedSize", "Must be positive: a sealed attachment is never empty.");
            }

            if ((attachment.SealedSize is null) != (attachment.SealedSha256 is null))
            {
                problems.Add($"{path}.sealedSha256", "sealedSize and sealedSha256 come together or not at all.");
            }

            problems.Sha256($"{path}.sealedSha256", attachment.SealedSha256);
        }
    }

    private static void CheckFileName(ProblemList problems, string path, string? fileName)
    {
        problems.Required(path, fileName);
        problems.Text(path, fileName, ContentLimits.MaxFileNameLength);
        if (fileName is not null && (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or ".."))
        {
            problems.Add(path, "Must be a file name without directory parts.");
        }
    }
}
