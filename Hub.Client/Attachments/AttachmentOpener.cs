// Opening a downloaded attachment, in this order: (1) the whole sealed file is on local disk; (2) its size and SHA-256
// must equal the sealedSize / sealedSha256 of the reference in the opened, signature-verified referral, so these are
// exactly the bytes the sender sealed (a hub or co-recipient cannot substitute another file, not even one under the
// same file key); (3) only then is the age header opened and the payload decrypted chunk by chunk, each chunk released
// after its Poly1305 tag verified; (4) the plaintext's size and SHA-256 are checked at the end against the reference.
// An agency added by a forward is not in the file's own header: it takes the file key from the header the forwarder
// re-wrapped for it (whose digest the caller checked against the forwarder's signature), and that key must verify the
// MAC of the file's own header (HMAC-SHA-256 under HKDF(file key, "header")) before the payload is decrypted with it.
// The MAC check ties the key to this file: a key from any other header, even one the forwarder signed, fails it.
using System.Security.Cryptography;
using Hub.Client.Content;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Attachments;

internal static class AttachmentOpener
{
    /// <param name="sealedFile">The whole downloaded sealed file.</param>
    /// <param name="sealedLength">Its length, measured while it was downloaded.</param>
    /// <param name="sealedDigest">Its SHA-256, computed while it was downloaded (so the file is not read an extra time).</param>
    /// <param name="keyHeader">For an agency added by a forward: the re-wrapped header to take the file key from (digest already checked); else null.</param>
    public static async Task OpenAsync(
        Stream sealedFile, long sealedLength, byte[] sealedDigest, AttachmentReference reference, IReadOnlyList<IIdentity> keys, Stream output, byte[]? keyHeader, CancellationToken ct)
    {
        if (reference.SealedSha256 is not { } sealedSha256 || reference.SealedSize is not { } sealedSize)
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The reference names no sealed digest; the attachment cannot be verified before decrypting.");
        }

        if (sealedLength != sealedSize || !CryptographicOperations.FixedTimeEquals(sealedDigest, Convert.FromHexString(sealedSha256)))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The downloaded attachment does not match the sealed digest the referral names; nothing was decrypted.");
        }

        sealedFile.Position = 0;
        using var plaintext = keyHeader is null ? Envelope.OpenRead(sealedFile, keys) : OpenWithKeyFrom(keyHeader, sealedFile, keys);
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

    // The file key from keyHeader (whose own MAC Unwrap verifies), checked against the sealed file's header MAC, then the
    // sealed file's payload (its nonce and chunks) decrypted under it: "header A's file key, file B's payload" only when
    // B's header vouches for that key.
    private static Stream OpenWithKeyFrom(byte[] keyHeader, Stream sealedFile, IReadOnlyList<IIdentity> keys)
    {
        var own = EnvelopeHeader.Read(sealedFile);
        using var fileKey = EnvelopeHeader.Parse(keyHeader).Unwrap(keys);
        if (!own.VerifyMac(fileKey))
        {
            throw new AgeException(AgeErrorKind.StatementMismatch, "The re-wrapped header holds another file key than the attachment's own header; nothing was decrypted.");
        }

        return Payload.OpenRead(fileKey, sealedFile);
    }
}
