using System.Globalization;

namespace Hub.Transparency.Notes;

/// <summary>
/// The verifier key ("vkey") text form of signed-note: <c>name+hex8(key ID)+base64(type || public key)</c>.
/// </summary>
internal static class VerifierKeyText
{
    public static string Format(string name, uint keyId, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        byte[] typed = [signatureType, .. publicKey];
        return $"{name}+{keyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String(typed)}";
    }

    /// <summary>
    /// Parses a vkey of the expected type and public key size. Only the canonical form is accepted:
    /// lowercase 8-digit hex, canonical base64, and a key ID that matches the name and key.
    /// </summary>
    public static bool TryParse(string? text, byte signatureType, int publicKeySize, out string name, out uint keyId, out byte[] publicKey)
    {
        name = "";
        keyId = 0;
        publicKey = [];
        if (text is null)
        {
            return false;
        }
        int firstPlus = text.IndexOf('+', StringComparison.Ordinal);
        if (firstPlus <= 0 || text.Length < firstPlus + 10 || text[firstPlus + 9] != '+')
        {
            return false;
        }
        var candidateName = text[..firstPlus];
        var hex = text.AsSpan(firstPlus + 1, 8);
        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        if (!NoteKeyName.IsValid(candidateName)
            || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var candidateId)
            || !CanonicalBase64.TryDecode(text.AsSpan(firstPlus + 10), out var typed)
            || typed.Length != 1 + publicKeySize || typed[0] != signatureType
            || NoteKeyId.Compute(candidateName, signatureType, typed.AsSpan(1)) != candidateId)
        {
            return false;
        }
        name = candidateName;
        keyId = candidateId;
        publicKey = typed[1..];
        return true;
    }
}
