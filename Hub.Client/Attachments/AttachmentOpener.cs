// Opening a downloaded attachment, in this order: (1) the whole sealed file is on local disk; (2) its size and SHA-256
// must equal the sealedSize / sealedSha256 of the reference in the opened, signature-verified referral, so these are
// exactly the bytes the sender sealed (a hub or co-recipient cannot substitute another file, not even one under the
// same file key); (3) only then is the age header opened and the payload decrypted chunk by chunk, each chunk released
// after its Poly1305 tag verified; (4) the plaintext's size and SHA-256 are checked at the end against the reference.
using System.Security.Cryptography;
using Hub.Client.Content;
using Hub.Client.Crypto;

namespace Hub.Client.Attachments;

internal static class AttachmentOpener
{
    public static async Task OpenAsync(Stream sealedFile, AttachmentReference reference, IReadOnlyList<IIdentity> keys, Stream output, CancellationToken ct)
    {
        if (reference.SealedSha256 is not { } sealedSha256 || reference.SealedSize is not { } sealedSize)
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The reference names no sealed digest; the attachment cannot be verified before decrypting.");
        }

        sealedFile.Position = 0;
        var (length, digest) = await AttachmentSealer.HashAsync(sealedFile, ct);
        if (length != sealedSize || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(digest), Convert.FromHexString(sealedSha256)))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The downloaded attachment does not match the sealed digest the referral names; nothing was decrypted.");
        }

        sealedFile.Position = 0;
        using var plaintext = Envelope.OpenRead(sealedFile, keys);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long written = 0;
        int read;
        while ((read = plaintext.Read(buffer)) > 0)
        {
            hash.AppendData(buffer.AsSpan(0, read));
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            written += read;
        }

        if (written != reference.Size || !CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), Convert.FromHexString(reference.Sha256)))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The decrypted attachment does not match the size and SHA-256 the referral names; discard what was written.");
        }
    }
}
