// Seals an attachment as its own age v1 file (X25519 stanzas for the recipient agencies' generations, HMAC-SHA-256 header
// MAC, ChaCha20-Poly1305 STREAM in 64 KiB chunks) in constant memory, and measures both sides in the same pass:
// SHA-256 and size of the plaintext (for the recipient's final check) and of the sealed file (what the hub stores and
// the recipient checks before decrypting).
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Referrals;

namespace Hub.Client.Attachments;

internal static class AttachmentSealer
{
    /// <summary>Seals <paramref name="plaintext"/> (to its end) into <paramref name="output"/>.</summary>
    public static SealedAttachment Seal(Stream plaintext, Stream output, IReadOnlyList<IRecipient> recipients)
    {
        using var fileKey = FileKey.Generate();
        var header = EnvelopeHeader.Create(fileKey, recipients).ToArray();
        using var reading = new HashingReadStream(plaintext);
        using var writing = new HashingWriteStream(output);
        writing.Write(header);
        Payload.Encrypt(fileKey, reading, writing);
        return new SealedAttachment(reading.Count, Convert.ToHexStringLower(reading.Digest()), writing.Count, Convert.ToHexStringLower(writing.Digest()));
    }
}
