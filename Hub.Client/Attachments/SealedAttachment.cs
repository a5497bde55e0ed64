// What sealing an attachment measured, in one pass: the plaintext's size and SHA-256 (the recipient's final check) and the
// sealed age file's (what the hub stores, and what the recipient checks before decrypting anything).
using Hub.Client.Content;

namespace Hub.Client.Attachments;

/// <summary>Sizes and SHA-256 digests (lower-case hex) of a sealed attachment's plaintext and of its sealed file.</summary>
/// <param name="PlainSize">Plaintext bytes.</param>
/// <param name="PlainSha256">SHA-256 of the plaintext.</param>
/// <param name="SealedSize">Bytes of the sealed age file.</param>
/// <param name="SealedSha256">SHA-256 of the sealed age file.</param>
public sealed record SealedAttachment(long PlainSize, string PlainSha256, long SealedSize, string SealedSha256)
{
    /// <summary>The reference to put in the referral content once the upload is complete.</summary>
    public AttachmentReference Reference(Guid attachmentId, string fileName, string mediaType) => new()
    {
        Id = attachmentId,
        FileName = fileName,
        MediaType = mediaType,
        Size = PlainSize,
        Sha256 = PlainSha256,
        SealedSize = SealedSize,
        SealedSha256 = SealedSha256,
    };
}
